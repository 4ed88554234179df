import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { AuditAction, AuditEventFilter } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';

const AUDIT_EVENTS = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          occurredAt
          role
          action
          entityType
          entityIds
          newValues
          actor {
            id
            displayName
            username
          }
          organization {
            id
            name
            shortName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ACTIONS: AuditAction[] = ['CREATE', 'UPDATE', 'DELETE', 'PII_READ', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'EXPORT', 'IMPORT'];

function wibStart(day: string) {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

export function AuditLog() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = useMemo<AuditEventFilter>(() => {
    const f: AuditEventFilter = {};
    const actions = params.getAll('aksi').filter((a): a is AuditAction => (ACTIONS as string[]).includes(a));
    if (actions.length) f.action = actions;
    const type = params.get('entitas');
    if (type) f.entityType = type;
    const id = params.get('id');
    if (id) f.entityId = id;
    const from = params.get('dari');
    if (from) f.from = wibStart(from);
    const to = params.get('sampai');
    if (to) f.to = new Date(new Date(wibStart(to)).getTime() + 86_400_000).toISOString();
    return f;
  }, [params]);
  const { data, loading, error, fetchMore, refetch } = useQuery(AUDIT_EVENTS, { variables: { filter, first: 25 }, notifyOnNetworkStatusChange: true });
  const conn = data?.auditEvents;

  function set(k: string, v: string | string[] | null) {
    const next = new URLSearchParams(params);
    next.delete(k);
    if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
    else if (v) next.set(k, v);
    setParams(next, { replace: true });
  }

  return (
    <Stack>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <MultiSelect label={t('audit.action')} data={ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))} value={params.getAll('aksi')} onChange={(v) => set('aksi', v)} clearable />
          <TextInput label={t('audit.entityType')} placeholder="Household, Intervention…" defaultValue={params.get('entitas') ?? ''} onBlur={(e) => set('entitas', e.currentTarget.value.trim() || null)} />
          <TextInput label={t('audit.entityId')} defaultValue={params.get('id') ?? ''} onBlur={(e) => set('id', e.currentTarget.value.trim() || null)} />
          <TextInput type="date" label={t('audit.from')} value={params.get('dari') ?? ''} onChange={(e) => set('dari', e.currentTarget.value || null)} />
          <TextInput type="date" label={t('audit.to')} value={params.get('sampai') ?? ''} onChange={(e) => set('sampai', e.currentTarget.value || null)} />
        </SimpleGrid>
      </Paper>
      {conn && <Text size="sm" c="dimmed">{t('common.total', { count: conn.totalCount })}</Text>}
      {loading && !conn && <Loading />}
      {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && conn.edges.length === 0 && <Empty>{t('audit.empty')}</Empty>}
      <Stack gap="xs" data-testid="audit-log">
        {conn?.edges.map(({ node: e }) => (
          <Card key={e.id} withBorder padding="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Badge variant="filled" color={e.action === 'LOGIN_FAILED' ? 'red.9' : e.action === 'PII_READ' ? 'violet.9' : 'sinergi'}>{t(`auditAction.${e.action}`)}</Badge>
                <Text size="sm" fw={600}>{e.entityType}</Text>
              </Group>
              <Text size="xs" c="dimmed">{fmt.dateTime(e.occurredAt)}</Text>
            </Group>
            <Text size="sm">
              {t('audit.actor')}: {e.actor ? `${e.actor.displayName} (${e.actor.username})` : t('audit.system')}
              {e.role && ` · ${t(`roles.${e.role}`)}`}
              {e.organization && ` · ${e.organization.shortName ?? e.organization.name}`}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>{e.entityIds.join(', ')}</Text>
          </Card>
        ))}
      </Stack>
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">{t('audit.title')}</Title>
      <AuditLog />
    </Stack>
  );
}
