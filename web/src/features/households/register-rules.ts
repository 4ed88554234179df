import { z } from 'zod';
import type { Relation, Sex } from '../../gql/graphql';

/**
 * The server's rules for the register (server/src/households: validatePerson, checkPendingNik,
 * householdFieldChanges, register.service), checked in the form first. Messages are translation keys
 * under `register.errors`; the server's own messages land beside the same fields when it refuses.
 */

/** The earliest birth date and assessment day the server accepts. */
export const EARLIEST_BIRTH = '1900-01-01';
export const EARLIEST_ASSESSMENT = '2000-01-01';

const NIK_PENDING_RELATIONS: readonly Relation[] = ['CHILD', 'GRANDCHILD'];

/** A year before `today` (YYYY-MM-DD): a member born after it may wait for a NIK. */
const yearBefore = (today: string) => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

export function mayWaitForNik(relation: Relation | undefined, birthDate: string, today: string): boolean {
  return !!relation && NIK_PENDING_RELATIONS.includes(relation) && !!birthDate && birthDate > yearBefore(today);
}

/** The NIK's date part: DDMMYY, the day plus 40 for a woman (as the server checks it). */
export function nikMismatch(nik: string, sex: Sex | undefined, birthDate: string): 'sex' | 'birthDate' | null {
  const rawDay = Number(nik.slice(6, 8));
  const nikSex: Sex = rawDay > 40 ? 'FEMALE' : 'MALE';
  if (sex && sex !== nikSex) return 'sex';
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    const day = nikSex === 'FEMALE' ? rawDay - 40 : rawDay;
    const expected = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`;
    if (`${String(day).padStart(2, '0')}${nik.slice(8, 12)}` !== expected) return 'birthDate';
  }
  return null;
}

const sixteenDigits = (key: string) => z.string().trim().regex(/^\d{16}$/, `register.errors.${key}`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'register.errors.date');

/** `stillPending`: editing a member already waiting for a NIK (the server then checks the relation only, not the age). */
export function memberSchema(today: string, stillPending = false) {
  return z
    .object({
      name: z.string().trim().min(1, 'register.errors.name').max(200, 'register.errors.name'),
      nik: z.string().trim(),
      nikPending: z.boolean(),
      sex: z.enum(['MALE', 'FEMALE'], { error: 'register.errors.required' }),
      birthDate: date.refine((d) => d >= EARLIEST_BIRTH && d <= today, 'register.errors.birthDate'),
      relation: z.string().min(1, 'register.errors.required'),
      jknStatus: z.enum(['NONE', 'PBI', 'NON_PBI']),
      employmentStatus: z.string(),
      schoolEnrolled: z.boolean(),
      pregnant: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const relation = v.relation as Relation;
      if (v.nikPending && stillPending) {
        if (!NIK_PENDING_RELATIONS.includes(relation)) ctx.addIssue({ code: 'custom', path: ['relation'], message: 'register.errors.pendingRelation' });
      } else if (v.nikPending) {
        if (!mayWaitForNik(relation, v.birthDate, today)) ctx.addIssue({ code: 'custom', path: ['nik'], message: 'register.errors.nikRequired' });
      } else if (!/^\d{16}$/.test(v.nik)) {
        ctx.addIssue({ code: 'custom', path: ['nik'], message: 'register.errors.nik' });
      } else {
        const mismatch = nikMismatch(v.nik, v.sex, v.birthDate);
        if (mismatch) ctx.addIssue({ code: 'custom', path: ['nik'], message: `register.errors.nik_${mismatch}` });
      }
      if (v.pregnant) {
        const age = Number(today.slice(0, 4)) - Number(v.birthDate.slice(0, 4));
        if (v.sex !== 'FEMALE' || age < 10 || age > 55) ctx.addIssue({ code: 'custom', path: ['pregnant'], message: 'register.errors.pregnant' });
      }
    });
}
export type MemberValues = z.input<ReturnType<typeof memberSchema>>;

export const emptyMember = (relation: Relation): MemberValues => ({
  name: '', nik: '', nikPending: false, sex: '' as never, birthDate: '', relation, jknStatus: 'NONE', employmentStatus: '', schoolEnrolled: false, pregnant: false,
});

/** A member as the API takes it (PersonInput): no NIK for a newborn waiting for one. */
export function personInput(v: MemberValues) {
  return {
    name: v.name.trim(),
    nik: v.nikPending ? null : v.nik.trim(),
    sex: v.sex as Sex,
    birthDate: v.birthDate,
    relation: v.relation as Relation,
    jknStatus: v.jknStatus,
    schoolEnrolled: v.schoolEnrolled,
    pregnant: v.pregnant,
    ...(v.employmentStatus ? { employmentStatus: v.employmentStatus as never } : {}),
  };
}

const rtRw = z.string().trim().refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) > 0), 'register.errors.rtRw');

export const HOUSE_FIELDS = ['floorType', 'wallType', 'roofType', 'drinkingWater', 'sanitation', 'electricity', 'homeOwnership'] as const;
export const HOUSE_OPTIONS: Record<(typeof HOUSE_FIELDS)[number], readonly string[]> = {
  floorType: ['EARTH', 'BAMBOO', 'WOOD_LOW_QUALITY', 'WOOD_HIGH_QUALITY', 'CEMENT', 'TILE_CERAMIC'],
  wallType: ['BAMBOO', 'WOOD_LOW_QUALITY', 'WOOD_HIGH_QUALITY', 'PLASTERED_BRICK', 'UNPLASTERED_BRICK', 'OTHER'],
  roofType: ['THATCH', 'WOOD_SHINGLE', 'ZINC', 'ASBESTOS', 'CLAY_TILE', 'CONCRETE'],
  drinkingWater: ['PIPED', 'BOTTLED', 'PROTECTED_WELL', 'UNPROTECTED_WELL', 'RIVER_LAKE', 'RAINWATER', 'OTHER'],
  sanitation: ['PRIVATE', 'SHARED', 'PUBLIC', 'NONE'],
  electricity: ['PLN_METERED', 'PLN_UNMETERED', 'NON_PLN', 'NONE'],
  homeOwnership: ['OWNED', 'RENTED', 'RENT_FREE', 'OFFICIAL_HOUSING', 'OTHER'],
};
const houseShape = Object.fromEntries(HOUSE_FIELDS.map((f) => [f, z.string()])) as Record<(typeof HOUSE_FIELDS)[number], z.ZodString>;
export const houseSchema = z.object(houseShape);

export function householdSchema(today: string) {
  return z
    .object({
      kkNumber: sixteenDigits('kk'),
      areaId: z.string().min(1, 'register.errors.required'),
      address: z.string().trim().min(3, 'register.errors.address').max(300, 'register.errors.address'),
      rt: rtRw,
      rw: rtRw,
      welfareDecile: z.union([z.number(), z.literal('')]).refine((v) => v !== '' && Number.isInteger(v) && v >= 1 && v <= 10, 'register.errors.decile'),
      ...houseShape,
      members: z.array(memberSchema(today)).min(1),
    })
    .superRefine((v, ctx) => {
      if (v.members.filter((m) => m.relation === 'HEAD').length !== 1) ctx.addIssue({ code: 'custom', path: ['members'], message: 'register.errors.oneHead' });
      const seen = new Set<string>();
      v.members.forEach((m, i) => {
        if (m.nikPending) return;
        if (seen.has(m.nik)) ctx.addIssue({ code: 'custom', path: ['members', i, 'nik'], message: 'register.errors.nikTwice' });
        seen.add(m.nik);
      });
    });
}

export const reasonText = z.string().trim().min(3, 'register.errors.reason').max(500, 'register.errors.reason');

export function exitSchema(today: string, birthDate: string | null | undefined, isHead: boolean) {
  return z
    .object({
      reason: z.enum(['DECEASED', 'MOVED_OUT'], { error: 'register.errors.required' }),
      date: date.refine((d) => d <= today && (!birthDate || d >= birthDate), 'register.errors.exitDate'),
      note: z.string().trim().max(500, 'register.errors.note'),
      newHeadId: z.string(),
    })
    .refine((v) => !isHead || v.newHeadId !== '', { path: ['newHeadId'], message: 'register.errors.newHead' });
}

export function moveSchema(nikPending: boolean, isHead: boolean) {
  return z
    .object({
      toKk: sixteenDigits('kk'),
      relation: z.string().min(1, 'register.errors.required').refine((r) => r !== 'HEAD', 'register.errors.notHead'),
      newHeadId: z.string(),
    })
    .refine((v) => !nikPending || NIK_PENDING_RELATIONS.includes(v.relation as Relation), { path: ['relation'], message: 'register.errors.pendingRelation' })
    .refine((v) => !isHead || v.newHeadId !== '', { path: ['newHeadId'], message: 'register.errors.newHead' });
}

export function correctNikSchema(sex: Sex, birthDate: string) {
  return z
    .object({ nik: sixteenDigits('nik'), reason: reasonText })
    .superRefine((v, ctx) => {
      const mismatch = /^\d{16}$/.test(v.nik) ? nikMismatch(v.nik, sex, birthDate) : null;
      if (mismatch) ctx.addIssue({ code: 'custom', path: ['nik'], message: `register.errors.nik_${mismatch}` });
    });
}

export const correctKkSchema = z.object({ kkNumber: sixteenDigits('kk'), reason: reasonText });

export function assessmentSchema(today: string) {
  return z.object({
    assessedOn: date.refine((d) => d >= EARLIEST_ASSESSMENT && d <= today, 'register.errors.assessedOn'),
    welfareDecile: z.union([z.number(), z.literal('')]).refine((v) => v !== '' && Number.isInteger(v) && v >= 1 && v <= 10, 'register.errors.decile'),
    povertyStatus: z.string(),
    monthlyExpenditurePerCapita: z.union([z.number(), z.literal('')]).refine((v) => v === '' || (v >= 0 && v <= 1_000_000_000), 'register.errors.expenditure'),
    reason: z.string().trim().min(3, 'register.errors.reason').max(1000, 'register.errors.reason'),
  });
}
