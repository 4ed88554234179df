import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

/**
 * The small city the summary property tests write to (analytics-, coverage- and daily-summaries): a kecamatan
 * of two kelurahan beside Menteng, six households of a head and a child each, organizations and programs,
 * all named by short keys ('H1', 'H1b', 'K2', 'P3', 'O1') so that a property's writes are small indices.
 */

export const HOUSEHOLDS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
export const KELURAHAN = ['K1', 'K2', 'MENTENG'];
export const STATUSES = ['PLANNED', 'IN_PROGRESS', 'DELIVERED', 'VERIFIED', 'CANCELLED'] as const;
export type Status = (typeof STATUSES)[number];

export const DAY = 86_400_000;
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

// Before every planned or delivery date: the same records, read from the rows (forces the row path).
export const ALL_DATES = { from: '1900-01-01' };

// The deltas each summary appends until a compaction folds them.
export const ANALYTICS_DELTA_TABLES = ['analytics_program_area_delta', 'analytics_program_household_delta', 'analytics_owner_household_delta', 'analytics_program_target_delta'];
export const SUMMARY_DELTA_TABLES = ['coverage_delta', 'analytics_daily_delta', ...ANALYTICS_DELTA_TABLES];

/**
 * Coverage rows of `table` (coverage_part or coverage_delta) as the counts they give every day: +n where a
 * range starts, -n where it ends, summed per area, variant, item and day. Two tables that count the same
 * days print alike however their ranges are cut (the compaction splits open ranges at its day, 0032).
 */
export const coverageEvents = (table: string) => `
  select concat_ws('|', area_id, aspect, item, day, sum(n)) as k
    from (select area_id, aspect, item, coalesce(lower(r), '-infinity'::date) as day, n from ${table} where not isempty(r)
          union all
          select area_id, aspect, item, coalesce(upper(r), 'infinity'::date), -n from ${table} where not isempty(r)) e
   group by area_id, aspect, item, day having sum(n) <> 0 order by 1`;

export interface ProgramSpec {
  key: string;
  frequency: string;
  /** Delivered to a member (the head or the child) rather than to the household. */
  person: boolean;
  needs: string[];
  aspects: string[];
  /** Organization key; 'O1' unless told. */
  owner?: string;
  startsOn?: string;
  quota?: number | null;
}

export interface CityOptions {
  /** Names the kecamatan, the addresses ('Jl. <name> n'), the programs ('<name> P1') and the default organization ('Dinas <name>'). */
  name: string;
  kelurahan: [string, string];
  /** First twelve digits of the KK and NIK numbers; a serial makes the last four. */
  kkPrefix: string;
  nikPrefix: string;
  programs: ProgramSpec[];
  organizations?: Array<{ key: string; name: string; type: string }>;
  decile?: (household: number) => number;
  /** The child's birth date; the head's is 1990-01-01. */
  childBirthDate?: (household: number) => string;
}

export interface InterventionSpec {
  program: ProgramSpec;
  household: number;
  member: number;
  status: Status;
  /** The delivery day (planned three days before); the period key is the program's on that day. */
  on: string;
  value: number;
  organization: string;
}

