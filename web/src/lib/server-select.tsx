import { useQuery } from '@apollo/client/react';
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
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
};

/** A searchable Select whose options are what the server answered for the typed text (debounced). */
function ServerSelect({ value, onChange, options, selected, loading, onSearch, ...rest }: PickerProps & {
  options: Option[];
  selected: Option | null;
  loading: boolean;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const data = selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options;
  return (
    <Select
      {...rest}
      searchable
      value={value}
      onChange={onChange}
      data={data}
      searchValue={text}
      onSearchChange={(s) => {
        setText(s);
        // The chosen option's label fills the box: that is not a new search.
        onSearch(s === selected?.label ? '' : s);
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
