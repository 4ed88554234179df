import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ApiTokenItemFragment } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { CreateTokenView, type CreateTokenInput } from './create-token-form';

export const API_TOKEN_ITEM = graphql(`
  fragment ApiTokenItem on ApiToken {
    id
    name
    tokenPrefix
    readOnly
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

const MY_API_TOKENS = graphql(`
  query MyApiTokens {
    myApiTokens {
      ...ApiTokenItem
    }
  }
`);

const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenItem
      }
    }
  }
`);

const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenItem
    }
  }
`);

type TokenState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';
// Filled dark shades: light badges fail WCAG contrast for small text.
const STATE_COLOR: Record<TokenState, string> = { ACTIVE: 'teal.9', EXPIRED: 'gray.7', REVOKED: 'red.9' };

function tokenState(token: ApiTokenItemFragment, now: number): TokenState {
  if (token.revokedAt) return 'REVOKED';
  if (new Date(token.expiresAt).getTime() <= now) return 'EXPIRED';
  return 'ACTIVE';
}

function RevokeDialog({ token, onClose }: { token: ApiTokenItemFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [revoke, { loading, error, reset }] = useMutation(REVOKE_API_TOKEN);
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={token !== null} onClose={close} title={t('apiTokens.revokeTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {token && (
        <Stack gap="sm">
          {error && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
          <Text>{t('apiTokens.revokeConfirm', { name: token.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button color="red" loading={loading} onClick={() => void revoke({ variables: { id: token.id } }).then(close, () => undefined)}>
              {t('apiTokens.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** `/token-api`: every user's own API tokens. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const { data, loading, error, refetch } = useQuery(MY_API_TOKENS, { fetchPolicy: 'cache-and-network' });
  // The secret must not linger in the Apollo cache: the response is not cached, the list is refetched.
  const [create] = useMutation(CREATE_API_TOKEN, { fetchPolicy: 'no-cache', refetchQueries: ['MyApiTokens'] });
  const [revoking, setRevoking] = useState<ApiTokenItemFragment | null>(null);
  const tokens = data?.myApiTokens;
  const now = Date.now();

  async function submit(input: CreateTokenInput) {
    const result = await create({ variables: { input } });
    return { token: result.data!.createApiToken.token };
  }

  const stateBadge = (tk: ApiTokenItemFragment) => {
    const state = tokenState(tk, now);
    return <Badge size="sm" variant="filled" color={STATE_COLOR[state]} miw="max-content">{t(`apiTokens.state.${state}`)}</Badge>;
  };
  const revokeButton = (tk: ApiTokenItemFragment) =>
    tokenState(tk, now) === 'ACTIVE' && (
      <Button size="xs" variant="light" color="red" onClick={() => setRevoking(tk)} aria-label={t('apiTokens.revokeNamed', { name: tk.name })}>
        {t('apiTokens.revoke')}
      </Button>
    );
  const access = (tk: ApiTokenItemFragment) => (tk.readOnly ? t('apiTokens.readOnlyShort') : t('apiTokens.readWrite'));

  return (
    <Stack maw={1000}>
      <Title order={1} size="h2">{t('apiTokens.title')}</Title>
      <Text>
        {t('apiTokens.intro')} <Anchor component={Link} to="/api" underline="always">{t('apiTokens.howTo')}</Anchor>
      </Text>
      <CreateTokenView submit={submit} />
      <Title order={2} size="h4">{t('apiTokens.listTitle')}</Title>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {loading && !tokens && <Loading />}
      {tokens && tokens.length === 0 && <Empty>{t('apiTokens.empty')}</Empty>}
      {tokens && tokens.length > 0 && (isPhone ? (
        <Stack gap="xs">
          {tokens.map((tk) => (
            <Card key={tk.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{tk.name}</Text>
                {stateBadge(tk)}
              </Group>
              <Text size="sm" ff="monospace">{tk.tokenPrefix}…</Text>
              <Text size="sm">{access(tk)}</Text>
              <Text size="xs" c="dimmed">{t('apiTokens.created')}: {fmt.dateTime(tk.createdAt)}</Text>
              <Text size="xs" c="dimmed">{t('apiTokens.lastUsed')}: {tk.lastUsedAt ? fmt.dateTime(tk.lastUsedAt) : t('apiTokens.neverUsed')}</Text>
              <Text size="xs" c="dimmed">{t('apiTokens.expires')}: {fmt.dateTime(tk.expiresAt)}</Text>
              <Group mt="xs">{revokeButton(tk)}</Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiTokens.name')}</Table.Th>
                <Table.Th>{t('apiTokens.prefix')}</Table.Th>
                <Table.Th>{t('apiTokens.access')}</Table.Th>
                <Table.Th>{t('apiTokens.created')}</Table.Th>
                <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
                <Table.Th>{t('apiTokens.expires')}</Table.Th>
                <Table.Th>{t('apiTokens.status')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('apiTokens.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((tk) => (
                <Table.Tr key={tk.id}>
                  <Table.Td>{tk.name}</Table.Td>
                  <Table.Td ff="monospace">{tk.tokenPrefix}…</Table.Td>
                  <Table.Td>{access(tk)}</Table.Td>
                  <Table.Td>{fmt.dateTime(tk.createdAt)}</Table.Td>
                  <Table.Td>{tk.lastUsedAt ? fmt.dateTime(tk.lastUsedAt) : t('apiTokens.neverUsed')}</Table.Td>
                  <Table.Td>{fmt.dateTime(tk.expiresAt)}</Table.Td>
                  <Table.Td>{stateBadge(tk)}</Table.Td>
                  <Table.Td ta="right">{revokeButton(tk)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
