import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Radio, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { MeasurePosition } from '../../gql/graphql';
import { todayWib, useNumberSeparators } from '../../i18n/format';
import { apiError, describeError } from '../../lib/errors';
import { fieldMessage, numberFieldProps } from '../../lib/forms';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { DateField, dateFieldProps } from '../../lib/date-field';

// The server's limits (server/src/growth): WHO tables end at 60 months; standing height is
// implausible under nine months; lengths and weights outside these ranges are refused.
const MAX_AGE_DAYS = Math.floor(60 * 30.4375);
const MIN_STANDING_AGE_DAYS = 274;
const HEIGHT_CM = { min: 35, max: 135 };
const WEIGHT_KG = { min: 0.5, max: 59 };
// WHO convention: length lying down before two years, height standing after.
const STANDING_FROM_DAYS = 730;

/** Whole days from one YYYY-MM-DD date to another. */
export function ageInDays(birthDate: string, onDate: string): number {
  return Math.round((Date.parse(`${onDate}T00:00:00Z`) - Date.parse(`${birthDate}T00:00:00Z`)) / 86_400_000);
}

export interface MeasurementInput {
  measuredOn: string;
  heightCm: number;
  position: MeasurePosition;
  weightKg?: number;
  /** The form's key: the same on a retry and in the outbox, so the server saves the measurement once. */
  idempotencyKey: string;
}

export interface MeasuredChild {
  name: string;
  age: number;
  /** null when the user may not read it (private partners). */
  birthDate?: string | null;
  /** Days that already have a measurement (one per day and child). */
  measuredDates: readonly string[];
}

const FIELDS = ['measuredOn', 'position', 'heightCm', 'weightKg'] as const;
type Field = (typeof FIELDS)[number];

function measurementSchema(today: string, child: Pick<MeasuredChild, 'birthDate' | 'measuredDates'>) {
  const inRange = (v: number | '', r: { min: number; max: number }) => v === '' || (v >= r.min && v <= r.max);
  return z
    .object({
      measuredOn: z
        .string()
        .min(1, 'growth.errors.date')
        .refine((d) => d <= today, 'growth.errors.future')
        .refine((d) => !child.measuredDates.includes(d), 'growth.errors.duplicate'),
      position: z.enum(['LYING', 'STANDING'], { error: 'growth.errors.position' }),
      heightCm: z
        .union([z.number(), z.literal('')])
        .refine((v) => v !== '', 'growth.errors.heightRequired')
        .refine((v) => inRange(v, HEIGHT_CM), 'growth.errors.heightRange')
        .transform(Number),
      weightKg: z
        .union([z.number(), z.literal('')])
        .refine((v) => inRange(v, WEIGHT_KG), 'growth.errors.weightRange')
        .transform((v) => (v === '' ? undefined : v)),
    })
    .superRefine((v, ctx) => {
      if (!child.birthDate || !v.measuredOn) return;
      const days = ageInDays(child.birthDate, v.measuredOn);
      if (days < 0) ctx.addIssue({ code: 'custom', path: ['measuredOn'], message: 'growth.errors.beforeBirth' });
      else if (days > MAX_AGE_DAYS) ctx.addIssue({ code: 'custom', path: ['measuredOn'], message: 'growth.errors.tooOld' });
      else if (v.position === 'STANDING' && days < MIN_STANDING_AGE_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['position'], message: 'growth.errors.standingTooYoung' });
      }
    });
}

function defaultPosition(child: MeasuredChild, today: string): MeasurePosition {
  const days = child.birthDate ? ageInDays(child.birthDate, today) : child.age * 365;
  return days < STANDING_FROM_DAYS ? 'LYING' : 'STANDING';
}

export interface MeasurementFormViewProps {
  child: MeasuredChild;
  /** Resolves to the API error, or null when the measurement was saved. */
  submit: (input: MeasurementInput) => Promise<unknown>;
  onCancel?: () => void;
  /** For tests: a fixed "today" (YYYY-MM-DD, WIB). */
  today?: string;
}

/** "Catat pengukuran": checked here first, then by the server, whose field errors land next to the field. */
export function MeasurementFormView({ child, submit, onCancel, today }: MeasurementFormViewProps) {
  const { t } = useTranslation();
  const day = today ?? todayWib();
  const { decimalSeparator } = useNumberSeparators();
  const inFlight = useRef(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<unknown>(null);
  type Schema = ReturnType<typeof measurementSchema>;
  const { control, handleSubmit, setError, formState } = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(measurementSchema(day, child)),
    defaultValues: { measuredOn: day, position: defaultPosition(child, day), heightCm: '', weightKg: '' },
  });
  const errorText = (f: Field) => fieldMessage(formState.errors[f]?.message, t, 'growth');

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const error = await submit({
        measuredOn: v.measuredOn,
        position: v.position,
        heightCm: v.heightCm,
        ...(v.weightKg === undefined ? {} : { weightKg: v.weightKg }),
        idempotencyKey,
      });
      const info = apiError(error);
      if (!info) return;
      const last = info.field?.split('.').pop();
      const field = FIELDS.find((f) => f === last);
      // Next to its field, the server's message goes without the field path it starts with.
      if (field && info.code === 'BAD_USER_INPUT') setError(field, { type: 'server', message: info.message.replace(`${info.field}: `, '') }, { shouldFocus: true });
      // One measurement per child and day: the database said this day is taken.
      else if (field === 'measuredOn' && info.code === 'CONFLICT') setError(field, { type: 'server', message: t('growth.errors.duplicate') }, { shouldFocus: true });
      else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('growth.record')}>
      <Stack gap="sm">
        {formError !== null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <Controller
          control={control}
          name="measuredOn"
          render={({ field }) => <DateField {...dateFieldProps(field)} label={t('growth.measuredOn')} max={day} min={child.birthDate} required error={errorText('measuredOn')} />}
        />
        <Controller
          control={control}
          name="position"
          render={({ field }) => (
            <Radio.Group label={t('growth.position')} value={field.value} onChange={field.onChange} error={errorText('position')} required>
              <Stack gap={6} mt={4}>
                <Radio value="LYING" label={t('measurePosition.LYING')} ref={field.ref} />
                <Radio value="STANDING" label={t('measurePosition.STANDING')} />
              </Stack>
            </Radio.Group>
          )}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="heightCm"
            render={({ field }) => (
              <NumberInput
                label={t('growth.heightCm')}
                required
                min={HEIGHT_CM.min}
                max={HEIGHT_CM.max}
                step={0.1}
                decimalScale={1}
                // A typo must show as an error, not be silently clamped into range.
                clampBehavior="none"
                decimalSeparator={decimalSeparator}
                inputMode="decimal"
                {...numberFieldProps(field)}
                error={errorText('heightCm')}
              />
            )}
          />
          <Controller
            control={control}
            name="weightKg"
            render={({ field }) => (
              <NumberInput
                label={t('growth.weightKg')}
                min={WEIGHT_KG.min}
                max={WEIGHT_KG.max}
                step={0.1}
                decimalScale={2}
                clampBehavior="none"
                decimalSeparator={decimalSeparator}
                inputMode="decimal"
                {...numberFieldProps(field)}
                error={errorText('weightKg')}
              />
            )}
          />
        </Group>
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting}>{t('growth.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
