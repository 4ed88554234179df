import { useQuery } from '@apollo/client/react';
import { Alert, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AnalyticsFilter, AreaLevel } from '../../gql/graphql';
import { ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { COVERAGE_SORTS, filterFromParams, levelFromParams, PARAM, sortFromParams, type CoverageSort } from './analytics-filter';
import { ANALYTICS_QUERY } from './analytics-queries';
import { trendFinding } from './trend-finding';
import { ChartFigure } from './chart-figure';
import {
  coverageDataset,
  needsDataset,
  organizationDataset,
  overlapAspectDataset,
  overlapNeedDataset,
  sortAreas,
  trendDataset,
} from './datasets';
import { FilterBar, type ParamChanges } from './filter-bar';

// recharts is only fetched once the page has something to draw.
const Chart = lazy(() => import('./charts'));

/** `/analitik`: coverage, overlap, delivery performance and the trend, for any filter kept in the URL. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);

  function update(changes: ParamChanges) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('analytics.title')}</Title>
        <Text size="sm" c="dimmed">{t('analytics.intro')}</Text>
      </div>
      <FilterBar params={params} onChange={update} onReset={() => setParams(new URLSearchParams(), { replace: true })} />
      <AnalyticsResults filter={filter} level={levelFromParams(params)} sort={sortFromParams(params)} onView={update} />
    </Stack>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text size="xl" fw={800}>{value}</Text>
    </Paper>
  );
}

interface ResultsProps {
  filter: AnalyticsFilter;
  level: AreaLevel;
  sort: CoverageSort;
  onView: (changes: ParamChanges) => void;
}

export function AnalyticsResults({ filter, level, sort, onView }: ResultsProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, previousData, loading, error, refetch } = useQuery(ANALYTICS_QUERY, {
    variables: { filter, level },
    // Figures change with every delivery: always asked again when the page opens, then kept per filter.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // The previous figures stay on screen (marked as updating) while a new filter loads.
  const shown = data ?? previousData;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!shown) return <Loading />;

  const areas = shown.coverageByArea;
  const sum = (f: (a: (typeof areas)[number]) => number) => areas.reduce((s, a) => s + f(a), 0);
  const households = sum((a) => a.households);
  if (households === 0) {
    return <Alert color="gray" role="status">{t('analytics.noHouseholds')}</Alert>;
  }
  const needsTotal = sum((a) => a.needsTotal);
  const coverage = needsTotal ? (sum((a) => a.needsServed) / needsTotal) * 100 : null;
  const lowest = sortAreas(areas, 'coverage-asc', fmt.locale).find((a) => a.coveragePct !== null);
  const { overlap, povertyTrend: trend } = shown;

  const coverageTitle = t('analytics.coverage.title');
  const needsTitle = t('analytics.needs.title');
  const overlapHouseholdsTitle = t('analytics.overlap.householdsTitle');
  const overlapNeedsTitle = t('analytics.overlap.needsTitle');
  const organizationsTitle = t('analytics.organizations.title');
  const trendTitle = t('analytics.trend.title');
  const keys = t('analytics.figure.keyboardHint');

  const coverageData = coverageDataset(areas, sort, t, fmt.locale);
  const needsData = needsDataset(areas, t);
  const overlapAspectsData = overlapAspectDataset(overlap, t);
  const overlapNeedsData = overlapNeedDataset(overlap, t);
  const organizationsData = organizationDataset(shown.organizationPerformance, t);
  const trendData = trendDataset(trend, t);
  const finding = trendFinding(trend, t, fmt);

  return (
    <Stack aria-busy={loading}>
      {loading && <Text size="sm" c="dimmed" role="status">{t('analytics.updating')}</Text>}
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Kpi label={t('analytics.kpi.households')} value={fmt.number(households)} />
        <Kpi label={t('analytics.kpi.extremePoor')} value={fmt.number(sum((a) => a.extremePoorHouseholds))} />
        <Kpi label={t('analytics.kpi.coverage')} value={fmt.percent(coverage === null ? null : Math.round(coverage * 10) / 10)} />
        <Kpi label={t('analytics.kpi.unmetHouseholds')} value={fmt.number(sum((a) => a.householdsWithUnmetNeed))} />
        <Kpi label={t('analytics.kpi.overlapHouseholds')} value={fmt.number(overlap.householdsWithOverlappingPrograms)} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartFigure
          id="coverage"
          title={coverageTitle}
          fileName={t('analytics.coverage.file')}
          dataset={coverageData}
          summary={lowest ? t('analytics.coverage.lowest', { name: lowest.name, value: fmt.percent(lowest.coveragePct) }) : undefined}
          controls={
            <Group gap="xs" align="flex-end" wrap="wrap">
              <SegmentedControl
                size="xs"
                aria-label={t('analytics.coverage.level')}
                value={level}
                onChange={(v) => onView({ [PARAM.level]: v === 'KELURAHAN' ? 'kelurahan' : 'kecamatan' })}
                data={[
                  { value: 'KECAMATAN', label: t('analytics.coverage.byKecamatan') },
                  { value: 'KELURAHAN', label: t('analytics.coverage.byKelurahan') },
                ]}
              />
              <Select
                size="xs"
                label={t('analytics.coverage.sort')}
                value={sort}
                onChange={(v) => onView({ [PARAM.sort]: v === 'coverage-asc' ? null : v })}
                data={COVERAGE_SORTS.map((s) => ({ value: s, label: t(`analytics.coverage.sorts.${s}`) }))}
                allowDeselect={false}
                w={220}
              />
            </Group>
          }
        >
          <Chart kind="percent-bars" dataset={coverageData} title={coverageTitle} desc={keys} />
        </ChartFigure>
        <ChartFigure id="needs" title={needsTitle} fileName={t('analytics.needs.file')} dataset={needsData} emptyText={t('analytics.needs.none')}>
          <Chart kind="bars" dataset={needsData} title={needsTitle} desc={keys} />
        </ChartFigure>
      </SimpleGrid>

      <Stack gap="xs" component="section" aria-labelledby="overlap-title">
        <Title order={2} size="h3" id="overlap-title">{t('analytics.overlap.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('analytics.overlap.summary', {
            needs: fmt.number(overlap.overlappingNeeds),
            households: fmt.number(overlap.householdsWithOverlappingPrograms),
            date: fmt.date(overlap.asOf),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ChartFigure
            id="overlap-households"
            title={overlapHouseholdsTitle}
            fileName={t('analytics.overlap.householdsFile')}
            dataset={overlapAspectsData}
            emptyText={t('analytics.overlap.none')}
          >
            <Chart kind="bars" dataset={overlapAspectsData} title={overlapHouseholdsTitle} desc={keys} />
          </ChartFigure>
          <ChartFigure
            id="overlap-needs"
            title={overlapNeedsTitle}
            fileName={t('analytics.overlap.needsFile')}
            dataset={overlapNeedsData}
            emptyText={t('analytics.overlap.none')}
          >
            <Chart kind="bars" dataset={overlapNeedsData} title={overlapNeedsTitle} desc={keys} />
          </ChartFigure>
        </SimpleGrid>
      </Stack>

      <ChartFigure
        id="organizations"
        title={organizationsTitle}
        fileName={t('analytics.organizations.file')}
        dataset={organizationsData}
        summary={t('analytics.organizations.summary')}
        emptyText={t('analytics.organizations.none')}
      >
        <Chart kind="bars" dataset={organizationsData} title={organizationsTitle} desc={keys} />
      </ChartFigure>

      <ChartFigure
        id="trend"
        title={trendTitle}
        fileName={t('analytics.trend.file')}
        dataset={trendData}
        summary={
          <>
            {finding.status}
            {finding.zeroDate && ` ${finding.zeroDate}`}
          </>
        }
      >
        <Chart kind="trend" dataset={trendData} title={trendTitle} desc={keys} />
      </ChartFigure>
    </Stack>
  );
}
