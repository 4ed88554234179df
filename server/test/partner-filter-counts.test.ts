import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { COUNT_LIMIT } from '../src/graphql/connection.js';
import { GOVERNMENT_ORGANIZATION_TYPES } from '../src/auth/policy.js';
import { startTestServer, type TestServer } from './harness.js';
import { householdInput } from './household-inputs.js';
import { expectEachReadOnce, transitionTableScans } from './summary-fixture.js';

/**
 * A partner's household count with no filter, an area, poverty statuses, a decile range, one need type or
 * one program is read from partner_filter_count (migration 0040), kept by triggers per organisation. After
 * random writes through the API and in bulk (referrals opened, closed and consent withdrawn, households
 * edited and moved, needs and interventions of several organisations written), the kept counts equal the
 * rows, and each partner's totalCount equals the bounded count over the rows it replaces (forced by every
 * verification status, which every household matches but no kept count answers).
 */
let t: TestServer;
const tokens: Record<string, string> = {};
const PARTNERS = ['ngo', 'csr'];
const MENTENG = '62.71.03.1002';
const KECAMATAN = '62.71.03';
const NEED_TYPES = ['WATER', 'SANITATION', 'ELECTRICITY', 'HOUSING'];
const EVERY_VERIFICATION = ['UNVERIFIED', 'VERIFIED', 'NEEDS_UPDATE'];
const COUNT = 'query ($f: HouseholdFilter) { households(filter: $f, first: 0) { totalCount totalCountIsExact } }';
const CREATE = 'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }';
const UPDATE = 'mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }';
const REFER = 'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }';
const CLOSE = 'mutation ($id: ID!) { closeAssignment(id: $id) { id } }';
const LOG = 'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }';
const GOVERNMENT = GOVERNMENT_ORGANIZATION_TYPES.map((type) => `'${type}'`).join(', ');

let areas: Array<{ id: string; code: string }>;
/** Household programs, and the partners' and a government agency's organisations. */
let programs: string[];
let orgs: Record<string, string>;
const created: string[] = [];
let serial = 0;
let key = 0;
let applied = 0;

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ['admin', 'bappeda', ...PARTNERS]) tokens[u] = await t.login(u);
  areas = await t.query<{ id: string; code: string }>(
    `(select id, code from area where code = ?)
     union all (select id, code from area where level = 'KELURAHAN' and code like ? and code <> ? order by code limit 1)
     union all (select id, code from area where level = 'KELURAHAN' and code not like ? order by code limit 1)`,
    [MENTENG, `${KECAMATAN}.%`, MENTENG, `${KECAMATAN}.%`],
  );
  expect(areas).toHaveLength(3);
  programs = (await t.query<{ id: string }>(`select id from program where target_unit = 'HOUSEHOLD' order by name limit 3`)).map((r) => r.id);
  expect(programs.length).toBeGreaterThan(0);
  const users = await t.query<{ username: string; organization_id: string }>(
    `select username, organization_id from app_user where username in ('ngo', 'csr', 'dinsos')`,
  );
  orgs = Object.fromEntries(users.map((u) => [u.username, u.organization_id]));
  expect(Object.keys(orgs)).toHaveLength(3);
});
afterAll(() => t.close());

const gql = (query: string, variables: Record<string, unknown>, user = 'admin') => t.gql(query, variables, tokens[user]);

/** Housing fields that give (true) or do not give a household the need of each household-level type. */
const housing = ([floor, water, sanitation, electricity]: boolean[]) => ({
  floorType: floor ? 'EARTH' : 'CEMENT',
  drinkingWater: water ? 'RIVER_LAKE' : 'PIPED',
  sanitation: sanitation ? 'NONE' : 'PRIVATE',
  electricity: electricity ? 'NONE' : 'PLN_METERED',
});

