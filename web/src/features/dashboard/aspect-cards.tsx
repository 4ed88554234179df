import { useQuery } from '@apollo/client/react';
import { Card, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../app/states';
import { graphql } from '../../gql';
import type { DashboardAspectSeriesFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { aspectFigure, signed, type QuarterValue } from './aspect-figures';

export const DASHBOARD_ASPECT_SERIES = graphql(`
  fragment DashboardAspectSeries on IndicatorSeries {
    indicator
    points {
      year
      quarter
      value
    }
  }
`);

// The city's figures (no filter: the whole city), one series per aspect in one round trip.
export const DASHBOARD_ASPECTS = graphql(`
  query DashboardAspects {
    stunting: indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) {
      ...DashboardAspectSeries
    }
    investment: indicatorSeries(indicator: INVESTMENT_REALISATION_RP) {
      ...DashboardAspectSeries
    }
    p3dn: indicatorSeries(indicator: P3DN_SHARE_PCT) {
      ...DashboardAspectSeries
    }
    inflation: indicatorSeries(indicator: INFLATION_YOY_PCT) {
      ...DashboardAspectSeries
    }
  }
`);

const ASPECTS = ['stunting', 'investment', 'p3dn', 'inflation'] as const;

function AspectCard({ series }: { series: DashboardAspectSeriesFragment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rupiah = series.indicator === 'INVESTMENT_REALISATION_RP';
  const figure = aspectFigure(series.points, rupiah);
  // Hundreds of billions in full do not fit a phone-width card: "Rp 420,5 M".
  const compactRupiah = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency: 'IDR', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 });
  const value = (v: number) => (rupiah ? compactRupiah.format(v) : fmt.percent(v));
  const period = (p: QuarterValue) => t('indicators.period', { year: p.year, quarter: p.quarter });

  let change = t('dashboard.aspects.noPrevious');
  if (figure?.previous && figure.change !== null) {
    const key = rupiah ? 'dashboard.aspects.changePercent' : 'dashboard.aspects.changePoints';
    change = t(key, { change: signed(figure.change, fmt.number), period: period(figure.previous) });
  } else if (figure?.previous) {
    change = t('indicators.previous', { period: period(figure.previous), value: value(figure.previous.value) });
  }

  return (
    // The indicators page shows the series per quarter and per area.
    <Card withBorder padding="sm" component={Link} to={`/indikator?indikator=${series.indicator}`} data-testid="aspect-card" style={{ color: 'inherit', textDecoration: 'none' }}>
      <Text size="xs" c="dimmed" fw={600}>{t(`indicators.name.${series.indicator}`)}</Text>
      {figure ? (
        <>
          <Text fz="xl" fw={800} data-testid="aspect-value">{value(figure.latest.value)}</Text>
          <Text size="xs" c="dimmed">{period(figure.latest)}</Text>
          <Text size="xs">{change}</Text>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>{t('dashboard.aspects.none')}</Text>
      )}
    </Card>
  );
}

/** The four aspects of the city's strategy: the latest city-wide figure of each, and its change. */
export function AspectCards() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(DASHBOARD_ASPECTS);
  let body;
  if (error && !data) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (!data) body = <Loading />;
  else {
    body = (
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        {ASPECTS.map((k) => <AspectCard key={k} series={data[k]} />)}
      </SimpleGrid>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="aspects-title">
      <Title order={2} size="h4" id="aspects-title">{t('dashboard.aspects.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('dashboard.aspects.intro')}</Text>
      {body}
    </Paper>
  );
}
