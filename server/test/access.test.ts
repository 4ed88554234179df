import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKk, makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function householdAssignedTo(username: string) {
  const [h] = await t.query<{ id: string }>(
    `select a.household_id as id from assignment a join app_user u on u.organization_id = a.organization_id
      where u.username = ? and a.status in ('REQUESTED', 'ACCEPTED') order by a.household_id limit 1`,
    [username],
  );
  return h!.id;
}

async function householdInArea(code: string) {
  const [h] = await t.query<{ id: string; version: number }>(
    `select h.id, h.version from household h join area a on a.id = h.area_id where a.code = ? order by h.kk_number limit 1`,
    [code],
  );
  return h!;
}

const DETAIL = `query ($id: ID!) { household(id: $id) { id kkNumber address rt latitude members { nik name birthDate age } } }`;

describe('tiered personal data', () => {
  it('partners cannot recover masked identifiers or a hidden address through the search', async () => {
    const count = async (s: string, token: string) =>
      (await t.gql(`query ($s: String!) { households(first: 1, filter: { search: $s }) { totalCount } }`, { s }, token)).data.households
        .totalCount as number;
    for (const partner of ['ngo', 'csr']) {
      const token = await t.login(partner);
      const id = await householdAssignedTo(partner);
      const { kkNumber, address, members } = (await t.gql(DETAIL, { id }, admin)).data.household;
      // The whole number finds it (the partner holds the card); any prefix finds nothing, not even this one.
      expect(await count(kkNumber, token)).toBeGreaterThanOrEqual(1);
      expect(await count(members[0].nik, token)).toBeGreaterThanOrEqual(1);
      expect(await count(kkNumber.slice(0, 12), token)).toBe(0);
      expect(await count(members[0].nik.slice(0, 15), token)).toBe(0);
      // Government roles keep prefix search.
      expect(await count(kkNumber.slice(0, 12), admin)).toBeGreaterThanOrEqual(1);
      const street = (address as string).split(' ').slice(0, 3).join(' ');
      expect(await count(street, admin)).toBeGreaterThanOrEqual(1);
      if (partner === 'ngo') expect(await count(street, token)).toBeGreaterThanOrEqual(1);
      else expect(await count(street, token)).toBe(0);
    }
    // A company sees no address, so searching by it finds none of its households.
    const csr = await t.login('csr');
    const id = await householdAssignedTo('csr');
    const { address } = (await t.gql(DETAIL, { id }, admin)).data.household;
    expect(await count(address, csr)).toBe(0);
  });

  it('a child\'s age in days and z-score (each gives the birth date with the measurement date) are hidden from companies', async () => {
    const csrOrg = (await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'csr'`))[0]!;
    // A measured child's household not yet referred to csr (the demo city's referrals follow the seed's day).
    const [child] = await t.query<{ household_id: string }>(
      `select p.household_id from growth_measurement g join person p on p.id = g.person_id
        where not exists (select 1 from assignment a where a.household_id = p.household_id and a.organization_id = ? and a.status in ('REQUESTED', 'ACCEPTED'))
        order by p.household_id limit 1`,
      [csrOrg.organization_id],
    );
    const made = await t.gql(
      'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
      { i: { householdIds: [child!.household_id], organizationId: csrOrg.organization_id, lawfulBasis: 'PUBLIC_TASK' } },
      await t.login('bappeda'),
    );
    expect(made.errors).toBeUndefined();
    const GROWTH = `query ($id: ID!) { household(id: $id) { members { growthMeasurements { measuredOn ageDays heightForAgeZ } } } }`;
    const measured = (h: any) => h.members.flatMap((m: any) => m.growthMeasurements);
    const full = measured((await t.gql(GROWTH, { id: child!.household_id }, admin)).data.household);
    const csr = measured((await t.gql(GROWTH, { id: child!.household_id }, await t.login('csr'))).data.household);
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((m: any) => Number.isInteger(m.ageDays))).toBe(true);
    expect(csr).toEqual(full.map((m: any) => ({ ...m, ageDays: null, heightForAgeZ: null })));
  });

  it('government roles see full identifiers; partners see them masked and no birth date; companies see no address', async () => {
    const id = await householdAssignedTo('csr');
    const full = (await t.gql(DETAIL, { id }, admin)).data.household;
    expect(full.kkNumber).toMatch(/^\d{16}$/);
    expect(full.members[0].nik).toMatch(/^\d{16}$/);
    expect(full.address).toBeTruthy();

    const csr = (await t.gql(DETAIL, { id }, await t.login('csr'))).data.household;
    expect(csr.kkNumber).toBe(`************${full.kkNumber.slice(-4)}`);
    // No NIK digit: its serial beside the sex, area and birth year would leave only the day to guess.
    expect(csr.members[0].nik).toBe('*'.repeat(16));
    expect(csr).toMatchObject({ address: null, rt: null, latitude: null });
    expect(csr.members[0].birthDate).toBeNull();
    // The age reached this year: the exact age, or one more before the birthday.
    expect([full.members[0].age, full.members[0].age + 1]).toContain(csr.members[0].age);
    expect(csr.members[0].name).toBe(full.members[0].name);

    const ngoId = await householdAssignedTo('ngo');
    const ngo = (await t.gql(DETAIL, { id: ngoId }, await t.login('ngo'))).data.household;
    expect(ngo.members[0].nik).toBe('*'.repeat(16));
    expect(ngo.address).toBeTruthy();
    expect(ngo.members[0].birthDate).toBeNull();
    // Masked values are not searchable back into full ones.
    const search = await t.gql(
      `query ($s: String!) { households(first: 5, filter: { search: $s }) { totalCount } }`,
      { s: full.kkNumber },
      await t.login('ngo'),
    );
    expect(search.data.households.totalCount).toBe(0);
  });
});

describe('out of scope is not there', () => {
  it('a partner gets null for an unassigned household, NOT_FOUND when acting on it, and lists only its own', async () => {
    const ngo = await t.login('ngo');
    const other = await householdAssignedTo('csr');
    expect((await t.gql(DETAIL, { id: other }, ngo)).data.household).toBeNull();
    const [interventionOfOther] = await t.query<{ id: string }>(`select id from intervention where household_id = ? limit 1`, [other]);
    if (interventionOfOther) {
      expect((await t.gql(`{ intervention(id: "${interventionOfOther.id}") { id } }`, {}, ngo)).data.intervention).toBeNull();
    }
    const list = await t.gql(`{ households(first: 100) { totalCount edges { node { id } } } assignments(first: 100) { edges { node { organization { name } household { id } } } } }`, {}, ngo);
    const [expected] = await t.query<{ n: string }>(
      `select count(distinct a.household_id) as n from assignment a join app_user u on u.organization_id = a.organization_id
        where u.username = 'ngo' and a.status in ('REQUESTED', 'ACCEPTED')`,
    );
    expect(list.data.households.totalCount).toBe(Number(expected!.n));
    const orgs = new Set(list.data.assignments.edges.map((e: any) => e.node.organization.name));
    expect(orgs.size).toBe(1);
    expect(list.data.assignments.edges.every((e: any) => e.node.household !== null)).toBe(true);
  });

  it('a kelurahan officer sees and edits Menteng only', async () => {
    const lurah = await t.login('lurah.menteng');
    const menteng = await householdInArea('62.71.03.1002');
    const pahandut = await householdInArea('62.71.01.1001');
    const total = await t.gql('{ households(first: 1) { totalCount } }', {}, lurah);
    const [expected] = await t.query<{ n: string }>(`select count(*) as n from household h join area a on a.id = h.area_id where a.code = '62.71.03.1002'`);
    expect(total.data.households.totalCount).toBe(Number(expected!.n));
    expect((await t.gql(DETAIL, { id: pahandut.id }, lurah)).data.household).toBeNull();

    const UPDATE = `mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id address } }`;
    const ok = await t.gql(UPDATE, { i: { id: menteng.id, version: menteng.version, address: 'Jl. Menteng Raya 1' } }, lurah);
    expect(ok.data.updateHousehold.address).toBe('Jl. Menteng Raya 1');
    const out = await t.gql(UPDATE, { i: { id: pahandut.id, version: pahandut.version, address: 'Jl. X' } }, lurah);
    expect(out.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const [pahandutArea] = await t.query<{ id: string }>(`select id from area where code = '62.71.01.1001'`);
    const create = await t.gql(
      `mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`,
      {
        i: {
          kkNumber: makeKk({ regionCode: '627101', issueDate: '2020-01-02', serial: 4242 }),
          areaId: pahandutArea!.id,
          address: 'Jl. Seberang 3',
          welfareDecile: 2,
          members: [{ nik: makeNik({ regionCode: '627101', sex: 'MALE', birthDate: '1980-01-01', serial: 4242 }), name: 'Budi', sex: 'MALE', birthDate: '1980-01-01', relation: 'HEAD' }],
        },
      },
      lurah,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('accounts and API tokens', () => {
  it('a token is shown once, works as a bearer token with its user scope, can be read-only, and can be revoked', async () => {
    const dinsos = await t.login('dinsos');
    const created = await t.gql(`mutation { createApiToken(input: { name: "ekspor dasbor", readOnly: true }) { token apiToken { id name readOnly tokenPrefix } } }`, {}, dinsos);
    const { token, apiToken } = created.data.createApiToken;
    expect(token).toMatch(/^snt_/);
    expect(token.startsWith(apiToken.tokenPrefix)).toBe(true);
    const [stored] = await t.query<{ token_hash: string }>('select token_hash from api_token where id = ?', [apiToken.id]);
    expect(stored!.token_hash).not.toContain(token);
    expect((await t.gql('{ me { username } }', {}, token)).data.me.username).toBe('dinsos');
    const write = await t.gql(`mutation { createApiToken(input: { name: "x" }) { token } }`, {}, token);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await t.gql('{ myApiTokens { id } }', {}, dinsos);
    expect(listed.data.myApiTokens.map((x: any) => x.id)).toContain(apiToken.id);
    expect((await t.gql(`mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`, {}, dinsos)).data.revokeApiToken.revokedAt).toBeTruthy();
    expect((await t.gql('{ households(first: 1) { totalCount } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another user's token reads as missing.
    const other = await t.gql(`mutation { revokeApiToken(id: "${apiToken.id}") { id } }`, {}, await t.login('dinkes'));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the administrator creates users; deactivating one ends their sessions and tokens at once', async () => {
    const [org] = await t.query<{ id: string }>(`select organization_id as id from app_user where username = 'dinsos'`);
    const create = await t.gql(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id username role organization { id } } }`,
      { i: { username: 'petugas.baru', displayName: 'Petugas Baru', organizationId: org!.id, role: 'AGENCY_STAFF', password: 'rahasia-sekali-123' } },
      admin,
    );
    expect(create.errors).toBeUndefined();
    const userId = create.data.createUser.id;
    const dup = await t.gql(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'petugas.baru', displayName: 'Lagi', organizationId: org!.id, role: 'AGENCY_STAFF', password: 'rahasia-sekali-123' } },
      admin,
    );
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.username' });
    const weak = await t.gql(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'petugas.lemah', displayName: 'Lemah', organizationId: org!.id, role: 'KELURAHAN_OFFICER', password: 'rahasia-sekali-123' } },
      admin,
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaId' });

    const session = (await t.gql(`mutation { login(username: "petugas.baru", password: "rahasia-sekali-123") { token } }`)).data.login.token;
    const token = (await t.gql(`mutation { createApiToken(input: { name: "skrip" }) { token } }`, {}, session)).data.createApiToken.token;
    expect((await t.gql('{ me { username } }', {}, token)).data.me.username).toBe('petugas.baru');

    const off = await t.gql(`mutation { updateUser(input: { id: "${userId}", active: false }) { active } }`, {}, admin);
    expect(off.data.updateUser.active).toBe(false);
    for (const credential of [session, token]) {
      expect((await t.gql('{ households(first: 1) { totalCount } }', {}, credential)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const again = await t.gql(`mutation { login(username: "petugas.baru", password: "rahasia-sekali-123") { token } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const notAdmin = await t.gql(`{ users(first: 1) { totalCount } }`, {}, await t.login('bappeda'));
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rate-limits repeated failed logins for a username', async () => {
    const attempt = () => t.gql(`mutation { login(username: "bappeda.tidak.ada", password: "salah-salah-salah") { token } }`);
    for (let i = 0; i < 10; i++) expect((await attempt()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await attempt()).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
