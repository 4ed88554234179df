import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Collapse, Group, Paper, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { todayWib } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { activeFilterCount, ASPECTS, PARAM, periodFromParams, quarterOfRange, recentQuarters, STRATEGIES } from './analytics-filter';
import { FILTER_OPTIONS_QUERY } from './analytics-queries';
import { DateField } from '../../lib/date-field';
import { OrganizationSelect } from '../../lib/server-select';

/** Quarters offered by the picker: three years back; other ranges are typed as dates. */
const QUARTERS_SHOWN = 12;

export type ParamChanges = Record<string, string | null>;

/** Area, period, aspect, strategy and organisation, kept in the URL; collapsed behind a button on a phone. */
export function FilterBar({ params, onChange, onReset }: { params: URLSearchParams; onChange: (changes: ParamChanges) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [open, toggle] = useDisclosure(false);
  const options = useQuery(FILTER_OPTIONS_QUERY);

  const areas = options.data?.areas ?? [];
  const kecamatanCode = params.get(PARAM.kecamatan);
  const kecamatan = areas.filter((a) => a.level === 'KECAMATAN');
  const kelurahan = areas.filter((a) => a.level === 'KELURAHAN' && (!kecamatanCode || a.parent?.code === kecamatanCode));

  const period = periodFromParams(params);
  const quarters = recentQuarters(todayWib(), QUARTERS_SHOWN);
  const chosenQuarter = quarterOfRange(period.from, period.to);
  if (chosenQuarter && !quarters.some((q) => q.key === chosenQuarter.key)) quarters.push(chosenQuarter);
  const count = activeFilterCount(params);
  const all = t('analytics.filters.all');

  return (
    <>
      {isPhone && (
        <Button variant="default" onClick={toggle.toggle} aria-expanded={open} aria-controls="analytics-filters" style={{ alignSelf: 'flex-start' }}>
          {t('analytics.filters.title')}
          {count > 0 && <Badge ml={6} size="sm" circle aria-label={t('analytics.filters.active', { count })}>{count}</Badge>}
        </Button>
      )}
      <Collapse expanded={!isPhone || open} id="analytics-filters">
        <Paper withBorder p="sm" component="section" aria-label={t('analytics.filters.title')}>
          {options.error && (
            <Alert color="orange" mb="sm" p="xs">{t('analytics.filters.optionsFailed', { message: describeError(options.error, t) })}</Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Select
              label={t('analytics.filters.kecamatan')}
              data={kecamatan.map((a) => ({ value: a.code, label: a.name }))}
              value={kecamatanCode}
              onChange={(v) => onChange({ [PARAM.kecamatan]: v, [PARAM.kelurahan]: null })}
              clearable
              searchable
              placeholder={all}
            />
            <Select
              label={t('analytics.filters.kelurahan')}
              data={kelurahan.map((a) => ({ value: a.code, label: a.name }))}
              value={params.get(PARAM.kelurahan)}
              onChange={(v) => onChange({ [PARAM.kelurahan]: v })}
              clearable
              searchable
              placeholder={all}
            />
            <Select
              label={t('analytics.filters.aspect')}
              data={ASPECTS.map((a) => ({ value: a, label: t(`analytics.aspect.${a}`) }))}
              value={params.get(PARAM.aspect)}
              onChange={(v) => onChange({ [PARAM.aspect]: v })}
              clearable
              placeholder={all}
            />
            <Select
              label={t('analytics.filters.strategy')}
              data={STRATEGIES.map((s) => ({ value: s, label: t(`analytics.strategy.${s}`) }))}
              value={params.get(PARAM.strategy)}
              onChange={(v) => onChange({ [PARAM.strategy]: v })}
              clearable
              placeholder={all}
            />
            <OrganizationSelect
              label={t('analytics.filters.organization')}
              value={params.get(PARAM.organization)}
              onChange={(v) => onChange({ [PARAM.organization]: v })}
              clearable
              placeholder={all}
              data-testid="analytics-organization"
            />
            <Select
              label={t('analytics.filters.quarter')}
              data={quarters.map((q) => ({ value: q.key, label: t('analytics.filters.quarterLabel', { quarter: q.quarter, year: q.year }) }))}
              value={chosenQuarter?.key ?? null}
              onChange={(key) => {
                const q = quarters.find((x) => x.key === key);
                onChange({ [PARAM.from]: q?.from ?? null, [PARAM.to]: q?.to ?? null });
              }}
              clearable
              placeholder={period.from || period.to ? t('analytics.filters.customRange') : all}
            />
            <DateField
              label={t('analytics.filters.from')}
              value={params.get(PARAM.from)}
              onChange={(v) => onChange({ [PARAM.from]: v || null })}
              clearable
            />
            <DateField
              label={t('analytics.filters.to')}
              value={params.get(PARAM.to)}
              onChange={(v) => onChange({ [PARAM.to]: v || null })}
              clearable
              error={period.reversed ? t('analytics.filters.reversed') : undefined}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onReset} disabled={count === 0}>{t('analytics.filters.reset')}</Button>
          </Group>
        </Paper>
      </Collapse>
    </>
  );
}
