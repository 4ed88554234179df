import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { OrganizationFilter, OrganizationItemFragment, OrganizationType } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { ORGANIZATION_TYPES, OrganizationFormView, type OrganizationValues } from './organization-form';
import { evictRootFields } from '../../app/apollo';

export const ORGANIZATION_ITEM = graphql(`
  fragment OrganizationItem on Organization {
    id
    name
    shortName
    type
    contactEmail
    contactPhone
    address
    updatedAt
  }
`);

const ORGANIZATIONS = graphql(`
  query OrganizationsAdmin($filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...OrganizationItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CREATE_ORGANIZATION = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationItem
    }
  }
`);

const UPDATE_ORGANIZATION = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      ...OrganizationItem
    }
  }
`);

function OrganizationFormContainer({ organization, onDone, onCancel }: { organization?: OrganizationItemFragment; onDone: () => void; onCancel: () => void }) {
  const [create] = useMutation(CREATE_ORGANIZATION, { update: evictRootFields('organizations'), refetchQueries: ['OrganizationsAdmin'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_ORGANIZATION);
  async function submit(values: OrganizationValues) {
    if (organization) await update({ variables: { input: { id: organization.id, ...values } } });
    else await create({ variables: { input: values } });
    onDone();
  }
  return (
    <OrganizationFormView
      organization={organization ? { ...organization, shortName: organization.shortName ?? null, contactEmail: organization.contactEmail ?? null, contactPhone: organization.contactPhone ?? null, address: organization.address ?? null } : undefined}
      submit={submit}
      onCancel={onCancel}
    />
  );
}

function Contact({ o }: { o: OrganizationItemFragment }) {
  const parts = [o.contactEmail, o.contactPhone].filter(Boolean);
  return parts.length ? <Text size="sm">{parts.join(' · ')}</Text> : <Text size="sm" c="dimmed">—</Text>;
}

export function OrganizationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const isPhone = useMediaQuery('(max-width: 48em)');
  // Mirrors the server's `organization.manage`: other roles see the list only.
  const admin = user.role === 'ADMIN';
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [type, setType] = useState<OrganizationType | null>(null);
  const [editing, setEditing] = useState<OrganizationItemFragment | null | undefined>(undefined);
  const filter: OrganizationFilter = { ...(query ? { search: query } : {}), ...(type ? { type: [type] } : {}) };
  const { data, loading, error, fetchMore, refetch } = useQuery(ORGANIZATIONS, { variables: { filter, first: 50 }, notifyOnNetworkStatusChange: true });
  const conn = data?.organizations;
  const rows = conn?.edges.map((e) => e.node) ?? [];

  function loadMore() {
    if (!conn) return;
    void fetchMore({
      variables: { after: conn.pageInfo.endCursor },
      // `organizations` has no cache merge policy: append the page here.
      updateQuery: (prev, { fetchMoreResult }) => ({
        organizations: { ...fetchMoreResult.organizations, edges: [...prev.organizations.edges, ...fetchMoreResult.organizations.edges] },
      }),
    });
  }

  const editButton = (o: OrganizationItemFragment) =>
    admin && (
      <Button size="xs" variant="light" onClick={() => setEditing(o)} aria-label={t('organizations.editNamed', { name: o.name })}>
        {t('organizations.edit')}
      </Button>
    );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('organizations.title')}</Title>
        {admin && <Button onClick={() => setEditing(null)}>{t('organizations.new')}</Button>}
      </Group>
      {!admin && <Alert color="gray">{t('organizations.readOnly')}</Alert>}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="search" label={t('organizations.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label={t('organizations.type')}
          data={ORGANIZATION_TYPES.map((v) => ({ value: v, label: t(`organizations.types.${v}`) }))}
          value={type}
          onChange={(v) => setType(v as OrganizationType | null)}
          clearable
          placeholder={t('common.all')}
        />
      </SimpleGrid>

      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && <Text size="sm" c="dimmed" aria-live="polite">{t('organizations.count', { value: fmt.number(conn.totalCount) })}</Text>}
      {loading && !conn && <Loading />}
      {conn && rows.length === 0 && <Empty>{t('organizations.empty')}</Empty>}
      {rows.length > 0 && (isPhone ? (
        <Stack gap="xs">
          {rows.map((o) => (
            <Card key={o.id} withBorder padding="sm">
              <Text fw={600}>{o.name}{o.shortName ? ` (${o.shortName})` : ''}</Text>
              <Badge size="sm" variant="light" my={4}>{t(`organizations.types.${o.type}`)}</Badge>
              <Contact o={o} />
              {o.address && <Text size="sm" c="dimmed">{o.address}</Text>}
              <Group mt="xs">{editButton(o)}</Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organizations.name')}</Table.Th>
                <Table.Th>{t('organizations.shortName')}</Table.Th>
                <Table.Th>{t('organizations.type')}</Table.Th>
                <Table.Th>{t('organizations.contact')}</Table.Th>
                {admin && <Table.Th><VisuallyHidden>{t('organizations.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>{o.shortName ?? '—'}</Table.Td>
                  <Table.Td>{t(`organizations.types.${o.type}`)}</Table.Td>
                  <Table.Td><Contact o={o} /></Table.Td>
                  {admin && <Table.Td ta="right">{editButton(o)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={loadMore} style={{ alignSelf: 'center' }}>{t('common.loadMore')}</Button>
      )}
      <Modal
        opened={editing !== undefined}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        onClose={() => setEditing(undefined)}
        title={editing ? t('organizations.editTitle') : t('organizations.createTitle')}
        size="lg"
        fullScreen={isPhone}
      >
        {editing !== undefined && (
          <OrganizationFormContainer organization={editing ?? undefined} onDone={() => setEditing(undefined)} onCancel={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
  );
}
