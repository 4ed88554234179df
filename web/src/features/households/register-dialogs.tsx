import { useApolloClient, useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { MemberExit, Relation, Sex } from '../../gql/graphql';
import { todayWib, useNumberSeparators } from '../../i18n/format';
import { DateField, dateFieldProps } from '../../lib/date-field';
import { numberFieldProps } from '../../lib/forms';
import { MemberFields } from './member-fields';
import { FormModal, FormShell, useFieldText, useServerSubmit } from './register-form-kit';
import {
  assessmentSchema, correctKkSchema, EARLIEST_ASSESSMENT, correctNikSchema, emptyMember, exitSchema, HOUSE_FIELDS, HOUSE_OPTIONS, houseSchema,
  memberSchema, moveSchema, personInput, type MemberValues,
} from './register-rules';

const ADD_MEMBER = graphql(`
  mutation AddHouseholdMember($householdId: ID!, $input: PersonInput!) {
    addHouseholdMember(householdId: $householdId, input: $input) { id }
  }
`);
const UPDATE_MEMBER = graphql(`
  mutation UpdateHouseholdMember($input: UpdatePersonInput!) {
    updateHouseholdMember(input: $input) { id version }
  }
`);
const RECORD_EXIT = graphql(`
  mutation RecordMemberExit($input: RecordMemberExitInput!) {
    recordMemberExit(input: $input) { id leftOn leftReason }
  }
`);
const MOVE_MEMBER = graphql(`
  mutation MoveHouseholdMember($input: MoveMemberInput!) {
    moveHouseholdMember(input: $input) { id }
  }
`);
const FIND_BY_KK = graphql(`
  query HouseholdByKk($kk: String!) {
    households(first: 2, filter: { search: $kk }) { edges { node { id kkNumber } } }
  }
`);
const CORRECT_NIK = graphql(`
  mutation CorrectMemberNik($input: CorrectNikInput!) {
    correctMemberNik(input: $input) { id nik nikPending version }
  }
`);
const CORRECT_KK = graphql(`
  mutation CorrectKkNumber($input: CorrectKkNumberInput!) {
    correctKkNumber(input: $input) { id kkNumber version }
  }
`);
const UPDATE_HOUSE = graphql(`
  mutation UpdateHouseConditions($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) { id version floorType wallType roofType drinkingWater sanitation electricity homeOwnership }
  }
`);
const RECORD_ASSESSMENT = graphql(`
  mutation RecordAssessment($input: RecordPovertyAssessmentInput!) {
    recordPovertyAssessment(input: $input) { id }
  }
`);

// Every register change re-derives needs on the server: the page reloads before the dialog closes.
const RELOAD = { refetchQueries: ['HouseholdDetail'], awaitRefetchQueries: true };

export interface RegisterMember {
  id: string;
  name: string;
  version: number;
  sex: Sex;
  relation: Relation;
  birthDate?: string | null;
  nik?: string | null;
  nikPending: boolean;
  jknStatus: string;
  employmentStatus?: string | null;
  schoolEnrolled: boolean;
  pregnant: boolean;
}

interface DialogProps { opened: boolean; onClose: () => void; onSaved: (message: string) => void }

const has = (fields: readonly string[]) => (path: string) => fields.includes(path);
const MEMBER_FIELDS = ['name', 'nik', 'sex', 'birthDate', 'relation', 'jknStatus', 'employmentStatus', 'pregnant'];

export function AddMemberDialog({ householdId, ...p }: DialogProps & { householdId: string }) {
  const { t } = useTranslation();
  return <FormModal opened={p.opened} onClose={p.onClose} title={t('register.addMember')}><MemberForm householdId={householdId} {...p} /></FormModal>;
}

function MemberForm({ householdId, member, onClose, onSaved }: DialogProps & { householdId?: string; member?: RegisterMember }) {
  const { t } = useTranslation();
  const today = todayWib();
  const form = useForm<MemberValues>({
    resolver: zodResolver(memberSchema(today, !!member?.nikPending)) as never,
    defaultValues: member
      ? { ...emptyMember(member.relation), name: member.name, nik: member.nik ?? '', nikPending: member.nikPending, sex: member.sex, birthDate: member.birthDate ?? '',
          jknStatus: member.jknStatus as never, employmentStatus: member.employmentStatus ?? '', schoolEnrolled: member.schoolEnrolled, pregnant: member.pregnant }
      : { ...emptyMember('CHILD'), birthDate: today },
  });
  const { run, formError } = useServerSubmit(form.setError, has(MEMBER_FIELDS));
  const [add] = useMutation(ADD_MEMBER, RELOAD);
  const [update] = useMutation(UPDATE_MEMBER, RELOAD);
  // Editing: a registered NIK is corrected elsewhere (with a reason); a pending one may be given here.
  const nikEditable = !member || member.nikPending;
  const submit = form.handleSubmit(async (v) => {
    const input = personInput(v);
    const ok = await run(() =>
      member
        ? update({ variables: { input: { ...input, id: member.id, version: member.version, nik: nikEditable && input.nik ? input.nik : undefined } } })
        : add({ variables: { householdId: householdId!, input } }),
    );
    if (ok) { onSaved(t(member ? 'register.memberSaved' : 'register.memberAdded', { name: v.name })); onClose(); }
  });
  return (
    <FormProvider {...form}>
      <FormShell testId="member-form" label={t(member ? 'register.editMember' : 'register.addMember')} formError={formError} onSubmit={(e) => void submit(e)} onCancel={onClose} submitting={form.formState.isSubmitting}>
        <MemberFields today={today} nikEditable={nikEditable} />
      </FormShell>
    </FormProvider>
  );
}

export function EditMemberDialog({ member, ...p }: DialogProps & { member: RegisterMember }) {
  const { t } = useTranslation();
  return <FormModal opened={p.opened} onClose={p.onClose} title={t('register.editMemberOf', { name: member.name })}><MemberForm member={member} {...p} /></FormModal>;
}

export function MemberExitDialog({ member, others, ...p }: DialogProps & { member: RegisterMember; others: RegisterMember[] }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const today = todayWib();
  const isHead = member.relation === 'HEAD';
  const form = useForm({ resolver: zodResolver(exitSchema(today, member.birthDate, isHead)), defaultValues: { reason: '' as MemberExit, date: today, note: '', newHeadId: '' } });
  const { run, formError } = useServerSubmit(form.setError, has(['reason', 'date', 'note', 'newHeadId']));
  const [exit] = useMutation(RECORD_EXIT, RELOAD);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const ok = await run(() => exit({ variables: { input: { personId: member.id, version: member.version, reason: v.reason, date: v.date, note: v.note || undefined, newHeadId: v.newHeadId || undefined } } }));
    if (ok) { p.onSaved(t('register.exitSaved', { name: member.name })); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t('register.exitOf', { name: member.name })}>
      <FormShell testId="exit-form" label={t('register.exit')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        <Controller control={form.control} name="reason" render={({ field }) => (
          <Select label={t('register.exitReason')} required data={['DECEASED', 'MOVED_OUT'].map((r) => ({ value: r, label: t(`register.memberExit.${r}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={text(e.reason?.message)} data-testid="exit-reason" />
        )} />
        <Controller control={form.control} name="date" render={({ field }) => (
          // Not before the member was born, not after today: as the server checks.
          <DateField {...dateFieldProps(field)} label={t('register.exitDate')} required min={member.birthDate} max={today} error={text(e.date?.message)} data-testid="exit-date" />
        )} />
        {isHead && <NewHeadSelect control={form.control} others={others} error={text(e.newHeadId?.message)} />}
        <Textarea label={t('register.exitNote')} {...form.register('note')} error={text(e.note?.message)} />
      </FormShell>
    </FormModal>
  );
}

function NewHeadSelect({ control, others, error }: { control: any; others: RegisterMember[]; error?: string }) {
  const { t } = useTranslation();
  return (
    <Controller control={control} name="newHeadId" render={({ field }) => (
      <Select label={t('register.newHead')} description={t('register.newHeadHelp')} required
        data={others.filter((m) => !m.nikPending).map((m) => ({ value: m.id, label: m.name }))}
        value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={error} />
    )} />
  );
}

export function MoveMemberDialog({ member, others, ...p }: DialogProps & { member: RegisterMember; others: RegisterMember[] }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const client = useApolloClient();
  const isHead = member.relation === 'HEAD';
  const form = useForm({ resolver: zodResolver(moveSchema(member.nikPending, isHead)), defaultValues: { toKk: '', relation: '', newHeadId: '' } });
  const { run, formError } = useServerSubmit(form.setError, has(['relation', 'newHeadId', 'toKk']), { toHouseholdId: 'toKk' });
  const [move] = useMutation(MOVE_MEMBER, RELOAD);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const found = await client.query({ query: FIND_BY_KK, variables: { kk: v.toKk }, fetchPolicy: 'network-only' }).catch(() => null);
    const target = found?.data?.households.edges.map((e) => e.node).find((h) => h.kkNumber === v.toKk);
    if (!target) { form.setError('toKk', { message: 'register.errors.kkNotFound' }, { shouldFocus: true }); return; }
    const ok = await run(() => move({ variables: { input: { personId: member.id, version: member.version, toHouseholdId: target.id, relation: v.relation as Relation, newHeadId: v.newHeadId || undefined } } }));
    if (ok) { p.onSaved(t('register.moveSaved', { name: member.name })); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t('register.moveOf', { name: member.name })}>
      <FormShell testId="move-form" label={t('register.move')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        <TextInput label={t('register.toKk')} description={t('register.toKkHelp')} inputMode="numeric" maxLength={16} required {...form.register('toKk')}
          error={text(e.toKk?.message)} />
        <Controller control={form.control} name="relation" render={({ field }) => (
          <Select label={t('register.newRelation')} required
            data={['SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'PARENT_IN_LAW', 'OTHER_RELATIVE', 'OTHER'].map((r) => ({ value: r, label: t(`relation.${r}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={text(e.relation?.message)} />
        )} />
        {isHead && <NewHeadSelect control={form.control} others={others} error={text(e.newHeadId?.message)} />}
      </FormShell>
    </FormModal>
  );
}

export function CorrectNikDialog({ member, ...p }: DialogProps & { member: RegisterMember }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const form = useForm({ resolver: zodResolver(correctNikSchema(member.sex, member.birthDate ?? '')), defaultValues: { nik: '', reason: '' } });
  const { run, formError } = useServerSubmit(form.setError, has(['nik', 'reason']));
  const [correct] = useMutation(CORRECT_NIK, RELOAD);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const ok = await run(() => correct({ variables: { input: { personId: member.id, version: member.version, nik: v.nik, reason: v.reason } } }));
    if (ok) { p.onSaved(t('register.nikSaved', { name: member.name })); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t(member.nikPending ? 'register.giveNikOf' : 'register.correctNikOf', { name: member.name })}>
      <FormShell testId="nik-form" label={t('register.correctNik')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        {member.nik && <TextInput label={t('register.currentNik')} value={member.nik} readOnly />}
        <TextInput label={t('register.newNik')} inputMode="numeric" maxLength={16} required {...form.register('nik')} error={text(e.nik?.message)} />
        <Textarea label={t('register.correctionReason')} description={t('register.correctionReasonHelp')} required {...form.register('reason')} error={text(e.reason?.message)} />
      </FormShell>
    </FormModal>
  );
}

export function CorrectKkDialog({ household, ...p }: DialogProps & { household: { id: string; version: number; kkNumber: string } }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const form = useForm({ resolver: zodResolver(correctKkSchema), defaultValues: { kkNumber: '', reason: '' } });
  const { run, formError } = useServerSubmit(form.setError, has(['kkNumber', 'reason']));
  const [correct] = useMutation(CORRECT_KK, RELOAD);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const ok = await run(() => correct({ variables: { input: { householdId: household.id, version: household.version, kkNumber: v.kkNumber, reason: v.reason } } }));
    if (ok) { p.onSaved(t('register.kkSaved')); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t('register.correctKk')}>
      <FormShell testId="kk-form" label={t('register.correctKk')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        <TextInput label={t('register.currentKk')} value={household.kkNumber} readOnly />
        <TextInput label={t('register.newKk')} inputMode="numeric" maxLength={16} required {...form.register('kkNumber')} error={text(e.kkNumber?.message)} />
        <Textarea label={t('register.correctionReason')} description={t('register.correctionReasonHelp')} required {...form.register('reason')} error={text(e.reason?.message)} />
      </FormShell>
    </FormModal>
  );
}

type House = Record<(typeof HOUSE_FIELDS)[number], string | null | undefined>;

/** The house's condition selects, inside a react-hook-form form. */
export function HouseFields({ control, errors }: { control: any; errors: Record<string, { message?: string } | undefined> }) {
  const { t } = useTranslation();
  const text = useFieldText();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      {HOUSE_FIELDS.map((f) => (
        <Controller key={f} control={control} name={f} render={({ field }) => (
          <Select label={t(`register.house.${f}`)} clearable data={HOUSE_OPTIONS[f].map((o) => ({ value: o, label: t(`register.${f}.${o}`) }))}
            value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={text(errors[f]?.message)} data-testid={`house-${f}`} />
        )} />
      ))}
    </SimpleGrid>
  );
}

export function HouseConditionsDialog({ household, ...p }: DialogProps & { household: House & { id: string; version: number } }) {
  const { t } = useTranslation();
  const defaults = Object.fromEntries(HOUSE_FIELDS.map((f) => [f, household[f] ?? ''])) as Record<(typeof HOUSE_FIELDS)[number], string>;
  const form = useForm({ resolver: zodResolver(houseSchema), defaultValues: defaults });
  const { run, formError } = useServerSubmit(form.setError, has(HOUSE_FIELDS));
  const [update] = useMutation(UPDATE_HOUSE, RELOAD);
  const submit = form.handleSubmit(async (v) => {
    // Only what changed is sent; the server keeps a value that is not given.
    const changed = Object.fromEntries(HOUSE_FIELDS.filter((f) => v[f] && v[f] !== defaults[f]).map((f) => [f, v[f]]));
    const ok = await run(() => update({ variables: { input: { id: household.id, version: household.version, ...changed } } }));
    if (ok) { p.onSaved(t('register.houseSaved')); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t('register.houseTitle')}>
      <FormShell testId="house-form" label={t('register.houseTitle')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        <HouseFields control={form.control} errors={form.formState.errors} />
      </FormShell>
    </FormModal>
  );
}

export function AssessmentDialog({ householdId, ...p }: DialogProps & { householdId: string }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const separators = useNumberSeparators();
  const today = todayWib();
  const form = useForm({
    resolver: zodResolver(assessmentSchema(today)),
    defaultValues: { assessedOn: today, welfareDecile: '' as number | '', povertyStatus: '', monthlyExpenditurePerCapita: '' as number | '', reason: '' },
  });
  const { run, formError } = useServerSubmit(form.setError, has(['assessedOn', 'welfareDecile', 'povertyStatus', 'monthlyExpenditurePerCapita', 'reason']));
  const [record] = useMutation(RECORD_ASSESSMENT, RELOAD);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const ok = await run(() => record({ variables: { input: {
      householdId, assessedOn: v.assessedOn, welfareDecile: Number(v.welfareDecile), reason: v.reason,
      ...(v.povertyStatus ? { povertyStatus: v.povertyStatus as never } : {}),
      ...(v.monthlyExpenditurePerCapita === '' ? {} : { monthlyExpenditurePerCapita: v.monthlyExpenditurePerCapita }),
    } } }));
    if (ok) { p.onSaved(t('register.assessmentSaved')); p.onClose(); }
  });
  return (
    <FormModal opened={p.opened} onClose={p.onClose} title={t('register.assessment')}>
      <FormShell testId="assessment-form" label={t('register.assessment')} formError={formError} onSubmit={(ev) => void submit(ev)} onCancel={p.onClose} submitting={form.formState.isSubmitting}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Controller control={form.control} name="assessedOn" render={({ field }) => (
            <DateField {...dateFieldProps(field)} label={t('register.assessedOn')} required min={EARLIEST_ASSESSMENT} max={today} error={text(e.assessedOn?.message)} data-testid="assessment-date" />
          )} />
          <Controller control={form.control} name="welfareDecile" render={({ field }) => (
            <NumberInput label={t('households.decile')} required min={1} max={10} clampBehavior="none" allowDecimal={false} {...numberFieldProps(field)} error={text(e.welfareDecile?.message)} />
          )} />
          <Controller control={form.control} name="povertyStatus" render={({ field }) => (
            <Select label={t('households.status')} description={t('register.statusFromDecile')} clearable
              data={['EXTREME_POOR', 'POOR', 'VULNERABLE', 'NOT_POOR', 'GRADUATED'].map((s) => ({ value: s, label: t(`povertyStatus.${s}`) }))}
              value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={text(e.povertyStatus?.message)} />
          )} />
          <Controller control={form.control} name="monthlyExpenditurePerCapita" render={({ field }) => (
            <NumberInput label={t('household.expenditure')} min={0} clampBehavior="none" {...separators} {...numberFieldProps(field)} error={text(e.monthlyExpenditurePerCapita?.message)} />
          )} />
        </SimpleGrid>
        <Textarea label={t('register.assessmentReason')} required {...form.register('reason')} error={text(e.reason?.message)} />
      </FormShell>
    </FormModal>
  );
}
