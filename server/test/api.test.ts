import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('the data hub API', () => {
  it('answers /healthz once the database is ready', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses every query without a login', async () => {
    const res = await t.gql('{ households(first: 1) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
    const bad = await t.gql('{ households(first: 1) { totalCount } }', {}, 'sns_not-a-real-token');
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { id } }')).data).toEqual({ me: null });
  });

  it('logs in with the demo accounts and tells who is logged in', async () => {
    const res = await t.gql(`{ me { username role organization { name } } }`, {}, admin);
    expect(res.data.me).toMatchObject({ username: 'admin', role: 'ADMIN' });
    for (const [username, role] of [
      ['bappeda', 'COORDINATOR'],
      ['dinsos', 'AGENCY_STAFF'],
      ['dinkes', 'AGENCY_STAFF'],
      ['lurah.menteng', 'KELURAHAN_OFFICER'],
      ['ngo', 'NGO_PARTNER'],
      ['csr', 'PRIVATE_PARTNER'],
      ['inspektorat', 'AUDITOR'],
    ]) {
      const token = await t.login(username!);
      const me = await t.gql(`{ me { username role } }`, {}, token);
      expect(me.data.me).toEqual({ username, role });
    }
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const q = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const wrong = await t.gql(q, { u: 'admin', p: 'wrong-password' });
    const unknown = await t.gql(q, { u: 'nobody-here', p: 'wrong-password' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The portal says "wrong username or password", not "your session ended".
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('sets an HttpOnly session cookie that authenticates, and logout ends the session', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "bappeda", password: "sinergi-demo") { token } }' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sinergi_session=sns_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    // A lifetime the browser counts on its own clock (the default 12 hours), so a browser whose date differs
    // from the server's clock keeps the cookie.
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(12 * 3600 - 5);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    const jar = cookie.split(';')[0]!;
    const ask = (query: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: jar },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<any>);
    expect((await ask('{ me { username } }')).data.me.username).toBe('bappeda');
    expect((await ask('mutation { logout }')).data.logout).toBe(true);
    expect((await ask('{ me { username } }')).data.me).toBeNull();
  });

  it('pages households: 100 nodes of about 5,000, with keyset cursors', async () => {
    const q = `query ($after: String) { households(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kkNumber } } } }`;
    const first = await t.gql(q, {}, admin);
    const page = first.data.households;
    expect(page.edges).toHaveLength(100);
    expect(page.totalCount).toBeGreaterThan(4500);
    expect(page.totalCount).toBeLessThan(5500);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(q, { after: page.pageInfo.endCursor }, admin)).data.households;
    const kk = [...page.edges, ...second.edges].map((e: { node: { kkNumber: string } }) => e.node.kkNumber);
    expect([...kk].sort()).toEqual(kk);
    expect(new Set(kk).size).toBe(200);
  });

  it('caps first at 100 and refuses a malformed cursor', async () => {
    const big = await t.gql('{ households(first: 1000) { edges { cursor } } }', {}, admin);
    expect(big.data.households.edges).toHaveLength(100);
    const bad = await t.gql('{ households(first: 5, after: "garbage") { edges { cursor } } }', {}, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lists the 5 kecamatan and 30 kelurahan of Palangka Raya with their Kemendagri codes', async () => {
    const res = await t.gql(
      `{ kec: areas(level: KECAMATAN) { code name parent { code } } kel: areas(level: KELURAHAN) { code name parent { code } } }`,
      {},
      admin,
    );
    expect(res.data.kec.map((a: { code: string; name: string }) => `${a.code} ${a.name}`)).toEqual([
      '62.71.01 Pahandut',
      '62.71.02 Bukit Batu',
      '62.71.03 Jekan Raya',
      '62.71.04 Sabangau',
      '62.71.05 Rakumpit',
    ]);
    expect(res.data.kec.every((a: { parent: { code: string } }) => a.parent.code === '62.71')).toBe(true);
    expect(res.data.kel).toHaveLength(30);
    const byCode = Object.fromEntries(res.data.kel.map((a: { code: string; name: string }) => [a.code, a.name]));
    expect(byCode['62.71.03.1002']).toBe('Menteng');
    expect(byCode['62.71.01.1001']).toBe('Pahandut');
    expect(byCode['62.71.05.1007']).toBe('Bukit Sua');
    expect(byCode['62.71.02.1007']).toBe('Habaring Hurung');
    for (const kel of res.data.kel) expect(kel.code.startsWith(kel.parent.code + '.')).toBe(true);
  });

  it('has programs for all four aspects and all three Inpres strategies', async () => {
    const res = await t.gql(`{ programs(first: 100) { totalCount edges { node { name focusAspects strategy owner { name } } } } }`, {}, admin);
    const nodes = res.data.programs.edges.map((e: { node: unknown }) => e.node) as Array<{ focusAspects: string[]; strategy: string; owner: { name: string } }>;
    expect(res.data.programs.totalCount).toBeGreaterThanOrEqual(25);
    const aspects = new Set(nodes.flatMap((p) => p.focusAspects));
    for (const a of ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION']) expect(aspects).toContain(a);
    expect(new Set(nodes.map((p) => p.strategy))).toEqual(new Set(['REDUCE_EXPENDITURE', 'INCREASE_INCOME', 'REDUCE_POVERTY_POCKETS']));
    expect(nodes.every((p) => p.owner.name.length > 0)).toBe(true);
  });

  it('filters households by area (with sub-areas), decile range and text', async () => {
    const q = `query ($f: HouseholdFilter) { households(first: 100, filter: $f) { totalCount edges { node { welfareDecile area { code } members { name nik } kkNumber } } } }`;
    const all = (await t.gql(q, {}, admin)).data.households.totalCount;
    const jekan = (await t.gql(q, { f: { areaCode: '62.71.03' } }, admin)).data.households;
    expect(jekan.totalCount).toBeGreaterThan(0);
    expect(jekan.totalCount).toBeLessThan(all);
    for (const e of jekan.edges) expect(e.node.area.code.startsWith('62.71.03.')).toBe(true);
    const menteng = (await t.gql(q, { f: { areaCode: '62.71.03.1002' } }, admin)).data.households.totalCount;
    expect(menteng).toBeLessThan(jekan.totalCount);
    const poor = (await t.gql(q, { f: { decileMin: 1, decileMax: 2 } }, admin)).data.households;
    for (const e of poor.edges) expect(e.node.welfareDecile).toBeLessThanOrEqual(2);
    const sample = jekan.edges[0].node;
    // A KK number and a NIK have the same form (area, date, serial), so the same 16 digits may name
    // a family card and someone's NIK in another household: every hit is one of the two.
    const byKk = (await t.gql(q, { f: { search: sample.kkNumber } }, admin)).data.households;
    expect(byKk.edges.map((e: { node: { kkNumber: string } }) => e.node.kkNumber)).toContain(sample.kkNumber);
    for (const e of byKk.edges) {
      const hit = e.node.kkNumber === sample.kkNumber || e.node.members.some((m: { nik: string }) => m.nik === sample.kkNumber);
      expect(hit).toBe(true);
    }
    expect(byKk.totalCount).toBe(byKk.edges.length);
    const byNik = (await t.gql(q, { f: { search: sample.members[0].nik } }, admin)).data.households;
    expect(byNik.edges.map((e: { node: { kkNumber: string } }) => e.node.kkNumber)).toContain(sample.kkNumber);
    const byName = (await t.gql(q, { f: { search: sample.members[0].name } }, admin)).data.households;
    expect(byName.edges.map((e: { node: { kkNumber: string } }) => e.node.kkNumber)).toContain(sample.kkNumber);
    const reversed = (await t.gql(q, { f: { decileMin: 5, decileMax: 2 } }, admin)).errors?.[0]?.extensions;
    expect(reversed).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.decileMax' });
  });

  it('returns null for a household that does not exist, and masks unexpected errors', async () => {
    const res = await t.gql('{ household(id: "00000000-0000-4000-8000-00000000dead") { id } }', {}, admin);
    expect(res.data.household).toBeNull();
    // An id of the wrong form is bad input (whatever exists), refused before any SQL, naming the field.
    const malformed = await t.gql('{ household(id: "not-a-uuid") { id } }', {}, admin);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const broken = await t.gql('mutation { cancelIntervention(id: "not-a-uuid", reason: "mistake") { id } }', {}, admin);
    expect(broken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(JSON.stringify(broken)).not.toMatch(/syntax|select|postgres|22P02/i);
  });

  it('refuses operations nested too deep or with too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
