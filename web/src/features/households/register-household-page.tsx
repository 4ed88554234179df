import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { todayWib } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { numberFieldProps } from '../../lib/forms';
import { HOUSEHOLD_EDIT_ROLES, useUser } from '../auth/session';
import { MemberFields } from './member-fields';
import { HouseFields } from './register-dialogs';
import { useFieldText, useServerSubmit } from './register-form-kit';
import { emptyMember, HOUSE_FIELDS, householdSchema, personInput } from './register-rules';

const KELURAHAN_OPTIONS = graphql(`
  query KelurahanOptions {
    areas(level: KELURAHAN) { id name code }
  }
`);
const CREATE_HOUSEHOLD = graphql(`
  mutation CreateHousehold($input: CreateHouseholdInput!) {
    createHousehold(input: $input) { id }
  }
`);

const TOP_FIELDS = ['kkNumber', 'areaId', 'address', 'rt', 'rw', 'welfareDecile', ...HOUSE_FIELDS];

/** "Daftarkan rumah tangga": a household with its members, by the kelurahan officer (own area) or an administrator. */
export function RegisterHouseholdPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const text = useFieldText();
  const today = todayWib();
  const officer = user.role === 'KELURAHAN_OFFICER';
  // An officer registers in their own kelurahan only; the administrator picks one.
  const areas = useQuery(KELURAHAN_OPTIONS, { skip: officer });
  const form = useForm({
    resolver: zodResolver(householdSchema(today)),
    defaultValues: {
      kkNumber: '', areaId: officer ? (user.area?.id ?? '') : '', address: '', rt: '', rw: '', welfareDecile: '' as number | '',
      ...Object.fromEntries(HOUSE_FIELDS.map((f) => [f, ''])) as Record<(typeof HOUSE_FIELDS)[number], string>,
      members: [emptyMember('HEAD')],
    },
  });
  const members = useFieldArray({ control: form.control, name: 'members' });
  const { run, formError } = useServerSubmit(form.setError, (f) => TOP_FIELDS.includes(f) || f.startsWith('members.'));
  const [create] = useMutation(CREATE_HOUSEHOLD);
  const e = form.formState.errors;

  if (!HOUSEHOLD_EDIT_ROLES.includes(user.role)) return <Alert color="yellow">{t('common.forbidden')}</Alert>;

  const submit = form.handleSubmit(async (v) => {
    let id = '';
    const house = Object.fromEntries(HOUSE_FIELDS.filter((f) => v[f]).map((f) => [f, v[f]]));
    const ok = await run(async () => {
      const result = await create({ variables: { input: {
        kkNumber: v.kkNumber, areaId: v.areaId, address: v.address, welfareDecile: Number(v.welfareDecile),
        ...(v.rt ? { rt: v.rt } : {}), ...(v.rw ? { rw: v.rw } : {}), ...house,
        members: v.members.map(personInput),
      } } });
      id = result.data?.createHousehold.id ?? '';
    });
    if (ok && id) void navigate(`/rumah-tangga/${id}`, { state: { notice: t('register.registered') } });
  });

  return (
    <Stack>
      <Anchor component={Link} to="/rumah-tangga" size="sm">← {t('household.back')}</Anchor>
      <Title order={1} size="h2">{t('register.title')}</Title>
      <FormProvider {...form}>
        <form noValidate onSubmit={(ev) => void submit(ev)} aria-label={t('register.title')} data-testid="register-form">
          <Stack>
            {formError !== null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
            <Paper withBorder p="md" component="section" aria-label={t('register.householdSection')}>
              <Title order={2} size="h4" mb="sm">{t('register.householdSection')}</Title>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput label={t('households.kk')} inputMode="numeric" maxLength={16} required {...form.register('kkNumber')} error={text(e.kkNumber?.message)} data-testid="register-kk" />
                  {officer ? (
                    <TextInput label={t('households.area')} value={user.area?.name ?? ''} readOnly />
                  ) : (
                    <Controller control={form.control} name="areaId" render={({ field }) => (
                      <Select label={t('households.area')} required searchable data={(areas.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
                        value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={text(e.areaId?.message)} />
                    )} />
                  )}
                </SimpleGrid>
                <TextInput label={t('households.address')} required {...form.register('address')} error={text(e.address?.message)} data-testid="register-address" />
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                  <TextInput label={t('household.rt')} inputMode="numeric" maxLength={3} {...form.register('rt')} error={text(e.rt?.message)} />
                  <TextInput label={t('household.rw')} inputMode="numeric" maxLength={3} {...form.register('rw')} error={text(e.rw?.message)} />
                  <Controller control={form.control} name="welfareDecile" render={({ field }) => (
                    <NumberInput label={t('households.decile')} required min={1} max={10} clampBehavior="none" allowDecimal={false} {...numberFieldProps(field)} error={text(e.welfareDecile?.message)} data-testid="register-decile" />
                  )} />
                </SimpleGrid>
                <Text size="sm" fw={600}>{t('register.houseTitle')}</Text>
                <HouseFields control={form.control} errors={e as never} />
              </Stack>
            </Paper>
            {members.fields.map((m, i) => (
              <Paper key={m.id} withBorder p="md" component="section" aria-label={t('register.memberN', { n: i + 1 })} data-testid="register-member">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">{t('register.memberN', { n: i + 1 })}</Title>
                  {i > 0 && <Button variant="subtle" color="red" size="xs" onClick={() => members.remove(i)}>{t('register.removeMember')}</Button>}
                </Group>
                <Stack gap="sm">
                  <MemberFields prefix={`members.${i}.`} today={today} />
                </Stack>
              </Paper>
            ))}
            {e.members?.message && <Text c="red" size="sm" role="alert">{text(e.members.message)}</Text>}
            <Group justify="space-between">
              <Button variant="light" onClick={() => members.append(emptyMember('CHILD'))} data-testid="register-add-member">{t('register.addMember')}</Button>
              <Button type="submit" loading={form.formState.isSubmitting} data-testid="register-submit">{t('register.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </Stack>
  );
}
