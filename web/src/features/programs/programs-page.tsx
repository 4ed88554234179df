import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ProgramFilter } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';

const PROGRAMS = graphql(`
  query Programs($filter: ProgramFilter, $first: Int, $after: String) {
    programs(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          needTypes
          frequency
          startsOn
          endsOn
          quota
          budgetRp
          deliveryUnit
          owner {
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

export function ProgramList({ filter }: { filter?: ProgramFilter }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(PROGRAMS, { variables: { filter, first: 30 }, notifyOnNetworkStatusChange: true });
  const conn = data?.programs;
  if (loading && !conn) return <Loading />;
  if (error && !conn) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!conn || conn.edges.length === 0) return <Empty>{t('programs.empty')}</Empty>;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {conn.edges.map(({ node: p }) => (
          <Card key={p.id} withBorder padding="sm">
            <Text fw={600}>{p.name}</Text>
            <Text size="sm" c="dimmed">{t('programs.owner')}: {p.owner.shortName ?? p.owner.name}</Text>
            <Group gap={4} my={6}>
              {p.needTypes.map((n) => <Badge key={n} size="xs" variant="light">{t(`needType.${n}`)}</Badge>)}
            </Group>
            <Text size="sm">{t('programs.frequency')}: {t(`frequency.${p.frequency}`)}</Text>
            <Text size="sm">{t('programs.period')}: {fmt.date(p.startsOn)} – {p.endsOn ? fmt.date(p.endsOn) : '…'}</Text>
            <Text size="sm">{t('programs.quota')}: {p.quota == null ? t('programs.unlimited') : fmt.number(p.quota)}</Text>
            {p.budgetRp != null && <Text size="sm">{t('programs.budget')}: {fmt.rupiah(p.budgetRp)}</Text>}
          </Card>
        ))}
      </SimpleGrid>
      {conn.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export function ProgramsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">{t('programs.title')}</Title>
      <ProgramList />
    </Stack>
  );
}
