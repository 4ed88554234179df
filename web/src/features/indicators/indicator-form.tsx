import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Indicator } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { fieldMessage, numberFieldProps } from '../../lib/forms';
import { useNumberSeparators } from '../../i18n/format';

export const INDICATORS: Indicator[] = ['STUNTING_PREVALENCE_PCT', 'INVESTMENT_REALISATION_RP', 'P3DN_SHARE_PCT', 'INFLATION_YOY_PCT'];

/** The aspect each indicator measures (as on the server: who runs programs on it may record it). */
export const INDICATOR_ASPECT = {
  STUNTING_PREVALENCE_PCT: 'STUNTING',
  INVESTMENT_REALISATION_RP: 'INVESTMENT',
  P3DN_SHARE_PCT: 'P3DN',
  INFLATION_YOY_PCT: 'INFLATION',
} as const satisfies Record<Indicator, string>;

// Same bounds as the server (and the database's CHECK constraints).
export const VALUE_RANGE: Record<Indicator, [number, number]> = {
  STUNTING_PREVALENCE_PCT: [0, 100],
  INVESTMENT_REALISATION_RP: [0, 1e15],
  P3DN_SHARE_PCT: [0, 100],
  INFLATION_YOY_PCT: [-100, 1000],
};

export const isRupiah = (i: Indicator) => i === 'INVESTMENT_REALISATION_RP';

export interface IndicatorAreaOption {
  id: string;
  code: string;
  name: string;
  level: 'CITY' | 'KECAMATAN' | 'KELURAHAN';
  parentCode?: string | null;
}

export interface IndicatorValueInput {
  areaId: string;
  indicator: Indicator;
  year: number;
  quarter: number;
  value: number;
  source: string;
}

const FIELDS = ['areaId', 'indicator', 'year', 'quarter', 'value', 'source'] as const;
type Field = (typeof FIELDS)[number];

/** Maps the server's `extensions.field` (e.g. `input.quarter`) to a form field. */
export function indicatorFieldOf(field: string | undefined): Field | null {
  const last = field?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

/** Year and quarter (1–4) of a YYYY-MM-DD day. */
export function quarterOf(day: string): { year: number; quarter: number } {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

function makeSchema(today: string) {
  const now = quarterOf(today);
  return z
    .object({
      areaId: z.string().min(1, 'indicators.errors.area'),
      indicator: z.string().min(1, 'indicators.errors.indicator'),
      year: z.union([z.number().int('indicators.errors.year').min(2000, 'indicators.errors.year').max(now.year, 'indicators.errors.year'), z.literal('')]),
      quarter: z.string().min(1, 'indicators.errors.quarter'),
      value: z.union([z.number(), z.literal('')]),
      source: z.string().trim().min(2, 'indicators.errors.source').max(300, 'indicators.errors.source'),
    })
    .superRefine((v, ctx) => {
      if (v.year === '') ctx.addIssue({ code: 'custom', path: ['year'], message: 'indicators.errors.year' });
      // A quarter that has not started yet has no figure.
      if (v.year === now.year && Number(v.quarter) > now.quarter) ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'indicators.errors.futureQuarter' });
      const range = VALUE_RANGE[v.indicator as Indicator];
      if (v.value === '') ctx.addIssue({ code: 'custom', path: ['value'], message: 'indicators.errors.valueRequired' });
      else if (range && (v.value < range[0] || v.value > range[1])) ctx.addIssue({ code: 'custom', path: ['value'], message: 'indicators.errors.valueRange' });
    });
}

type FormValues = z.input<ReturnType<typeof makeSchema>>;

export interface IndicatorFormViewProps {
  /** The indicators this user may record. */
  indicators: readonly Indicator[];
  areas: readonly IndicatorAreaOption[];
  /** Prefilled values, e.g. the figure being replaced. */
  initial?: Partial<IndicatorValueInput>;
  /** Saves; rejects with the API error. */
  submit: (input: IndicatorValueInput) => Promise<unknown>;
  onCancel?: () => void;
  /** YYYY-MM-DD (WIB). */
  today: string;
}

