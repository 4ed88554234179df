import { useQuery } from '@apollo/client/react';
import { Button, Collapse, Paper, SegmentedControl, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { AUDIT_EVENTS, AuditEventCard } from '../audit/audit-event-card';


const CHANGES: AuditAction[] = ['CREATE', 'UPDATE', 'DELETE', 'IMPORT'];

/**
 * "Riwayat audit": every audited event naming this household (changes, its members' records,
 * referrals, and each response that showed its identifiers). Loaded only when opened.
 */
export function HouseholdAuditTrail({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Changes first: every view of this page adds a read event, which would bury them.
  const [scope, setScope] = useState<'all' | 'changes'>('changes');
  const panelId = useId();
  const filter = { entityId: householdId, ...(scope === 'changes' ? { action: CHANGES } : {}) };
  const { data, loading, error, fetchMore, refetch } = useQuery(AUDIT_EVENTS, {
    variables: { filter, first: 20 },
    skip: !opened,
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const conn = data?.auditEvents;

  return (
    <Paper withBorder p="md" component="section" aria-label={t('household.audit.title')}>
      <Title order={2} size="h4">
        <UnstyledButton onClick={() => setOpened((o) => !o)} aria-expanded={opened} aria-controls={panelId} fw={700} fz="inherit">
          {opened ? '▾' : '▸'} {t('household.audit.title')}
        </UnstyledButton>
      </Title>
      <Collapse expanded={opened} id={panelId}>
        <Stack gap="xs" mt="sm">
          <Text size="sm" c="dimmed">{t('household.audit.intro')}</Text>
          <SegmentedControl
            aria-label={t('household.audit.scope')}
            value={scope}
            onChange={(v) => setScope(v as 'all' | 'changes')}
            data={[
              { value: 'changes', label: t('household.audit.changes') },
              { value: 'all', label: t('household.audit.all') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {conn && <Text size="sm" c="dimmed">{t('common.total', { count: conn.totalCount })}</Text>}
          {loading && !conn && <Loading />}
          {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
          {conn && conn.edges.length === 0 && <Empty>{t('audit.empty')}</Empty>}
          {conn?.edges.map(({ node }) => <AuditEventCard key={node.id} event={node} />)}
          {conn?.pageInfo.hasNextPage && (
            <Button
              variant="light"
              loading={loading}
              onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}
              style={{ alignSelf: 'center' }}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}
