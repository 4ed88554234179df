import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Autocomplete, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { FocusAspect, Frequency, NeedType, Sex, Strategy, TargetUnit } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { fieldMessage, numberFieldProps } from '../../lib/forms';
import { useNumberSeparators } from '../../i18n/format';
import { DateField, dateFieldProps } from '../../lib/date-field';
import { OrganizationSelect } from '../../lib/server-select';

export const ASPECTS: FocusAspect[] = ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION', 'SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'HOUSING', 'LIVELIHOOD'];
export const STRATEGIES: Strategy[] = ['REDUCE_EXPENDITURE', 'INCREASE_INCOME', 'REDUCE_POVERTY_POCKETS'];
const NEED_TYPES: NeedType[] = ['STUNTING', 'NUTRITION_RISK', 'HEALTH_INSURANCE', 'SCHOOLING', 'HOUSING', 'WATER', 'SANITATION', 'ELECTRICITY', 'INCOME', 'FOOD'];
const FREQUENCIES: Frequency[] = ['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const UNITS = ['paket', 'Rp', 'kg', 'liter', 'bulan', 'unit', 'orang', 'kunjungan'];

/** A program as the form edits it; `null` is an empty optional field. */
export interface ProgramValues {
  ownerId: string;
  name: string;
  description: string | null;
  focusAspects: FocusAspect[];
  strategy: Strategy;
  needTypes: NeedType[];
  targetUnit: TargetUnit;
  targetSex: Sex | null;
  targetMinAgeMonths: number | null;
  targetMaxAgeMonths: number | null;
  deliveryUnit: string;
  frequency: Frequency;
  startsOn: string;
  endsOn: string | null;
  budgetRp: number | null;
  quota: number | null;
}

const FIELDS = [
  'ownerId', 'name', 'description', 'focusAspects', 'strategy', 'needTypes', 'targetUnit', 'targetSex',
  'targetMinAgeMonths', 'targetMaxAgeMonths', 'deliveryUnit', 'frequency', 'startsOn', 'endsOn', 'budgetRp', 'quota',
] as const;
type Field = (typeof FIELDS)[number];

/** Maps the server's `extensions.field` (e.g. `input.endsOn`) to a form field. */
export function programFieldOf(field: string | undefined): Field | null {
  const last = field?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

const blankable = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('')]);
const age = blankable(z.number().int('programs.errors.age').min(0, 'programs.errors.age').max(1200, 'programs.errors.age'));

const schema = z
  .object({
    ownerId: z.string().min(1, 'programs.errors.owner'),
    name: z.string().trim().min(2, 'programs.errors.name').max(200, 'programs.errors.name'),
    description: z.string().max(4000, 'programs.errors.description'),
    focusAspects: z.array(z.string()).min(1, 'programs.errors.aspects'),
    strategy: z.string().min(1, 'programs.errors.strategy'),
    needTypes: z.array(z.string()),
    targetUnit: z.enum(['HOUSEHOLD', 'PERSON']),
    targetSex: z.string(),
    targetMinAgeMonths: age,
    targetMaxAgeMonths: age,
    deliveryUnit: z.string().trim().min(1, 'programs.errors.deliveryUnit').max(40, 'programs.errors.deliveryUnit'),
    frequency: z.string().min(1, 'programs.errors.frequency'),
    startsOn: z.string().min(1, 'programs.errors.startsOn'),
    endsOn: z.string(),
    budgetRp: blankable(z.number().min(0, 'programs.errors.budget').max(1e15, 'programs.errors.budget')),
    quota: blankable(z.number().int('programs.errors.quota').min(1, 'programs.errors.quota').max(100_000_000, 'programs.errors.quota')),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.startsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'programs.errors.endsOn' });
    if (v.targetUnit === 'PERSON' && v.targetMinAgeMonths !== '' && v.targetMaxAgeMonths !== '' && v.targetMinAgeMonths > v.targetMaxAgeMonths) {
      ctx.addIssue({ code: 'custom', path: ['targetMaxAgeMonths'], message: 'programs.errors.ageOrder' });
    }
  });

type FormValues = z.input<typeof schema>;

function toForm(p: ProgramValues | undefined, defaultOwnerId: string | undefined, today: string): FormValues {
  return {
    ownerId: p?.ownerId ?? defaultOwnerId ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    focusAspects: p?.focusAspects ?? [],
    strategy: p?.strategy ?? '',
    needTypes: p?.needTypes ?? [],
    targetUnit: p?.targetUnit ?? 'HOUSEHOLD',
    targetSex: p?.targetSex ?? '',
    targetMinAgeMonths: p?.targetMinAgeMonths ?? '',
    targetMaxAgeMonths: p?.targetMaxAgeMonths ?? '',
    deliveryUnit: p?.deliveryUnit ?? 'paket',
    frequency: p?.frequency ?? 'ONCE',
    startsOn: p?.startsOn ?? today,
    endsOn: p?.endsOn ?? '',
    budgetRp: p?.budgetRp ?? '',
    quota: p?.quota ?? '',
  };
}

