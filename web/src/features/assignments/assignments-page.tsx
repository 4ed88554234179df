import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { AreasDocument, type AssignmentFilter, type AssignmentStatus, type NeedType } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { useUser } from '../auth/session';
import { OrganizationSelect, PARTNER_TYPES } from '../../lib/server-select';
import { NEED_TYPES } from './assign-dialog';
import { DeclineReferralDialog } from './decline-referral-dialog';

const STATUSES: AssignmentStatus[] = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CLOSED'];
/** URL parameters of the filters: ids of partner and kelurahan (never a person's identifier), status, need. */
const PARAM = { partner: 'mitra', status: 'status', kelurahan: 'kelurahan', need: 'kebutuhan' } as const;

const ASSIGNMENTS = graphql(`
  query Assignments($filter: AssignmentFilter, $first: Int, $after: String) {
    assignments(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          needType
          note
          requestedAt
          version
          organization {
            id
            name
          }
          household {
            id
            kkNumber
            povertyStatus
            head {
              id
              name
            }
            area {
              id
              name
            }
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

const RESPOND = graphql(`
  mutation RespondToAssignment($id: ID!, $accept: Boolean!, $note: String) {
    respondToAssignment(id: $id, accept: $accept, note: $note) {
      id
      status
      respondedAt
      version
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseAssignment($id: ID!, $note: String) {
    closeAssignment(id: $id, note: $note) {
      id
      status
      version
    }
  }
`);

/** The page's filters as the server's AssignmentFilter. */
function filterFromParams(params: URLSearchParams): Omit<AssignmentFilter, 'status'> & { status?: AssignmentStatus[] } {
  const status = params.get(PARAM.status) as AssignmentStatus | null;
  const need = params.get(PARAM.need) as NeedType | null;
  return {
    ...(params.get(PARAM.partner) ? { organizationId: params.get(PARAM.partner)! } : {}),
    ...(params.get(PARAM.kelurahan) ? { areaId: params.get(PARAM.kelurahan)! } : {}),
    ...(status && STATUSES.includes(status) ? { status: [status] } : {}),
    ...(need && NEED_TYPES.includes(need) ? { needType: [need] } : {}),
  };
}

function AssignmentFilters({ partner }: { partner: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const areas = useQuery(AreasDocument);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const any = t('referral.filters.any');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: partner ? 2 : 4 }} spacing="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} data-testid="assignment-filters">
      {!partner && (
        <OrganizationSelect
          label={t('referral.filters.partner')}
          placeholder={any}
          types={PARTNER_TYPES}
          value={params.get(PARAM.partner)}
          onChange={(v) => set(PARAM.partner, v)}
          clearable
          data-testid="filter-partner"
        />
      )}
      {!partner && (
        <Select
          label={t('referral.filters.status')}
          placeholder={any}
          data={STATUSES.map((s) => ({ value: s, label: t(`assignmentStatus.${s}`) }))}
          value={params.get(PARAM.status)}
          onChange={(v) => set(PARAM.status, v)}
          clearable
        />
      )}
      <Select
        label={t('referral.filters.kelurahan')}
        placeholder={any}
        data={(areas.data?.areas ?? []).filter((a) => a.level === 'KELURAHAN').map((a) => ({ value: a.id, label: a.name }))}
        value={params.get(PARAM.kelurahan)}
        onChange={(v) => set(PARAM.kelurahan, v)}
        searchable
        clearable
      />
      <Select
        label={t('referral.filters.need')}
        placeholder={any}
        data={NEED_TYPES.map((n) => ({ value: n, label: t(`needType.${n}`) }))}
        value={params.get(PARAM.need)}
        onChange={(v) => set(PARAM.need, v)}
        clearable
      />
    </SimpleGrid>
  );
}

export function AssignmentList({ status, title, emptyText, respond }: { status: AssignmentStatus[]; title: string; emptyText: string; respond?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const partner = user.role === 'NGO_PARTNER' || user.role === 'PRIVATE_PARTNER';
  const [params] = useSearchParams();
  const chosen = useMemo(() => filterFromParams(params), [params]);
  // A status chosen in the filters narrows the list's own statuses (a partner's lists keep theirs).
  const statuses = chosen.status ? status.filter((s) => chosen.status!.includes(s)) : status;
  const filter = { ...chosen, status: statuses, ...(partner ? { organizationId: user.organization.id } : {}) };
  const { data, loading, error, fetchMore, refetch } = useQuery(ASSIGNMENTS, { variables: { filter, first: 20 }, notifyOnNetworkStatusChange: true });
  const [mutate, { loading: responding }] = useMutation(RESPOND, { refetchQueries: ['Assignments', 'Households', 'WorkQueue'] });
  const [closeMutation, { loading: closing }] = useMutation(CLOSE, { refetchQueries: ['Assignments'] });
  // Coordinators close any referral; a partner closes its own when the work is done (as the server allows).
  const mayClose = (organizationId: string) =>
    user.role === 'ADMIN' || user.role === 'COORDINATOR' || (partner && organizationId === user.organization.id);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const conn = data?.assignments;

  async function answer(id: string, accept: boolean) {
    try {
      await mutate({ variables: { id, accept } });
      setMessage({ ok: true, text: accept ? t('assignments.accepted') : t('assignments.declined') });
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, t) });
    }
  }

  async function decline(note: string) {
    if (!declining) return;
    await mutate({ variables: { id: declining, accept: false, note } });
    setDeclining(null);
    setMessage({ ok: true, text: t('assignments.declined') });
  }

  async function close(id: string) {
    if (!window.confirm(t('assignments.closeConfirm'))) return;
    try {
      await closeMutation({ variables: { id } });
      setMessage({ ok: true, text: t('assignments.closed') });
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, t) });
    }
  }

  return (
    <Stack component="section" aria-label={title} gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h3">{title}</Title>
        {conn && <Text size="sm" c="dimmed" data-testid="assignment-count">{t('referral.filters.count', { count: conn.totalCount })}</Text>}
      </Group>
      {message && <Alert color={message.ok ? 'teal' : 'red'} role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMessage(null)}>{message.text}</Alert>}
      {loading && !conn && <Loading />}
      {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && conn.edges.length === 0 && <Empty>{emptyText}</Empty>}
      {conn?.edges.map(({ node: a }) => (
        <Card key={a.id} id={`rujukan-${a.id}`} withBorder padding="sm" data-testid="assignment-card">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text component={Link} to={`/rumah-tangga/${a.household.id}`} fw={600} c="sinergi.8">
                {a.household.head?.name ?? t('households.noHead')}
              </Text>
              <Text size="sm" c="dimmed">{t('households.kk')}: {a.household.kkNumber} · {a.household.area.name}</Text>
              <Text size="sm">
                {a.needType ? `${t(`needType.${a.needType}`)} · ` : ''}{t('assignments.requestedAt', { date: fmt.date(a.requestedAt) })}
                {!partner && ` · ${a.organization.name}`}
              </Text>
              {a.note && <Text size="sm" c="dimmed">{t('assignments.note', { note: a.note })}</Text>}
            </div>
            <Badge variant="light" style={{ flexShrink: 0 }}>{t(`assignmentStatus.${a.status}`)}</Badge>
          </Group>
          {mayClose(a.organization.id) && (respond ? a.status === 'ACCEPTED' : a.status === 'REQUESTED' || a.status === 'ACCEPTED') && (
            <Group mt="xs" gap="xs">
              <Button size="xs" variant="default" onClick={() => void close(a.id)} loading={closing}>{t('assignments.close')}</Button>
            </Group>
          )}
          {respond && a.status === 'REQUESTED' && (
            <Group mt="xs" gap="xs">
              <Button size="xs" onClick={() => void answer(a.id, true)} loading={responding}>{t('assignments.accept')}</Button>
              <Button size="xs" variant="default" onClick={() => setDeclining(a.id)} disabled={responding}>{t('assignments.decline')}</Button>
            </Group>
          )}
        </Card>
      ))}
      <DeclineReferralDialog opened={declining !== null} onClose={() => setDeclining(null)} submit={decline} />
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export function AssignmentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const partner = user.role === 'NGO_PARTNER' || user.role === 'PRIVATE_PARTNER';
  return (
    <Stack>
      <Title order={1} size="h2">{t('assignments.title')}</Title>
      <AssignmentFilters partner={partner} />
      {partner ? (
        <>
          <AssignmentList status={['REQUESTED']} title={t('assignments.pending')} emptyText={t('assignments.noPending')} respond />
          <AssignmentList status={['ACCEPTED']} title={t('assignments.assigned')} emptyText={t('assignments.noAssigned')} />
        </>
      ) : (
        <>
          <Alert color="sinergi" variant="light">
            {t('assignments.howToAssign')}{' '}
            <Anchor component={Link} to="/rumah-tangga?statusKebutuhan=UNMET" underline="always">{t('assignments.openUnmet')}</Anchor>
          </Alert>
          <AssignmentList status={['REQUESTED', 'ACCEPTED', 'DECLINED', 'CLOSED']} title={t('assignments.all')} emptyText={t('common.empty')} />
        </>
      )}
    </Stack>
  );
}
