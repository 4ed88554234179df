import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { householdInput } from './household-inputs.js';

// Client errors answer with a stable reason and a message in the request's language: Indonesian
// unless the client asks for English (the portal sends its own language as Accept-Language).

let t: TestServer;
let admin: string;
let bappeda: string;
let ngo: string;
let mentengId: string;
beforeAll(async () => {
  t = await startTestServer();
  [admin, bappeda, ngo] = await Promise.all([t.login('admin'), t.login('bappeda'), t.login('ngo')]);
  mentengId = (await t.gql('{ area(code: "62.71.03.1002") { id } }', {}, admin)).data.area.id;
});
afterAll(() => t.close());

const EN = { 'accept-language': 'en' };
const ID = { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' };
const CREATE = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id version } }`;
const UPDATE = `mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id version } }`;
const REFER = 'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }';

let serial = 9400;
function household(member: Record<string, unknown> = {}) {
  serial += 1;
  return householdInput(serial, mentengId, member);
}

/** The first error in both languages: Indonesian by default, English when asked. */
async function both(query: string, variables: Record<string, unknown>, token: string) {
  const [id, en, asked] = await Promise.all([t.gql(query, variables, token), t.gql(query, variables, token, EN), t.gql(query, variables, token, ID)]);
  expect(asked.errors?.[0]).toEqual(id.errors?.[0]);
  return { id: id.errors![0]!, en: en.errors![0]! };
}

describe('client errors speak the request language, with a reason code', () => {
  it('BAD_USER_INPUT: a malformed NIK names the field and the rule', async () => {
    const { id, en } = await both(CREATE, { input: household({ nik: '62710312345' }) }, admin);
    expect(id.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NIK_FORMAT', field: 'input.members.0.nik' });
    expect(id.message).toBe('NIK harus 16 digit');
    expect(en.extensions).toEqual(id.extensions);
    expect(en.message).toBe('input.members.0.nik: NIK must be 16 digits');
  });

  it('BAD_USER_INPUT: a birth date in the future, with the date as parameter', async () => {
    const { id, en } = await both(CREATE, { input: household({ birthDate: '2999-01-01' }) }, admin);
    expect(id.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_TOO_LATE', field: 'input.members.0.birthDate' });
    expect(id.message).toMatch(/^Tidak boleh sesudah \d{4}-\d{2}-\d{2}$/);
    expect(en.message).toMatch(/^input\.members\.0\.birthDate: must not be after \d{4}-\d{2}-\d{2}$/);
  });

  it('BAD_USER_INPUT from graphql-js (a value of the wrong type) has a reason and Indonesian text', async () => {
    const { id, en } = await both(CREATE, { input: { ...household(), welfareDecile: 'satu' } }, admin);
    expect(id.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VALUE', field: 'input.welfareDecile' });
    expect(id.message).toBe('Nilai tidak valid');
    expect(en.message).toMatch(/Int cannot represent/);
  });

  it('CONFLICT: a stale version, and a KK number already registered', async () => {
    const input = household();
    const created = (await t.gql(CREATE, { input }, admin)).data.createHousehold;
    await t.gql(UPDATE, { input: { id: created.id, version: created.version, address: 'Jl. Baru 1' } }, admin);
    const stale = await both(UPDATE, { input: { id: created.id, version: created.version, address: 'Jl. Baru 2' } }, admin);
    expect(stale.id.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECORD_VERSION_CONFLICT', field: 'input.version' });
    expect(stale.id.message).toMatch(/^Data keluarga sudah diubah orang lain \(sekarang versi \d+\); muat ulang lalu coba lagi$/);
    expect(stale.en.message).toMatch(/^Household was changed by someone else/);

    const again = { ...household(), kkNumber: input.kkNumber };
    const taken = await both(CREATE, { input: again }, admin);
    expect(taken.id.extensions).toMatchObject({ code: 'CONFLICT', reason: 'KK_TAKEN', field: 'input.kkNumber' });
    expect(taken.id.message).toBe('Nomor KK ini sudah terdaftar');
    expect(taken.en.message).toBe('Another record already has this kkNumber');
  });

  it('CONFLICT: a second open referral to the same partner', async () => {
    const [{ organization_id: ngoOrg }] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
    const [{ id: householdId }] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from assignment a where a.household_id = h.id) order by h.kk_number limit 1`,
    );
    const variables = { i: { householdIds: [householdId], organizationId: ngoOrg, lawfulBasis: 'PUBLIC_TASK' } };
    const first = await t.gql(REFER, variables, bappeda);
    expect(first.errors).toBeUndefined();
    const { id, en } = await both(REFER, variables, bappeda);
    expect(id.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERRAL_ALREADY_OPEN', field: 'input.householdIds.0', existingId: first.data.createAssignments[0].id });
    expect(id.message).toBe('Keluarga ini sudah punya rujukan terbuka ke mitra ini');
    expect(en.message).toBe('This household already has an open referral to this partner');
  });

  it('NOT_FOUND names the kind of record', async () => {
    const [{ organization_id: ngoOrg }] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
    const variables = { i: { householdIds: ['00000000-0000-4000-8000-000000000000'], organizationId: ngoOrg, lawfulBasis: 'PUBLIC_TASK' } };
    const { id, en } = await both(REFER, variables, bappeda);
    expect(id.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'HOUSEHOLD_NOT_FOUND', field: 'input.householdIds.0' });
    expect(id.message).toBe('Keluarga tidak ditemukan');
    expect(en.message).toBe('Household not found');
  });

  it('FORBIDDEN: a role that may not register households', async () => {
    const { id, en } = await both(CREATE, { input: household() }, ngo);
    expect(id.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_FORBIDDEN' });
    expect(id.message).toBe('Peran Anda tidak boleh melakukan ini');
    expect(en.message).toBe('Your role may not do this');
  });

  it('UNAUTHENTICATED: no session, a wrong password, and introspection without a login', async () => {
    const anonymous = await both('{ households(first: 1) { totalCount } }', {}, '');
    expect(anonymous.id.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOGIN_REQUIRED' });
    expect(anonymous.id.message).toBe('Silakan masuk terlebih dahulu');
    expect(anonymous.en.message).toBe('Login required');

    const wrong = await both('mutation { login(username: "dinkes", password: "bukan-sandinya") { token } }', {}, '');
    expect(wrong.id.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    expect(wrong.id.message).toBe('Nama pengguna atau kata sandi salah');
    expect(wrong.en.message).toBe('Wrong username or password');

    const introspection = await both('{ __schema { queryType { name } } }', {}, '');
    expect(introspection.id.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTROSPECTION_LOGIN_REQUIRED' });
    expect(introspection.id.message).toBe('Masuk terlebih dahulu untuk membaca skema');
  });

  it('a wrong current password is the field\'s error: the session goes on and nothing changes', async () => {
    const dinsos = await t.login('dinsos');
    const change = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const { id, en } = await both(change, { c: 'bukan-sandinya', n: 'sandi-baru-dinsos-1' }, dinsos);
    expect(id.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURRENT_PASSWORD_WRONG', field: 'currentPassword' });
    expect(id.message).toBe('Kata sandi saat ini salah');
    expect(en.message).toBe('currentPassword: the current password is wrong');
    expect((await t.gql('{ me { username } }', {}, dinsos)).data.me.username).toBe('dinsos');
    await t.login('dinsos');
  });
});
