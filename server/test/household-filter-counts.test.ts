import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { COUNT_LIMIT } from '../src/graphql/connection.js';
import { startTestServer, type TestServer } from './harness.js';
import { householdInput } from './household-inputs.js';

/**
 * The household list's count with one need type or one program is read from household_filter_count
 * (migration 0035), kept by triggers. After random writes through the API and in bulk, the kept counts
 * equal the rows, and every viewer's totalCount equals the bounded count over the rows it replaces
 * (forced by `decileMin: 1`, which every household matches, so the filter no longer fits a kept count).
 */
let t: TestServer;
const tokens: Record<string, string> = {};
const VIEWERS = ['admin', 'bappeda', 'lurah.menteng', 'ngo'];
const MENTENG = '62.71.03.1002';
const KECAMATAN = '62.71.03';
const NEED_TYPES = ['WATER', 'SANITATION', 'ELECTRICITY', 'HOUSING', 'STUNTING'];
const COUNT = 'query ($f: HouseholdFilter) { households(filter: $f, first: 0) { totalCount totalCountIsExact } }';
const CREATE = 'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }';
const UPDATE = 'mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }';
const LOG = 'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }';
const CANCEL = 'mutation ($id: ID!) { cancelIntervention(id: $id, reason: "salah catat") { id } }';

/** Three kelurahan: Menteng, one beside it in its kecamatan, one in another kecamatan. */
let areas: Array<{ id: string; code: string }>;
/** Household programs (no member to name), the first few of the demo data. */
let programs: string[];
const created: string[] = [];
let serial = 0;
let key = 0;

beforeAll(async () => {
  t = await startTestServer();
  for (const u of VIEWERS) tokens[u] = await t.login(u);
  areas = await t.query<{ id: string; code: string }>(
    `(select id, code from area where code = ?)
     union all (select id, code from area where level = 'KELURAHAN' and code like ? and code <> ? order by code limit 1)
     union all (select id, code from area where level = 'KELURAHAN' and code not like ? order by code limit 1)`,
    [MENTENG, `${KECAMATAN}.%`, MENTENG, `${KECAMATAN}.%`],
  );
  expect(areas).toHaveLength(3);
  programs = (await t.query<{ id: string }>(`select id from program where target_unit = 'HOUSEHOLD' order by name limit 3`)).map((r) => r.id);
  expect(programs.length).toBeGreaterThan(0);
});
afterAll(() => t.close());

async function gql(query: string, variables: Record<string, unknown>, user = 'admin') {
  return t.gql(query, variables, tokens[user]);
}

/** Housing fields that give (true) or do not give a household the need of each household-level type. */
const housing = ([floor, water, sanitation, electricity]: boolean[]) => ({
  floorType: floor ? 'EARTH' : 'CEMENT',
  drinkingWater: water ? 'RIVER_LAKE' : 'PIPED',
  sanitation: sanitation ? 'NONE' : 'PRIVATE',
  electricity: electricity ? 'NONE' : 'PLN_METERED',
});

