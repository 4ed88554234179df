import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { todayWib, useNumberSeparators } from '../../i18n/format';
import type { ApiErrorInfo } from '../../lib/errors';
import { fieldMessage, numberFieldProps } from '../../lib/forms';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { DateField, dateFieldProps } from '../../lib/date-field';
import { memberWithAge } from '../households/member-age';

export interface DeliveryProgramOption {
  id: string;
  name: string;
  targetUnit: 'HOUSEHOLD' | 'PERSON';
  deliveryUnit: string;
  targetMinAgeMonths?: number | null;
  targetMaxAgeMonths?: number | null;
  targetSex?: 'MALE' | 'FEMALE' | null;
}

export interface DeliveryMemberOption {
  id: string;
  name: string;
  sex?: 'MALE' | 'FEMALE' | null;
  /** Whole years; for partners from the birth year alone. */
  age?: number | null;
  /** Completed months; null for partners. */
  ageMonths?: number | null;
}

/**
 * Whether a person program reaches the member today, as the server checks it (age in months, sex).
 * Without the months (partners), the member stays listed when any month of their age in years fits.
 */
export function programTargets(program: DeliveryProgramOption, m: DeliveryMemberOption): boolean {
  if (program.targetUnit !== 'PERSON') return false;
  if (program.targetSex && m.sex && m.sex !== program.targetSex) return false;
  const [low, high] = m.ageMonths != null ? [m.ageMonths, m.ageMonths] : m.age != null ? [m.age * 12 - 11, m.age * 12 + 11] : [null, null];
  if (low === null || high === null) return true;
  if (program.targetMinAgeMonths != null && high < program.targetMinAgeMonths) return false;
  if (program.targetMaxAgeMonths != null && low > program.targetMaxAgeMonths) return false;
  return true;
}

export interface DeliveryInput {
  programId: string;
  householdId: string;
  personId?: string | null;
  deliveredAt: string;
  quantity?: number | null;
  valueRp?: number | null;
  note?: string | null;
  idempotencyKey: string;
}

/** What the submit callback reports: nothing on success, the API error otherwise. */
export type DeliverySubmitResult = { ok: true } | { ok: false; error: ApiErrorInfo };

const FIELDS = ['programId', 'personId', 'deliveredAt', 'quantity', 'valueRp', 'note'] as const;
type Field = (typeof FIELDS)[number];

function makeSchema(programs: readonly DeliveryProgramOption[], today: string) {
  const optionalNumber = z.union([z.number().min(0, 'delivery.errors.number'), z.literal('')]).optional();
  return z
    .object({
      programId: z.string().min(1, 'delivery.errors.program'),
      personId: z.string().nullable().optional(),
      deliveredAt: z
        .string()
        .min(1, 'delivery.errors.date')
        .refine((d) => d <= today, 'delivery.errors.future'),
      quantity: optionalNumber,
      valueRp: optionalNumber,
      note: z.string().max(1000).optional(),
    })
    .superRefine((v, ctx) => {
      const program = programs.find((p) => p.id === v.programId);
      if (program?.targetUnit === 'PERSON' && !v.personId) {
        ctx.addIssue({ code: 'custom', path: ['personId'], message: 'delivery.errors.member' });
      }
    });
}

type FormValues = z.input<ReturnType<typeof makeSchema>>;

