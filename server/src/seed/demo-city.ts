// Deterministic generator of the demo city. It yields plain row objects (column names as in the
// migration) in batches, so the inserter streams them into PostgreSQL and the tests inspect them
// without a database. Same options ⇒ the same rows, ids and dates, byte for byte.

import { today as clockToday } from '../config/clock.js';
import { ageInDays, lengthHeightForAgeZ, MAX_AGE_DAYS, stuntingStatus, type StuntingStatus } from '../growth/zscore.js';
import { makeKk, makeNik } from '../households/identity-numbers.js';
import { periodKey } from '../interventions/period-key.js';
import { Random } from './random.js';
import {
  AREA_CODES,
  areaId,
  CANCEL_REASONS,
  CITY,
  DELIVERY_NOTES,
  DEMO_ACCOUNTS,
  DEMO_ORGS,
  DEMO_USERS,
  ETHNIC_MIX,
  type Ethnicity,
  type Frequency,
  GANG_NAMES,
  KECAMATAN,
  KELURAHAN,
  type KelurahanDef,
  NAMES,
  type NeedType,
  NUMBERED_STREETS,
  OCCUPATIONS,
  ORGANIZATIONS,
  type ProgramDef,
  programId,
  PROGRAMS,
  REFERRAL_PARTNERS,
  type Sex,
  USER_OF_ORG,
  organizationByKey,
} from './reference-data.js';

export const DEMO_SEED = 20261127;
/**
 * The year the demo's dated facts were written for (program terms, survey rounds): they move by
 * whole years with the seeding day, so a program that ends "at the end of this year" still does.
 */
const DEMO_BASE_YEAR = 2026;
export const DEFAULT_HOUSEHOLDS = 5_000;
export const DEFAULT_BATCH_SIZE = 1_000;

// Reference rows carry a fixed timestamp (moved by whole years like the other dated facts) so that
// two seeds of the same city on one day are identical.
const REFERENCE_STAMP_WRITTEN = '2025-01-02';

// ---------------------------------------------------------------------------------------------
// Row shapes (snake_case, exactly the columns of 0001-initial-schema)

