import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../src/auth/password.js';
import { DEMO_PASSWORD, startTestServer, type GraphQLResponse, type TestServer } from './harness.js';
import { now, nowMs } from '../src/config/clock.js';

// The real argon2 verification, counted: the login limit must hold before the expensive check.
vi.mock('../src/auth/password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/auth/password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifications = () => vi.mocked(verifyPassword).mock.calls.length;

const MAX_DAYS = 30;
let t: TestServer;
let admin: string;
beforeAll(async () => {
  // Addresses are simulated with X-Forwarded-For from a trusted loopback proxy.
  t = await startTestServer({ env: { TRUST_PROXY: 'loopback', API_TOKEN_MAX_DAYS: String(MAX_DAYS) } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function gqlFrom(ip: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse;
}

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const loginFrom = (ip: string, username: string, password: string) => gqlFrom(ip, LOGIN, { u: username, p: password });
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const works = async (credential: string) => (await t.gql('{ me { username } }', {}, credential)).data?.me != null;
const createToken = (credential: string, input: Record<string, unknown> = { name: 'skrip' }) =>
  t.gql('mutation ($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id expiresAt } } }', { i: input }, credential);

describe('a password change ends the other sessions and every API token', () => {
  it('changing your own password keeps only the session that changed it', async () => {
    const here = await t.login('bappeda');
    const elsewhere = await t.login('bappeda');
    const token = (await createToken(here)).data.createApiToken.token;
    expect(await works(token)).toBe(true);

    const changed = await t.gql('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: DEMO_PASSWORD, n: 'sandi-baru-bappeda-1' }, here);
    expect(changed.data).toEqual({ changePassword: true });
    expect(await works(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    expect(await works(token)).toBe(false);
    expect(codeOf(await t.gql('{ households(first: 1) { totalCount } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it("a reset by the administrator ends every session and token of the user, not the administrator's", async () => {
    const session = await t.login('dinkes');
    const token = (await createToken(session)).data.createApiToken.token;
    const [user] = await t.query<{ id: string }>(`select id from app_user where username = 'dinkes'`);
    const reset = await t.gql('mutation ($id: ID!) { resetPassword(userId: $id, newPassword: "sandi-baru-dinkes-1") }', { id: user!.id }, admin);
    expect(reset.data).toEqual({ resetPassword: true });
    expect(await works(session)).toBe(false);
    expect(await works(token)).toBe(false);
    expect(await works(admin)).toBe(true);
  });
});

describe('API tokens', () => {
  it('only a login session creates tokens: a read-write token cannot mint another', async () => {
    const session = await t.login('dinsos');
    const token = (await createToken(session, { name: 'integrasi', readOnly: false })).data.createApiToken.token;
    const [before] = await t.query<{ n: string }>('select count(*) as n from api_token');
    const minted = await createToken(token, { name: 'turunan' });
    expect(codeOf(minted)).toBe('FORBIDDEN');
    expect(minted.data).toBeNull();
    const [after] = await t.query<{ n: string }>('select count(*) as n from api_token');
    expect(after!.n).toBe(before!.n);
    // The same token still does what a read-write token may.
    expect(await works(token)).toBe(true);
  });

  it('expire at most API_TOKEN_MAX_DAYS after creation, and by default at that maximum', async () => {
    const session = await t.login('dinsos');
    const start = nowMs();
    const omitted = await createToken(session, { name: 'bawaan' });
    const end = nowMs();
    const expiresAt = Date.parse(omitted.data.createApiToken.apiToken.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(start + MAX_DAYS * 86_400_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(end + MAX_DAYS * 86_400_000 + 1000);

    const [before] = await t.query<{ n: string }>('select count(*) as n from api_token');
    for (const days of [MAX_DAYS + 1, 0, 3650]) {
      const refused = await createToken(session, { name: 'terlalu lama', expiresInDays: days });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresInDays' });
    }
    const [after] = await t.query<{ n: string }>('select count(*) as n from api_token');
    expect(after!.n).toBe(before!.n);
    expect(codeOf(await createToken(session, { name: 'maksimum', expiresInDays: MAX_DAYS }))).toBeUndefined();
  });

  it('an expired token answers UNAUTHENTICATED', async () => {
    const session = await t.login('dinsos');
    const expired = (await createToken(session, { name: 'kedaluwarsa', expiresInDays: 1 })).data.createApiToken;
    expect(await works(expired.token)).toBe(true);
    const at = now().toISOString();
    await t.query(`update api_token set created_at = ?::timestamptz - interval '2 days', expires_at = ?::timestamptz - interval '1 second' where id = ?`, [
      at,
      at,
      expired.apiToken.id,
    ]);
    expect(codeOf(await t.gql('{ households(first: 1) { totalCount } }', {}, expired.token))).toBe('UNAUTHENTICATED');
  });

  it('every stored token has an expiry (the database refuses one without)', async () => {
    const [user] = await t.query<{ id: string }>(`select id from app_user where username = 'dinsos'`);
    await expect(
      t.query(`insert into api_token (id, user_id, name, token_prefix, token_hash) values (gen_random_uuid(), ?, 'abadi', 'snt_x', 'x')`, [user!.id]),
    ).rejects.toThrow(/expires_at/);
  });
});

describe('login limits', () => {
  const ATTACKER = '203.0.113.7';

  it('25 parallel wrong guesses run at most the limit of password checks, all audited', async () => {
    const [{ n: auditedBefore }] = (await t.query<{ n: string }>(
      `select count(*) as n from audit_event where action = 'LOGIN_FAILED' and ip = ?`,
      [ATTACKER],
    )) as [{ n: string }];
    const before = verifications();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => loginFrom(ATTACKER, 'lurah.menteng', `tebakan-salah-${i}`)));
    const checks = verifications() - before;
    expect(checks).toBe(10);
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    const [{ n: auditedAfter }] = (await t.query<{ n: string }>(
      `select count(*) as n from audit_event where action = 'LOGIN_FAILED' and ip = ?`,
      [ATTACKER],
    )) as [{ n: string }];
    expect(Number(auditedAfter) - Number(auditedBefore)).toBe(10);
  });

  it("the owner still logs in from another address while the attacker's address is limited", async () => {
    const before = verifications();
    const blocked = await loginFrom(ATTACKER, 'lurah.menteng', DEMO_PASSWORD);
    expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(verifications()).toBe(before);
    const owner = await loginFrom('198.51.100.9', 'lurah.menteng', DEMO_PASSWORD);
    expect(owner.errors).toBeUndefined();
    expect(await works(owner.data.login.token)).toBe(true);
  });

  it('one address is capped across usernames', async () => {
    const SPRAYER = '203.0.113.50';
    for (let i = 0; i < 50; i++) {
      expect(codeOf(await loginFrom(SPRAYER, `tidak.ada.${i}`, 'tebakan-salah'))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await loginFrom(SPRAYER, 'tidak.ada.lagi', 'tebakan-salah'))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await loginFrom(SPRAYER, 'ngo', DEMO_PASSWORD))).toBe('TOO_MANY_REQUESTS');
    expect((await loginFrom('198.51.100.10', 'ngo', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('successful logins from a shared office address do not use up its allowance', async () => {
    const OFFICE = '192.0.2.10';
    for (let i = 0; i < 50; i++) expect((await loginFrom(OFFICE, 'csr', DEMO_PASSWORD)).errors).toBeUndefined();
    expect(codeOf(await loginFrom(OFFICE, 'csr', 'tebakan-salah'))).toBe('UNAUTHENTICATED');
  });
});
