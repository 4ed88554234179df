import { useQuery } from '@apollo/client/react';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { OrganizationType } from '../gql/graphql';

/** Options a picker asks the server for at a time: enough to choose from, never the whole table. */
export const OPTION_PAGE = 20;
const DEBOUNCE_MS = 300;

const ORGANIZATION_OPTIONS = graphql(`
  query OrganizationOptions($filter: OrganizationFilter, $first: Int) {
    organizations(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
  }
`);

const ORGANIZATION_OPTION = graphql(`
  query OrganizationOption($id: ID!) {
    organization(id: $id) {
      id
      name
      shortName
    }
  }
`);

const PROGRAM_OPTIONS = graphql(`
  query ProgramOptions($filter: ProgramFilter, $first: Int) {
    programs(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const PROGRAM_OPTION = graphql(`
  query ProgramOption($id: ID!) {
    program(id: $id) {
      id
      name
    }
  }
`);

export const organizationLabel = (o: { name: string; shortName?: string | null }) => (o.shortName ? `${o.name} (${o.shortName})` : o.name);

type Option = { value: string; label: string };
type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** A form's field ref, so that a server error can focus the picker. */
  ref?: Ref<HTMLInputElement>;
};

/** The organisation types a household may be referred to. */
export const PARTNER_TYPES: OrganizationType[] = ['NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'];

/** A searchable Select whose options are what the server answered for the typed text (debounced). */
function ServerSelect({ value, onChange, options, selected, loading, onSearch, ...rest }: PickerProps & {
  options: Option[];
  /** The chosen option as the server names it (asked for by id: it may be on no page of results). */
  selected: Option | null;
  loading: boolean;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // The option just clicked, until the server has named the value.
  const [clicked, setClicked] = useState<Option | null>(null);
  const known = selected ?? (clicked && clicked.value === value ? clicked : null);
  const data = known && !options.some((o) => o.value === known.value) ? [known, ...options] : options;
  return (
    <Select
      {...rest}
      searchable
      value={value}
      onChange={(v) => {
        setClicked(data.find((o) => o.value === v) ?? null);
        onChange(v);
      }}
      data={data}
      searchValue={text}
      onSearchChange={(s) => {
        setText(s);
        // An option's label fills the box when it is chosen: that is not a new search.
        onSearch(data.some((o) => o.label === s) ? '' : s);
      }}
      // The server already filtered: show its answer as it is.
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('common.loading') : t('picker.noMatches')}
      rightSection={loading ? <Loader size="xs" /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Organisations (optionally of some types), searched on the server by name or short name. */
export function OrganizationSelect({ types, ...props }: PickerProps & { types?: OrganizationType[] }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const list = useQuery(ORGANIZATION_OPTIONS, {
    variables: { filter: { ...(types ? { type: types } : {}), ...(debounced ? { search: debounced } : {}) }, first: OPTION_PAGE },
  });
  const one = useQuery(ORGANIZATION_OPTION, { variables: { id: props.value ?? '' }, skip: !props.value });
  const options = (list.data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: organizationLabel(node) }));
  const picked = one.data?.organization;
  return (
    <ServerSelect
      {...props}
      options={options}
      selected={picked && picked.id === props.value ? { value: picked.id, label: organizationLabel(picked) } : null}
      loading={list.loading}
      onSearch={setSearch}
    />
  );
}

/** Programs, searched on the server by their name or their owner's. */
export function ProgramSelect(props: PickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const list = useQuery(PROGRAM_OPTIONS, { variables: { filter: debounced ? { search: debounced } : {}, first: OPTION_PAGE } });
  const one = useQuery(PROGRAM_OPTION, { variables: { id: props.value ?? '' }, skip: !props.value });
  const options = (list.data?.programs.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
  const picked = one.data?.program;
  return (
    <ServerSelect
      {...props}
      options={options}
      selected={picked && picked.id === props.value ? { value: picked.id, label: picked.name } : null}
      loading={list.loading}
      onSearch={setSearch}
    />
  );
}