export interface AreaRow {
  id: string;
  code: string;
  name: string;
  level: 'CITY' | 'KECAMATAN' | 'KELURAHAN';
  parent_id: string | null;
  population: number;
  created_at: string;
  updated_at: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  short_name: string;
  type: string;
  contact_email: string;
  contact_phone: string;
  address: string;
  created_at: string;
  updated_at: string;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  organization_id: string;
  role: string;
  area_id: string | null;
  password_hash: string;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface ProgramRow {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  focus_aspects: string[];
  strategy: string;
  need_types: string[];
  target_unit: string;
  target_min_age_months: number | null;
  target_max_age_months: number | null;
  target_sex: string | null;
  delivery_unit: string;
  frequency: string;
  starts_on: string;
  ends_on: string | null;
  budget_rp: number | null;
  quota: number;
  created_at: string;
  updated_at: string;
}

export interface HouseholdRow {
  id: string;
  kk_number: string;
  area_id: string;
  address: string;
  rt: string;
  rw: string;
  latitude: number;
  longitude: number;
  welfare_decile: number;
  poverty_status: 'EXTREME_POOR' | 'POOR' | 'VULNERABLE' | 'NOT_POOR' | 'GRADUATED';
  monthly_expenditure_per_capita: number;
  floor_type: string;
  wall_type: string;
  roof_type: string;
  drinking_water: string;
  sanitation: string;
  electricity: string;
  home_ownership: string;
  data_sources: Array<{ source: string; date: string }>;
  verification_status: 'UNVERIFIED' | 'VERIFIED' | 'NEEDS_UPDATE';
  verified_at: string | null;
  verified_by_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PersonRow {
  id: string;
  household_id: string;
  nik: string;
  name: string;
  sex: Sex;
  birth_date: string;
  relation: string;
  education_level: string;
  school_enrolled: boolean;
  disability: string;
  occupation: string | null;
  employment_status: string | null;
  jkn_status: 'NONE' | 'PBI' | 'NON_PBI';
  pregnant: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GrowthMeasurementRow {
  id: string;
  person_id: string;
  measured_on: string;
  age_days: number;
  weight_kg: number;
  height_cm: number;
  position: 'LYING' | 'STANDING';
  height_for_age_z: number;
  stunting_status: StuntingStatus;
  recorded_by_id: string | null;
  organization_id: string;
  created_at: string;
}

export type InterventionStatus = 'PLANNED' | 'IN_PROGRESS' | 'DELIVERED' | 'VERIFIED' | 'CANCELLED';

export interface InterventionRow {
  id: string;
  program_id: string;
  household_id: string;
  person_id: string | null;
  status: InterventionStatus;
  planned_on: string;
  delivered_on: string | null;
  period_key: string;
  quantity: number;
  value_rp: number | null;
  note: string | null;
  idempotency_key: null;
  logged_by_id: string | null;
  organization_id: string;
  verified_at: string | null;
  verified_by_id: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type AssignmentStatus = 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'CLOSED';

export interface AssignmentRow {
  id: string;
  household_id: string;
  organization_id: string;
  need_type: NeedType | null;
  status: AssignmentStatus;
  note: string;
  response_note: string | null;
  requested_by_id: string;
  requested_at: string;
  lawful_basis: 'CONSENT' | 'PUBLIC_TASK';
  consent_given_by_id: string | null;
  consent_given_on: string | null;
  consent_method: 'VERBAL' | 'WRITTEN' | 'THUMBPRINT' | null;
  responded_by_id: string | null;
  responded_at: string | null;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type PovertyStatusCode = HouseholdRow['poverty_status'];

export interface PovertyAssessmentRow {
  id: string;
  household_id: string;
  assessed_on: string;
  welfare_decile: number;
  poverty_status: PovertyStatusCode;
  monthly_expenditure_per_capita: number;
  previous_decile: number | null;
  previous_status: PovertyStatusCode | null;
  reason: string;
  assessed_by_id: string | null;
  organization_id: string | null;
  created_at: string;
}

export type IndicatorCode = 'STUNTING_PREVALENCE_PCT' | 'INVESTMENT_REALISATION_RP' | 'P3DN_SHARE_PCT' | 'INFLATION_YOY_PCT';

export interface IndicatorValueRow {
  id: string;
  area_id: string;
  indicator: IndicatorCode;
  year: number;
  quarter: number;
  value: number;
  source: string;
  recorded_by_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface HouseholdBatch {
  households: HouseholdRow[];
  persons: PersonRow[];
  growthMeasurements: GrowthMeasurementRow[];
  interventions: InterventionRow[];
  assignments: AssignmentRow[];
  povertyAssessments: PovertyAssessmentRow[];
}

// ---------------------------------------------------------------------------------------------
// Dates (whole UTC days since the epoch; ISO strings at the edges)

const MS_PER_DAY = 86_400_000;

function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

// Formatting dates dominated the generator's profile; the few thousand distinct days are cached.
const isoCache = new Map<number, string>();

function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A timestamp on that day during WIB office hours (08:00–16:00 = 01:00–09:00 UTC). */
function stampOf(day: number, rng: Random): string {
  const seconds = rng.int(3_600, 9 * 3_600 - 1);
  return `${isoOf(day)}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.000Z`;
}

function ageYearsOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

function ageMonthsOn(birthIso: string, onIso: string): number {
  const months =
    (Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4))) * 12 +
    (Number(onIso.slice(5, 7)) - Number(birthIso.slice(5, 7)));
  return onIso.slice(8) < birthIso.slice(8) ? months - 1 : months;
}

function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  // 29 February has no twin in a common year; the 1st of March is the legal stand-in.
  const md = iso.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '03-01' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

// PLANNED work may be scheduled a few weeks past "today", never further.
const PLANNING_HORIZON_DAYS = 45;

/** The days the demo city is generated around; everything is relative to `today`. */
export interface DemoCalendar {
  /** The seeding day (YYYY-MM-DD, Palangka Raya): no delivery, measurement or assessment after it. */
  today: string;
  todayDay: number;
  /** Interventions and growth measurements cover the 18 months before today, from the 1st of a month. */
  windowStart: string;
  windowStartDay: number;
  // Every household's first assessment is 24–36 months old; what changed since falls in the last 24 months.
  firstAssessmentFromDay: number;
  assessmentHistoryStartDay: number;
  /** Whole years from DEMO_BASE_YEAR to today's year, by which dated reference facts move. */
  years: number;
}

export function demoCalendar(today: string): DemoCalendar {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m || isoOf(dayOf(today)) !== today) throw new RangeError(`today must be a date (YYYY-MM-DD), got ${today}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const monthsBefore = (months: number) => Date.UTC(year, month - months, day) / MS_PER_DAY;
  const windowStartDay = Date.UTC(year, month - 18, 1) / MS_PER_DAY;
  return {
    today,
    todayDay: dayOf(today),
    windowStart: isoOf(windowStartDay),
    windowStartDay,
    firstAssessmentFromDay: monthsBefore(36),
    assessmentHistoryStartDay: monthsBefore(24),
    years: year - DEMO_BASE_YEAR,
  };
}

interface Period {
  key: string;
  start: number;
  end: number;
}

/** The frequency periods overlapping [from, to] (days), clipped to that range. */
function periodsBetween(frequency: Frequency, from: number, to: number): Period[] {
  if (to < from) return [];
  if (frequency === 'ONCE') return [{ key: 'ONCE', start: from, end: to }];
  const out: Period[] = [];
  const first = new Date(from * MS_PER_DAY);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth(); // 0-based month where the current period starts
  if (frequency === 'WEEKLY') {
    // ISO weeks start on Monday; day 0 (1970-01-01) was a Thursday.
    for (let start = from - ((from + 3) % 7); start <= to; start += 7) {
      out.push({ key: periodKey(frequency, isoOf(start)), start: Math.max(start, from), end: Math.min(start + 6, to) });
    }
    return out;
  }
  const step = frequency === 'MONTHLY' ? 1 : frequency === 'QUARTERLY' ? 3 : 12;
  if (frequency === 'QUARTERLY') m -= m % 3;
  if (frequency === 'YEARLY') m = 0;
  for (;;) {
    const start = Date.UTC(y, m, 1) / MS_PER_DAY;
    if (start > to) break;
    const end = Date.UTC(y, m + step, 1) / MS_PER_DAY - 1;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s <= e) out.push({ key: periodKey(frequency, isoOf(start)), start: s, end: e });
    m += step;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables of the generator

// Share of households per decile in the register: concentrated in 1–4, ~17% in decile 1.
const DECILE_WEIGHTS = [17.5, 17, 15, 13, 10, 8, 6.5, 5.5, 4.5, 3];
// Poverty is deeper away from the centre: multiplier on the decile-1 weight per kecamatan.
const DECILE1_FACTOR: Record<string, number> = {
  '62.71.01': 1.0,
  '62.71.02': 1.3,
  '62.71.03': 0.9,
  '62.71.04': 1.2,
  '62.71.05': 1.6,
};
// Monthly expenditure per capita (Rp) per decile; decile 1 stays below the Rp322,170 line.
const EXPENDITURE_RANGE: ReadonlyArray<readonly [number, number]> = [
  [190_000, 320_000],
  [325_000, 450_000],
  [450_000, 600_000],
  [600_000, 780_000],
  [780_000, 1_000_000],
  [1_000_000, 1_250_000],
  [1_250_000, 1_550_000],
  [1_550_000, 2_000_000],
  [2_000_000, 2_800_000],
  [2_800_000, 5_500_000],
];
// How poor the housing and services are, per decile (1 = worst).
const DEPRIVATION = [1, 0.7, 0.55, 0.4, 0.3, 0.2, 0.12, 0.08, 0.05, 0.03];
// Household sizes 1–9, mean ≈ 3.6.
const SIZE_WEIGHTS = [10, 17, 23, 22, 14.5, 8, 3.3, 1.3, 0.9];
// Latent height-for-age z of a child, mean per decile: about one in four stunted in decile 1.
const CHILD_Z_MEAN = [-1.2, -0.95, -0.95, -0.72, -0.72, -0.4, -0.4, -0.35, -0.3, -0.3];
const CHILD_Z_SD = 1.1;
const RURAL_KECAMATAN = new Set(['62.71.02', '62.71.04', '62.71.05']);
const RIVER_KELURAHAN = new Set([
  '62.71.01.1004', '62.71.01.1005', '62.71.01.1006', '62.71.02.1006', '62.71.03.1004',
  '62.71.04.1001', '62.71.04.1003', '62.71.04.1005', '62.71.05.1002', '62.71.05.1005',
]);
// Scales every program's reach so that interventions ≈ 2.4 × households.
const REACH_SCALE = 0.7;
// Decile 1 is reached first, better-off households much less.
const REACH_BY_DECILE = [1.25, 1.0, 1.0, 0.7, 0.7, 0.45, 0.35, 0.3, 0.25, 0.2];

// Why a household's assessment changed, in the words of the register.
const ASSESSMENT_REASONS = {
  initial: 'Data awal DTKS / initial register',
  graduated: [
    'Graduasi PKH: keluarga mandiri secara ekonomi setelah pendampingan',
    'Graduasi sejahtera mandiri: usaha mikro berjalan, pengeluaran per kapita naik',
    'Graduasi: kepala keluarga kini bekerja tetap',
  ],
  improved: [
    'Pemutakhiran DTSEN: pengeluaran per kapita naik',
    'Verifikasi lapangan: anggota keluarga usia kerja kini bekerja',
    'Pemutakhiran DTSEN: usaha mikro berjalan setelah KUR/UMi',
    'Musyawarah kelurahan: kondisi ekonomi keluarga membaik',
  ],
  worsened: [
    'Kepala keluarga kehilangan pekerjaan',
    'Pemutakhiran DTSEN: pengeluaran per kapita turun',
    'Anggota keluarga sakit berkepanjangan, tidak dapat bekerja',
    'Rumah dan usaha terdampak banjir',
  ],
  unchanged: ['Verifikasi lapangan: kondisi tidak berubah', 'Pemutakhiran DTSEN berkala: desil tetap'],
} as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII', 'XXIII', 'XXIV', 'XXV'];

const pad3 = (n: number) => String(n).padStart(3, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Working state of one household (never kept beyond its batch)

interface Member {
  row: PersonRow;
  ageYears: number;
  ethnicity: Ethnicity;
  latestStatus: StuntingStatus | null;
}

interface HouseholdDraft {
  row: HouseholdRow;
  kelurahan: KelurahanDef;
  decile: number;
  members: Member[];
  needs: Set<NeedType>;
  hasEntrepreneur: boolean;
}

interface CompiledProgram {
  def: ProgramDef;
  id: string;
  ownerId: string;
  loggedById: string | null;
  periods: Period[];
}

export interface DemoCityOptions {
  households?: number;
  seed?: number;
  /** The seeding day (YYYY-MM-DD); default: today by the application clock. Same seed and day, same city. */
  today?: string;
}

export interface GenerationStats {
  households: number;
  persons: number;
  underFives: number;
  stuntedUnderFives: number;
  decile1: number;
  interventionsByStatus: Record<InterventionStatus, number>;
}

export class DemoCity {
  readonly householdCount: number;
  readonly seed: number;
  readonly stats: GenerationStats;
  readonly calendar: DemoCalendar;
  private readonly referenceStamp: string;

  private readonly programs: CompiledProgram[];
  private readonly partnerPrograms: Map<string, CompiledProgram[]>;
  // NIK and KK serials per region + date code: the only state that grows (bounded by dates, not households).
  private readonly nikSerials = new Map<number, number>();
  private readonly kkSerials = new Map<number, number>();
  // Under-fives and stunted ones per kelurahan, for the stunting indicator.
  private readonly stuntingByKelurahan = new Map<string, { children: number; stunted: number }>();
  // A stream of its own for the assessment histories, so they leave every other row of the city as it was.
  private readonly historyRng: Random;
  private generated = false;

  constructor(options: DemoCityOptions = {}) {
    const households = options.households ?? DEFAULT_HOUSEHOLDS;
    if (!Number.isInteger(households) || households < 1) {
      throw new RangeError(`households must be a positive integer, got ${households}`);
    }
    const seed = options.seed ?? DEMO_SEED;
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.householdCount = households;
    this.seed = seed;
    this.calendar = demoCalendar(options.today ?? clockToday());
    this.referenceStamp = `${addYears(REFERENCE_STAMP_WRITTEN, this.calendar.years)}T01:00:00.000Z`;
    this.historyRng = new Random(`${seed}:assessments`);
    this.stats = {
      households: 0,
      persons: 0,
      underFives: 0,
      stuntedUnderFives: 0,
      decile1: 0,
      interventionsByStatus: { PLANNED: 0, IN_PROGRESS: 0, DELIVERED: 0, VERIFIED: 0, CANCELLED: 0 },
    };
    const { years } = this.calendar;
    this.programs = PROGRAMS.map((written) => {
      const def = { ...written, startsOn: addYears(written.startsOn, years), ...(written.endsOn ? { endsOn: addYears(written.endsOn, years) } : {}) };
      const ownerId = organizationByKey(def.ownerKey).id;
      const from = Math.max(this.calendar.windowStartDay, dayOf(def.startsOn));
      const to = Math.min(this.calendar.todayDay, def.endsOn ? dayOf(def.endsOn) : this.calendar.todayDay);
      return { def, id: programId(def.key), ownerId, loggedById: USER_OF_ORG.get(ownerId) ?? null, periods: periodsBetween(def.frequency, from, to) };
    });
    this.partnerPrograms = new Map();
    for (const p of this.programs) {
      if (!p.def.reach.viaAssignment) continue;
      const list = this.partnerPrograms.get(p.ownerId) ?? [];
      list.push(p);
      this.partnerPrograms.set(p.ownerId, list);
    }
  }

  // --- Reference data ------------------------------------------------------------------------

  areas(): AreaRow[] {
    const stamp = { created_at: this.referenceStamp, updated_at: this.referenceStamp };
    const total = KELURAHAN.reduce((s, k) => s + k.population, 0);
    const rows: AreaRow[] = [
      { id: areaId(CITY.code), code: CITY.code, name: CITY.name, level: 'CITY', parent_id: null, population: total, ...stamp },
    ];
    for (const kec of KECAMATAN) {
      const population = KELURAHAN.filter((k) => k.kecamatanCode === kec.code).reduce((s, k) => s + k.population, 0);
      rows.push({ id: areaId(kec.code), code: kec.code, name: kec.name, level: 'KECAMATAN', parent_id: areaId(CITY.code), population, ...stamp });
    }
    for (const kel of KELURAHAN) {
      rows.push({ id: areaId(kel.code), code: kel.code, name: kel.name, level: 'KELURAHAN', parent_id: areaId(kel.kecamatanCode), population: kel.population, ...stamp });
    }
    return rows;
  }

  organizations(): OrganizationRow[] {
    return ORGANIZATIONS.map((o) => ({
      id: o.id,
      name: o.name,
      short_name: o.shortName,
      type: o.type,
      contact_email: o.email,
      contact_phone: o.phone,
      address: o.address,
      created_at: this.referenceStamp,
      updated_at: this.referenceStamp,
    }));
  }

  users(passwordHash: string): UserRow[] {
    return DEMO_ACCOUNTS.map((a) => ({
      id: a.id,
      username: a.username,
      display_name: a.displayName,
      organization_id: a.organizationId,
      role: a.role,
      area_id: a.areaCode ? areaId(a.areaCode) : null,
      password_hash: passwordHash,
      active: true,
      created_at: this.referenceStamp,
      updated_at: this.referenceStamp,
    }));
  }

  programRows(): ProgramRow[] {
    const perYear: Record<Frequency, number> = { ONCE: 1, WEEKLY: 52, MONTHLY: 12, QUARTERLY: 4, YEARLY: 1 };
    return this.programs.map(({ def, id, ownerId }) => {
      // Quotas follow the demo's size so that "quota left" means something at any scale.
      const quota = Math.max(5, Math.round((def.quotaPer1000 * this.householdCount) / 1000));
      const unitValue = def.valueByAge
        ? def.valueByAge.reduce((s, [, v]) => s + v, 0) / def.valueByAge.length
        : def.valueRp;
      return {
        id,
        owner_id: ownerId,
        name: def.name,
        description: def.description,
        focus_aspects: [...def.focusAspects],
        strategy: def.strategy,
        need_types: [...def.needTypes],
        target_unit: def.targetUnit,
        target_min_age_months: def.targetMinAgeMonths ?? null,
        target_max_age_months: def.targetMaxAgeMonths ?? null,
        target_sex: def.targetSex ?? null,
        delivery_unit: def.deliveryUnit,
        frequency: def.frequency,
        starts_on: def.startsOn,
        ends_on: def.endsOn ?? null,
        budget_rp: unitValue === null ? null : Math.round(quota * unitValue * perYear[def.frequency]),
        quota,
        created_at: this.referenceStamp,
        updated_at: this.referenceStamp,
      };
    });
  }

  // --- Households ----------------------------------------------------------------------------

  /**
   * Yields the households with their members, growth measurements, interventions and referrals,
   * batchSize households at a time. Can be run once per DemoCity (serial counters are consumed).
   */
  *householdBatches(batchSize = DEFAULT_BATCH_SIZE): Generator<HouseholdBatch> {
    if (this.generated) throw new Error('householdBatches() can only run once per DemoCity; create a new one');
    this.generated = true;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    const rng = new Random(this.seed);
    const remaining = this.kelurahanQuotas();
    let left = this.householdCount;
    let batch = emptyBatch();
    while (left > 0) {
      // Drawing by remaining quota keeps the exact per-kelurahan counts yet mixes the order.
      const k = rng.weightedIndex(remaining);
      remaining[k]!--;
      left--;
      this.generateHousehold(rng, KELURAHAN[k]!, batch);
      if (batch.households.length >= batchSize) {
        yield batch;
        batch = emptyBatch();
      }
    }
    if (batch.households.length > 0) yield batch;
  }

  /** Households per kelurahan, proportional to population (largest remainder, at least one each). */
  private kelurahanQuotas(): number[] {
    const n = this.householdCount;
    const total = KELURAHAN.reduce((s, k) => s + k.population, 0);
    const minimum = n >= KELURAHAN.length ? 1 : 0;
    const spare = n - minimum * KELURAHAN.length;
    const exact = KELURAHAN.map((k) => (spare * k.population) / total);
    const counts = exact.map((x) => minimum + Math.floor(x));
    let rest = n - counts.reduce((s, c) => s + c, 0);
    const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) counts[order[j]![1]]!++;
    return counts;
  }

  private generateHousehold(rng: Random, kel: KelurahanDef, batch: HouseholdBatch): void {
    const kecIndex = Number(kel.kecamatanCode.slice(-2));
    const regionCode = `6271${kel.kecamatanCode.slice(-2)}`;
    const rural = RURAL_KECAMATAN.has(kel.kecamatanCode);
    const river = RIVER_KELURAHAN.has(kel.code);

    const weights = DECILE_WEIGHTS.slice();
    weights[0]! *= DECILE1_FACTOR[kel.kecamatanCode] ?? 1;
    const decile = rng.weightedIndex(weights) + 1;
    const dep = DEPRIVATION[decile - 1]!;
    const id = rng.uuid();

    // --- Housing and services.
    const floor = rng.weightedPick([
      ['EARTH', dep * 0.07],
      ['BAMBOO', dep * 0.04],
      ['WOOD_LOW_QUALITY', dep * 0.28],
      ['WOOD_HIGH_QUALITY', 0.22],
      ['CEMENT', 0.3],
      ['TILE_CERAMIC', (1 - dep) * 0.6],
    ] as const);
    const wall = rng.weightedPick([
      ['BAMBOO', dep * 0.03],
      ['WOOD_LOW_QUALITY', dep * 0.2],
      ['WOOD_HIGH_QUALITY', 0.35],
      ['PLASTERED_BRICK', (1 - dep) * 0.7 + 0.05],
      ['UNPLASTERED_BRICK', 0.08],
      ['OTHER', 0.02],
    ] as const);
    const roof = rng.weightedPick([
      ['THATCH', dep * 0.04],
      ['WOOD_SHINGLE', 0.05],
      ['ZINC', 0.7],
      ['ASBESTOS', 0.1],
      ['CLAY_TILE', (1 - dep) * 0.15],
      ['CONCRETE', (1 - dep) * 0.03],
    ] as const);
    const water = rng.weightedPick([
      ['PIPED', rural ? 0.1 : 0.38 - dep * 0.12],
      ['BOTTLED', 0.32],
      ['PROTECTED_WELL', rural ? 0.22 : 0.1],
      ['UNPROTECTED_WELL', dep * (rural ? 0.14 : 0.07)],
      ['RIVER_LAKE', dep * (river ? 0.25 : 0.03)],
      ['RAINWATER', dep * (rural ? 0.12 : 0.04)],
      ['OTHER', 0.01],
    ] as const);
    const sanitation = rng.weightedPick([
      ['PRIVATE', 0.85 - dep * 0.25],
      ['SHARED', dep * 0.12],
      ['PUBLIC', dep * 0.04],
      ['NONE', dep * (river ? 0.2 : 0.08)],
    ] as const);
    const electricity = rng.weightedPick([
      ['PLN_METERED', 0.92 - dep * 0.1],
      ['PLN_UNMETERED', dep * 0.1],
      ['NON_PLN', dep * (kel.kecamatanCode === AREA_CODES.kecamatan.rakumpit ? 0.25 : 0.015)],
      ['NONE', dep * (rural ? 0.05 : 0.015)],
    ] as const);
    const ownership = rng.weightedPick([
      ['OWNED', 0.74],
      ['RENTED', rural ? 0.04 : 0.14],
      ['RENT_FREE', 0.1],
      ['OFFICIAL_HOUSING', 0.01],
      ['OTHER', 0.01],
    ] as const);

    // --- Members.
    const ethnicity = rng.weightedPick(ETHNIC_MIX[kel.kecamatanCode]!);
    const members = this.generateMembers(rng, id, decile, rural, ethnicity);
    const head = members[0]!;

    // --- Identity numbers.
    for (const m of members) m.row.nik = this.nextNik(regionCode, kecIndex, m.row.sex, m.row.birth_date);
    const earliestIssue = Math.max(dayOf(addYears(head.row.birth_date, 17)) + 1, dayOf('2004-01-01'));
    const issueDay = rng.int(Math.min(earliestIssue, this.calendar.todayDay), this.calendar.todayDay);
    const kk = this.nextKk(regionCode, kecIndex, isoOf(issueDay));

    // --- Provenance and verification.
    const { years } = this.calendar;
    const between = (from: string, to: string) => rng.int(dayOf(addYears(from, years)), dayOf(addYears(to, years)));
    const dtsenDay = between('2025-03-01', '2025-10-31');
    const sources: Array<{ source: string; date: string }> = [];
    if (decile <= 5 && rng.chance(0.5)) sources.push({ source: 'P3KE', date: isoOf(between('2022-06-01', '2023-06-30')) });
    if (rng.chance(0.35)) sources.push({ source: 'Regsosek', date: isoOf(between('2022-10-15', '2022-11-14')) });
    sources.push({ source: 'DTSEN', date: isoOf(dtsenDay) });
    const verification = rng.weightedPick([
      ['VERIFIED', 0.5],
      ['UNVERIFIED', 0.38],
      ['NEEDS_UPDATE', 0.12],
    ] as const);
    let verifiedAt: string | null = null;
    let verifiedBy: string | null = null;
    if (verification === 'VERIFIED') {
      const day = rng.int(dtsenDay + 7, this.calendar.todayDay - 1);
      sources.push({ source: 'Verifikasi lapangan kelurahan', date: isoOf(day) });
      verifiedAt = stampOf(day, rng);
      verifiedBy = kel.code === AREA_CODES.kelurahan.menteng ? DEMO_USERS.lurahMenteng : null;
    }
    sources.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const createdAt = stampOf(dtsenDay, rng);

    let poverty: HouseholdRow['poverty_status'] =
      decile === 1 ? 'EXTREME_POOR' : decile <= 3 ? 'POOR' : decile <= 5 ? 'VULNERABLE' : 'NOT_POOR';
    // A few families left poverty after assistance; the register keeps them as GRADUATED.
    if (decile >= 4 && decile <= 6 && rng.chance(0.08)) poverty = 'GRADUATED';

    const [lo, hi] = EXPENDITURE_RANGE[decile - 1]!;
    const row: HouseholdRow = {
      id,
      kk_number: kk,
      area_id: areaId(kel.code),
      address: this.address(rng, kel),
      rt: pad3(rng.int(1, rural ? 8 : 18)),
      rw: pad3(rng.int(1, rural ? 4 : 9)),
      latitude: Math.round((kel.lat + rng.normal(0, kel.spreadDeg)) * 1e6) / 1e6,
      longitude: Math.round((kel.lng + rng.normal(0, kel.spreadDeg)) * 1e6) / 1e6,
      welfare_decile: decile,
      poverty_status: poverty,
      monthly_expenditure_per_capita: Math.round(rng.real(lo, hi) / 500) * 500,
      floor_type: floor,
      wall_type: wall,
      roof_type: roof,
      drinking_water: water,
      sanitation,
      electricity,
      home_ownership: ownership,
      data_sources: sources,
      verification_status: verification,
      verified_at: verifiedAt,
      verified_by_id: verifiedBy,
      version: 1,
      created_at: createdAt,
      updated_at: verifiedAt ?? createdAt,
    };
    for (const m of members) {
      m.row.created_at = createdAt;
      m.row.updated_at = row.updated_at;
    }
    const assessments = this.assessmentHistory(this.historyRng, row, kel);

    const draft: HouseholdDraft = {
      row,
      kelurahan: kel,
      decile,
      members,
      needs: new Set(),
      hasEntrepreneur: members.some((m) => m.row.employment_status === 'SELF_EMPLOYED'),
    };

    // --- Growth of the under-fives.
    const stunting = this.stuntingByKelurahan.get(kel.code) ?? { children: 0, stunted: 0 };
    this.stuntingByKelurahan.set(kel.code, stunting);
    for (const m of members) {
      if (m.ageYears >= 5) continue;
      const measurements = this.measureChild(rng, m, decile);
      if (measurements.length === 0) continue;
      m.latestStatus = measurements[measurements.length - 1]!.stunting_status;
      stunting.children++;
      this.stats.underFives++;
      if (m.latestStatus !== 'NORMAL') {
        stunting.stunted++;
        this.stats.stuntedUnderFives++;
      }
      batch.growthMeasurements.push(...measurements);
    }

    draft.needs = householdNeeds(draft);

    // --- Referrals to partners, then the interventions of every program.
    const assignments = this.referrals(rng, draft);
    const interventions: InterventionRow[] = [];
    for (const program of this.programs) {
      if (program.def.reach.viaAssignment) continue;
      this.deliver(rng, program, draft, this.calendar.windowStartDay, interventions);
    }
    for (const a of assignments) {
      if (a.status !== 'ACCEPTED' && a.status !== 'CLOSED') continue;
      const from = dayOf(a.responded_at!.slice(0, 10)) + rng.int(1, 14);
      for (const program of this.partnerPrograms.get(a.organization_id) ?? []) {
        this.deliver(rng, program, draft, from, interventions);
      }
    }

    this.stats.households++;
    this.stats.persons += members.length;
    if (decile === 1) this.stats.decile1++;
    for (const i of interventions) this.stats.interventionsByStatus[i.status]++;
    batch.households.push(row);
    for (const m of members) batch.persons.push(m.row);
    batch.assignments.push(...assignments);
    batch.interventions.push(...interventions);
    batch.povertyAssessments.push(...assessments);
  }

  /**
   * The household's welfare assessments, oldest first, ending in its current decile and status. The
   * present comes from the main stream; the past is drawn backwards from it: about one in eight poor
   * households improved (some graduated), a few worsened, so extreme poverty falls month by month.
   */
  private assessmentHistory(rng: Random, row: HouseholdRow, kel: KelurahanDef): PovertyAssessmentRow[] {
    interface State {
      decile: number;
      status: PovertyStatusCode;
      expenditure: number;
    }
    const expenditureOf = (decile: number) => {
      const [lo, hi] = EXPENDITURE_RANGE[decile - 1]!;
      return Math.round(rng.real(lo, hi) / 500) * 500;
    };
    const past = (decile: number): State => ({ decile, status: statusOfDecile(decile), expenditure: expenditureOf(decile) });
    const d = row.welfare_decile;
    // Earlier deciles, newest first.
    const earlier: number[] = [];
    if (row.poverty_status === 'GRADUATED') {
      const before = rng.weightedPick([[1, 0.3], [2, 0.35], [3, 0.35]] as const);
      earlier.push(before);
      if (before >= 2 && rng.chance(0.25)) earlier.push(1);
    } else if (d === 1) {
      if (rng.chance(0.04)) earlier.push(2);
    } else if (d <= 3) {
      if (rng.chance(0.08)) earlier.push(1);
      else if (rng.chance(0.03)) earlier.push(4);
    } else if (d <= 5) {
      if (rng.chance(0.08)) earlier.push(rng.int(2, 3));
    } else if (d === 6) {
      if (rng.chance(0.03)) earlier.push(3);
    } else if (rng.chance(0.02)) earlier.push(rng.int(5, d - 1));
    const path: State[] = [
      ...earlier.reverse().map(past),
      { decile: d, status: row.poverty_status, expenditure: row.monthly_expenditure_per_capita },
    ];
    // Some households were re-assessed without a change of decile (a routine DTSEN update).
    if (rng.chance(0.12)) path.unshift({ ...path[0]!, expenditure: expenditureOf(path[0]!.decile) });

    const days = new Set<number>();
    while (days.size < path.length - 1) days.add(rng.int(this.calendar.assessmentHistoryStartDay + 1, this.calendar.todayDay - 1));
    const dayOfStep = [rng.int(this.calendar.firstAssessmentFromDay, this.calendar.assessmentHistoryStartDay), ...[...days].sort((a, b) => a - b)];
    const rows = path.map((state, i): PovertyAssessmentRow => {
      const before = i === 0 ? null : path[i - 1]!;
      const reason =
        before === null
          ? ASSESSMENT_REASONS.initial
          : state.status === 'GRADUATED'
            ? rng.pick(ASSESSMENT_REASONS.graduated)
            : state.decile > before.decile
              ? rng.pick(ASSESSMENT_REASONS.improved)
              : state.decile < before.decile
                ? rng.pick(ASSESSMENT_REASONS.worsened)
                : rng.pick(ASSESSMENT_REASONS.unchanged);
      // The register came from Dinas Sosial; Menteng's officer verifies some changes in the field.
      const byLurah = before !== null && kel.code === AREA_CODES.kelurahan.menteng && rng.chance(0.4);
      return {
        id: rng.uuid(),
        household_id: row.id,
        assessed_on: isoOf(dayOfStep[i]!),
        welfare_decile: state.decile,
        poverty_status: state.status,
        monthly_expenditure_per_capita: state.expenditure,
        previous_decile: before?.decile ?? null,
        previous_status: before?.status ?? null,
        reason,
        assessed_by_id: before === null ? null : byLurah ? DEMO_USERS.lurahMenteng : DEMO_USERS.dinsos,
        organization_id: byLurah ? DEMO_ORGS.kelurahanMenteng : DEMO_ORGS.dinsos,
        created_at: stampOf(dayOfStep[i]!, rng),
      };
    });
    // Assessments recorded after the household entered the hub updated its row, as the API does.
    for (const a of rows) {
      if (a.created_at <= row.created_at) continue;
      row.version++;
      if (a.created_at > row.updated_at) row.updated_at = a.created_at;
    }
    return rows;
  }

  private generateMembers(rng: Random, householdId: string, decile: number, rural: boolean, ethnicity: Ethnicity): Member[] {
    const size = rng.weightedIndex(SIZE_WEIGHTS) + 1;
    const members: Member[] = [];
    const add = (relation: string, sex: Sex, age: number, familyName: string | null, eth: Ethnicity = ethnicity) => {
      const m = this.person(rng, householdId, relation, sex, Math.max(0, Math.min(age, 95)), decile, rural, eth, familyName);
      members.push(m);
      return m;
    };

    const pool = NAMES[ethnicity];
    const familyName = pool.family.length > 0 && rng.chance(pool.familyNameShare) ? rng.pick(pool.family) : null;

    const headAge =
      size === 1
        ? rng.weightedPick([[rng.int(20, 34), 0.3], [rng.int(35, 59), 0.3], [rng.int(60, 80), 0.4]] as const)
        : rng.weightedPick([
            [rng.int(20, 29), 0.14],
            [rng.int(30, 39), 0.28],
            [rng.int(40, 49), 0.26],
            [rng.int(50, 59), 0.18],
            [rng.int(60, 69), 0.1],
            [rng.int(70, 80), 0.04],
          ] as const);
    const hasSpouse = size >= 2 && rng.chance(headAge < 65 ? 0.88 : 0.6);
    const headSex: Sex = hasSpouse ? (rng.chance(0.96) ? 'MALE' : 'FEMALE') : rng.chance(size === 1 ? 0.45 : 0.65) ? 'FEMALE' : 'MALE';
    const head = add('HEAD', headSex, headAge, headSex === 'MALE' ? familyName : null);

    let motherAge = headSex === 'FEMALE' ? headAge : headAge - 4;
    if (hasSpouse) {
      const spouseSex: Sex = headSex === 'MALE' ? 'FEMALE' : 'MALE';
      const spouseAge = Math.max(18, spouseSex === 'FEMALE' ? headAge - rng.int(0, 8) : headAge + rng.int(0, 6));
      // Mixed marriages are common in town; the spouse sometimes comes from another group.
      const spouseEth = rng.chance(0.25) ? rng.weightedPick(ETHNIC_MIX['62.71.03']!) : ethnicity;
      const spouseFamily = NAMES[spouseEth].family.length > 0 && rng.chance(NAMES[spouseEth].familyNameShare) ? rng.pick(NAMES[spouseEth].family) : null;
      add('SPOUSE', spouseSex, spouseAge, spouseFamily, spouseEth);
      if (spouseSex === 'FEMALE') motherAge = spouseAge;
    }
    let left = size - members.length;

    // Elderly parents living with a younger couple.
    if (left >= 1 && headAge <= 55 && rng.chance(0.12)) {
      const n = left >= 3 && rng.chance(0.3) ? 2 : 1;
      const relation = rng.chance(0.6) ? 'PARENT' : 'PARENT_IN_LAW';
      const age = Math.max(60, headAge + rng.int(20, 30));
      add(relation, n === 2 || rng.chance(0.6) ? 'FEMALE' : 'MALE', age, null);
      if (n === 2) add(relation, 'MALE', age + rng.int(0, 5), relation === 'PARENT' && headSex === 'MALE' ? familyName : null);
      left -= n;
    }

    // Three generations: a married child, the in-law and grandchildren.
    if (left >= 3 && headAge >= 45 && rng.chance(0.3)) {
      const childAge = Math.max(19, motherAge - rng.int(18, 28));
      const childSex: Sex = rng.chance(0.5) ? 'FEMALE' : 'MALE';
      add('CHILD', childSex, childAge, familyName);
      add('CHILD_IN_LAW', childSex === 'MALE' ? 'FEMALE' : 'MALE', childAge + (childSex === 'MALE' ? -rng.int(0, 4) : rng.int(0, 5)), null);
      left -= 2;
      const grandMax = Math.max(0, Math.min(childAge - 19, 12));
      const grandchildren = Math.min(left, rng.int(1, 3));
      for (let i = 0; i < grandchildren; i++) add('GRANDCHILD', rng.chance(0.5) ? 'FEMALE' : 'MALE', rng.int(0, grandMax), null);
      left -= grandchildren;
    }

    // Children of the head, born when the mother was 17–44, one to four years apart;
    // who does not fit is a niece or nephew living with the family.
    const lo = Math.max(0, motherAge - 44);
    const hi = Math.min(motherAge - 17, headAge >= 50 ? 30 : 25);
    let childAge = hi >= lo ? rng.int(lo, Math.min(hi, lo + 12)) : 0;
    for (; left > 0; left--) {
      if (hi < lo || childAge > hi) {
        const age = rng.int(3, 25);
        // Older heads more often raise grandchildren than nieces and nephews.
        const relation = headAge >= 50 && age <= headAge - 36 && rng.chance(0.7) ? 'GRANDCHILD' : 'OTHER_RELATIVE';
        add(relation, rng.chance(0.5) ? 'FEMALE' : 'MALE', age, null);
      }
      else add('CHILD', rng.chance(0.5) ? 'FEMALE' : 'MALE', childAge, head.row.sex === 'MALE' ? familyName : null);
      childAge += rng.weightedPick([[1, 0.15], [2, 0.35], [3, 0.3], [4, 0.2]] as const);
    }

    // Pregnancy: married women of childbearing age.
    const couple = hasSpouse || members.some((m) => m.row.relation === 'CHILD_IN_LAW');
    for (const m of members) {
      if (m.row.sex !== 'FEMALE' || !couple) continue;
      if (!['HEAD', 'SPOUSE', 'CHILD_IN_LAW', 'CHILD'].includes(m.row.relation)) continue;
      if (m.row.relation === 'CHILD' && !members.some((x) => x.row.relation === 'CHILD_IN_LAW')) continue;
      const a = m.ageYears;
      const p = a < 18 || a > 45 ? 0 : a < 30 ? 0.09 : a < 40 ? 0.06 : 0.02;
      m.row.pregnant = rng.chance(p);
    }

    // Health insurance mostly follows the family's registration.
    const jknBase = rng.weightedPick(
      decile <= 3
        ? ([['PBI', 0.72], ['NONE', 0.18], ['NON_PBI', 0.1]] as const)
        : decile <= 5
          ? ([['PBI', 0.45], ['NONE', 0.2], ['NON_PBI', 0.35]] as const)
          : ([['PBI', 0.1], ['NONE', 0.12], ['NON_PBI', 0.78]] as const),
    );
    for (const m of members) {
      m.row.jkn_status = rng.chance(0.85) ? jknBase : rng.pick(['NONE', 'PBI', 'NON_PBI'] as const);
      // Newborns are often not yet registered.
      if (m.ageYears === 0 && rng.chance(0.4)) m.row.jkn_status = 'NONE';
    }
    return members;
  }

  private person(
    rng: Random,
    householdId: string,
    relation: string,
    sex: Sex,
    ageYears: number,
    decile: number,
    rural: boolean,
    ethnicity: Ethnicity,
    familyName: string | null,
  ): Member {
    const birthDay = this.calendar.todayDay - Math.round(ageYears * 365.25) - rng.int(0, 364);
    const birthDate = isoOf(birthDay);
    const age = ageYearsOn(birthDate, this.calendar.today);

    // School: enrolment drops with age and poverty.
    let enrolled = false;
    if (age >= 7 && age <= 18) {
      const table = decile === 1 ? [0.93, 0.82, 0.6] : decile <= 3 ? [0.97, 0.9, 0.72] : [0.99, 0.96, 0.86];
      enrolled = rng.chance(table[age <= 12 ? 0 : age <= 15 ? 1 : 2]!);
    } else if (age >= 19 && age <= 23) {
      enrolled = rng.chance(decile <= 3 ? 0.08 : decile <= 6 ? 0.25 : 0.45);
    } else if (age >= 5 && age <= 6) {
      enrolled = rng.chance(0.5); // TK / PAUD
    }

    let education: string;
    if (age < 7) education = 'NONE';
    else if (age <= 18) {
      const reached = age <= 12 ? 'PRIMARY' : age <= 15 ? 'JUNIOR_SECONDARY' : 'SENIOR_SECONDARY';
      education = enrolled ? reached : age <= 13 ? 'PRIMARY' : rng.pick(['PRIMARY', 'JUNIOR_SECONDARY']);
    } else if (enrolled) education = rng.chance(0.3) ? 'DIPLOMA' : 'BACHELOR';
    else education = adultEducation(rng, age >= 60 ? 1 : decile);

    const disability = rng.chance(age < 18 ? 0.01 : age < 60 ? 0.025 : 0.08)
      ? rng.weightedPick([['PHYSICAL', 0.45], ['SENSORY', 0.25], ['INTELLECTUAL', 0.12], ['MENTAL', 0.1], ['MULTIPLE', 0.08]] as const)
      : 'NONE';

    const { occupation, employment } = work(rng, age, sex, relation, decile, rural, enrolled, education, disability !== 'NONE');

    const row: PersonRow = {
      id: rng.uuid(),
      household_id: householdId,
      nik: '',
      name: personName(rng, ethnicity, sex, familyName),
      sex,
      birth_date: birthDate,
      relation,
      education_level: education,
      school_enrolled: enrolled,
      disability,
      occupation,
      employment_status: employment,
      jkn_status: 'NONE',
      pregnant: false,
      version: 1,
      created_at: '',
      updated_at: '',
    };
    return { row, ageYears: age, ethnicity, latestStatus: null };
  }

  private nextNik(regionCode: string, kecIndex: number, sex: Sex, birthDate: string): string {
    // The serial is unique per region and NIK date code (DDMMYY + 40 for women): that is what collides.
    const key =
      (((kecIndex * 2 + (sex === 'FEMALE' ? 1 : 0)) * 100 + Number(birthDate.slice(2, 4))) * 12 + Number(birthDate.slice(5, 7)) - 1) * 31 +
      Number(birthDate.slice(8, 10)) - 1;
    const serial = (this.nikSerials.get(key) ?? 0) + 1;
    this.nikSerials.set(key, serial);
    if (serial > 9999) throw new RangeError(`NIK serials exhausted for ${regionCode} ${birthDate}; too many households`);
    return makeNik({ regionCode, sex, birthDate, serial });
  }

  private nextKk(regionCode: string, kecIndex: number, issueDate: string): string {
    const key = ((kecIndex * 100 + Number(issueDate.slice(2, 4))) * 12 + Number(issueDate.slice(5, 7)) - 1) * 31 + Number(issueDate.slice(8, 10)) - 1;
    const serial = (this.kkSerials.get(key) ?? 0) + 1;
    this.kkSerials.set(key, serial);
    if (serial > 9999) throw new RangeError(`KK serials exhausted for ${regionCode} ${issueDate}; too many households`);
    return makeKk({ regionCode, issueDate, serial });
  }

  private address(rng: Random, kel: KelurahanDef): string {
    let street = rng.pick(kel.streets);
    if (NUMBERED_STREETS.has(street) && rng.chance(0.55)) street += ` ${rng.pick(ROMAN)}`;
    const gang = rng.chance(0.3) ? ` ${rng.pick(GANG_NAMES)}` : '';
    return `${street}${gang} No. ${rng.int(1, 120)}`;
  }

  /** Posyandu measurements of one under-five over the window; the latest decides the status. */
  private measureChild(rng: Random, child: Member, decile: number): GrowthMeasurementRow[] {
    const birthDay = dayOf(child.row.birth_date);
    const from = Math.max(this.calendar.windowStartDay, birthDay + 1);
    const to = this.calendar.todayDay - 1;
    if (to < from) return [];
    const wanted = Math.min(to - from + 1, rng.int(2, 6));
    const days = new Set<number>();
    // The latest visit is recent for most children, so "latest" reflects the present.
    if (rng.chance(0.85)) days.add(rng.int(Math.max(from, to - 90), to));
    while (days.size < wanted) days.add(rng.int(from, to));
    const latent = rng.normal(CHILD_Z_MEAN[decile - 1]!, CHILD_Z_SD);
    const rows: GrowthMeasurementRow[] = [];
    for (const day of [...days].sort((a, b) => a - b)) {
      const measuredOn = isoOf(day);
      const ageDays = ageInDays(child.row.birth_date, measuredOn);
      if (ageDays < 0 || ageDays > MAX_AGE_DAYS) continue;
      const position = ageDays < 731 ? 'LYING' : 'STANDING';
      const zTarget = Math.max(-5.5, Math.min(4.5, latent + rng.normal(0, 0.2)));
      // The WHO length/height tables have L = 1, so z is linear in height: solve from two points.
      const zAt = (h: number) => lengthHeightForAgeZ({ sex: child.row.sex, ageDays, heightCm: h, position });
      const z60 = zAt(60);
      const z100 = zAt(100);
      const height = Math.max(35, Math.min(135, Math.round((60 + ((zTarget - z60) * 40) / (z100 - z60)) * 10) / 10));
      const z = Math.round(zAt(height) * 1000) / 1000;
      if (Math.abs(z) > 6) continue;
      const months = ageDays / 30.4375;
      const medianKg =
        months <= 6 ? 3.3 + 0.7 * months : months <= 12 ? 7.5 + 0.3 * (months - 6) : months <= 24 ? 9.3 + 0.2 * (months - 12) : 11.7 + 0.17 * (months - 24);
      const weight = Math.round(medianKg * (1 + 0.07 * latent + rng.normal(0, 0.05)) * 10) / 10;
      rows.push({
        id: rng.uuid(),
        person_id: child.row.id,
        measured_on: measuredOn,
        age_days: ageDays,
        weight_kg: Math.max(1.5, weight),
        height_cm: height,
        position,
        height_for_age_z: z,
        stunting_status: stuntingStatus(z),
        recorded_by_id: DEMO_USERS.dinkes,
        organization_id: organizationByKey('dinkes').id,
        created_at: stampOf(day, rng),
      });
    }
    return rows;
  }

  /** Referrals from the coordinator to partner organisations, mostly for the poorest. */
  private referrals(rng: Random, draft: HouseholdDraft): AssignmentRow[] {
    const p = [0.1, 0.065, 0.065, 0.025, 0.025, 0.005, 0.004, 0.002, 0.001, 0.001][draft.decile - 1]!;
    if (!rng.chance(p)) return [];
    const count = rng.chance(0.1) ? 2 : 1;
    const rows: AssignmentRow[] = [];
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const orgKey = rng.weightedPick(REFERRAL_PARTNERS);
      if (used.has(orgKey)) continue;
      used.add(orgKey);
      const orgId = organizationByKey(orgKey).id;
      const addressed = new Set((this.partnerPrograms.get(orgId) ?? []).flatMap((pr) => pr.def.needTypes));
      const matching = [...draft.needs].filter((n) => addressed.has(n));
      const needType = matching.length > 0 ? rng.pick(matching) : null;
      const status = rng.weightedPick([
        ['REQUESTED', 0.3],
        ['ACCEPTED', 0.4],
        ['DECLINED', 0.1],
        ['CLOSED', 0.2],
      ] as const);
      const requestedDay =
        status === 'REQUESTED' ? this.calendar.todayDay - rng.int(1, 60) : status === 'CLOSED' ? this.calendar.todayDay - rng.int(200, 540) : this.calendar.todayDay - rng.int(20, 330);
      const respondedDay = status === 'REQUESTED' ? null : Math.min(this.calendar.todayDay - 1, requestedDay + rng.int(1, 10));
      const closedDay = status === 'CLOSED' ? Math.min(this.calendar.todayDay - 1, respondedDay! + rng.int(60, 180)) : null;
      const requestedAt = stampOf(requestedDay, rng);
      const respondedAt = respondedDay === null ? null : stampOf(respondedDay, rng);
      const closedAt = closedDay === null ? null : stampOf(closedDay, rng);
      // The head consents at the referral (no draw from rng: the rest of the city stays as it was).
      const head = draft.members.find((m) => m.row.relation === 'HEAD');
      rows.push({
        id: rng.uuid(),
        household_id: draft.row.id,
        organization_id: orgId,
        need_type: needType,
        status,
        note: referralNote(needType, draft.decile),
        response_note:
          status === 'ACCEPTED'
            ? rng.pick(['Diterima, tim lapangan akan berkunjung minggu ini', 'Diterima, masuk daftar penerima program kami', 'Diterima untuk pendampingan'])
            : status === 'DECLINED'
              ? rng.pick(['Di luar wilayah kerja kami', 'Kuota program tahun ini sudah penuh', 'Kebutuhan tidak sesuai dengan program kami'])
              : status === 'CLOSED'
                ? rng.pick(['Pendampingan selesai', 'Bantuan telah disalurkan seluruhnya', 'Keluarga pindah domisili'])
                : null,
        requested_by_id: DEMO_USERS.bappeda,
        requested_at: requestedAt,
        lawful_basis: head ? 'CONSENT' : 'PUBLIC_TASK',
        consent_given_by_id: head?.row.id ?? null,
        consent_given_on: head ? requestedAt.slice(0, 10) : null,
        consent_method: head ? (['VERBAL', 'WRITTEN', 'THUMBPRINT'] as const)[requestedDay % 3]! : null,
        responded_by_id: respondedAt === null ? null : (USER_OF_ORG.get(orgId) ?? null),
        responded_at: respondedAt,
        closed_at: closedAt,
        version: 1,
        created_at: requestedAt,
        updated_at: closedAt ?? respondedAt ?? requestedAt,
      });
    }
    return rows;
  }

  /** Interventions of one program for one household (or its eligible members), from day `from`. */
  private deliver(rng: Random, program: CompiledProgram, draft: HouseholdDraft, from: number, out: InterventionRow[]): void {
    const { def } = program;
    const reach = def.reach;
    if (reach.minDecile !== undefined && draft.decile < reach.minDecile) return;
    if (reach.maxDecile !== undefined && draft.decile > reach.maxDecile) return;
    if (reach.kelurahanCode !== undefined && draft.kelurahan.code !== reach.kelurahanCode) return;
    if (reach.needsAny && !reach.needsAny.some((n) => draft.needs.has(n))) return;
    if (reach.household && !householdMatches(reach.household, draft)) return;
    // A woman pregnant today was not pregnant a year ago: her help falls in the last six months.
    if (reach.person === 'PREGNANT') from = Math.max(from, this.calendar.todayDay - 180);
    const periods = from <= this.calendar.windowStartDay ? program.periods : program.periods.filter((p) => p.end >= from);
    // Checked before any draw, so that a program that reaches nobody leaves the others' data unchanged.
    if (periods.length === 0 || reach.coverage === 0) return;
    // Partners work only on referred households, so their reach is not scaled down.
    const coverage = reach.viaAssignment ? reach.coverage : Math.min(1, reach.coverage * REACH_SCALE * REACH_BY_DECILE[draft.decile - 1]!);

    const targets: Array<Member | null> =
      def.targetUnit === 'HOUSEHOLD'
        ? [null]
        : draft.members.filter(
            (m) => (def.targetSex === undefined || m.row.sex === def.targetSex) && personMatches(reach.person ?? 'ANY', m, draft, rng),
          );
    for (const target of targets) {
      if (!rng.chance(coverage)) continue;
      const chosen = rng.sample(periods, rng.int(reach.periods[0], reach.periods[1]));
      const used = new Set<string>();
      for (const period of chosen) {
        const start = Math.max(period.start, from);
        if (start > period.end) continue;
        const row = this.intervention(rng, program, draft, target, period, start);
        if (!row) continue;
        if (row.status !== 'CANCELLED') {
          if (used.has(row.period_key)) continue; // never two live rows for one target and period
          used.add(row.period_key);
        }
        out.push(row);
        // A cancelled delivery is often planned again in the same period.
        if (row.status === 'CANCELLED' && !used.has(row.period_key) && rng.chance(0.4)) {
          const again = this.intervention(rng, program, draft, target, period, Math.min(period.end, dayOf(row.planned_on) + 7), true);
          if (again && again.status !== 'CANCELLED' && again.period_key === row.period_key) {
            used.add(again.period_key);
            out.push(again);
          }
        }
      }
    }
  }

  private intervention(
    rng: Random,
    program: CompiledProgram,
    draft: HouseholdDraft,
    target: Member | null,
    period: Period,
    start: number,
    noCancel = false,
  ): InterventionRow | null {
    const { def } = program;
    const isCurrent = period.end >= this.calendar.todayDay;
    // The current period may be planned a little ahead; older ones lie wholly in the past.
    const end = isCurrent ? Math.min(period.end, this.calendar.todayDay + PLANNING_HORIZON_DAYS) : period.end;
    if (start > end) return null;
    const planned = rng.int(start, end);
    const plannedIso = isoOf(planned);

    if (target && (def.targetMinAgeMonths !== undefined || def.targetMaxAgeMonths !== undefined)) {
      const months = ageMonthsOn(target.row.birth_date, plannedIso);
      if (months < (def.targetMinAgeMonths ?? 0) || months > (def.targetMaxAgeMonths ?? Infinity)) return null;
    }

    // Recorded a day or more before the planned date, so no later event can precede it.
    const createdAt = stampOf(Math.min(planned - rng.int(1, 14), this.calendar.todayDay), rng);
    let status: InterventionStatus;
    if (planned > this.calendar.todayDay) status = rng.chance(0.8) ? 'PLANNED' : 'IN_PROGRESS';
    else if (isCurrent || planned > this.calendar.todayDay - 14)
      status = rng.weightedPick([['PLANNED', 0.25], ['IN_PROGRESS', 0.35], ['DELIVERED', 0.3], ['VERIFIED', 0.05], ['CANCELLED', 0.05]] as const);
    else
      status = rng.weightedPick([['VERIFIED', 0.56], ['DELIVERED', 0.3], ['CANCELLED', 0.07], ['IN_PROGRESS', 0.04], ['PLANNED', 0.03]] as const);
    if (noCancel && status === 'CANCELLED') status = planned > this.calendar.todayDay ? 'PLANNED' : 'IN_PROGRESS';

    let delivered: number | null = null;
    let verifiedAt: string | null = null;
    let cancelledAt: string | null = null;
    if (status === 'DELIVERED' || status === 'VERIFIED') {
      // Delivery stays inside the period, so the period key is the one that was planned.
      delivered = Math.min(planned + rng.int(0, 12), period.end, this.calendar.todayDay);
      if (status === 'VERIFIED') verifiedAt = stampOf(Math.min(delivered + rng.int(1, 20), this.calendar.todayDay), rng);
    } else if (status === 'CANCELLED') {
      cancelledAt = stampOf(Math.min(planned + rng.int(0, 20), this.calendar.todayDay), rng);
    }

    const ageYears = target ? ageYearsOn(target.row.birth_date, plannedIso) : 0;
    const value = def.valueByAge ? (def.valueByAge.find(([maxAge]) => ageYears <= maxAge) ?? def.valueByAge[def.valueByAge.length - 1]!)[1] : def.valueRp;
    const quantity = def.deliveryUnit === 'Rp' ? (value ?? def.quantity) : def.quantity;
    const updatedAt = [createdAt, verifiedAt, cancelledAt, delivered === null ? null : stampOf(delivered, rng)]
      .filter((s): s is string => s !== null)
      .sort()
      .at(-1)!;

    return {
      id: rng.uuid(),
      program_id: program.id,
      household_id: draft.row.id,
      person_id: target ? target.row.id : null,
      status,
      planned_on: plannedIso,
      delivered_on: delivered === null ? null : isoOf(delivered),
      period_key: periodKey(def.frequency, isoOf(delivered ?? planned)),
      quantity,
      value_rp: value,
      note: status !== 'CANCELLED' && status !== 'PLANNED' && rng.chance(0.25) ? rng.pick(DELIVERY_NOTES) : null,
      idempotency_key: null,
      logged_by_id: program.loggedById,
      organization_id: program.ownerId,
      verified_at: verifiedAt,
      verified_by_id: verifiedAt ? DEMO_USERS.bappeda : null,
      cancelled_at: cancelledAt,
      cancel_reason: cancelledAt ? rng.pick(CANCEL_REASONS) : null,
      version: 1,
      created_at: createdAt,
      updated_at: updatedAt,
    };
  }

  // --- Indicators ----------------------------------------------------------------------------

  /** Quarterly figures per kelurahan for the last 8 complete quarters; call after householdBatches(). */
  indicatorValues(): IndicatorValueRow[] {
    if (!this.generated) throw new Error('indicatorValues() needs the households first (stunting follows the measurements)');
    const rng = new Random(`${this.seed}:indicators`);
    const quarters = lastQuarters(this.calendar.todayDay, 8);
    const cityRate = this.stats.underFives > 0 ? this.stats.stuntedUnderFives / this.stats.underFives : 0.2;
    // City-wide inflation (BPS measures one CPI for the city); kelurahan only add noise.
    const inflation = [1.62, 1.85, 2.21, 2.48, 2.93, 3.12, 2.71, 2.35];
    const investmentWeight: Record<string, number> = {
      '62.71.03.1001': 5, '62.71.03.1002': 4, '62.71.01.1001': 4, '62.71.03.1003': 3, '62.71.01.1002': 2.5,
      '62.71.01.1003': 2.5, '62.71.04.1002': 2, '62.71.02.1004': 2, '62.71.04.1003': 1.5,
    };
    const rows: IndicatorValueRow[] = [];
    for (const kel of KELURAHAN) {
      const s = this.stuntingByKelurahan.get(kel.code) ?? { children: 0, stunted: 0 };
      // Small kelurahan borrow strength from the city rate instead of swinging wildly.
      const prevalence = ((s.stunted + 10 * cityRate) / (s.children + 10)) * 100;
      const invest = (investmentWeight[kel.code] ?? 0.4) * rng.real(0.8, 1.2);
      const p3dnBase = rng.real(38, 52);
      const remote = kel.kecamatanCode === AREA_CODES.kecamatan.rakumpit ? 0.3 : 0;
      quarters.forEach(({ year, quarter }, i) => {
        const ago = quarters.length - 1 - i;
        // Published about three weeks after the quarter, and never after the seeding day.
        const stamp = stampOf(Math.min(dayOf(quarterEnd(year, quarter)) + 20, this.calendar.todayDay - 1), rng);
        const base = { area_id: areaId(kel.code), year, quarter, created_at: stamp, updated_at: stamp };
        rows.push({
          id: rng.uuid(), ...base, indicator: 'STUNTING_PREVALENCE_PCT',
          value: round2(Math.min(100, Math.max(0, prevalence * (1 + 0.035 * ago) + rng.normal(0, 0.4)))),
          source: 'e-PPGBM Dinas Kesehatan Kota Palangka Raya', recorded_by_id: DEMO_USERS.dinkes,
        });
        rows.push({
          id: rng.uuid(), ...base, indicator: 'INVESTMENT_REALISATION_RP',
          value: Math.round((invest * 12_000 * (1 + 0.03 * i) * rng.real(0.85, 1.15))) * 1_000_000,
          source: 'LKPM DPMPTSP Kota Palangka Raya', recorded_by_id: DEMO_USERS.bappeda,
        });
        rows.push({
          id: rng.uuid(), ...base, indicator: 'P3DN_SHARE_PCT',
          value: round2(Math.min(100, p3dnBase + 2.2 * i + rng.normal(0, 1.5))),
          source: 'Dinas Perdagangan, Koperasi dan UKM (e-Katalog lokal)', recorded_by_id: DEMO_USERS.bappeda,
        });
        rows.push({
          id: rng.uuid(), ...base, indicator: 'INFLATION_YOY_PCT',
          value: round2(inflation[i]! + remote + rng.normal(0, 0.12)),
          source: 'BPS Kota Palangka Raya (IHK)', recorded_by_id: DEMO_USERS.bappeda,
        });
      });
    }
    return rows;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function emptyBatch(): HouseholdBatch {
  return { households: [], persons: [], growthMeasurements: [], interventions: [], assignments: [], povertyAssessments: [] };
}

function statusOfDecile(decile: number): PovertyStatusCode {
  return decile === 1 ? 'EXTREME_POOR' : decile <= 3 ? 'POOR' : decile <= 5 ? 'VULNERABLE' : 'NOT_POOR';
}

function lastQuarters(todayDay: number, n: number): Array<{ year: number; quarter: number }> {
  const today = new Date(todayDay * MS_PER_DAY);
  let year = today.getUTCFullYear();
  let quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const out: Array<{ year: number; quarter: number }> = [];
  // Start from the last complete quarter before today.
  for (let i = 0; i < n; i++) {
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
    out.unshift({ year, quarter });
  }
  return out;
}

function quarterEnd(year: number, quarter: number): string {
  return isoOf(Date.UTC(year, quarter * 3, 1) / MS_PER_DAY - 1);
}

function adultEducation(rng: Random, decile: number): string {
  const table: ReadonlyArray<readonly [string, number]> =
    decile === 1
      ? [['NONE', 0.12], ['PRIMARY', 0.42], ['JUNIOR_SECONDARY', 0.25], ['SENIOR_SECONDARY', 0.19], ['DIPLOMA', 0.01], ['BACHELOR', 0.01]]
      : decile <= 3
        ? [['NONE', 0.07], ['PRIMARY', 0.3], ['JUNIOR_SECONDARY', 0.27], ['SENIOR_SECONDARY', 0.31], ['DIPLOMA', 0.02], ['BACHELOR', 0.03]]
        : decile <= 5
          ? [['NONE', 0.04], ['PRIMARY', 0.2], ['JUNIOR_SECONDARY', 0.24], ['SENIOR_SECONDARY', 0.42], ['DIPLOMA', 0.04], ['BACHELOR', 0.06]]
          : [['NONE', 0.02], ['PRIMARY', 0.1], ['JUNIOR_SECONDARY', 0.14], ['SENIOR_SECONDARY', 0.44], ['DIPLOMA', 0.08], ['BACHELOR', 0.2], ['POSTGRADUATE', 0.02]];
  return rng.weightedPick(table);
}

function work(
  rng: Random,
  age: number,
  sex: Sex,
  relation: string,
  decile: number,
  rural: boolean,
  enrolled: boolean,
  education: string,
  disabled: boolean,
): { occupation: string | null; employment: string | null } {
  if (age < 15) return enrolled && age >= 7 ? { occupation: 'Pelajar', employment: 'STUDENT' } : { occupation: null, employment: null };
  if (enrolled) return { occupation: age <= 18 ? 'Pelajar' : 'Mahasiswa', employment: 'STUDENT' };
  if (age >= 65 || (disabled && rng.chance(0.6))) {
    if (rng.chance(0.72)) return { occupation: decile >= 5 && rng.chance(0.4) ? 'Pensiunan' : 'Tidak bekerja', employment: 'NOT_IN_LABOR_FORCE' };
    return { occupation: rng.pick(rural ? OCCUPATIONS.rural : OCCUPATIONS.informal), employment: 'SELF_EMPLOYED' };
  }
  const breadwinner = (relation === 'HEAD' || relation === 'CHILD_IN_LAW' || relation === 'CHILD') && (sex === 'MALE' || relation === 'HEAD');
  const p = breadwinner
    ? [0.7, 0.84, 0.86, 0.9, 0.92, 0.95, 0.95, 0.96, 0.97, 0.97][decile - 1]!
    : sex === 'FEMALE'
      ? [0.3, 0.38, 0.4, 0.45, 0.48, 0.52, 0.55, 0.58, 0.6, 0.62][decile - 1]!
      : 0.6;
  if (age < 18 ? !rng.chance(0.35) : !rng.chance(p)) {
    if (sex === 'FEMALE' && age >= 18 && rng.chance(0.75)) return { occupation: 'Mengurus rumah tangga', employment: 'NOT_IN_LABOR_FORCE' };
    return { occupation: 'Belum/tidak bekerja', employment: 'UNEMPLOYED' };
  }
  const educated = education === 'DIPLOMA' || education === 'BACHELOR' || education === 'POSTGRADUATE';
  const kind = rng.weightedPick([
    ['casual', decile <= 3 ? 0.35 : 0.15],
    ['informal', decile <= 3 ? 0.2 : 0.12],
    ['rural', rural ? 0.35 : 0.04],
    ['business', decile <= 3 ? 0.1 : 0.2],
    ['formal', decile <= 3 ? 0.08 : 0.3],
    ['professional', educated ? 0.5 : decile >= 6 ? 0.1 : 0.01],
  ] as const);
  const selfEmployed = kind === 'informal' || kind === 'rural' || kind === 'business';
  return { occupation: rng.pick(OCCUPATIONS[kind]), employment: selfEmployed ? 'SELF_EMPLOYED' : 'EMPLOYED' };
}

function personName(rng: Random, ethnicity: Ethnicity, sex: Sex, familyName: string | null): string {
  const pool = NAMES[ethnicity];
  const first = rng.pick(sex === 'MALE' ? pool.male : pool.female);
  if (familyName) return `${first} ${familyName}`;
  const second = sex === 'MALE' ? pool.secondMale : pool.secondFemale;
  if (second.length > 0 && rng.chance(pool.secondNameShare)) {
    const s = rng.pick(second);
    if (s !== first) return `${first} ${s}`;
  }
  // Single given names stay single; a few "Muhammad"/"Siti"/"Andi" prefixes take a second name.
  if (['Muhammad', 'Ahmad', 'Siti', 'Noor', 'Andi', 'Gusti', 'Sitti', 'Sri', 'Dwi', 'Tri'].includes(first)) {
    const other = rng.pick(sex === 'MALE' ? pool.male : pool.female);
    if (other !== first) return `${first} ${other}`;
  }
  return first;
}

function referralNote(need: NeedType | null, decile: number): string {
  const who = decile === 1 ? 'Keluarga miskin ekstrem (desil 1)' : `Keluarga desil ${decile}`;
  const why: Record<NeedType, string> = {
    STUNTING: 'dengan balita stunting, mohon pendampingan gizi',
    NUTRITION_RISK: 'dengan ibu hamil atau baduta berisiko gizi, mohon pendampingan',
    HEALTH_INSURANCE: 'dengan anggota belum memiliki JKN',
    SCHOOLING: 'dengan anak usia sekolah yang tidak bersekolah',
    HOUSING: 'dengan rumah tidak layak huni',
    WATER: 'tanpa akses air minum layak',
    SANITATION: 'tanpa jamban sehat',
    ELECTRICITY: 'belum memiliki sambungan listrik sendiri',
    INCOME: 'tanpa anggota usia kerja yang bekerja',
    FOOD: 'belum menerima bantuan pangan',
  };
  return need ? `${who} ${why[need]}.` : `${who}, rujukan dari TKPK untuk ditindaklanjuti.`;
}

/** The needs the generator targets programs by (the rules of spec §4, simplified). */
function householdNeeds(d: HouseholdDraft): Set<NeedType> {
  const needs = new Set<NeedType>();
  const h = d.row;
  for (const m of d.members) {
    if (m.latestStatus === 'STUNTED' || m.latestStatus === 'SEVERELY_STUNTED') needs.add('STUNTING');
    if (d.decile === 1 && (m.row.pregnant || m.ageYears < 2)) needs.add('NUTRITION_RISK');
    if (m.row.jkn_status === 'NONE') needs.add('HEALTH_INSURANCE');
    if (m.ageYears >= 7 && m.ageYears <= 18 && !m.row.school_enrolled) needs.add('SCHOOLING');
  }
  if (h.floor_type === 'EARTH' || h.wall_type === 'BAMBOO' || h.wall_type === 'WOOD_LOW_QUALITY' || h.roof_type === 'THATCH') needs.add('HOUSING');
  if (['UNPROTECTED_WELL', 'RIVER_LAKE', 'RAINWATER', 'OTHER'].includes(h.drinking_water)) needs.add('WATER');
  if (h.sanitation !== 'PRIVATE') needs.add('SANITATION');
  // BPBL also serves households that share a neighbour's meter or run a generator.
  if (h.electricity !== 'PLN_METERED') needs.add('ELECTRICITY');
  const working = d.members.some(
    (m) => m.ageYears >= 18 && m.ageYears <= 60 && (m.row.employment_status === 'EMPLOYED' || m.row.employment_status === 'SELF_EMPLOYED'),
  );
  if (!working) needs.add('INCOME');
  if (d.decile === 1) needs.add('FOOD');
  return needs;
}

function householdMatches(rule: string, d: HouseholdDraft): boolean {
  switch (rule) {
    case 'ANY':
      return true;
    case 'HAS_DEPENDANTS':
      return d.members.some((m) => m.ageYears < 19 || m.ageYears >= 60 || m.row.pregnant || m.row.disability !== 'NONE');
    case 'YOUNG_CHILD_OR_PREGNANT':
      return d.members.some((m) => m.ageYears < 2 || m.row.pregnant || m.latestStatus === 'STUNTED' || m.latestStatus === 'SEVERELY_STUNTED');
    case 'HAS_ENTREPRENEUR':
      return d.hasEntrepreneur;
    case 'OWNS_HOME':
      return d.row.home_ownership === 'OWNED';
    default:
      throw new Error(`unknown household rule ${rule}`);
  }
}

function personMatches(rule: string, m: Member, d: HouseholdDraft, rng: Random): boolean {
  const age = m.ageYears;
  switch (rule) {
    case 'ANY':
      return true;
    case 'CHILD_AT_RISK':
      if (age >= 5) return false;
      return m.latestStatus === 'STUNTED' || m.latestStatus === 'SEVERELY_STUNTED' || (d.decile <= 3 && rng.chance(0.2));
    case 'PREGNANT':
      return m.row.pregnant;
    case 'NO_JKN':
      return m.row.jkn_status === 'NONE';
    case 'SCHOOL_AGE':
      return age >= 7 && age <= 18;
    case 'SCHOOL_AGE_POOR':
      return age >= 7 && age <= 18 && d.decile <= 3;
    case 'JOBSEEKER':
      return age >= 18 && age <= 55 && (m.row.employment_status === 'UNEMPLOYED' || (m.row.employment_status === 'EMPLOYED' && rng.chance(0.15)));
    case 'WORKING_AGE':
      return age >= 18 && age <= 60 && m.row.employment_status !== 'STUDENT';
    case 'ELDERLY_OR_DISABLED':
      return age >= 60 || m.row.disability !== 'NONE';
    default:
      throw new Error(`unknown person rule ${rule}`);
  }
}

/** Convenience for tests and small tools: the whole city in memory (do not use for large counts). */
export function generateInMemory(options: DemoCityOptions = {}): { city: DemoCity; batch: HouseholdBatch; indicators: IndicatorValueRow[] } {
  const city = new DemoCity(options);
  const all = emptyBatch();
  for (const b of city.householdBatches()) {
    for (const key of Object.keys(all) as Array<keyof HouseholdBatch>) {
      for (const row of b[key]) (all[key] as unknown[]).push(row);
    }
  }
  return { city, batch: all, indicators: city.indicatorValues() };
}

