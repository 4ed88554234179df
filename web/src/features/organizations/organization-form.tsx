import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OrganizationType } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { fieldMessage } from '../../lib/forms';

export const ORGANIZATION_TYPES: OrganizationType[] = [
  'PERANGKAT_DAERAH', 'CENTRAL_GOVERNMENT', 'PROVINCIAL_GOVERNMENT', 'NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR',
];

/** An organisation as the form edits it; `null` is an empty optional field. */
export interface OrganizationValues {
  name: string;
  shortName: string | null;
  type: OrganizationType;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
}

const FIELDS = ['name', 'shortName', 'type', 'contactEmail', 'contactPhone', 'address'] as const;
type Field = (typeof FIELDS)[number];

/** Maps the server's `extensions.field` (e.g. `input.contactEmail`) to a form field. */
export function organizationFieldOf(field: string | undefined): Field | null {
  const last = field?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

// Same rules as the server, so most mistakes are caught before sending.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

const schema = z.object({
  name: z.string().trim().min(2, 'organizations.errors.name').max(200, 'organizations.errors.name'),
  shortName: z.string().trim().max(40, 'organizations.errors.shortName'),
  type: z.string().min(1, 'organizations.errors.type'),
  contactEmail: z.string().trim().max(200, 'organizations.errors.email').refine((v) => !v || EMAIL.test(v), 'organizations.errors.email'),
  contactPhone: z.string().trim().refine((v) => !v || PHONE.test(v), 'organizations.errors.phone'),
  address: z.string().trim().max(300, 'organizations.errors.address'),
});

type FormValues = z.input<typeof schema>;

export interface OrganizationFormViewProps {
  /** The organisation being edited; a new one when absent. */
  organization?: OrganizationValues;
  /** Saves; rejects with the API error. */
  submit: (values: OrganizationValues) => Promise<unknown>;
  onCancel?: () => void;
}

export function OrganizationFormView({ organization: o, submit, onCancel }: OrganizationFormViewProps) {
  const { t } = useTranslation();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: o?.name ?? '',
      shortName: o?.shortName ?? '',
      type: o?.type ?? '',
      contactEmail: o?.contactEmail ?? '',
      contactPhone: o?.contactPhone ?? '',
      address: o?.address ?? '',
    },
  });
  const errorText = (f: Field) => fieldMessage(formState.errors[f]?.message, t, 'organizations');

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      await submit({
        name: v.name.trim(),
        shortName: v.shortName.trim() || null,
        type: v.type as OrganizationType,
        contactEmail: v.contactEmail.trim() || null,
        contactPhone: v.contactPhone.trim() || null,
        address: v.address.trim() || null,
      });
    } catch (error) {
      // Input errors and name clashes go next to their field; anything else above the form.
      const info = apiError(error);
      const field = organizationFieldOf(info?.field);
      if (info && field && (info.code === 'BAD_USER_INPUT' || info.code === 'CONFLICT')) {
        setError(field, { type: 'server', message: info.code === 'CONFLICT' ? t('organizations.errors.duplicate') : info.message }, { shouldFocus: true });
      } else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={o ? t('organizations.editTitle') : t('organizations.createTitle')}>
      <Stack gap="sm">
        {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <TextInput label={t('organizations.name')} required {...register('name')} error={errorText('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('organizations.shortName')} {...register('shortName')} error={errorText('shortName')} />
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('organizations.type')}
                data={ORGANIZATION_TYPES.map((v) => ({ value: v, label: t(`organizations.types.${v}`) }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errorText('type')}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <TextInput type="email" label={t('organizations.email')} {...register('contactEmail')} error={errorText('contactEmail')} />
          <TextInput type="tel" label={t('organizations.phone')} {...register('contactPhone')} error={errorText('contactPhone')} />
        </SimpleGrid>
        <Textarea label={t('organizations.address')} rows={2} {...register('address')} error={errorText('address')} />
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