function fromForm(v: FormValues): ProgramValues {
  const num = (n: number | '') => (n === '' ? null : n);
  const person = v.targetUnit === 'PERSON';
  return {
    ownerId: v.ownerId,
    name: v.name.trim(),
    description: v.description.trim() || null,
    focusAspects: v.focusAspects as FocusAspect[],
    strategy: v.strategy as Strategy,
    needTypes: v.needTypes as NeedType[],
    targetUnit: v.targetUnit,
    // Age and sex criteria only apply to per-person programs.
    targetSex: person && v.targetSex ? (v.targetSex as Sex) : null,
    targetMinAgeMonths: person ? num(v.targetMinAgeMonths) : null,
    targetMaxAgeMonths: person ? num(v.targetMaxAgeMonths) : null,
    deliveryUnit: v.deliveryUnit.trim(),
    frequency: v.frequency as Frequency,
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    budgetRp: num(v.budgetRp),
    quota: num(v.quota),
  };
}

/** Thousands and decimal separators of the active language, for money inputs. */
export interface ProgramFormViewProps {
  /** The program being edited; a new one when absent. */
  program?: ProgramValues;
  defaultOwnerId?: string;
  /** Saves; rejects with the API error. */
  submit: (values: ProgramValues) => Promise<unknown>;
  onCancel?: () => void;
  /** YYYY-MM-DD, the default start of a new program. */
  today: string;
}

export function ProgramFormView({ program, defaultOwnerId, submit, onCancel, today }: ProgramFormViewProps) {
  const { t } = useTranslation();
  const separators = useNumberSeparators();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const { control, register, handleSubmit, setError, watch, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: toForm(program, defaultOwnerId, today),
  });
  const person = watch('targetUnit') === 'PERSON';
  const errorText = (f: Field) => fieldMessage(formState.errors[f]?.message, t, 'programs');

  const onSubmit = handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      await submit(fromForm(values));
    } catch (error) {
      // Input errors naming a field go next to that field; anything else above the form.
      const info = apiError(error);
      const field = programFieldOf(info?.field);
      if (info && field && (info.code === 'BAD_USER_INPUT' || info.code === 'CONFLICT')) {
        setError(field, { type: 'server', message: info.message }, { shouldFocus: true });
      } else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  const numberField = (name: 'targetMinAgeMonths' | 'targetMaxAgeMonths' | 'quota' | 'budgetRp', label: string, extra: object = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          min={0}
          {...numberFieldProps(field)}
          error={errorText(name)}
          {...extra}
        />
      )}
    />
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={program ? t('programs.editTitle') : t('programs.createTitle')}>
      <Stack gap="sm">
        {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <TextInput label={t('programs.form.name')} required {...register('name')} error={errorText('name')} />
        <Controller
          control={control}
          name="ownerId"
          render={({ field }) => (
            <OrganizationSelect
              label={t('programs.form.owner')}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('ownerId')}
              required
              allowDeselect={false}
              data-testid="program-owner"
            />
          )}
        />
        <Textarea label={t('programs.form.description')} rows={3} {...register('description')} error={errorText('description')} />
        <Controller
          control={control}
          name="focusAspects"
          render={({ field }) => (
            <MultiSelect
              label={t('programs.form.aspects')}
              data={ASPECTS.map((a) => ({ value: a, label: t(`programs.aspect.${a}`) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('focusAspects')}
              required
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={control}
          name="strategy"
          render={({ field }) => (
            <Select
              label={t('programs.form.strategy')}
              data={STRATEGIES.map((s) => ({ value: s, label: t(`programs.strategy.${s}`) }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('strategy')}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={control}
          name="needTypes"
          render={({ field }) => (
            <MultiSelect
              label={t('programs.needs')}
              data={NEED_TYPES.map((n) => ({ value: n, label: t(`needType.${n}`) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('needTypes')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={control}
          name="targetUnit"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="program-target-unit">{t('programs.form.targetUnit')}</Text>
              <SegmentedControl
                aria-labelledby="program-target-unit"
                data={(['HOUSEHOLD', 'PERSON'] as const).map((u) => ({ value: u, label: t(`programs.targetUnit.${u}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
              />
              {errorText('targetUnit') && <Text size="xs" c="red" role="alert">{errorText('targetUnit')}</Text>}
            </Stack>
          )}
        />
        {person && (
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Controller
              control={control}
              name="targetSex"
              render={({ field }) => (
                <Select
                  label={t('programs.form.targetSex')}
                  data={[{ value: '', label: t('programs.form.anySex') }, ...(['FEMALE', 'MALE'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={errorText('targetSex')}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
            {numberField('targetMinAgeMonths', t('programs.form.minAge'), { allowDecimal: false })}
            {numberField('targetMaxAgeMonths', t('programs.form.maxAge'), { allowDecimal: false })}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Controller
            control={control}
            name="deliveryUnit"
            render={({ field }) => (
              <Autocomplete
                label={t('programs.form.deliveryUnit')}
                data={UNITS}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errorText('deliveryUnit')}
                required
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <Controller
            control={control}
            name="frequency"
            render={({ field }) => (
              <Select
                label={t('programs.frequency')}
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={errorText('frequency')}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <Controller
          control={control}
          name="startsOn"
          render={({ field }) => <DateField {...dateFieldProps(field)} label={t('programs.form.startsOn')} required error={errorText('startsOn')} />}
        />
          <Controller
          control={control}
          name="endsOn"
          render={({ field }) => <DateField {...dateFieldProps(field)} label={t('programs.form.endsOn')} description={t('programs.form.endsOnHint')} clearable error={errorText('endsOn')} />}
        />
          {numberField('quota', t('programs.quota'), { min: 1, allowDecimal: false, description: t('programs.form.quotaHint'), ...separators })}
          {numberField('budgetRp', t('programs.form.budget'), { prefix: 'Rp ', decimalScale: 0, ...separators })}
        </SimpleGrid>
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting}>{t('programs.form.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
