import { useQuery } from '@apollo/client/react';
import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../../gql';
import type { NeedType } from '../../gql/graphql';
import { ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { CoverageTileMap } from './coverage-map';

const DASHBOARD = graphql(`
  query Dashboard {
    kecamatan: coverageByArea(level: KECAMATAN) {
      areaId
      code
      name
      households
      extremePoorHouseholds
      householdsWithUnmetNeed
      householdsNeverReached
      needsTotal
      needsServed
      needsPlanned
      needsUnmet
      needsByType {
        needType
        total
        unmet
        planned
        served
      }
    }
    kelurahan: coverageByArea(level: KELURAHAN) {
      areaId
      code
      name
      coveragePct
      area {
        id
        parent {
          id
          code
          name
        }
      }
    }
    povertyTrend {
      asOf
      targetDate
      projectedAtTarget
      projectedZeroDate
      slopePerMonth
      onTrack
      points {
        month
        monthEnd
        extremePoorHouseholds
        coveragePct
      }
    }
  }
`);

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={800} data-testid="kpi-value">{value}</Text>
    </Paper>
  );
}

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
  const needsServed = sum((k) => k.needsServed);
  const coverage = needsTotal ? (needsServed / needsTotal) * 100 : null;

  const byType = new Map<NeedType, { unmet: number; planned: number; served: number }>();
  for (const k of data.kecamatan) {
    for (const n of k.needsByType) {
      const cur = byType.get(n.needType) ?? { unmet: 0, planned: 0, served: 0 };
      cur.unmet += n.unmet;
      cur.planned += n.planned;
      cur.served += n.served;
      byType.set(n.needType, cur);
    }
  }
  const needRows = [...byType.entries()]
    .map(([type, v]) => ({ type, label: t(`needType.${type}`), ...v }))
    .sort((a, b) => b.unmet - a.unmet);

  const trend = data.povertyTrend;
  const points: { label: string; actual: number | null; projection: number | null }[] = trend.points.map((p) => ({
    label: fmt.month(p.month),
    actual: p.extremePoorHouseholds,
    projection: null,
  }));
  const last = trend.points[trend.points.length - 1];
  if (last && trend.projectedAtTarget != null) {
    points[points.length - 1]!.projection = last.extremePoorHouseholds;
    points.push({ label: fmt.month(trend.targetDate.slice(0, 7)), actual: null, projection: Math.max(0, Math.round(trend.projectedAtTarget)) });
  }

  const tiles = data.kelurahan.map((k) => ({
    code: k.code,
    name: k.name,
    coveragePct: k.coveragePct ?? null,
    parentCode: k.area.parent?.code ?? null,
    parentName: k.area.parent?.name ?? null,
  }));

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
      <CoverageTileMap areas={tiles} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="trend-title">
          <Title order={2} size="h4" id="trend-title">{t('dashboard.trend')}</Title>
          <Alert color={trend.onTrack ? 'teal' : 'orange'} my="xs" p="xs">
            {trend.onTrack
              ? t('dashboard.onTrack', { date: fmt.date(trend.targetDate) })
              : t('dashboard.offTrack', { date: fmt.date(trend.targetDate), count: Math.max(0, Math.round(trend.projectedAtTarget ?? 0)) })}
            {trend.projectedZeroDate && <Text size="sm">{t('dashboard.zeroDate', { date: fmt.date(trend.projectedZeroDate) })}</Text>}
          </Alert>
          <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('dashboard.trend')}>
            <ResponsiveContainer>
              <LineChart data={points} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" fontSize={11} />
                <YAxis fontSize={11} allowDecimals={false} />
                <Tooltip formatter={(v) => fmt.number(Number(v))} />
                <Legend />
                <Line type="monotone" dataKey="actual" name={t('dashboard.actual')} stroke="#0a5c4a" strokeWidth={2} dot={false} connectNulls={false} />
                <Line type="linear" dataKey="projection" name={t('dashboard.projection')} stroke="#e65100" strokeDasharray="6 4" strokeWidth={2} dot connectNulls />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary>{t('dashboard.tableAlt')}</summary>
            <Table fz="xs">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('dashboard.month')}</Table.Th><Table.Th>{t('dashboard.actual')}</Table.Th><Table.Th>{t('dashboard.coverage')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.points.map((p) => (
                  <Table.Tr key={p.month}><Table.Td>{fmt.month(p.month)}</Table.Td><Table.Td>{fmt.number(p.extremePoorHouseholds)}</Table.Td><Table.Td>{fmt.percent(p.coveragePct)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="needs-title">
          <Title order={2} size="h4" id="needs-title">{t('dashboard.unmetByType')}</Title>
          <div style={{ width: '100%', height: 300 }} role="img" aria-label={t('dashboard.unmetByType')}>
            <ResponsiveContainer>
              <BarChart data={needRows} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" fontSize={11} allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={110} fontSize={11} />
                <Tooltip formatter={(v) => fmt.number(Number(v))} />
                <Legend />
                <Bar dataKey="unmet" stackId="n" name={t('dashboard.unmet')} fill="#b71c1c" />
                <Bar dataKey="planned" stackId="n" name={t('dashboard.planned')} fill="#f9a825" />
                <Bar dataKey="served" stackId="n" name={t('dashboard.served')} fill="#1b5e20" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary>{t('dashboard.tableAlt')}</summary>
            <Table fz="xs">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('household.needs')}</Table.Th><Table.Th>{t('dashboard.unmet')}</Table.Th><Table.Th>{t('dashboard.planned')}</Table.Th><Table.Th>{t('dashboard.served')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {needRows.map((r) => (
                  <Table.Tr key={r.type}><Table.Td>{r.label}</Table.Td><Table.Td>{fmt.number(r.unmet)}</Table.Td><Table.Td>{fmt.number(r.planned)}</Table.Td><Table.Td>{fmt.number(r.served)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