const flags = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });
const create = fc.record({ kind: fc.constant('create' as const), area: fc.nat(2), flags });
const mutation = fc.oneof(
  create,
  fc.record({ kind: fc.constant('edit' as const), h: fc.nat(), flags }),
  fc.record({ kind: fc.constant('move' as const), h: fc.nat(), area: fc.nat(2) }),
  fc.record({ kind: fc.constant('log' as const), h: fc.nat(), program: fc.nat(), daysBack: fc.nat(400) }),
  fc.record({ kind: fc.constant('cancel' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('batch' as const), hs: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), program: fc.nat() }),
  fc.record({ kind: fc.constant('resolve' as const), hs: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), type: fc.nat(3) }),
  fc.record({ kind: fc.constant('moveMany' as const), hs: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), area: fc.nat(2) }),
  fc.constant({ kind: 'compact' as const }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const pickHousehold = (n: number) => (created.length ? created[n % created.length]! : null);
const version = async (id: string) => (await t.query<{ version: number }>(`select version from household where id = ?`, [id]))[0]!.version;

let applied = 0;
async function apply(m: Mutation): Promise<void> {
  const ok = (res: { errors?: unknown }) => {
    if (!res.errors) applied += 1;
  };
  switch (m.kind) {
    case 'create': {
      const res = await gql(CREATE, { i: householdInput(9_000 + ++serial, areas[m.area]!.id, {}, housing(m.flags)) });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      created.push(res.data.createHousehold.id);
      return ok(res);
    }
    case 'edit':
    case 'move': {
      const id = pickHousehold(m.h);
      if (!id) return;
      const change = m.kind === 'edit' ? housing(m.flags) : { areaId: areas[m.area]!.id };
      const res = await gql(UPDATE, { i: { id, version: await version(id), ...change } });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return ok(res);
    }
    case 'log': {
      const id = pickHousehold(m.h);
      if (!id) return;
      const deliveredAt = new Date(Date.parse(`${today()}T00:00:00Z`) - m.daysBack * 86_400_000).toISOString().slice(0, 10);
      // The program's rules may refuse (a delivery already this period): a refusal changes nothing.
      const res = await gql(LOG, { i: { programId: programs[m.program % programs.length], householdId: id, deliveredAt, idempotencyKey: `counts-${++key}-key` } });
      return ok(res);
    }
    case 'cancel': {
      const rows = await t.query<{ id: string }>(
        `select id from intervention where household_id = any (?::uuid[]) and status <> 'CANCELLED' order by id`,
        [created],
      );
      if (!rows.length) return;
      return ok(await gql(CANCEL, { id: rows[m.n % rows.length]!.id }));
    }
    case 'batch': {
      // One statement for several households, as an import batch writes them.
      const hs = [...new Set(m.hs.map(pickHousehold).filter((h): h is string => !!h))];
      if (!hs.length) return;
      await t
        .query(
          `insert into intervention (id, program_id, household_id, status, planned_on, period_key, organization_id)
           select gen_random_uuid(), p.id, h, 'PLANNED', sinergi_today(), sinergi_period_key(p.frequency, sinergi_today()), p.owner_id
             from program p, unnest(?::uuid[]) h where p.id = ?`,
          [hs, programs[m.program % programs.length]],
        )
        .then(() => (applied += 1))
        // One active intervention per household, program and period: a second plan is refused whole.
        .catch((e: Error) => {
          if (!/duplicate key|unique/.test(e.message)) throw e;
        });
      return;
    }
    case 'resolve': {
      // Needs removed in bulk (a re-derivation drops them in one statement).
      const hs = m.hs.map(pickHousehold).filter((h): h is string => !!h);
      if (!hs.length) return;
      await t.query(`delete from household_need where household_id = any (?::uuid[]) and need_type = ?`, [hs, NEED_TYPES[m.type]]);
      applied += 1;
      return;
    }
    case 'moveMany': {
      const hs = m.hs.map(pickHousehold).filter((h): h is string => !!h);
      if (!hs.length) return;
      await t.query(`update household set area_id = ? where id = any (?::uuid[])`, [areas[m.area]!.id, hs]);
      applied += 1;
      return;
    }
    case 'compact':
      await t.query(`select household_filter_count_compact()`);
      return;
  }
}

/** The kept counts, summed per key, beside the counts computed from the rows. */
async function expectKeptEqualsRows(): Promise<void> {
  const kept = await t.query<{ k: string }>(
    `select concat_ws('|', area_id, dimension, value, sum(n)) as k from household_filter_count
      group by area_id, dimension, value having sum(n) <> 0 order by 1`,
  );
  const rows = await t.query<{ k: string }>(
    `select concat_ws('|', h.area_id, m.dimension, m.value, count(*)) as k
       from (select distinct household_id, 'NEED_TYPE' as dimension, need_type as value from household_need
             union all
             select distinct household_id, 'PROGRAM', program_id::text from intervention) m
       join household h on h.id = m.household_id
      group by h.area_id, m.dimension, m.value order by 1`,
  );
  expect(kept.map((r) => r.k)).toEqual(rows.map((r) => r.k));
}

async function count(user: string, f: Record<string, unknown>) {
  const res = await gql(COUNT, { f }, user);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.households as { totalCount: number; totalCountIsExact: boolean };
}

/** Every viewer's count with each kept filter, alone and with an area, equals the bounded count over the rows. */
async function expectCountsEqualBounded(): Promise<void> {
  const filters: Array<Record<string, unknown>> = [
    ...NEED_TYPES.map((type) => ({ needType: [type] })),
    ...programs.map((programId) => ({ programId })),
  ];
  const withAreas = filters.flatMap((f) => [f, { ...f, areaCode: MENTENG }, { ...f, areaCode: KECAMATAN }, { ...f, areaId: areas[2]!.id }]);
  const mismatches: string[] = [];
  for (const user of VIEWERS) {
    for (const f of withAreas) {
      const kept = await count(user, f);
      const bounded = await count(user, { ...f, decileMin: 1 });
      if (JSON.stringify(kept) !== JSON.stringify(bounded)) mismatches.push(`${user} ${JSON.stringify(f)}: ${JSON.stringify(kept)} ≠ ${JSON.stringify(bounded)}`);
    }
  }
  expect(mismatches).toEqual([]);
  // And the rows themselves, as the owner: the city-wide counts are exact.
  for (const type of NEED_TYPES) {
    const [{ n }] = (await t.query<{ n: number }>(
      `select count(distinct household_id)::int as n from household_need where need_type = ?`,
      [type],
    )) as [{ n: number }];
    expect(await count('admin', { needType: [type] })).toEqual({ totalCount: Math.min(n, COUNT_LIMIT), totalCountIsExact: n <= COUNT_LIMIT });
  }
}

describe('household counts kept per kelurahan and filter value (0035)', () => {
  it('are filled by the migration from the seeded rows, and every viewer counts as the rows do', async () => {
    await expectKeptEqualsRows();
    await expectCountsEqualBounded();
  });

  it('stay exact through random writes, single and in bulk, and the compaction', async () => {
    await fc.assert(
      // Each run registers households first: the other writes pick among them.
      fc.asyncProperty(fc.array(create, { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 4, maxLength: 14 }), async (creates, mutations) => {
        for (const m of [...creates, ...mutations]) await apply(m);
        await expectKeptEqualsRows();
        await expectCountsEqualBounded();
        await t.query(`select household_filter_count_compact()`);
        await expectKeptEqualsRows();
        // One row per key once folded.
        const [{ extra }] = (await t.query<{ extra: number }>(
          `select (count(*) - count(distinct (area_id, dimension, value)))::int as extra from household_filter_count`,
        )) as [{ extra: number }];
        expect(extra).toBe(0);
      }),
      { numRuns: 5, seed: 35 },
    );
    // The writes did happen (a property whose writes were all refused would prove nothing).
    expect(applied).toBeGreaterThan(10);
    const [{ logged }] = (await t.query<{ logged: number }>(`select count(*)::int as logged from intervention where idempotency_key like 'counts-%'`)) as [
      { logged: number },
    ];
    expect(logged).toBeGreaterThan(0);
  }, 600_000);

  it('answer the list: a kept row changes the count, which stays within scope and its bound', async () => {
    const menteng = areas[0]!.id;
    const before = await count('lurah.menteng', { needType: ['WATER'] });
    const partner = await count('ngo', { needType: ['WATER'] });
    // Written as the owner, as no role can: 5 more, then beyond the bound.
    await t.query(`insert into household_filter_count (area_id, dimension, value, n) values (?, 'NEED_TYPE', 'WATER', 5)`, [menteng]);
    try {
      expect(await count('lurah.menteng', { needType: ['WATER'] })).toEqual({ totalCount: before.totalCount + 5, totalCountIsExact: true });
      await t.query(`insert into household_filter_count (area_id, dimension, value, n) values (?, 'NEED_TYPE', 'WATER', ?)`, [menteng, COUNT_LIMIT]);
      const capped = { totalCount: COUNT_LIMIT, totalCountIsExact: false };
      expect(await count('lurah.menteng', { needType: ['WATER'] })).toEqual(capped);
      expect(await count('bappeda', { needType: ['WATER'], areaCode: KECAMATAN })).toEqual(capped);
      // Outside the rows' area, and for a partner (whose count reads its caseload), nothing changes.
      expect(await count('bappeda', { needType: ['WATER'], areaId: areas[2]!.id })).toEqual(await count('bappeda', { needType: ['WATER'], areaId: areas[2]!.id, decileMin: 1 }));
      expect(await count('ngo', { needType: ['WATER'] })).toEqual(partner);
    } finally {
      await t.query(`delete from household_filter_count where area_id = ? and dimension = 'NEED_TYPE' and value = 'WATER' and n in (5, ?)`, [menteng, COUNT_LIMIT]);
    }
    expect(await count('lurah.menteng', { needType: ['WATER'] })).toEqual(before);
  });

  it('keep the bounded count for filters they cannot answer, and fail as it does on a malformed id', async () => {
    for (const f of [{ needType: ['WATER', 'SANITATION'] }, { needType: ['WATER'], programId: programs[0] }, { programId: programs[0], interventionStatus: ['PLANNED'] }]) {
      const [{ n }] = (await t.query<{ n: number }>(
        `select count(*)::int as n from household h where ${
          'programId' in f
            ? `exists (select 1 from intervention i where i.household_id = h.id and i.program_id = '${programs[0]}'${
                'interventionStatus' in f ? ` and i.status = 'PLANNED'` : ''
              })`
            : 'true'
        } and ${'needType' in f ? `exists (select 1 from household_need n where n.household_id = h.id and n.need_type = any (?::text[]))` : '?::text[] is not null'}`,
        [('needType' in f ? f.needType : []) as string[]],
      )) as [{ n: number }];
      expect(await count('admin', f)).toEqual({ totalCount: n, totalCountIsExact: true });
    }
    const kept = await gql(COUNT, { f: { programId: 'not-a-uuid' } });
    const bounded = await gql(COUNT, { f: { programId: 'not-a-uuid', decileMin: 1 } });
    expect(kept.errors?.[0]?.extensions?.code).toBeDefined();
    expect(kept.errors?.[0]?.extensions?.code).toBe(bounded.errors?.[0]?.extensions?.code);
  });
});
