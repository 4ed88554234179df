import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { ChartFigure } from '../analytics/chart-figure';
import { needsDataset, organizationDataset, trendDataset } from '../analytics/datasets';
import { AspectCards } from './aspect-cards';
import { CoverageMap } from './coverage-map';
import { trendFinding } from '../analytics/trend-finding';

// recharts comes with the first chart, as on the analytics page (one module, shared with it).
const Chart = lazy(() => import('../analytics/charts'));

/** How many organisations the home lists; the analytics page has them all. */
const TOP_ORGANIZATIONS = 8;

export const DASHBOARD = graphql(`
  query Dashboard {
    kecamatan: coverageByArea(level: KECAMATAN) {
      ...AreaCoverageFigures
      householdsNeverReached
    }
    kelurahan: coverageByArea(level: KELURAHAN) {
      areaId
      code
      name
      coveragePct
      area {
        id
        hasBoundary
        parent {
          id
          code
          name
        }
      }
    }
    organizationPerformance {
      ...OrganizationFigures
    }
    povertyTrend {
      ...TrendFigures
    }
  }
`);

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ overflowWrap: 'anywhere' }}>{label}</Text>
      <Text size="xl" fw={800} data-testid="kpi-value">{value}</Text>
    </Paper>
  );
}

/** The coordinator's home: KPIs, the coverage map, the trend toward zero, the four aspects, needs and organisations. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, loading, error, refetch } = useQuery(DASHBOARD);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const kec = data.kecamatan;

  const sum = (f: (k: (typeof kec)[number]) => number) => kec.reduce((s, k) => s + f(k), 0);
  const needsTotal = sum((k) => k.needsTotal);
  const coverage = needsTotal ? (sum((k) => k.needsServed) / needsTotal) * 100 : null;

  const tiles = data.kelurahan.map((k) => ({
    code: k.code,
    name: k.name,
    coveragePct: k.coveragePct ?? null,
    parentCode: k.area.parent?.code ?? null,
    parentName: k.area.parent?.name ?? null,
  }));

  const trend = data.povertyTrend;
  const finding = trendFinding(trend, t, fmt);
  const organizations = organizationDataset(data.organizationPerformance, t);
  const datasets = {
    trend: trendDataset(trend, t),
    // The kecamatan do not overlap: their needs add up to the city's.
    needs: needsDataset(kec, t),
    // Sorted by interventions, most first: the top of the list is the organisations doing most of the work.
    organizations: { ...organizations, rows: organizations.rows.slice(0, TOP_ORGANIZATIONS) },
  };
  const titles = { trend: t('dashboard.trend'), needs: t('dashboard.unmetByType'), organizations: t('dashboard.organizations') };
  const keys = t('analytics.figure.keyboardHint');

  return (
    <Stack>
      <Title order={1} size="h2">{t('dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Kpi label={t('dashboard.households')} value={fmt.number(sum((k) => k.households))} />
        <Kpi label={t('dashboard.extremePoor')} value={fmt.number(sum((k) => k.extremePoorHouseholds))} />
        <Kpi label={t('dashboard.coverage')} value={fmt.percent(coverage)} />
        <Kpi label={t('dashboard.unmetHouseholds')} value={fmt.number(sum((k) => k.householdsWithUnmetNeed))} />
        <Kpi label={t('dashboard.neverReached')} value={fmt.number(sum((k) => k.householdsNeverReached))} />
      </SimpleGrid>
      <CoverageMap areas={tiles} withBoundaries={data.kelurahan.some((k) => k.area.hasBoundary)} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartFigure
          id="trend"
          title={titles.trend}
          fileName={t('analytics.trend.file')}
          dataset={datasets.trend}
          emptyText={t('dashboard.trendNone')}
          summary={
            <>
              <Text span inherit fw={700} c={trend.onTrack ? 'teal.9' : 'red.9'} data-testid="trend-status">{finding.status}</Text>
              {finding.zeroDate && ` ${finding.zeroDate}`}
            </>
          }
        >
          <Chart kind="trend" dataset={datasets.trend} title={titles.trend} desc={keys} />
        </ChartFigure>
        <ChartFigure id="needs" title={titles.needs} fileName={t('analytics.needs.file')} dataset={datasets.needs} emptyText={t('dashboard.needsNone')}>
          <Chart kind="bars" dataset={datasets.needs} title={titles.needs} desc={keys} />
        </ChartFigure>
      </SimpleGrid>
      <AspectCards />
      <ChartFigure
        id="organizations"
        title={titles.organizations}
        fileName={t('analytics.organizations.file')}
        dataset={datasets.organizations}
        emptyText={t('dashboard.organizationsNone')}
        summary={
          organizations.rows.length > 0 && (
            <>
              {organizations.rows.length > TOP_ORGANIZATIONS
                ? t('dashboard.organizationsSummary', { count: TOP_ORGANIZATIONS, total: organizations.rows.length })
                : t('dashboard.organizationsSummaryAll', { count: organizations.rows.length })}{' '}
              <Anchor component={Link} to="/analitik" inherit underline="always">{t('dashboard.organizationsAll')}</Anchor>
            </>
          )
        }
      >
        <Chart kind="bars" dataset={datasets.organizations} title={titles.organizations} desc={keys} />
      </ChartFigure>
    </Stack>
  );
}
