import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { Role, UserFilter, UserItemFragment } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { PasswordShownOnce } from './password-shown-once';
import { ResetPasswordView } from './reset-password';
import { ROLES, UserFormView, type UserSubmitValues } from './user-form';
import { OrganizationSelect } from '../../lib/server-select';

export const USER_ITEM = graphql(`
  fragment UserItem on User {
    id
    username
    displayName
    role
    active
    lastLoginAt
    organization {
      id
      name
      shortName
    }
    area {
      id
      code
      name
    }
  }
`);

const USERS = graphql(`
  query UsersAdmin($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...UserItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const USER_OPTIONS = graphql(`
  query UserFormOptions {
    areas {
      id
      code
      name
      level
      parent {
        id
        code
      }
    }
  }
`);

const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserItem
    }
  }
`);

const UPDATE_USER = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...UserItem
    }
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($userId: ID!, $newPassword: String!) {
    resetPassword(userId: $userId, newPassword: $newPassword)
  }
`);

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserItemFragment } | { kind: 'reset'; user: UserItemFragment };

function UserFormContainer({ user, onDone }: { user?: UserItemFragment; onDone: () => void }) {
  const me = useUser();
  const options = useQuery(USER_OPTIONS, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CREATE_USER, { refetchQueries: ['UsersAdmin'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_USER, { refetchQueries: ['UsersAdmin'] });
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);

  if (created) return <PasswordShownOnce username={created.username} password={created.password} onDone={onDone} />;
  if (options.loading && !options.data) return <Loading />;
  if (options.error && !options.data) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const areas = (options.data?.areas ?? []).map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level, parentCode: a.parent?.code }));

  async function submit(values: UserSubmitValues) {
    if ('password' in values) {
      await create({ variables: { input: values } });
      // The administrator passes the initial password on; it is not shown again.
      setCreated({ username: values.username, password: values.password });
    } else if (user) {
      await update({ variables: { input: { id: user.id, ...values } } });
      onDone();
    }
  }

  return (
    <UserFormView
      user={user ? { username: user.username, displayName: user.displayName, organizationId: user.organization.id, role: user.role, areaId: user.area?.id ?? null, active: user.active } : undefined}
      areas={areas}
      self={user?.id === me.id}
      submit={submit}
      onCancel={onDone}
    />
  );
}

function ResetPasswordContainer({ user, onDone }: { user: UserItemFragment; onDone: () => void }) {
  const [reset] = useMutation(RESET_PASSWORD);
  return <ResetPasswordView username={user.username} submit={(newPassword) => reset({ variables: { userId: user.id, newPassword } })} onClose={onDone} />;
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Badge size="sm" variant="filled" color={active ? 'teal.9' : 'gray.7'} miw="max-content">{active ? t('users.activeYes') : t('users.activeNo')}</Badge>;
}

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useUser();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [active, setActive] = useState<'yes' | 'no' | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Mirrors the server's `user.manage`; the server answers FORBIDDEN to anyone else.
  const admin = me.role === 'ADMIN';
  const filter: UserFilter = {
    ...(query ? { search: query } : {}),
    ...(role ? { role: [role] } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(active ? { active: active === 'yes' } : {}),
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(USERS, { variables: { filter, first: 50 }, notifyOnNetworkStatusChange: true, skip: !admin });
  const conn = data?.users;
  const rows = conn?.edges.map((e) => e.node) ?? [];

  if (!admin) return <Alert color="red" role="alert">{t('common.forbidden')}</Alert>;

  function loadMore() {
    if (!conn) return;
    void fetchMore({
      variables: { after: conn.pageInfo.endCursor },
      // `users` has no cache merge policy: append the page here.
      updateQuery: (prev, { fetchMoreResult }) => ({
        users: { ...fetchMoreResult.users, edges: [...prev.users.edges, ...fetchMoreResult.users.edges] },
      }),
    });
  }

  const actions = (u: UserItemFragment) => (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={t('users.editNamed', { username: u.username })}>{t('users.edit')}</Button>
      <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'reset', user: u })} aria-label={t('users.resetNamed', { username: u.username })}>{t('users.reset')}</Button>
    </Group>
  );
  const scope = (u: UserItemFragment) => (u.area ? u.area.name : '—');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('users.title')}</Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.new')}</Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput type="search" label={t('users.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label={t('users.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={(v) => setRole(v as Role | null)} clearable placeholder={t('common.all')} />
        <OrganizationSelect label={t('users.organization')} value={organizationId} onChange={setOrganizationId} clearable placeholder={t('common.all')} />
        <Select
          label={t('users.status')}
          data={[{ value: 'yes', label: t('users.activeYes') }, { value: 'no', label: t('users.activeNo') }]}
          value={active}
          onChange={(v) => setActive(v as 'yes' | 'no' | null)}
          clearable
          placeholder={t('common.all')}
        />
      </SimpleGrid>

      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && <Text size="sm" c="dimmed" aria-live="polite">{t('users.count', { value: fmt.number(conn.totalCount) })}</Text>}
      {loading && !conn && <Loading />}
      {conn && rows.length === 0 && <Empty>{t('users.empty')}</Empty>}
      {rows.length > 0 && (isPhone ? (
        <Stack gap="xs">
          {rows.map((u) => (
            <Card key={u.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600}>{u.displayName}</Text>
                  <Text size="sm" ff="monospace">{u.username}</Text>
                </div>
                <ActiveBadge active={u.active} />
              </Group>
              <Text size="sm">{t(`roles.${u.role}`)} · {u.organization.shortName ?? u.organization.name}</Text>
              {u.area && <Text size="sm">{t('users.area')}: {u.area.name}</Text>}
              <Text size="xs" c="dimmed">{t('users.lastLogin')}: {fmt.dateTime(u.lastLoginAt)}</Text>
              <Group mt="xs" justify="flex-start">{actions(u)}</Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.organization')}</Table.Th>
                <Table.Th>{t('users.area')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('users.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td ff="monospace">{u.username}</Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{u.organization.shortName ?? u.organization.name}</Table.Td>
                  <Table.Td>{scope(u)}</Table.Td>
                  <Table.Td><ActiveBadge active={u.active} /></Table.Td>
                  <Table.Td>{fmt.dateTime(u.lastLoginAt)}</Table.Td>
                  <Table.Td>{actions(u)}</Table.Td>
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
        opened={dialog !== null}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'create' ? t('users.createTitle') : dialog?.kind === 'edit' ? t('users.editTitle') : t('users.resetTitle')}
        size="lg"
        fullScreen={isPhone}
        // A password on screen is dismissed deliberately, not by a stray click outside.
        closeOnClickOutside={false}
      >
        {dialog?.kind === 'create' && <UserFormContainer onDone={() => setDialog(null)} />}
        {dialog?.kind === 'edit' && <UserFormContainer user={dialog.user} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'reset' && <ResetPasswordContainer user={dialog.user} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
