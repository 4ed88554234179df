import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { NeedType, WorkQueueFilter, WorkQueueQuery } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { Confirmation } from '../deliveries/confirmation';
import { DeliveryDialog, type DeliveryNeed } from '../deliveries/delivery-dialog';
import { HouseholdCard } from '../households/household-card';
import { memberWithAge } from '../households/member-age';

const WORK_QUEUE = graphql(`
  query WorkQueue($first: Int, $after: String, $filter: WorkQueueFilter) {
    myWorkQueue(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...HouseholdListItem
          members {
            id
            name
            sex
            age
            ageMonths
          }
          needs {
            id
            type
            status
            person {
              id
              name
              age
              ageMonths
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

const WORK_QUEUE_COUNTS = graphql(`
  query WorkQueueCounts($filter: WorkQueueFilter) {
    myWorkQueueCounts(filter: $filter) {
      total
      needTypes {
        needType
        count
      }
      areas {
        count
        area {
          id
          name
        }
      }
      programs {
        count
        program {
          id
          name
        }
      }
    }
  }
`);

type QueueHousehold = NonNullable<WorkQueueQuery['myWorkQueue']>['edges'][number]['node'];
type QueueNeed = QueueHousehold['needs'][number];

/** "Jaminan kesehatan · Rinaldo, 34 th"; a household-level need is its type alone. */
function needTag(need: QueueNeed, t: ReturnType<typeof useTranslation>['t']): string {
  const type = t(`needType.${need.type}`);
  return need.person ? `${type} · ${memberWithAge(need.person, t)}` : type;
}

export function WorkQueue({ first = 20, heading = true }: { first?: number; heading?: boolean }) {
  const { t } = useTranslation();
  const [needType, setNeedType] = useState<NeedType | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [programId, setProgramId] = useState<string | null>(null);
  const filter: WorkQueueFilter = {
    ...(needType ? { needTypes: [needType] } : {}),
    ...(areaId ? { areaId } : {}),
    ...(programId ? { programId } : {}),
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(WORK_QUEUE, { variables: { first, filter }, notifyOnNetworkStatusChange: true });
  const counts = useQuery(WORK_QUEUE_COUNTS, { variables: { filter } });
  const [target, setTarget] = useState<{ household: QueueHousehold; need: DeliveryNeed | null } | null>(null);
  const [confirmed, setConfirmed] = useState<{ householdId: string; text: string } | null>(null);
  const conn = data?.myWorkQueue;
  const c = counts.data?.myWorkQueueCounts;

  function openFromNeed(household: QueueHousehold, need: QueueNeed) {
    setConfirmed(null);
    setTarget({ household, need: { label: needTag(need, t), type: need.type, personId: need.person?.id ?? null } });
  }

  return (
    <Stack component="section" aria-label={t('workQueue.title')}>
      {heading && <Title order={2} size="h3">{t('workQueue.title')}</Title>}
      <Text size="sm" c="dimmed">{t('workQueue.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" role="group" aria-label={t('workQueue.filters')}>
        <Select
          label={t('workQueue.needType')}
          placeholder={t('workQueue.all')}
          data-testid="filter-need"
          data={(c?.needTypes ?? []).map((x) => ({ value: x.needType, label: `${t(`needType.${x.needType}`)} (${x.count})` }))}
          value={needType}
          onChange={(v) => setNeedType(v as NeedType | null)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('workQueue.kelurahan')}
          placeholder={t('workQueue.all')}
          data-testid="filter-area"
          data={(c?.areas ?? []).map((x) => ({ value: x.area.id, label: `${x.area.name} (${x.count})` }))}
          value={areaId}
          onChange={setAreaId}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('workQueue.program')}
          placeholder={t('workQueue.all')}
          data-testid="filter-program"
          data={(c?.programs ?? []).map((x) => ({ value: x.program.id, label: `${x.program.name} (${x.count})` }))}
          value={programId}
          onChange={setProgramId}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {conn && <Text size="sm" data-testid="work-queue-total">{t('workQueue.total', { count: conn.totalCount })}</Text>}
      {loading && !conn && <Loading />}
      {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && conn.edges.length === 0 && <Empty>{t('workQueue.empty')}</Empty>}
      {/* A household served by the delivery may leave the (filtered) queue: its confirmation then heads the list. */}
      {confirmed && !conn?.edges.some((e) => e.node.id === confirmed.householdId) && (
        <Confirmation onClose={() => setConfirmed(null)}>{confirmed.text}</Confirmation>
      )}
      <Stack gap="xs" data-testid="work-queue">
        {conn?.edges.map(({ node }) => (
          <HouseholdCard
            key={node.id}
            household={node}
            action={
              <Button size="xs" onClick={() => { setConfirmed(null); setTarget({ household: node, need: null }); }}>{t('workQueue.log')}</Button>
            }
          >
            <Group gap={6} mt="xs" aria-label={t('workQueue.unmet')} role="list">
              {node.needs.filter((n) => n.status === 'UNMET').map((n) => (
                <UnstyledButton
                  key={n.id}
                  role="listitem"
                  onClick={() => openFromNeed(node, n)}
                  aria-label={t('workQueue.logFor', { need: needTag(n, t) })}
                  data-testid="need-tag"
                >
                  <Badge size="md" color="red.9" variant="filled" tt="none" style={{ cursor: 'pointer', whiteSpace: 'normal', height: 'auto' }}>
                    {needTag(n, t)}
                  </Badge>
                </UnstyledButton>
              ))}
            </Group>
            {confirmed?.householdId === node.id && <Confirmation onClose={() => setConfirmed(null)}>{confirmed.text}</Confirmation>}
          </HouseholdCard>
        ))}
      </Stack>
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
      {target && (
        <DeliveryDialog
          opened
          onClose={() => setTarget(null)}
          householdId={target.household.id}
          members={target.household.members}
          need={target.need}
          onLogged={(text) => setConfirmed({ householdId: target.household.id, text })}
        />
      )}
    </Stack>
  );
}

export function WorkQueuePage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">{t('workQueue.title')}</Title>
      <WorkQueue heading={false} />
    </Stack>
  );
}
