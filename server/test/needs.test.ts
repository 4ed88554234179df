import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as clockToday } from '../src/config/clock.js';
import { makeKk } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';
import { memberInput } from './household-inputs.js';

let t: TestServer;
let admin: string;
let mentengId: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
  mentengId = (await t.gql('{ area(code: "62.71.03.1002") { id } }', {}, admin)).data.area.id;
});
afterAll(() => t.close());

const iso = clockToday();
const today = new Date(`${iso}T00:00:00Z`);
const yearsAgo = (years: number, months = 0) => {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 10);
};

let serial = 8100;
function member(name: string, sex: 'MALE' | 'FEMALE', birthDate: string, extra: Record<string, unknown> = {}) {
  serial += 1;
  return memberInput(serial, name, sex, birthDate, extra);
}

const NEEDS = `query ($id: ID!) { household(id: $id) { members { id name } needs { id type status evidence person { name } rule { version descriptionId }
  candidatePrograms { program { name needTypes targetUnit targetSex targetMinAgeMonths targetMaxAgeMonths } quotaLeft } } matchingPrograms { program { name } needTypes score } } }`;

async function needsOf(id: string) {
  const res = await t.gql(NEEDS, { id }, admin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.household;
}
const summary = (needs: Array<{ type: string; person: { name: string } | null }>) =>
  needs.map((n) => `${n.type}${n.person ? `:${n.person.name}` : ''}`).sort();

async function create(input: Record<string, unknown>) {
  serial += 1;
  const res = await t.gql(
    'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
    { i: { kkNumber: makeKk({ regionCode: '627103', issueDate: '2018-03-03', serial }), areaId: mentengId, address: 'Jl. Uji Kebutuhan 1', ...input } },
    admin,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createHousehold.id as string;
}

describe('need rules', () => {
  let poor: string;
  let wellOff: string;

  beforeAll(async () => {
    poor = await create({
      welfareDecile: 1,
      floorType: 'EARTH',
      wallType: 'PLASTERED_BRICK',
      roofType: 'ZINC',
      drinkingWater: 'RIVER_LAKE',
      sanitation: 'NONE',
      electricity: 'NONE',
      members: [
        member('Ayah', 'MALE', yearsAgo(40), { relation: 'HEAD', employmentStatus: 'UNEMPLOYED', jknStatus: 'NONE' }),
        member('Ibu', 'FEMALE', yearsAgo(33), { relation: 'SPOUSE', pregnant: true, jknStatus: 'PBI', employmentStatus: 'NOT_IN_LABOR_FORCE' }),
        member('Kakak', 'MALE', yearsAgo(10), { relation: 'CHILD', schoolEnrolled: false, jknStatus: 'PBI' }),
        member('Adik', 'MALE', yearsAgo(1, 5), { relation: 'CHILD', jknStatus: 'PBI' }),
      ],
    });
    wellOff = await create({
      welfareDecile: 5,
      floorType: 'TILE_CERAMIC',
      wallType: 'PLASTERED_BRICK',
      roofType: 'CLAY_TILE',
      drinkingWater: 'PIPED',
      sanitation: 'PRIVATE',
      electricity: 'PLN_METERED',
      members: [
        member('Bapak', 'MALE', yearsAgo(45), { relation: 'HEAD', employmentStatus: 'EMPLOYED', jknStatus: 'NON_PBI' }),
        member('Anak', 'FEMALE', yearsAgo(12), { relation: 'CHILD', schoolEnrolled: true, jknStatus: 'NON_PBI' }),
        member('Cucu', 'FEMALE', yearsAgo(1), { relation: 'GRANDCHILD', jknStatus: 'NON_PBI' }),
      ],
    });
  });

  it('derives exactly the expected needs of a hand-built poor household, with evidence', async () => {
    const h = await needsOf(poor);
    expect(summary(h.needs)).toEqual([
      'ELECTRICITY',
      'FOOD',
      'HEALTH_INSURANCE:Ayah',
      'HOUSING',
      'INCOME',
      'NUTRITION_RISK:Adik',
      'NUTRITION_RISK:Ibu',
      'SANITATION',
      'SCHOOLING:Kakak',
      'WATER',
    ]);
    const byType = Object.fromEntries(h.needs.map((n: any) => [`${n.type}:${n.person?.name ?? ''}`, n]));
    expect(byType['HOUSING:'].evidence).toEqual({ floorType: 'EARTH' });
    expect(byType['WATER:'].evidence).toEqual({ drinkingWater: 'RIVER_LAKE' });
    expect(byType['NUTRITION_RISK:Ibu'].evidence).toMatchObject({ reason: 'PREGNANT', welfareDecile: 1 });
    expect(byType['NUTRITION_RISK:Adik'].evidence).toMatchObject({ reason: 'UNDER_TWO' });
    expect(byType['SCHOOLING:Kakak'].evidence).toEqual({ age: 10, schoolEnrolled: false });
    expect(byType['INCOME:'].evidence).toMatchObject({ employed: 0, workingAgeMembers: 2 });
    expect(h.needs.every((n: any) => n.status === 'UNMET' && n.rule.version === 1 && n.rule.descriptionId.length > 10)).toBe(true);
  });

  it('derives no need for a household that meets every condition (the negative cases)', async () => {
    // Decile 5 (no NUTRITION_RISK/FOOD), employed head, insured, enrolled, decent house and services,
    // and a one-year-old who is not in a decile-1 household.
    expect((await needsOf(wellOff)).needs).toEqual([]);
  });

  it('keeps needs current when the data changes', async () => {
    const h = await needsOf(poor);
    const id = (name: string) => h.members.find((m: any) => m.name === name).id;
    // A stunted measurement of the under-two: STUNTING appears.
    const m = await t.gql(
      'mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { stuntingStatus } }',
      { i: { personId: id('Adik'), measuredOn: iso, heightCm: 70, position: 'LYING' } },
      admin,
    );
    expect(m.data.recordGrowthMeasurement.stuntingStatus).toBe('SEVERELY_STUNTED');
    let now = await needsOf(poor);
    expect(summary(now.needs)).toContain('STUNTING:Adik');
    expect(now.needs.find((n: any) => n.type === 'STUNTING').evidence).toMatchObject({ stuntingStatus: 'SEVERELY_STUNTED' });

    // The ten-year-old is enrolled: SCHOOLING disappears.
    const [kakak] = await t.query<{ version: number }>('select version from person where id = ?', [id('Kakak')]);
    await t.gql('mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }', { i: { id: id('Kakak'), version: kakak!.version, schoolEnrolled: true } }, admin);
    now = await needsOf(poor);
    expect(summary(now.needs)).not.toContain('SCHOOLING:Kakak');

    // A water program delivers this month: WATER is SERVED by it.
    const [water] = await t.query<{ id: string; name: string }>(
      `select id, name from program where 'WATER' = any (need_types) and target_unit = 'HOUSEHOLD'
        and starts_on <= current_date and (ends_on is null or ends_on >= current_date) order by name limit 1`,
    );
    const log = await t.gql(
      'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
      { i: { programId: water!.id, householdId: poor, deliveredAt: iso, idempotencyKey: `water-${serial}-needs` } },
      admin,
    );
    expect(log.errors).toBeUndefined();
    const served = (await t.gql(`{ household(id: "${poor}") { needs { type status servedBy { program { name } intervention { id } } } } }`, {}, admin)).data.household.needs.find(
      (n: any) => n.type === 'WATER',
    );
    expect(served).toEqual({ type: 'WATER', status: 'SERVED', servedBy: { program: { name: water!.name }, intervention: { id: log.data.logIntervention.id } } });
  });

  it('matches programs that address the need, run today and fit the member', async () => {
    const h = await needsOf(poor);
    for (const need of h.needs) {
      for (const c of need.candidatePrograms) {
        expect(c.program.needTypes, `${need.type} → ${c.program.name}`).toContain(need.type);
        if (c.program.targetUnit === 'PERSON') expect(need.person, c.program.name).not.toBeNull();
        if (c.quotaLeft !== null) expect(c.quotaLeft).toBeGreaterThan(0);
      }
    }
    const pregnant = h.needs.find((n: any) => n.type === 'NUTRITION_RISK' && n.person.name === 'Ibu');
    const baby = h.needs.find((n: any) => n.type === 'NUTRITION_RISK' && n.person.name === 'Adik');
    // Sex and age criteria decide between the programs for mothers and for toddlers.
    expect(pregnant.candidatePrograms.every((c: any) => c.program.targetSex !== 'MALE')).toBe(true);
    expect(pregnant.candidatePrograms.every((c: any) => c.program.targetMaxAgeMonths === null || c.program.targetMaxAgeMonths > 300)).toBe(true);
    expect(baby.candidatePrograms.every((c: any) => c.program.targetSex !== 'FEMALE')).toBe(true);
    expect(pregnant.candidatePrograms.length + baby.candidatePrograms.length).toBeGreaterThan(0);
    expect(h.needs.find((n: any) => n.type === 'SANITATION').candidatePrograms.length).toBeGreaterThan(0);

    const scores = h.matchingPrograms.map((m: any) => m.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    expect(h.matchingPrograms[0].needTypes.length).toBeGreaterThanOrEqual(h.matchingPrograms.at(-1).needTypes.length);
  });
});

describe('work queue', () => {
  it("holds exactly the households with an unmet need that the agency's running programs address", async () => {
    const dinkes = await t.login('dinkes');
    const res = await t.gql('{ myWorkQueue(first: 100) { totalCount edges { node { id welfareDecile } } } }', {}, dinkes);
    expect(res.errors).toBeUndefined();
    const [expected] = await t.query<{ n: string }>(
      `select count(distinct s.household_id) as n from household_need_status s
         join program p on s.need_type = any (p.need_types)
         join app_user u on u.organization_id = p.owner_id and u.username = 'dinkes'
        where s.status = 'UNMET' and p.starts_on <= sinergi_today() and (p.ends_on is null or p.ends_on >= sinergi_today())`,
    );
    expect(res.data.myWorkQueue.totalCount).toBe(Number(expected!.n));
    expect(res.data.myWorkQueue.totalCount).toBeGreaterThan(0);
    const deciles = res.data.myWorkQueue.edges.map((e: any) => e.node.welfareDecile);
    expect([...deciles].sort((a, b) => a - b)).toEqual(deciles);

    const ngo = await t.login('ngo');
    const queue = await t.gql('{ myWorkQueue(first: 100) { edges { node { id } } } }', {}, ngo);
    const ids = queue.data.myWorkQueue.edges.map((e: any) => e.node.id);
    const [outside] = await t.query<{ n: string }>(
      `select count(*) as n from unnest(?::uuid[]) q(id) where q.id not in (
         select household_id from assignment a join app_user u on u.organization_id = a.organization_id
          where u.username = 'ngo' and a.status in ('REQUESTED', 'ACCEPTED'))`,
      [ids],
    );
    expect(Number(outside!.n)).toBe(0);
  });

  it('is not for coordinators or auditors', async () => {
    const res = await t.gql('{ myWorkQueue(first: 5) { totalCount } }', {}, await t.login('inspektorat'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('derivation', () => {
  it('the SQL period key agrees with the API period key', async () => {
    const { periodKey } = await import('../src/interventions/period-key.js');
    for (const day of ['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31', '2024-02-29']) {
      for (const f of ['ONCE', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const) {
        const [row] = await t.query<{ k: string }>('select sinergi_period_key(?, ?::date) as k', [f, day]);
        expect(row!.k, `${f} ${day}`).toBe(periodKey(f, day));
      }
    }
  });
});