/** Maps the server's `extensions.field` (e.g. `input.deliveredAt`) to a form field. */
export function fieldOfServerError(field: string | undefined): Field | null {
  if (!field) return null;
  const last = field.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

export interface DeliveryFormViewProps {
  householdId: string;
  programs: readonly DeliveryProgramOption[];
  members: readonly DeliveryMemberOption[];
  defaultProgramId?: string;
  /** The member of the need the form was opened from. */
  defaultPersonId?: string;
  /** The need the form was opened from, as shown to the user. */
  needLabel?: string;
  submit: (input: DeliveryInput) => Promise<DeliverySubmitResult>;
  onCancel?: () => void;
  /** For tests: a fixed "today" (YYYY-MM-DD, WIB). */
  today?: string;
}

/**
 * "Catat penyaluran". The idempotency key is made once per form instance, so a
 * double tap or a retry after a network error never records two deliveries.
 */
export function DeliveryFormView({ householdId, programs, members, defaultProgramId, defaultPersonId, needLabel, submit, onCancel, today }: DeliveryFormViewProps) {
  const { t } = useTranslation();
  const separators = useNumberSeparators();
  const day = today ?? todayWib();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<ApiErrorInfo | null>(null);
  const initialProgram = programs.find((p) => p.id === defaultProgramId) ?? (programs.length === 1 ? programs[0] : undefined);
  const initialPerson = members.find((m) => m.id === defaultPersonId);
  const { control, register, handleSubmit, setError, setValue, getValues, watch, formState } = useForm<FormValues>({
    resolver: zodResolver(makeSchema(programs, day)),
    defaultValues: {
      programId: initialProgram?.id ?? '',
      personId: initialProgram && initialPerson && programTargets(initialProgram, initialPerson) ? initialPerson.id : null,
      deliveredAt: day,
      quantity: '',
      valueRp: '',
      note: '',
    },
  });
  const program = programs.find((p) => p.id === watch('programId'));
  const targeted = program ? members.filter((m) => programTargets(program, m)) : [];
  const errorText = (f: Field) => fieldMessage(formState.errors[f]?.message, t, 'delivery');

  const onSubmit = handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const result = await submit({
        programId: values.programId,
        householdId,
        personId: values.personId || null,
        deliveredAt: values.deliveredAt,
        quantity: values.quantity === '' || values.quantity === undefined ? null : values.quantity,
        valueRp: values.valueRp === '' || values.valueRp === undefined ? null : values.valueRp,
        note: values.note?.trim() || null,
        idempotencyKey,
      });
      if (!result.ok) {
        const field = fieldOfServerError(result.error.field);
        if (field && result.error.code === 'BAD_USER_INPUT') setError(field, { type: 'server', message: result.error.message }, { shouldFocus: true });
        else setFormError(result.error);
      }
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('delivery.title')}>
      <Stack gap="sm">
        {needLabel && <Text size="sm" data-testid="delivery-need">{t('delivery.fromNeed', { need: needLabel })}</Text>}
        {formError && (
          <Alert color={formError.code === 'CONFLICT' ? 'yellow' : 'red'} role="alert" data-testid="delivery-error">
            {formError.code === 'CONFLICT' ? t('delivery.conflict') : formError.code === 'NETWORK' ? t('common.networkError') : formError.code === 'FORBIDDEN' ? t('common.forbidden') : formError.message}
            {formError.code === 'CONFLICT' && formError.existingId && (
              <>
                {' '}
                <Anchor
                  component={Link}
                  to={`/rumah-tangga/${householdId}#intervensi-${formError.existingId}`}
                  onClick={() => onCancel?.()}
                  data-testid="delivery-existing-link"
                >
                  {t('delivery.openExisting')}
                </Anchor>
              </>
            )}
          </Alert>
        )}
        <Controller
          control={control}
          name="programId"
          render={({ field }) => (
            <Select
              label={t('delivery.program')}
              placeholder={t('delivery.programPlaceholder')}
              data={programs.map((p) => ({ value: p.id, label: p.name }))}
              value={field.value || null}
              onChange={(v) => {
                field.onChange(v ?? '');
                const next = programs.find((p) => p.id === v);
                const person = members.find((m) => m.id === getValues('personId'));
                if (person && (!next || !programTargets(next, person))) setValue('personId', null);
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errorText('programId')}
              required
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        {/* A household program goes to the household as a whole (the server refuses a member). */}
        {program?.targetUnit === 'PERSON' && (
          <Controller
            control={control}
            name="personId"
            render={({ field }) => (
              <Select
                label={t('delivery.memberRequired')}
                description={targeted.length > 0 ? t('delivery.memberTargeted') : undefined}
                data={targeted.map((m) => ({ value: m.id, label: memberWithAge(m, t) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errorText('personId') ?? (targeted.length === 0 ? t('delivery.noTargetedMember') : undefined)}
                clearable
                required
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        )}
        <Controller
          control={control}
          name="deliveredAt"
          render={({ field }) => <DateField {...dateFieldProps(field)} label={t('delivery.date')} max={day} error={errorText('deliveredAt')} required />}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="quantity"
            render={({ field }) => (
              <NumberInput
                label={program ? `${t('delivery.quantity')} (${program.deliveryUnit})` : t('delivery.quantity')}
                min={0}
                {...numberFieldProps(field)}
                error={errorText('quantity')}
              />
            )}
          />
          <Controller
            control={control}
            name="valueRp"
            render={({ field }) => (
              <NumberInput
                label={t('delivery.value')}
                min={0}
                {...separators}
                {...numberFieldProps(field)}
                error={errorText('valueRp')}
              />
            )}
          />
        </Group>
        <Textarea label={t('delivery.note')} rows={2} {...register('note')} error={errorText('note')} />
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {t('delivery.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
