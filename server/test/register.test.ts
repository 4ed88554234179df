import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as clockToday } from '../src/config/clock.js';
import { makeKk, makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';
import { memberInput } from './household-inputs.js';

/** Keeping the register current (issue 11): births, deaths, moves, corrections; who may; what is kept. */

let t: TestServer;
let admin: string;
let officer: string;
let dinkes: string;
let mentengId: string;
let outsideId: string;
beforeAll(async () => {
  t = await startTestServer();
  [admin, officer, dinkes] = await Promise.all([t.login('admin'), t.login('lurah.menteng'), t.login('dinkes')]);
  mentengId = (await t.gql('{ area(code: "62.71.03.1002") { id } }', {}, admin)).data.area.id;
  outsideId = (await t.gql('{ area(code: "62.71.01.1001") { id } }', {}, admin)).data.area.id;
});
afterAll(() => t.close());

const iso = clockToday();
const shift = (days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let serial = 8600;
function member(name: string, sex: 'MALE' | 'FEMALE', birthDate: string, extra: Record<string, unknown> = {}) {
  serial += 1;
  return memberInput(serial, name, sex, birthDate, extra);
}
const newborn = (name: string, extra: Record<string, unknown> = {}) => ({ name, sex: 'FEMALE', birthDate: shift(-40), relation: 'CHILD', ...extra });

const CREATE = 'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id version } }';
async function create(extra: Record<string, unknown> = {}, token = admin) {
  serial += 1;
  const res = await t.gql(
    CREATE,
    {
      i: {
        kkNumber: makeKk({ regionCode: '627103', issueDate: '2019-04-04', serial }),
        areaId: mentengId,
        address: 'Jl. Uji Register 1',
        welfareDecile: 1,
        members: [
          member('Kepala Uji', 'MALE', '1980-01-01', { relation: 'HEAD', employmentStatus: 'EMPLOYED', jknStatus: 'PBI' }),
          member('Istri Uji', 'FEMALE', '1985-02-02', { relation: 'SPOUSE', jknStatus: 'PBI' }),
        ],
        ...extra,
      },
    },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createHousehold.id as string;
}

const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id version kkNumber head { id name }
  members { id name nik nikPending relation version }
  formerMembers { id name leftOn leftReason leftNote }
  needs { type person { name } } } }`;
async function read(id: string, token = admin) {
  const res = await t.gql(HOUSEHOLD, { id }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.household;
}
const needSet = (h: { needs: Array<{ type: string; person: { name: string } | null }> }) =>
  h.needs.map((n) => `${n.type}${n.person ? `:${n.person.name}` : ''}`).sort();
const byName = (h: { members: Array<{ name: string }> }, name: string) => h.members.find((m) => m.name === name) as any;

const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: string }>(`select count(*) as n from (${sql}) x`, params))[0]!.n);
const events = () => count('select 1 from audit_event where action <> ?', ['PII_READ']);

const ADD = 'mutation ($h: ID!, $i: PersonInput!) { addHouseholdMember(householdId: $h, input: $i) { id nik nikPending } }';

describe('a newborn without a NIK', () => {
  it('is added by the officer of the area, flagged nikPending, and derives the under-two nutrition need at once', async () => {
    const id = await create();
    const res = await t.gql(ADD, { h: id, i: newborn('Bayi Uji') }, officer);
    expect(res.errors).toBeUndefined();
    expect(res.data.addHouseholdMember).toMatchObject({ nik: null, nikPending: true });
    const h = await read(id);
    expect(needSet(h)).toContain('NUTRITION_RISK:Bayi Uji');
    // Partners never see more than before: no NIK, masked or not, and the flag.
    const row = await t.query('select nik from person where id = ?', [res.data.addHouseholdMember.id]);
    expect(row[0]!['nik']).toBeNull();
  });

  it('is refused, writing nothing, for an adult, a child over 12 months, or a relation other than child/grandchild', async () => {
    const id = await create();
    const before = await count('select 1 from person');
    const audited = await events();
    for (const input of [
      { ...newborn('Dewasa'), birthDate: '1990-01-01' },
      { ...newborn('Balita'), birthDate: shift(-400) },
      newborn('Keponakan', { relation: 'OTHER_RELATIVE' }),
    ]) {
      const res = await t.gql(ADD, { h: id, i: input }, officer);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nik' });
    }
    const head = await t.gql(CREATE, { i: { kkNumber: makeKk({ regionCode: '627103', issueDate: '2019-04-04', serial: 8599 }), areaId: mentengId, address: 'Jl. X 1', welfareDecile: 2,
      members: [{ name: 'Kepala Tanpa NIK', sex: 'MALE', birthDate: '1980-01-01', relation: 'HEAD' }] } }, officer);
    expect(head.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members.0.nik' });
    expect(await count('select 1 from person')).toBe(before);
    expect(await events()).toBe(audited);
  });

  it('gets its NIK later: the flag clears and the trail keeps the change', async () => {
    const id = await create();
    const added = (await t.gql(ADD, { h: id, i: newborn('Bayi Nanti') }, officer)).data.addHouseholdMember;
    const version = (await read(id)).members.find((m: any) => m.id === added.id).version;
    const nik = makeNik({ regionCode: '627103', sex: 'FEMALE', birthDate: shift(-40), serial: 9901 });
    const res = await t.gql(
      'mutation ($i: CorrectNikInput!) { correctMemberNik(input: $i) { nik nikPending } }',
      { i: { personId: added.id, version, nik, reason: 'Akta kelahiran terbit' } },
      officer,
    );
    expect(res.data.correctMemberNik).toEqual({ nik, nikPending: false });
    const trail = await t.query<{ old_values: any; new_values: any }>(
      `select old_values, new_values from audit_event where entity_type = 'Person' and ? = any (entity_ids) and action = 'UPDATE'`, [added.id]);
    expect(trail).toEqual([{ old_values: { nik: null }, new_values: { nik, reason: 'Akta kelahiran terbit' } }]);
  });

  it('is registered with the household, beside its head', async () => {
    const id = await create({ members: [member('Kepala Baru', 'MALE', '1990-03-03', { relation: 'HEAD' }), newborn('Bayi Baru')] }, officer);
    expect(byName(await read(id), 'Bayi Baru').nikPending).toBe(true);
  });
});

const EXIT = 'mutation ($i: RecordMemberExitInput!) { recordMemberExit(input: $i) { id leftOn leftReason } }';

describe('a death or a move out', () => {
  it('takes the member off the active roster, keeps the record, and re-derives the needs', async () => {
    const id = await create();
    const h = await read(id);
    const wife = byName(h, 'Istri Uji');
    // Without JKN, the wife has a health-insurance need until she dies.
    await t.gql('mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }', { i: { id: wife.id, version: wife.version, jknStatus: 'NONE' } }, officer);
    expect(needSet(await read(id))).toContain('HEALTH_INSURANCE:Istri Uji');
    const version = byName(await read(id), 'Istri Uji').version;
    const res = await t.gql(EXIT, { i: { personId: wife.id, version, reason: 'DECEASED', date: shift(-3), note: 'Surat kematian kelurahan' } }, officer);
    expect(res.data.recordMemberExit).toEqual({ id: wife.id, leftOn: shift(-3), leftReason: 'DECEASED' });
    const after = await read(id);
    expect(after.members.map((m: any) => m.name)).toEqual(['Kepala Uji']);
    expect(after.formerMembers).toEqual([{ id: wife.id, name: 'Istri Uji', leftOn: shift(-3), leftReason: 'DECEASED', leftNote: 'Surat kematian kelurahan' }]);
    expect(needSet(after)).not.toContain('HEALTH_INSURANCE:Istri Uji');
    expect(await count('select 1 from person where id = ?', [wife.id])).toBe(1);
    // A second exit of the same member is refused.
    const again = await t.gql(EXIT, { i: { personId: wife.id, version: version + 1, reason: 'MOVED_OUT', date: shift(-1) } }, officer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
  });

  it('of the head needs a new head (BAD_USER_INPUT otherwise, writing nothing); the new head takes over', async () => {
    const id = await create();
    const h = await read(id);
    const head = byName(h, 'Kepala Uji');
    const wife = byName(h, 'Istri Uji');
    const audited = await events();
    for (const [input, field] of [
      [{ personId: head.id, version: head.version, reason: 'MOVED_OUT', date: shift(-1) }, 'input.newHeadId'],
      [{ personId: head.id, version: head.version, reason: 'MOVED_OUT', date: shift(-1), newHeadId: head.id }, 'input.newHeadId'],
      [{ personId: head.id, version: head.version, reason: 'MOVED_OUT', date: shift(2), newHeadId: wife.id }, 'input.date'],
      [{ personId: head.id, version: head.version, reason: 'MOVED_OUT', date: '1970-01-01', newHeadId: wife.id }, 'input.date'],
    ] as const) {
      const res = await t.gql(EXIT, { i: input }, officer);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await events()).toBe(audited);
    expect((await read(id)).head.name).toBe('Kepala Uji');

    const res = await t.gql(EXIT, { i: { personId: head.id, version: head.version, reason: 'MOVED_OUT', date: shift(-1), newHeadId: wife.id } }, officer);
    expect(res.errors).toBeUndefined();
    const after = await read(id);
    expect(after.head).toEqual({ id: wife.id, name: 'Istri Uji' });
    expect(byName(after, 'Istri Uji').relation).toBe('HEAD');
    // Nobody of working age is employed any more.
    expect(needSet(after)).toContain('INCOME');
  });
});

describe('a member who has left', () => {
  it('gets no measurement or delivery dated after leaving', async () => {
    const id = await create();
    const baby = (await t.gql(ADD, { h: id, i: newborn('Bayi Pergi') }, officer)).data.addHouseholdMember;
    const version = byName(await read(id), 'Bayi Pergi').version;
    await t.gql(EXIT, { i: { personId: baby.id, version, reason: 'MOVED_OUT', date: shift(-3) } }, officer);
    const measured = await t.gql('mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { id } }',
      { i: { personId: baby.id, measuredOn: iso, heightCm: 52, position: 'LYING' } }, dinkes);
    expect(measured.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.measuredOn' });
    const [program] = await t.query<{ id: string }>(
      `select id from program where target_unit = 'PERSON' and target_sex is null and coalesce(target_min_age_months, 0) = 0
         and target_max_age_months is null and starts_on <= ?::date and (ends_on is null or ends_on >= ?::date) order by name limit 1`, [iso, iso]);
    const delivered = await t.gql('mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
      { i: { programId: program!.id, householdId: id, personId: baby.id, deliveredAt: iso, idempotencyKey: `left-${baby.id}` } }, admin);
    expect(delivered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId', reason: 'MEMBER_LEFT_ON' });
    expect(delivered.errors?.[0]?.message).toMatch(/keluar dari keluarga/);
  });
});

const MOVE = 'mutation ($i: MoveMemberInput!) { moveHouseholdMember(input: $i) { id relation household { id } } }';

describe('moving a member between households', () => {
  it('moves them, audits both households, and re-derives the needs of both', async () => {
    const from = await create();
    const to = await create({ welfareDecile: 5 });
    const baby = (await t.gql(ADD, { h: from, i: newborn('Bayi Pindah') }, officer)).data.addHouseholdMember;
    expect(needSet(await read(from))).toContain('NUTRITION_RISK:Bayi Pindah');
    const version = byName(await read(from), 'Bayi Pindah').version;
    const res = await t.gql(MOVE, { i: { personId: baby.id, version, toHouseholdId: to, relation: 'GRANDCHILD' } }, officer);
    expect(res.data.moveHouseholdMember).toEqual({ id: baby.id, relation: 'GRANDCHILD', household: { id: to } });
    expect(needSet(await read(from))).not.toContain('NUTRITION_RISK:Bayi Pindah');
    // Decile 5: no nutrition risk there, but the health-insurance need followed the child.
    expect(needSet(await read(to))).toContain('HEALTH_INSURANCE:Bayi Pindah');
    const [event] = await t.query<{ entity_ids: string[]; old_values: any; new_values: any }>(
      `select entity_ids, old_values, new_values from audit_event where action = 'UPDATE' and entity_type = 'Person' and ? = any (entity_ids)`, [baby.id]);
    expect(event!.entity_ids).toEqual([baby.id, from, to]);
    expect(event!.old_values).toEqual({ household: from, relation: 'CHILD' });
    expect(event!.new_values).toEqual({ household: to, relation: 'GRANDCHILD' });
  });

  it('refuses an officer a household outside their area (NOT_FOUND), and RLS agrees', async () => {
    const from = await create();
    const outside = await create({ areaId: outsideId, address: 'Jl. Luar 1' });
    const wife = byName(await read(from), 'Istri Uji');
    const audited = await events();
    const res = await t.gql(MOVE, { i: { personId: wife.id, version: wife.version, toHouseholdId: outside, relation: 'OTHER_RELATIVE' } }, officer);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.toHouseholdId' });
    expect((await t.query('select household_id from person where id = ?', [wife.id]))[0]!['household_id']).toBe(from);
    expect(await events()).toBe(audited);
    // The officer cannot act on members of households outside the area either.
    const stranger = byName(await read(outside), 'Istri Uji');
    const exit = await t.gql(EXIT, { i: { personId: stranger.id, version: stranger.version, reason: 'DECEASED', date: shift(-1) } }, officer);
    expect(exit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses the relation HEAD and roles that do not keep the register', async () => {
    const from = await create();
    const to = await create();
    const wife = byName(await read(from), 'Istri Uji');
    const head = await t.gql(MOVE, { i: { personId: wife.id, version: wife.version, toHouseholdId: to, relation: 'HEAD' } }, officer);
    expect(head.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.relation' });
    const agency = await t.gql(MOVE, { i: { personId: wife.id, version: wife.version, toHouseholdId: to, relation: 'OTHER' } }, dinkes);
    expect(agency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('correcting a NIK or a KK number', () => {
  it('keeps the old KK number in the audit trail, and refuses a malformed one writing nothing', async () => {
    const id = await create();
    const h = await read(id);
    const M = 'mutation ($i: CorrectKkNumberInput!) { correctKkNumber(input: $i) { kkNumber version } }';
    const audited = await events();
    const bad = await t.gql(M, { i: { householdId: id, version: h.version, kkNumber: '12345', reason: 'Salah ketik' } }, officer);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kkNumber' });
    const noReason = await t.gql(M, { i: { householdId: id, version: h.version, kkNumber: makeKk({ regionCode: '627103', issueDate: '2020-01-01', serial: 9911 }), reason: ' ' } }, officer);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await events()).toBe(audited);
    const kk = makeKk({ regionCode: '627103', issueDate: '2020-01-01', serial: 9912 });
    const ok = await t.gql(M, { i: { householdId: id, version: h.version, kkNumber: kk, reason: 'KK baru dari Dukcapil' } }, officer);
    expect(ok.data.correctKkNumber.kkNumber).toBe(kk);
    const [event] = await t.query<{ old_values: any; new_values: any }>(
      `select old_values, new_values from audit_event where entity_type = 'Household' and action = 'UPDATE' and ? = any (entity_ids)`, [id]);
    expect(event).toEqual({ old_values: { kkNumber: h.kkNumber }, new_values: { kkNumber: kk, reason: 'KK baru dari Dukcapil' } });
  });

  it("keeps the old NIK in the audit trail; a NIK that does not fit the member's sex is refused", async () => {
    const id = await create();
    const wife = byName(await read(id), 'Istri Uji');
    const M = 'mutation ($i: CorrectNikInput!) { correctMemberNik(input: $i) { nik } }';
    const male = makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1985-02-02', serial: 9921 });
    const bad = await t.gql(M, { i: { personId: wife.id, version: wife.version, nik: male, reason: 'Salah ketik' } }, officer);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nik' });
    const nik = makeNik({ regionCode: '627103', sex: 'FEMALE', birthDate: '1985-02-02', serial: 9922 });
    expect((await t.gql(M, { i: { personId: wife.id, version: wife.version, nik, reason: 'KTP-el dilihat' } }, officer)).data.correctMemberNik.nik).toBe(nik);
    const [event] = await t.query<{ old_values: any }>(
      `select old_values from audit_event where entity_type = 'Person' and action = 'UPDATE' and ? = any (entity_ids)`, [wife.id]);
    expect(event!.old_values).toEqual({ nik: wife.nik });
    // updateHouseholdMember no longer rewrites a registered NIK silently.
    const fresh = byName(await read(id), 'Istri Uji');
    const silent = await t.gql('mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }',
      { i: { id: wife.id, version: fresh.version, nik: makeNik({ regionCode: '627103', sex: 'FEMALE', birthDate: '1985-02-02', serial: 9923 }) } }, officer);
    expect(silent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nik' });
  });

  it('is not done silently through updateHousehold', async () => {
    const id = await create();
    const h = await read(id);
    const res = await t.gql('mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }',
      { i: { id, version: h.version, kkNumber: makeKk({ regionCode: '627103', issueDate: '2020-01-01', serial: 9931 }) } }, officer);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kkNumber' });
    expect((await read(id)).kkNumber).toBe(h.kkNumber);
  });
});

describe('house conditions', () => {
  it('re-derive the household needs as soon as they are edited', async () => {
    const id = await create({ floorType: 'CEMENT', drinkingWater: 'PIPED', sanitation: 'PRIVATE', electricity: 'PLN_METERED' });
    expect(needSet(await read(id))).not.toContain('HOUSING');
    const h = await read(id);
    const res = await t.gql('mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { version } }',
      { i: { id, version: h.version, floorType: 'EARTH', drinkingWater: 'RIVER_LAKE', sanitation: 'NONE', electricity: 'NONE' } }, officer);
    expect(res.errors).toBeUndefined();
    expect(needSet(await read(id))).toEqual(expect.arrayContaining(['HOUSING', 'WATER', 'SANITATION', 'ELECTRICITY']));
  });
});
