import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { Indicator, IndicatorValueItemFragment } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { todayWib, useFormat, type Formatters } from '../../i18n/format';
import { useUser } from '../auth/session';
import { INDICATOR_ASPECT, INDICATORS, IndicatorFormView, isRupiah, type IndicatorAreaOption, type IndicatorValueInput } from './indicator-form';
import { evictRootFields } from '../../app/apollo';

const INDICATOR_AREAS = graphql(`
  query IndicatorAreas {
    areas {
      id
      code
      name
      level
      parent {
        id
        code
      }
    }
  }
`);

const INDICATOR_SERIES = graphql(`
  query IndicatorPageSeries($indicator: Indicator!, $filter: AnalyticsFilter) {
    indicatorSeries(indicator: $indicator, filter: $filter) {
      areaCode
      areaName
      indicator
      points {
        year
        quarter
        value
        aggregated
        areasReporting
        source
      }
    }
  }
`);

export const INDICATOR_VALUE_ITEM = graphql(`
  fragment IndicatorValueItem on IndicatorValue {
    id
    indicator
    year
    quarter
    value
    source
    updatedAt
    area {
      id
      code
      name
      level
    }
  }
`);

const INDICATOR_VALUES = graphql(`
  query IndicatorPageValues($areaCode: String, $indicator: Indicator) {
    indicatorValues(areaCode: $areaCode, indicator: $indicator) {
      ...IndicatorValueItem
    }
  }
`);

// Whether the viewer's organisation runs a program on each indicator's aspect (agency staff record only
// those): asked per aspect, so that no page of programs can leave one out.
const OWN_PROGRAM_ASPECTS = graphql(`
  query OwnProgramAspects($ownerId: ID!) {
    STUNTING: programs(filter: { ownerId: $ownerId, focusAspects: [STUNTING] }, first: 1) {
      totalCount
    }
    INVESTMENT: programs(filter: { ownerId: $ownerId, focusAspects: [INVESTMENT] }, first: 1) {
      totalCount
    }
    P3DN: programs(filter: { ownerId: $ownerId, focusAspects: [P3DN] }, first: 1) {
      totalCount
    }
    INFLATION: programs(filter: { ownerId: $ownerId, focusAspects: [INFLATION] }, first: 1) {
      totalCount
    }
  }
`);

const UPSERT_INDICATOR_VALUE = graphql(`
  mutation UpsertIndicatorValue($input: UpsertIndicatorValueInput!) {
    upsertIndicatorValue(input: $input) {
      ...IndicatorValueItem
    }
  }
`);

/** How many recorded figures the table lists, newest first. */
const RECENT = 40;
/** How many quarters the series table shows, newest first (three years). */
const QUARTERS = 12;

function formatValue(fmt: Formatters, indicator: Indicator, value: number) {
  return isRupiah(indicator) ? fmt.rupiah(value) : fmt.percent(value);
}

/** The indicators the viewer may record (mirrors the server's `indicator.record`; the server decides). */
function useRecordable(): readonly Indicator[] {
  const user = useUser();
  const agency = user.role === 'AGENCY_STAFF';
  const own = useQuery(OWN_PROGRAM_ASPECTS, { variables: { ownerId: user.organization.id }, skip: !agency, fetchPolicy: 'no-cache' });
  if (user.role === 'ADMIN' || user.role === 'COORDINATOR') return INDICATORS;
  if (!agency || !own.data) return [];
  const counts = own.data;
  return INDICATORS.filter((i) => counts[INDICATOR_ASPECT[i]].totalCount > 0);
}