export function summaryCity(options: CityOptions) {
  const ids: Record<string, string> = {};
  const id = (name: string) => (ids[name] ??= randomUUID());
  /** The head (0) or the child (1) of a household. */
  const member = (household: number, m: number) => id(`${HOUSEHOLDS[household]!}${m ? 'b' : 'a'}`);
  let t: TestServer;

  async function insert(table: string, row: Record<string, unknown>) {
    const cols = Object.keys(row);
    await t.query(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`, Object.values(row));
  }

  async function build(server: TestServer) {
    t = server;
    const { name } = options;
    const [city] = await t.query<{ id: string }>(`select id from area where code = '62.71'`);
    const [menteng] = await t.query<{ id: string }>(`select id from area where code = '62.71.03.1002'`);
    ids['MENTENG'] = menteng!.id;
    await insert('area', { id: id('KEC'), code: '62.71.19', name, level: 'KECAMATAN', parent_id: city!.id, population: 2000 });
    for (const [n, k] of ['K1', 'K2'].entries()) {
      await insert('area', { id: id(k), code: `62.71.19.100${n + 1}`, name: options.kelurahan[n], level: 'KELURAHAN', parent_id: id('KEC'), population: 1000 });
    }
    let serial = 0;
    for (const [n, h] of HOUSEHOLDS.entries()) {
      serial += 1;
      await insert('household', {
        id: id(h),
        kk_number: `${options.kkPrefix}${String(serial).padStart(4, '0')}`,
        area_id: id(KELURAHAN[n % 3]!),
        address: `Jl. ${name} ${serial}`,
        welfare_decile: options.decile?.(n) ?? 1,
        poverty_status: 'EXTREME_POOR',
      });
      for (const m of ['a', 'b']) {
        serial += 1;
        await insert('person', {
          id: id(`${h}${m}`),
          household_id: id(h),
          nik: `${options.nikPrefix}${String(serial).padStart(4, '0')}`,
          name: `Warga ${h}${m}`,
          sex: 'FEMALE',
          birth_date: m === 'b' && options.childBirthDate ? options.childBirthDate(n) : '1990-01-01',
          relation: m === 'a' ? 'HEAD' : 'CHILD',
        });
      }
    }
    for (const o of options.organizations ?? [{ key: 'O1', name: `Dinas ${name}`, type: 'PERANGKAT_DAERAH' }]) {
      await insert('organization', { id: id(o.key), name: o.name, type: o.type });
    }
    for (const p of options.programs) {
      await t.query(
        `insert into program (id, owner_id, name, focus_aspects, strategy, need_types, target_unit, delivery_unit, frequency, starts_on, quota)
         values (?, ?, ?, ?::text[], 'REDUCE_EXPENDITURE', ?::text[], ?, 'paket', ?, ?, ?)`,
        [id(p.key), id(p.owner ?? 'O1'), `${name} ${p.key}`, p.aspects, p.needs, p.person ? 'PERSON' : 'HOUSEHOLD', p.frequency,
          p.startsOn ?? '2020-01-01', p.quota ?? null],
      );
    }
  }

  /** Inserts the interventions in one statement, as an import batch writes them. */
  async function insertInterventions(specs: InterventionSpec[]) {
    const values = specs.map(({ program: p, household, member: m, status: s, on, value, organization }) => {
      const delivered = s === 'DELIVERED' || s === 'VERIFIED';
      return [randomUUID(), id(p.key), id(HOUSEHOLDS[household]!), p.person ? member(household, m) : null, s,
        addDays(on, -3), delivered ? on : null, on, delivered ? value : null, id(organization),
        s === 'VERIFIED' ? new Date().toISOString() : null, s === 'CANCELLED' ? new Date().toISOString() : null];
    });
    await t.query(
      `insert into intervention (id, program_id, household_id, person_id, status, planned_on, delivered_on, period_key, value_rp,
         organization_id, verified_at, cancelled_at)
       select v.id::uuid, v.program_id::uuid, v.household_id::uuid, v.person_id::uuid, v.status, v.planned_on::date, v.delivered_on::date,
              sinergi_period_key(p.frequency, v.on_day::date), v.value_rp::numeric, v.organization_id::uuid, v.verified_at::timestamptz,
              v.cancelled_at::timestamptz
         from (values ${values.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')})
           as v (id, program_id, household_id, person_id, status, planned_on, delivered_on, on_day, value_rp, organization_id, verified_at, cancelled_at)
         join program p on p.id = v.program_id::uuid`,
      values.flat(),
    );
  }

  /** The n-th (modulo their number) intervention or need of the city's households, by id. */
  async function pick(table: 'intervention' | 'household_need', n: number): Promise<string | null> {
    const rows = await t.query<{ id: string }>(`select x.id from ${table} x where x.household_id = any (?::uuid[]) order by x.id`, [
      HOUSEHOLDS.map((h) => id(h)),
    ]);
    return rows.length ? rows[n % rows.length]!.id : null;
  }

  /** Deletes the n-th intervention or need (nothing when there is none). */
  async function drop(table: 'intervention' | 'household_need', n: number) {
    const target = await pick(table, n);
    if (target) await t.query(`delete from ${table} where id = ?`, [target]);
  }

  const moveHousehold = (household: number, area: number) =>
    t.query(`update household set area_id = ? where id = ?`, [id(KELURAHAN[area]!), id(HOUSEHOLDS[household]!)]);
  /** The child of one household moves to another (taking nothing recorded under the old one along). */
  const moveMember = (household: number, to: number) =>
    t.query(`update person set household_id = ? where id = ?`, [id(HOUSEHOLDS[to]!), member(household, 1)]);

  return { ids, id, member, insert, build, insertInterventions, pick, drop, moveHousehold, moveMember };
}

/**
 * Applies a property's writes in order; a write the database refuses (it matches `refused`: one active
 * intervention per target and period, a check) changes nothing and is passed over.
 */
export async function applyAll<M>(mutations: M[], apply: (m: M) => Promise<void>, refused: RegExp): Promise<void> {
  for (const m of mutations) {
    await apply(m).catch((e: Error) => {
      if (!refused.test(e.message)) throw e;
    });
  }
}

/**
 * The answer on the summary path equals the row path's (the same variables with `f` widened to ALL_DATES)
 * and has no errors; returns the summary path's data.
 */
export async function expectSummaryPathEqualsRows(
  t: TestServer,
  query: string,
  variables: { f: Record<string, unknown> } & Record<string, unknown>,
  token: string,
  label: string,
): Promise<unknown> {
  const summary = await t.gql(query, variables, token);
  const rows = await t.gql(query, { ...variables, f: { ...variables.f, ...ALL_DATES } }, token);
  expect(summary.errors, label).toBeUndefined();
  expect(rows.errors, label).toBeUndefined();
  expect(summary.data, label).toEqual(rows.data);
  return summary.data;
}

/**
 * Runs `prepare` and then `measured` in one transaction as the owner, the latter with the smallest hash memory
 * (`work_mem` 64 kB, `hash_mem_multiplier` 1) and every nested plan logged by auto_explain, and commits. Returns
 * the plans' lines that scan a transition table: a trigger that re-reads its statement's rows per row shows
 * `loops` above 1 there with a few thousand rows.
 */
export async function transitionTableScans(ownerUrl: string, prepare: string[], measured: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const plans: string[] = [];
  client.on('notice', (notice) => plans.push(notice.message ?? ''));
  try {
    await client.query('begin');
    for (const sql of prepare) await client.query(sql);
    await client.query(`set local work_mem = '64kB'`);
    await client.query(`set local hash_mem_multiplier = 1`);
    await client.query(`load 'auto_explain'`);
    for (const setting of ['log_min_duration = 0', 'log_analyze = on', 'log_timing = off', 'log_nested_statements = on', 'log_level = notice']) {
      await client.query(`set local auto_explain.${setting}`);
    }
    for (const sql of measured) await client.query(sql);
    await client.query('commit');
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
  return plans.flatMap((plan) => plan.split('\n')).filter((line) => line.includes('Named Tuplestore Scan'));
}

/** Every transition table read at most once per trigger statement, and at least one read. */
export function expectEachReadOnce(scans: string[]): void {
  expect(scans.filter((line) => !/loops=1\)|\(never executed\)/.test(line))).toEqual([]);
  expect(scans.filter((line) => /loops=1\)/.test(line)).length).toBeGreaterThan(0);
}
