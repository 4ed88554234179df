import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { todayWib, useNumberSeparators } from '../../i18n/format';
import { apiError, describeError, type ApiErrorInfo } from '../../lib/errors';
import { fieldMessage, numberFieldProps } from '../../lib/forms';
import { DateField, dateFieldProps } from '../../lib/date-field';

/** Resolves to the API error, or null when the change was saved. */
type Submit<T> = (values: T) => Promise<unknown>;

/** The input field a server error names (`input.deliveredAt` → `deliveredAt`), if the form has it. */
function formField<F extends string>(fields: readonly F[], path: string | undefined): F | null {
  const last = path?.split('.').pop();
  return fields.find((f) => f === last) ?? null;
}

/** The server's message shown next to its field, without the field path it starts with. */
function withoutField(info: ApiErrorInfo): string {
  return info.message.replace(`${info.field}: `, '');
}

function FormError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const conflict = apiError(error)?.code === 'CONFLICT';
  return (
    <Alert color={conflict ? 'yellow' : 'red'} role="alert">
      <Text size="sm">{conflict ? t('intervention.conflict') : describeError(error, t)}</Text>
      {conflict && onReload && (
        <Button size="xs" mt="xs" variant="light" onClick={onReload}>{t('household.reload')}</Button>
      )}
    </Alert>
  );
}

export interface DeliverValues {
  deliveredAt: string;
  quantity?: number;
  valueRp?: number;
  note?: string;
}

const DELIVER_FIELDS = ['deliveredAt', 'quantity', 'valueRp', 'note'] as const;

function deliverSchema(today: string) {
  return z.object({
    deliveredAt: z
      .string()
      .min(1, 'intervention.errors.date')
      .refine((d) => d <= today, 'intervention.errors.future'),
    // The server takes quantities from 0.01 and values from 0.
    quantity: z.union([z.number().positive('intervention.errors.quantity'), z.literal('')]),
    valueRp: z.union([z.number().min(0, 'intervention.errors.value'), z.literal('')]),
    note: z.string().max(2000, 'intervention.errors.note'),
  });
}

export function DeliverInterventionForm({
  intervention,
  submit,
  onCancel,
  onReload,
  correction = false,
}: {
  intervention: { quantity?: number | null; valueRp?: number | null; note?: string | null; deliveredOn?: string | null; program: { deliveryUnit: string } };
  submit: Submit<DeliverValues>;
  onCancel: () => void;
  onReload: () => Promise<void>;
  /** Correcting a recorded delivery: starts from its date, says so on the button. */
  correction?: boolean;
}) {
  const { t } = useTranslation();
  const separators = useNumberSeparators();
  const day = todayWib();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<z.input<ReturnType<typeof deliverSchema>>>({
    resolver: zodResolver(deliverSchema(day)),
    defaultValues: {
      deliveredAt: (correction && intervention.deliveredOn) || day,
      quantity: intervention.quantity ?? '',
      valueRp: intervention.valueRp ?? '',
      note: intervention.note ?? '',
    },
  });
  const errorText = (f: (typeof DELIVER_FIELDS)[number]) => fieldMessage(formState.errors[f]?.message, t, 'intervention');

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const note = v.note.trim();
      const error = await submit({
        deliveredAt: v.deliveredAt,
        ...(v.quantity === '' ? {} : { quantity: v.quantity }),
        ...(v.valueRp === '' ? {} : { valueRp: v.valueRp }),
        // Only a changed note is sent: the server replaces the note with what it gets.
        ...(note && note !== (intervention.note ?? '') ? { note } : {}),
      });
      const info = apiError(error);
      if (!info) return;
      const field = formField(DELIVER_FIELDS, info.field);
      if (field && info.code === 'BAD_USER_INPUT') setError(field, { type: 'server', message: withoutField(info) }, { shouldFocus: true });
      // Another delivery of the program already counts for that period.
      else if (field === 'deliveredAt' && info.code === 'CONFLICT') setError(field, { type: 'server', message: t('delivery.conflict') }, { shouldFocus: true });
      else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={correction ? t('delivery.correct') : t('intervention.deliver')}>
      <Stack gap="sm">
        {correction && <Text size="sm" c="dimmed">{t('delivery.correctRule')}</Text>}
        {formError !== null && <FormError error={formError} onReload={() => void onReload().then(() => setFormError(null), (e: unknown) => setFormError(e))} />}
        <Controller
          control={control}
          name="deliveredAt"
          render={({ field }) => <DateField {...dateFieldProps(field)} label={t('intervention.deliveredAt')} max={day} required error={errorText('deliveredAt')} />}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="quantity"
            render={({ field }) => (
              <NumberInput
                label={`${t('delivery.quantity')} (${intervention.program.deliveryUnit})`}
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
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={formState.isSubmitting}>{correction ? t('delivery.correctSubmit') : t('intervention.deliverSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

const cancelSchema = z.object({
  reason: z.string().trim().min(3, 'intervention.errors.reason').max(500, 'intervention.errors.reason'),
});

/** Confirmation of a cancellation, with the reason the server requires. */
export function CancelInterventionForm({ submit, onCancel }: { submit: Submit<string>; onCancel: () => void }) {
  const { t } = useTranslation();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof cancelSchema>, unknown, z.output<typeof cancelSchema>>({
    resolver: zodResolver(cancelSchema),
    defaultValues: { reason: '' },
  });
  const m = formState.errors.reason?.message;

  const onSubmit = handleSubmit(async ({ reason }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const error = await submit(reason);
      const info = apiError(error);
      if (!info) return;
      if (info.code === 'BAD_USER_INPUT' && info.field === 'reason') setError('reason', { type: 'server', message: withoutField(info) }, { shouldFocus: true });
      else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('intervention.cancel')}>
      <Stack gap="sm">
        <Text size="sm">{t('intervention.cancelConfirm')}</Text>
        {formError !== null && <FormError error={formError} />}
        <Textarea
          label={t('intervention.reason')}
          rows={3}
          required
          data-autofocus
          {...register('reason')}
          error={m && m.startsWith('intervention.') ? t(m) : m}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('intervention.keep')}</Button>
          <Button type="submit" color="red.9" loading={formState.isSubmitting}>{t('intervention.cancelSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