function Series({ indicator, areaCode }: { indicator: Indicator; areaCode: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, loading, error, refetch } = useQuery(INDICATOR_SERIES, { variables: { indicator, filter: areaCode ? { areaCode } : null } });
  const series = data?.indicatorSeries;
  if (loading && !series) return <Loading />;
  if (error && !series) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!series || series.points.length === 0) return <Empty>{t('indicators.noSeries')}</Empty>;
  const points = [...series.points].reverse().slice(0, QUARTERS);
  const latest = points[0]!;
  const previous = points[1];
  return (
    <Stack gap="sm">
      <Card withBorder padding="sm">
        <Text size="sm" c="dimmed">{t(`indicators.name.${indicator}`)} · {series.areaName} · {t('indicators.period', { year: latest.year, quarter: latest.quarter })}</Text>
        <Text fz={28} fw={700}>{formatValue(fmt, indicator, latest.value)}</Text>
        {previous && (
          <Text size="sm" c="dimmed">
            {t('indicators.previous', { period: t('indicators.period', { year: previous.year, quarter: previous.quarter }), value: formatValue(fmt, indicator, previous.value) })}
          </Text>
        )}
      </Card>
      <Paper withBorder>
        <Table striped verticalSpacing="xs" aria-label={t('indicators.seriesTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indicators.periodHeader')}</Table.Th>
              <Table.Th ta="right">{t('indicators.value')}</Table.Th>
              <Table.Th>{t('indicators.basis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={`${p.year}-${p.quarter}`}>
                <Table.Td>{t('indicators.period', { year: p.year, quarter: p.quarter })}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatValue(fmt, indicator, p.value)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.aggregated ? t('indicators.aggregated', { count: p.areasReporting }) : p.source ?? t('indicators.recorded')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function RecentValues({ indicator, areaCode, onEdit }: { indicator: Indicator; areaCode: string | null; onEdit?: (v: IndicatorValueItemFragment) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const { data, loading, error, refetch } = useQuery(INDICATOR_VALUES, { variables: { indicator, areaCode } });
  const recent = useMemo(
    () =>
      [...(data?.indicatorValues ?? [])]
        .sort((a, b) => b.year - a.year || b.quarter - a.quarter || a.area.code.localeCompare(b.area.code))
        .slice(0, RECENT),
    [data],
  );
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (recent.length === 0) return <Empty>{t('indicators.noValues')}</Empty>;
  const editButton = (v: IndicatorValueItemFragment) =>
    onEdit && (
      <Button size="xs" variant="light" onClick={() => onEdit(v)} aria-label={t('indicators.replaceNamed', { area: v.area.name, period: t('indicators.period', { year: v.year, quarter: v.quarter }) })}>
        {t('indicators.replace')}
      </Button>
    );
  if (isPhone) {
    return (
      <Stack gap="xs">
        {recent.map((v) => (
          <Card key={v.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{v.area.name}</Text>
              <Badge variant="light">{t('indicators.period', { year: v.year, quarter: v.quarter })}</Badge>
            </Group>
            <Text fz="lg" fw={700}>{formatValue(fmt, v.indicator, v.value)}</Text>
            <Text size="sm" c="dimmed">{v.source}</Text>
            <Text size="xs" c="dimmed">{t('indicators.updated')}: {fmt.dateTime(v.updatedAt)}</Text>
            {onEdit && <Group mt="xs">{editButton(v)}</Group>}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.area')}</Table.Th>
            <Table.Th>{t('indicators.periodHeader')}</Table.Th>
            <Table.Th ta="right">{t('indicators.value')}</Table.Th>
            <Table.Th>{t('indicators.source')}</Table.Th>
            <Table.Th>{t('indicators.updated')}</Table.Th>
            {onEdit && <Table.Th><VisuallyHidden>{t('indicators.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.area.name}</Table.Td>
              <Table.Td>{t('indicators.period', { year: v.year, quarter: v.quarter })}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatValue(fmt, v.indicator, v.value)}</Table.Td>
              <Table.Td>{v.source}</Table.Td>
              <Table.Td>{fmt.dateTime(v.updatedAt)}</Table.Td>
              {onEdit && <Table.Td ta="right">{editButton(v)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** `/indikator`: the four aspects' area figures per quarter, and recording them. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const recordable = useRecordable();
  // Kept in the URL, so the dashboard's aspect cards and a shared link open the same view.
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('indikator');
  const indicator: Indicator = (INDICATORS as string[]).includes(fromUrl ?? '') ? (fromUrl as Indicator) : 'STUNTING_PREVALENCE_PCT';
  const areaCode = params.get('wilayah');
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // `undefined`: closed; otherwise the prefilled values of the form.
  const [recording, setRecording] = useState<Partial<IndicatorValueInput> | undefined>(undefined);
  const areasQuery = useQuery(INDICATOR_AREAS);
  const [upsert] = useMutation(UPSERT_INDICATOR_VALUE, { update: evictRootFields('indicatorSeries', 'indicatorValues'), refetchQueries: ['IndicatorPageSeries', 'IndicatorPageValues'], awaitRefetchQueries: true });
  const areas: IndicatorAreaOption[] = (areasQuery.data?.areas ?? []).map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level, parentCode: a.parent?.code }));
  const mayRecord = recordable.includes(indicator);

  const areaData = [
    ...areas.filter((a) => a.level === 'KECAMATAN').map((k) => ({
      group: k.name,
      items: [
        { value: k.code, label: t('indicators.kecamatan', { name: k.name }) },
        ...areas.filter((a) => a.level === 'KELURAHAN' && a.parentCode === k.code).map((a) => ({ value: a.code, label: a.name })),
      ],
    })),
  ];

  async function submit(input: IndicatorValueInput) {
    await upsert({ variables: { input } });
    setRecording(undefined);
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('indicators.title')}</Title>
        {recordable.length > 0 && (
          <Button onClick={() => setRecording({ indicator: recordable.includes(indicator) ? indicator : recordable[0], areaId: areas.find((a) => a.code === areaCode)?.id })}>
            {t('indicators.record')}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">{t('indicators.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('indicators.indicator')}
          data={INDICATORS.map((i) => ({ value: i, label: t(`indicators.name.${i}`) }))}
          value={indicator}
          onChange={(v) => v && setParam('indikator', v)}
          allowDeselect={false}
        />
        <Select
          label={t('indicators.area')}
          data={areaData}
          value={areaCode}
          onChange={(v) => setParam('wilayah', v)}
          clearable
          searchable
          placeholder={t('indicators.wholeCity')}
        />
      </SimpleGrid>
      {areasQuery.error && <ErrorState error={areasQuery.error} onRetry={() => void areasQuery.refetch()} />}

      <Title order={2} size="h4">{t('indicators.seriesTitle')}</Title>
      <Series indicator={indicator} areaCode={areaCode} />

      <Title order={2} size="h4">{t('indicators.recentTitle')}</Title>
      <RecentValues
        indicator={indicator}
        areaCode={areaCode}
        onEdit={mayRecord ? (v) => setRecording({ areaId: v.area.id, indicator: v.indicator, year: v.year, quarter: v.quarter, value: v.value, source: v.source }) : undefined}
      />

      <Modal opened={recording !== undefined} onClose={() => setRecording(undefined)} title={t('indicators.recordTitle')} size="lg" fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {recording !== undefined && (
          <IndicatorFormView indicators={recordable} areas={areas} initial={recording} submit={submit} onCancel={() => setRecording(undefined)} today={todayWib()} />
        )}
      </Modal>
    </Stack>
  );
}
