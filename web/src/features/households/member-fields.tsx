import { Checkbox, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField, dateFieldProps } from '../../lib/date-field';
import { EARLIEST_BIRTH, mayWaitForNik } from './register-rules';
import { useFieldText } from './register-form-kit';

const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'PARENT_IN_LAW', 'OTHER_RELATIVE', 'OTHER'];
const EMPLOYMENT = ['EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED', 'NOT_IN_LABOR_FORCE', 'STUDENT'];
const JKN = ['NONE', 'PBI', 'NON_PBI'];

/**
 * A member's fields inside a react-hook-form form (`prefix` e.g. "members.1." or ""). The NIK may be
 * left for later only for a child or grandchild born in the last 12 months, as the server allows.
 */
export function MemberFields({ prefix = '', today, nikEditable = true, relations = RELATIONS }: {
  prefix?: string;
  today: string;
  /** false when editing: a registered NIK changes through a NIK correction. */
  nikEditable?: boolean;
  relations?: readonly string[];
}) {
  const { t } = useTranslation();
  const text = useFieldText();
  const { control, register, getFieldState, formState } = useFormContext();
  const name = (f: string) => `${prefix}${f}`;
  const error = (f: string) => text(getFieldState(name(f), formState).error?.message);
  const [relation, birthDate, nikPending] = useWatch({ control, name: [name('relation'), name('birthDate'), name('nikPending')] });
  const mayWait = mayWaitForNik(relation, birthDate ?? '', today);
  return (
    <>
      <TextInput label={t('household.name')} required {...register(name('name'))} error={error('name')} data-testid={`${prefix}member-name`} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Controller control={control} name={name('relation')} render={({ field }) => (
          <Select label={t('household.relation')} required data={relations.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={error('relation')} allowDeselect={false} data-testid={`${prefix}member-relation`} />
        )} />
        <Controller control={control} name={name('sex')} render={({ field }) => (
          <Select label={t('register.sex')} required data={['MALE', 'FEMALE'].map((s) => ({ value: s, label: t(`sex.${s}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={error('sex')} allowDeselect={false} data-testid={`${prefix}member-sex`} />
        )} />
        <Controller control={control} name={name('birthDate')} render={({ field }) => (
          <DateField {...dateFieldProps(field)} label={t('household.birthDate')} required min={EARLIEST_BIRTH} max={today} error={error('birthDate')} data-testid={`${prefix}member-birthDate`} />
        )} />
        {nikEditable && (
          <TextInput label={t('household.nik')} inputMode="numeric" maxLength={16} disabled={!!nikPending} required={!nikPending}
            {...register(name('nik'))} error={error('nik')} data-testid={`${prefix}member-nik`} />
        )}
      </SimpleGrid>
      {nikEditable && (mayWait || nikPending) && (
        <Checkbox label={t('register.nikPending')} description={t('register.nikPendingHelp')} {...register(name('nikPending'))} data-testid={`${prefix}member-nikPending`} />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Controller control={control} name={name('jknStatus')} render={({ field }) => (
          <Select label={t('household.jkn')} data={JKN.map((j) => ({ value: j, label: t(`jkn.${j}`) }))}
            value={field.value} onChange={(v) => field.onChange(v ?? 'NONE')} ref={field.ref} allowDeselect={false} error={error('jknStatus')} />
        )} />
        <Controller control={control} name={name('employmentStatus')} render={({ field }) => (
          <Select label={t('register.employment')} clearable data={EMPLOYMENT.map((e) => ({ value: e, label: t(`register.employmentStatus.${e}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={error('employmentStatus')} />
        )} />
      </SimpleGrid>
      <Group gap="lg">
        <Checkbox label={t('register.schoolEnrolled')} {...register(name('schoolEnrolled'))} />
        <Checkbox label={t('register.pregnant')} {...register(name('pregnant'))} error={error('pregnant')} />
      </Group>
      {nikPending && <Text size="xs" c="dimmed">{t('register.nikPendingNote')}</Text>}
    </>
  );
}
