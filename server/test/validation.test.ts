import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';
import { householdInput } from './household-inputs.js';

let t: TestServer;
let admin: string;
let mentengId: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
  mentengId = (await t.gql('{ area(code: "62.71.03.1002") { id } }', {}, admin)).data.area.id;
});
afterAll(() => t.close());

const CREATE = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id version kkNumber members { nik relation } } }`;

async function counts() {
  const [row] = await t.query<{ households: string; people: string; measurements: string; interventions: string }>(
    `select (select count(*) from household) households, (select count(*) from person) people,
            (select count(*) from growth_measurement) measurements, (select count(*) from intervention) interventions`,
  );
  return row;
}

let serial = 9000;
// Every household of this file has a floor and a head with health insurance.
function household(overrides: Record<string, unknown> = {}, member: Record<string, unknown> = {}) {
  serial += 1;
  return householdInput(serial, mentengId, { jknStatus: 'PBI', ...member }, { floorType: 'EARTH', ...overrides });
}

async function expectRefused(input: unknown, field: string) {
  const before = await counts();
  const res = await t.gql(CREATE, { input }, admin);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(res.data ?? null).toBeNull();
  expect(await counts()).toEqual(before);
}

describe('invalid input is refused with BAD_USER_INPUT naming the field, and nothing is written', () => {
  it('a valid household is created with its members, povertyStatus from the decile', async () => {
    const before = await counts();
    const res = await t.gql(CREATE, { input: household() }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.createHousehold.members).toHaveLength(1);
    const after = await counts();
    expect(Number(after!.households)).toBe(Number(before!.households) + 1);
    expect(Number(after!.people)).toBe(Number(before!.people) + 1);
  });

  it('NIK with an impossible date, wrong sex, wrong birth date, unknown province or wrong length', async () => {
    const base = household();
    const nik = base.members[0]!.nik as string;
    await expectRefused(household({}, { nik: `${nik.slice(0, 6)}320788${nik.slice(12)}` }), 'input.members.0.nik');
    await expectRefused(household({}, { nik: makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1988-07-21', serial: 77 }) }), 'input.members.0.nik');
    await expectRefused(household({}, { birthDate: '1988-07-22' }), 'input.members.0.nik');
    await expectRefused(household({}, { nik: `99${nik.slice(2)}` }), 'input.members.0.nik');
    await expectRefused(household({}, { nik: nik.slice(1) }), 'input.members.0.nik');
  });

  it('KK number with a bad structure', async () => {
    await expectRefused(household({ kkNumber: '6271031405190000' }), 'input.kkNumber');
    await expectRefused(household({ kkNumber: '6271033202190001' }), 'input.kkNumber');
    await expectRefused(household({ kkNumber: 'abc' }), 'input.kkNumber');
  });

  it('impossible or future dates', async () => {
    await expectRefused(household({}, { birthDate: '1988-02-30' }), 'input.members.0.birthDate');
    await expectRefused(household({}, { birthDate: '2999-01-01' }), 'input.members.0.birthDate');
  });

  it('unknown enum values', async () => {
    await expectRefused(household({}, { sex: 'ALIEN' }), 'input.members.0.sex');
    await expectRefused(household({ floorType: 'MARBLE' }), 'input.floorType');
  });

  it('out-of-range numbers and structural rules', async () => {
    await expectRefused(household({ welfareDecile: 11 }), 'input.welfareDecile');
    await expectRefused(household({ rt: '0' }), 'input.rt');
    await expectRefused(household({ latitude: -2.2 }), 'input.longitude');
    await expectRefused(household({ areaId: (await t.gql('{ area(code: "62.71.03") { id } }', {}, admin)).data.area.id }), 'input.areaId');
    const noHead = household();
    noHead.members[0]!.relation = 'SPOUSE';
    await expectRefused(noHead, 'input.members');
    const man = makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1988-07-21', serial: 55 });
    await expectRefused(household({}, { nik: man, sex: 'MALE', pregnant: true }), 'input.members.0.pregnant');
  });

  it('a duplicate KK number answers CONFLICT and writes nothing', async () => {
    const first = household();
    expect((await t.gql(CREATE, { input: first }, admin)).errors).toBeUndefined();
    const before = await counts();
    const again = household({ kkNumber: first.kkNumber });
    const res = await t.gql(CREATE, { input: again }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kkNumber' });
    expect(JSON.stringify(res.errors)).not.toMatch(/household_kk_number_key|duplicate key/);
    expect(await counts()).toEqual(before);
  });

  it('a stale version answers CONFLICT (optimistic locking)', async () => {
    const created = (await t.gql(CREATE, { input: household() }, admin)).data.createHousehold;
    const UPDATE = `mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { version address } }`;
    const ok = await t.gql(UPDATE, { input: { id: created.id, version: created.version, address: 'Jl. G. Obos No. 7' } }, admin);
    expect(ok.data.updateHousehold).toEqual({ version: created.version + 1, address: 'Jl. G. Obos No. 7' });
    const stale = await t.gql(UPDATE, { input: { id: created.id, version: created.version, address: 'Jl. Lain' } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const [row] = await t.query<{ address: string }>('select address from household where id = ?', [created.id]);
    expect(row!.address).toBe('Jl. G. Obos No. 7');
  });

  it('growth measurements: computes the WHO z-score, and refuses children over five or implausible heights', async () => {
    const child = makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '2025-03-10', serial: 4321 });
    const created = (
      await t.gql(CREATE, {
        input: household({}, {}),
      }, admin)
    ).data.createHousehold;
    const add = await t.gql(
      `mutation ($h: ID!, $input: PersonInput!) { addHouseholdMember(householdId: $h, input: $input) { id } }`,
      { h: created.id, input: { nik: child, name: 'Bima', sex: 'MALE', birthDate: '2025-03-10', relation: 'CHILD' } },
      admin,
    );
    const childId = add.data.addHouseholdMember.id;
    const RECORD = `mutation ($input: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $input) { ageDays heightForAgeZ stuntingStatus } }`;
    // 12 months old, 71.0 cm lying: WHO boys' median at 12 months is 75.7 cm, S = 0.03137.
    const m = await t.gql(RECORD, { input: { personId: childId, measuredOn: '2026-03-10', heightCm: 71.0, position: 'LYING' } }, admin);
    expect(m.errors).toBeUndefined();
    expect(m.data.recordGrowthMeasurement.ageDays).toBe(365);
    expect(m.data.recordGrowthMeasurement.heightForAgeZ).toBeCloseTo(-1.98, 1);
    const before = await counts();
    const implausible = await t.gql(RECORD, { input: { personId: childId, measuredOn: '2026-04-10', heightCm: 40, position: 'LYING' } }, admin);
    expect(implausible.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heightCm' });
    const standingBaby = await t.gql(RECORD, { input: { personId: childId, measuredOn: '2025-06-10', heightCm: 60, position: 'STANDING' } }, admin);
    expect(standingBaby.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
    const adult = (await t.gql('{ household(id: "' + created.id + '") { members { id relation } } }', {}, admin)).data.household.members.find(
      (p: { relation: string }) => p.relation === 'HEAD',
    );
    const tooOld = await t.gql(RECORD, { input: { personId: adult.id, measuredOn: '2026-04-10', heightCm: 80, position: 'STANDING' } }, admin);
    expect(tooOld.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
    expect(await counts()).toEqual(before);
  });

  it('roles that may not edit the registry answer FORBIDDEN', async () => {
    const dinsos = await t.login('dinsos');
    const res = await t.gql(CREATE, { input: household() }, dinsos);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
