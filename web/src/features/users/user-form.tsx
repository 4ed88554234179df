import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Role } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { generatePassword, PASSWORD_MAX, PASSWORD_MIN } from './password';
import { fieldMessage } from '../../lib/forms';
import { OrganizationSelect } from '../../lib/server-select';

export const ROLES: Role[] = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER', 'AUDITOR'];

export interface AreaOption {
  id: string;
  code: string;
  name: string;
  level: 'CITY' | 'KECAMATAN' | 'KELURAHAN';
  parentCode?: string | null;
}

/** The editable facts of an existing user. */
export interface UserValues {
  username: string;
  displayName: string;
  organizationId: string;
  role: Role;
  areaId: string | null;
  active: boolean;
}

/** What the form sends: a password only for a new user, `active` only for an existing one. */
export type UserSubmitValues = Omit<UserValues, 'active' | 'username'> & ({ username: string; password: string } | { active: boolean });

const FIELDS = ['username', 'displayName', 'organizationId', 'role', 'areaId', 'password', 'active'] as const;
type Field = (typeof FIELDS)[number];

/** Maps the server's `extensions.field` (e.g. `input.areaId`) to a form field. */
export function userFieldOf(field: string | undefined): Field | null {
  const last = field?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

// Same rule as the server: 3–40 lowercase letters, digits, dot, dash or underscore.
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

function makeSchema(creating: boolean) {
  return z
    .object({
      username: z.string().trim().toLowerCase().refine((v) => !creating || USERNAME.test(v), 'users.errors.username'),
      displayName: z.string().trim().min(1, 'users.errors.displayName').max(120, 'users.errors.displayName'),
      organizationId: z.string().min(1, 'users.errors.organization'),
      role: z.string().min(1, 'users.errors.role'),
      areaId: z.string(),
      password: z.string().refine((v) => !creating || (v.length >= PASSWORD_MIN && v.length <= PASSWORD_MAX), 'users.errors.password'),
      active: z.boolean(),
    })
    .superRefine((v, ctx) => {
      if (v.role === 'KELURAHAN_OFFICER' && !v.areaId) ctx.addIssue({ code: 'custom', path: ['areaId'], message: 'users.errors.area' });
    });
}

type FormValues = z.input<ReturnType<typeof makeSchema>>;

/** Kecamatan with their kelurahan, for the area scope of a kelurahan officer. */
function areaGroups(areas: readonly AreaOption[], t: TFunction) {
  return areas
    .filter((a) => a.level === 'KECAMATAN')
    .map((k) => ({
      group: k.name,
      items: [
        { value: k.id, label: t('users.wholeKecamatan', { name: k.name }) },
        ...areas.filter((a) => a.level === 'KELURAHAN' && a.parentCode === k.code).map((a) => ({ value: a.id, label: a.name })),
      ],
    }));
}

export interface UserFormViewProps {
  /** The user being edited; a new one when absent. */
  user?: UserValues;
  areas: readonly AreaOption[];
  /** The administrator using the form may not deactivate themselves. */
  self?: boolean;
  /** Saves; rejects with the API error. */
  submit: (values: UserSubmitValues) => Promise<unknown>;
  onCancel?: () => void;
}

export function UserFormView({ user, areas, self = false, submit, onCancel }: UserFormViewProps) {
  const { t } = useTranslation();
  const creating = !user;
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<unknown>(null);
  const schema = useMemo(() => makeSchema(creating), [creating]);
  const { control, register, handleSubmit, setError, setValue, watch, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      organizationId: user?.organizationId ?? '',
      role: user?.role ?? '',
      areaId: user?.areaId ?? '',
      password: creating ? generatePassword() : '',
      active: user?.active ?? true,
    },
  });
  const officer = watch('role') === 'KELURAHAN_OFFICER';
  const groups = useMemo(() => areaGroups(areas, t), [areas, t]);
  const errorText = (f: Field) => fieldMessage(formState.errors[f]?.message, t, 'users');

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    const base = {
      displayName: v.displayName.trim(),
      organizationId: v.organizationId,
      role: v.role as Role,
      // Only kelurahan officers have an area scope; null removes it after a role change.
      areaId: v.role === 'KELURAHAN_OFFICER' ? v.areaId : null,
    };
    try {
      await submit(creating ? { ...base, username: v.username.trim().toLowerCase(), password: v.password } : { ...base, active: v.active });
    } catch (error) {
      const info = apiError(error);
      const field = userFieldOf(info?.field);
      if (info && field && (info.code === 'BAD_USER_INPUT' || info.code === 'CONFLICT')) {
        setError(field, { type: 'server', message: info.code === 'CONFLICT' ? t('users.errors.duplicate') : info.message }, { shouldFocus: true });
      } else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  const select = (name: 'role' | 'areaId', label: string, data: Parameters<typeof Select>[0]['data']) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={data}
          value={field.value || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          error={errorText(name)}
          required
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={creating ? t('users.createTitle') : t('users.editTitle')}>
      <Stack gap="sm">
        {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('users.username')}
            description={creating ? t('users.usernameHint') : undefined}
            required={creating}
            readOnly={!creating}
            autoComplete="off"
            autoCapitalize="none"
            {...register('username')}
            error={errorText('username')}
          />
          <TextInput label={t('users.displayName')} required {...register('displayName')} error={errorText('displayName')} />
          {select('role', t('users.role'), ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })))}
          <Controller
            control={control}
            name="organizationId"
            render={({ field }) => (
              <OrganizationSelect
                label={t('users.organization')}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errorText('organizationId')}
                required
                allowDeselect={false}
                data-testid="user-organization"
              />
            )}
          />
        </SimpleGrid>
        {officer && select('areaId', t('users.area'), groups)}
        {creating ? (
          <TextInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint')}
            required
            autoComplete="new-password"
            ff="monospace"
            rightSectionWidth={96}
            rightSection={
              <Button size="compact-xs" variant="default" onClick={() => setValue('password', generatePassword(), { shouldValidate: true })}>
                {t('users.generate')}
              </Button>
            }
            {...register('password')}
            error={errorText('password')}
          />
        ) : (
          <Controller
            control={control}
            name="active"
            render={({ field }) => (
              <Switch
                label={t('users.active')}
                description={self ? t('users.selfActive') : t('users.activeHint')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                disabled={self}
                error={errorText('active')}
              />
            )}
          />
        )}
        {!creating && <Text size="xs" c="dimmed">{t('users.accessChangeHint')}</Text>}
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={formState.isSubmitting}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
