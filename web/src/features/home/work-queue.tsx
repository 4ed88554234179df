import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { DeliveryDialog } from '../deliveries/delivery-dialog';
import { HouseholdCard } from '../households/household-card';

const WORK_QUEUE = graphql(`
  query WorkQueue($first: Int, $after: String) {
    myWorkQueue(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...HouseholdListItem
          members {
            id
            name
          }
          needs {
            id
            type
            status
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

export function WorkQueue({ first = 20, heading = true }: { first?: number; heading?: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useQuery(WORK_QUEUE, { variables: { first }, notifyOnNetworkStatusChange: true });
  const [target, setTarget] = useState<{ id: string; members: { id: string; name: string }[] } | null>(null);
  const conn = data?.myWorkQueue;
  return (
    <Stack component="section" aria-label={t('workQueue.title')}>
      {heading && <Title order={2} size="h3">{t('workQueue.title')}</Title>}
      <Text size="sm" c="dimmed">{t('workQueue.intro')}</Text>
      {loading && !conn && <Loading />}
      {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && conn.edges.length === 0 && <Empty>{t('workQueue.empty')}</Empty>}
      <Stack gap="xs" data-testid="work-queue">
        {conn?.edges.map(({ node }) => (
          <div key={node.id}>
            <HouseholdCard
              household={node}
              action={
                <Button size="xs" onClick={() => setTarget({ id: node.id, members: node.members })}>{t('workQueue.log')}</Button>
              }
            />
            <Group gap={4} mt={4}>
              {node.needs.filter((n) => n.status === 'UNMET').map((n) => (
                <Badge key={n.id} size="xs" color="red.9" variant="filled">{t(`needType.${n.type}`)}</Badge>
              ))}
            </Group>
          </div>
        ))}
      </Stack>
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
      {target && (
        <DeliveryDialog opened onClose={() => setTarget(null)} householdId={target.id} members={target.members} />
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