const flags = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });
const households = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const create = fc.record({ kind: fc.constant('create' as const), area: fc.nat(2), flags });
const mutation = fc.oneof(
  create,
  fc.record({ kind: fc.constant('refer' as const), hs: households, partner: fc.nat(1) }),
  fc.record({ kind: fc.constant('close' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('withdraw' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), h: fc.nat(), flags }),
  fc.record({ kind: fc.constant('move' as const), h: fc.nat(), area: fc.nat(2) }),
  fc.record({ kind: fc.constant('moveMany' as const), hs: households, area: fc.nat(2) }),
  fc.record({ kind: fc.constant('rank' as const), hs: households, decile: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('log' as const), h: fc.nat(), program: fc.nat(), daysBack: fc.nat(400) }),
  fc.record({ kind: fc.constant('batch' as const), hs: households, program: fc.nat(), org: fc.nat(2) }),
  fc.record({ kind: fc.constant('handOver' as const), n: fc.nat(), org: fc.nat(2) }),
  fc.record({ kind: fc.constant('resolve' as const), hs: households, type: fc.nat(3) }),
  fc.constant({ kind: 'compact' as const }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const pick = (n: number) => (created.length ? created[n % created.length]! : null);
const pickMany = (ns: number[]) => [...new Set(ns.map(pick).filter((h): h is string => !!h))];
const orgOf = (n: number) => [orgs.ngo!, orgs.csr!, orgs.dinsos!][n % 3]!;
const version = async (id: string) => (await t.query<{ version: number }>(`select version from household where id = ?`, [id]))[0]!.version;
const openReferrals = () =>
  t.query<{ id: string }>(
    `select id from assignment where household_id = any (?::uuid[]) and status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null order by id`,
    [created],
  );

async function apply(m: Mutation): Promise<void> {
  const must = (res: { errors?: unknown }) => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    applied += 1;
  };
  switch (m.kind) {
    case 'create': {
      const res = await gql(CREATE, { i: householdInput(9_400 + ++serial, areas[m.area]!.id, {}, housing(m.flags)) });
      must(res);
      created.push(res.data.createHousehold.id);
      return;
    }
    case 'refer': {
      const hs = pickMany(m.hs);
      if (!hs.length) return;
      const organizationId = orgs[PARTNERS[m.partner]!];
      // Refused whole when one of them has an open referral to the partner already: a refusal changes nothing.
      const res = await gql(REFER, { i: { householdIds: hs, organizationId, lawfulBasis: 'PUBLIC_TASK' } }, 'bappeda');
      if (!res.errors) applied += 1;
      return;
    }
    case 'close': {
      const rows = await openReferrals();
      if (rows.length) must(await gql(CLOSE, { id: rows[m.n % rows.length]!.id }, 'bappeda'));
      return;
    }
    case 'withdraw': {
      // In bulk: every open referral of one household.
      const rows = await openReferrals();
      if (!rows.length) return;
      await t.query(
        // Only a consent can be withdrawn (assignment_consent_withdrawal): the referrals become consented first.
        `update assignment a
            set lawful_basis = 'CONSENT', consent_given_on = current_date, consent_method = 'WRITTEN',
                consent_given_by_id = (select p.id from person p where p.household_id = a.household_id order by p.id limit 1),
                consent_withdrawn_at = now(), consent_withdrawn_by_id = a.requested_by_id, consent_withdrawal_note = 'uji'
          where household_id = (select household_id from assignment where id = ?) and status in ('REQUESTED', 'ACCEPTED')
            and exists (select 1 from person p where p.household_id = a.household_id)`,
        [rows[m.n % rows.length]!.id],
      );
      applied += 1;
      return;
    }
    case 'edit':
    case 'move': {
      const id = pick(m.h);
      if (!id) return;
      const change = m.kind === 'edit' ? housing(m.flags) : { areaId: areas[m.area]!.id };
      return must(await gql(UPDATE, { i: { id, version: await version(id), ...change } }));
    }
    case 'moveMany': {
      const hs = pickMany(m.hs);
      if (!hs.length) return;
      await t.query(`update household set area_id = ? where id = any (?::uuid[])`, [areas[m.area]!.id, hs]);
      applied += 1;
      return;
    }
    case 'rank': {
      // A re-ranking in bulk: decile and status together, or the decile alone.
      const hs = pickMany(m.hs);
      if (!hs.length) return;
      await t.query(
        `update household set welfare_decile = ?,
                poverty_status = case when ? % 2 = 0 then poverty_status
                                      when ? = 1 then 'EXTREME_POOR' when ? <= 3 then 'POOR' when ? <= 5 then 'VULNERABLE' else 'NOT_POOR' end
          where id = any (?::uuid[])`,
        [m.decile, m.decile, m.decile, m.decile, m.decile, hs],
      );
      applied += 1;
      return;
    }
    case 'log': {
      const id = pick(m.h);
      if (!id) return;
      const deliveredAt = new Date(Date.parse(`${today()}T00:00:00Z`) - m.daysBack * 86_400_000).toISOString().slice(0, 10);
      // The program's rules may refuse (a delivery already this period): a refusal changes nothing.
      const res = await gql(LOG, { i: { programId: programs[m.program % programs.length], householdId: id, deliveredAt, idempotencyKey: `partner-counts-${++key}` } });
      if (!res.errors) applied += 1;
      return;
    }
    case 'batch': {
      // One statement for several households, by a partner or a government agency.
      const hs = pickMany(m.hs);
      if (!hs.length) return;
      await t
        .query(
          `insert into intervention (id, program_id, household_id, status, planned_on, period_key, organization_id)
           select gen_random_uuid(), p.id, h, 'PLANNED', sinergi_today(), sinergi_period_key(p.frequency, sinergi_today()), ?
             from program p, unnest(?::uuid[]) h where p.id = ?`,
          [orgOf(m.org), hs, programs[m.program % programs.length]],
        )
        .then(() => (applied += 1))
        // One active intervention per household, program and period: a second plan is refused whole.
        .catch((e: Error) => {
          if (!/duplicate key|unique/.test(e.message)) throw e;
        });
      return;
    }
    case 'handOver': {
      // An intervention handed to another organisation: a partner gains or loses sight of it.
      const rows = await t.query<{ id: string }>(`select id from intervention where household_id = any (?::uuid[]) order by id`, [created]);
      if (!rows.length) return;
      await t.query(`update intervention set organization_id = ? where id = ?`, [orgOf(m.org), rows[m.n % rows.length]!.id]);
      applied += 1;
      return;
    }
    case 'resolve': {
      const hs = pickMany(m.hs);
      if (!hs.length) return;
      await t.query(`delete from household_need where household_id = any (?::uuid[]) and need_type = ?`, [hs, NEED_TYPES[m.type]]);
      applied += 1;
      return;
    }
    case 'compact':
      await t.query(`select partner_filter_count_compact()`);
      return;
  }
}

/** The kept counts, summed per key, beside the counts computed from the referrals and rows. */
async function expectKeptEqualsRows(): Promise<void> {
  const kept = await t.query<{ k: string }>(
    `select concat_ws('|', organization_id, area_id, dimension, value, sum(n)) as k from partner_filter_count
      group by organization_id, area_id, dimension, value having sum(n) <> 0 order by 1`,
  );
  const rows = await t.query<{ k: string }>(
    `with open as (select distinct organization_id, household_id from assignment
                    where status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null)
     select concat_ws('|', c.organization_id, h.area_id, m.dimension, m.value, count(*)) as k
       from open c join household h on h.id = c.household_id
       join lateral (select 'ALL' as dimension, '' as value
                     union all select 'POVERTY_STATUS', h.poverty_status
                     union all select 'DECILE', h.welfare_decile::text
                     union all select distinct 'NEED_TYPE', n.need_type from household_need n where n.household_id = h.id
                     union all select distinct 'PROGRAM', i.program_id::text from intervention i
                                where i.household_id = h.id
                                  and (i.organization_id = c.organization_id
                                       or i.organization_id in (select id from organization where type in (${GOVERNMENT})))) m on true
      group by c.organization_id, h.area_id, m.dimension, m.value order by 1`,
  );
  expect(kept.map((r) => r.k)).toEqual(rows.map((r) => r.k));
}

async function count(user: string, f: Record<string, unknown>) {
  const res = await gql(COUNT, { f }, user);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.households as { totalCount: number; totalCountIsExact: boolean };
}

/** Each partner's count with each kept filter, alone and with an area, equals the bounded count over the rows. */
async function expectCountsEqualBounded(): Promise<void> {
  const filters: Array<Record<string, unknown>> = [
    {},
    { povertyStatus: ['EXTREME_POOR'] },
    { povertyStatus: ['POOR', 'VULNERABLE'] },
    { decileMin: 1, decileMax: 2 },
    { decileMin: 4 },
    { decileMax: 3 },
    ...NEED_TYPES.map((type) => ({ needType: [type] })),
    ...programs.map((programId) => ({ programId })),
  ];
  const withAreas = filters.flatMap((f) => [f, { ...f, areaCode: KECAMATAN }, { ...f, areaId: areas[2]!.id }]);
  const mismatches: string[] = [];
  for (const user of PARTNERS) {
    for (const f of withAreas) {
      const kept = await count(user, f);
      const bounded = await count(user, { ...f, verificationStatus: EVERY_VERIFICATION });
      if (JSON.stringify(kept) !== JSON.stringify(bounded)) mismatches.push(`${user} ${JSON.stringify(f)}: ${JSON.stringify(kept)} ≠ ${JSON.stringify(bounded)}`);
    }
  }
  expect(mismatches).toEqual([]);
}

describe("partners' household counts kept per organisation, kelurahan and filter value (0040)", () => {
  it('are filled by the migration from the seeded referrals, and each partner counts as the rows do', async () => {
    await expectKeptEqualsRows();
    await expectCountsEqualBounded();
    // Both partners have a caseload: an empty one would prove nothing.
    for (const user of PARTNERS) expect((await count(user, {})).totalCount).toBeGreaterThan(0);
  });

  it('stay exact through random writes, single and in bulk, and the compaction', async () => {
    await fc.assert(
      // Each run registers households first: the other writes pick among them.
      fc.asyncProperty(fc.array(create, { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 6, maxLength: 16 }), async (creates, mutations) => {
        for (const m of [...creates, ...mutations]) await apply(m);
        await expectKeptEqualsRows();
        await expectCountsEqualBounded();
        await t.query(`select partner_filter_count_compact()`);
        await expectKeptEqualsRows();
        const [{ extra }] = (await t.query<{ extra: number }>(
          `select (count(*) - count(distinct (organization_id, area_id, dimension, value)))::int as extra from partner_filter_count`,
        )) as [{ extra: number }];
        expect(extra).toBe(0);
      }),
      { numRuns: 4, seed: 40 },
    );
    // The writes did happen (a property whose writes were all refused would prove nothing).
    expect(applied).toBeGreaterThan(15);
    const [{ referred }] = (await t.query<{ referred: number }>(
      `select count(*)::int as referred from assignment where household_id = any (?::uuid[])`,
      [created],
    )) as [{ referred: number }];
    expect(referred).toBeGreaterThan(0);
  }, 1_800_000);

  it('read a statement of referred households larger than work_mem once, whichever table it writes (0046)', async () => {
    // 0040 tested each referred household's rows against the statement's households per row: deriving a
    // 1,000,000-household city's needs slowed with every batch. The smallest hash memory shows it with a few
    // thousand rows.
    const size = 1500;
    const fresh = `select id from household where address like 'Jl. Rujukan %'`;
    const [admin] = await t.query<{ id: string }>(`select id from app_user where username = 'admin'`);
    const scans = await transitionTableScans(
      t.ownerUrl,
      [
        `insert into household (id, kk_number, area_id, address, welfare_decile, poverty_status)
         select gen_random_uuid(), '627103020141' || lpad(g::text, 4, '0'), ('{${areas.map((a) => a.id).join(',')}}'::uuid[])[1 + g % 3],
                'Jl. Rujukan ' || g, 1 + g % 4, 'EXTREME_POOR'
           from generate_series(1, ${size}) g`,
      ],
      [
        `insert into assignment (id, household_id, organization_id, status, requested_by_id, lawful_basis)
         select gen_random_uuid(), h.id, '${orgs.ngo}', 'REQUESTED', '${admin!.id}', 'PUBLIC_TASK' from (${fresh}) h`,
        `insert into household_need (household_id, need_type, rule_version, evidence)
         select h.id, t.need_type, 1, '{}' from (${fresh}) h cross join (values ('WATER'), ('SANITATION')) t(need_type)`,
        `insert into intervention (id, program_id, household_id, status, planned_on, period_key, organization_id)
         select gen_random_uuid(), p.id, h.id, 'PLANNED', sinergi_today(), sinergi_period_key(p.frequency, sinergi_today()), '${orgs.ngo}'
           from program p, (${fresh}) h where p.id = '${programs[0]}'`,
        `insert into assignment (id, household_id, organization_id, status, requested_by_id, lawful_basis)
         select gen_random_uuid(), h.id, '${orgs.csr}', 'REQUESTED', '${admin!.id}', 'PUBLIC_TASK' from (${fresh}) h where h.id::text < '8'`,
        `update household set welfare_decile = 1 + welfare_decile % 4, area_id = ('{${areas.map((a) => a.id).join(',')}}'::uuid[])[1 + welfare_decile % 3]
          where address like 'Jl. Rujukan %'`,
        `update intervention set organization_id = '${orgs.csr}' where household_id in (${fresh}) and household_id::text < '4'`,
        `delete from household_need where need_type = 'WATER' and household_id in (${fresh}) and household_id::text < 'c'`,
        `update assignment set status = 'CLOSED', closed_at = now()
          where organization_id = '${orgs.ngo}' and household_id in (${fresh}) and household_id::text > '6'`,
      ],
    );
    expectEachReadOnce(scans);
    await expectKeptEqualsRows();
    await expectCountsEqualBounded();
  }, 300_000);

  it("follow a household's deletion and a change of an organisation's type", async () => {
    // A household of this test's, referred to the partner. Its interventions, assessments, referrals and members
    // restrict its deletion: they go first, one statement each (the referrals' own triggers count them out).
    // A new one: the random writes may have left another with a consent withdrawn on an open referral,
    // which the API counts as open (it refuses a second) while the policy does not.
    await apply({ kind: 'create', area: 0, flags: [true, false, true, false] });
    const id = created[created.length - 1]!;
    const referred = await gql(REFER, { i: { householdIds: [id], organizationId: orgs.ngo, lawfulBasis: 'PUBLIC_TASK' } }, 'bappeda');
    expect(referred.errors).toBeUndefined();
    expect(await t.query(`select 1 from assignment where household_id = ? and organization_id = ? and status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null`, [id, orgs.ngo])).not.toEqual([]);
    for (const table of ['intervention', 'poverty_assessment', 'assignment', 'person']) {
      await t.query(`delete from ${table} where household_id = ?`, [id]);
      await expectKeptEqualsRows();
    }
    await t.query(`delete from household where id = ?`, [id]);
    await expectKeptEqualsRows();
    // The csr partner's organisation counted as a government agency: ngo now sees its interventions.
    const [{ type }] = (await t.query<{ type: string }>(`select type from organization where id = ?`, [orgs.csr])) as [{ type: string }];
    await t.query(`update organization set type = 'PERANGKAT_DAERAH' where id = ?`, [orgs.csr]);
    try {
      await expectKeptEqualsRows();
      await expectCountsEqualBounded();
    } finally {
      await t.query(`update organization set type = ? where id = ?`, [type, orgs.csr]);
    }
    await expectKeptEqualsRows();
  });

  it("answer a partner's list: a kept row changes its count, within its bound, and no other's", async () => {
    const [{ area }] = (await t.query<{ area: string }>(
      `select area_id as area from partner_filter_count where organization_id = ? and dimension = 'ALL' group by area_id having sum(n) > 0 order by area_id limit 1`,
      [orgs.ngo],
    )) as [{ area: string }];
    const before = await count('ngo', {});
    const other = await count('csr', {});
    const city = await count('bappeda', {});
    // Written as the owner, as no role can: 5 more, then beyond the bound.
    await t.query(`insert into partner_filter_count (organization_id, area_id, dimension, value, n) values (?, ?, 'ALL', '', 5)`, [orgs.ngo, area]);
    try {
      expect(await count('ngo', {})).toEqual({ totalCount: before.totalCount + 5, totalCountIsExact: true });
      await t.query(`insert into partner_filter_count (organization_id, area_id, dimension, value, n) values (?, ?, 'ALL', '', ?)`, [orgs.ngo, area, COUNT_LIMIT]);
      expect(await count('ngo', {})).toEqual({ totalCount: COUNT_LIMIT, totalCountIsExact: false });
      expect(await count('ngo', { verificationStatus: EVERY_VERIFICATION })).toEqual(before);
      expect(await count('csr', {})).toEqual(other);
      expect(await count('bappeda', {})).toEqual(city);
    } finally {
      await t.query(`delete from partner_filter_count where organization_id = ? and area_id = ? and dimension = 'ALL' and n in (5, ?)`, [orgs.ngo, area, COUNT_LIMIT]);
    }
    expect(await count('ngo', {})).toEqual(before);
  });

  it('keep the bounded count for filters they cannot answer, and fail as it does on bad input', async () => {
    const [{ n }] = (await t.query<{ n: number }>(
      `select count(*)::int as n from household h
        where h.welfare_decile <= 3 and h.poverty_status = 'POOR'
          and exists (select 1 from assignment a where a.household_id = h.id and a.organization_id = ?
                         and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)`,
      [orgs.ngo],
    )) as [{ n: number }];
    expect(await count('ngo', { decileMax: 3, povertyStatus: ['POOR'] })).toEqual({ totalCount: n, totalCountIsExact: true });
    for (const f of [{ programId: 'not-a-uuid' }, { decileMin: 3, decileMax: 2 }, { decileMin: 0 }]) {
      const kept = await gql(COUNT, { f }, 'ngo');
      const bounded = await gql(COUNT, { f: { ...f, verificationStatus: EVERY_VERIFICATION } }, 'ngo');
      expect(kept.errors?.[0]?.extensions?.code).toBeDefined();
      expect(kept.errors?.[0]?.extensions?.code).toBe(bounded.errors?.[0]?.extensions?.code);
    }
  });
});