export function IndicatorFormView({ indicators, areas, initial, submit, onCancel, today }: IndicatorFormViewProps) {
  const { t } = useTranslation();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const schema = useMemo(() => makeSchema(today), [today]);
  const now = quarterOf(today);
  const { control, register, handleSubmit, setError, watch, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      areaId: initial?.areaId ?? '',
      indicator: initial?.indicator ?? (indicators.length === 1 ? indicators[0] : ''),
      year: initial?.year ?? now.year,
      quarter: String(initial?.quarter ?? now.quarter),
      value: initial?.value ?? '',
      source: initial?.source ?? '',
    },
  });
  const indicator = watch('indicator') as Indicator | '';
  const range = indicator ? VALUE_RANGE[indicator] : undefined;
  const errorText = (f: Field) => {
    const m = formState.errors[f]?.message;
    if (!m) return undefined;
    if (m === 'indicators.errors.valueRange' && range) return t(m, { min: range[0], max: range[1] });
    return fieldMessage(m, t, 'indicators');
  };
  const separators = useNumberSeparators();
  const areaData = useMemo(() => {
    const city = areas.filter((a) => a.level === 'CITY').map((a) => ({ value: a.id, label: a.name }));
    return [
      ...(city.length ? [{ group: t('indicators.city'), items: city }] : []),
      ...areas
        .filter((a) => a.level === 'KECAMATAN')
        .map((k) => ({
          group: k.name,
          items: [
            { value: k.id, label: t('indicators.kecamatan', { name: k.name }) },
            ...areas.filter((a) => a.level === 'KELURAHAN' && a.parentCode === k.code).map((a) => ({ value: a.id, label: a.name })),
          ],
        })),
    ];
  }, [areas, t]);

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current || v.year === '' || v.value === '') return;
    inFlight.current = true;
    setFormError(null);
    try {
      await submit({ areaId: v.areaId, indicator: v.indicator as Indicator, year: v.year, quarter: Number(v.quarter), value: v.value, source: v.source.trim() });
    } catch (error) {
      const info = apiError(error);
      const field = indicatorFieldOf(info?.field);
      if (info && field && info.code === 'BAD_USER_INPUT') setError(field, { type: 'server', message: info.message }, { shouldFocus: true });
      else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('indicators.recordTitle')}>
      <Stack gap="sm">
        {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <Controller
          control={control}
          name="indicator"
          render={({ field }) => (
            <Select
              label={t('indicators.indicator')}
              data={indicators.map((i) => ({ value: i, label: t(`indicators.name.${i}`) }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('indicator')}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={control}
          name="areaId"
          render={({ field }) => (
            <Select
              label={t('indicators.area')}
              data={areaData}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('areaId')}
              required
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Controller
            control={control}
            name="year"
            render={({ field }) => (
              <NumberInput
                label={t('indicators.year')}
                min={2000}
                max={now.year}
                allowDecimal={false}
                {...numberFieldProps(field)}
                error={errorText('year')}
                required
              />
            )}
          />
          <Controller
            control={control}
            name="quarter"
            render={({ field }) => (
              <Select
                label={t('indicators.quarter')}
                data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('indicators.quarterN', { n: q }) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                error={errorText('quarter')}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="value"
          render={({ field }) => (
            <NumberInput
              label={indicator ? t(`indicators.unit.${indicator}`) : t('indicators.value')}
              {...numberFieldProps(field)}
              error={errorText('value')}
              required
              {...(indicator && isRupiah(indicator) ? { prefix: 'Rp ', decimalScale: 0, ...separators } : { suffix: ' %', decimalScale: 2, decimalSeparator: separators.decimalSeparator })}
            />
          )}
        />
        <TextInput label={t('indicators.source')} description={t('indicators.sourceHint')} required {...register('source')} error={errorText('source')} />
        <Text size="xs" c="dimmed">{t('indicators.replaces')}</Text>
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
