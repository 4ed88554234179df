import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/config/logger.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './harness.js';

const LOGIN = JSON.stringify({ query: `mutation { login(username: "bappeda", password: "${DEMO_PASSWORD}") { token } }` });

/** Everything the server's logger writes, as text. */
class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

let direct: TestServer;
let proxied: TestServer;
const logged = new LogCapture();
beforeAll(async () => {
  // Express prints unhandled errors on the console except under NODE_ENV=test: run as in production.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    direct = await startTestServer({ log: createLogger({ LOG_LEVEL: 'info' }, logged) });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  proxied = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

function post(t: TestServer, body: string, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function sessionCookie(t: TestServer): Promise<string> {
  const res = await post(t, LOGIN);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('security headers', () => {
  it('every response forbids framing and sniffing and carries a same-origin content security policy', async () => {
    for (const res of [await fetch(`${direct.url}/`), await fetch(`${direct.url}/healthz`), await post(direct, '{"query":"{ me { id } }"}')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/https?:|unsafe-eval/);
    }
  });

  it('a GraphQL response is not hashed into an ETag: it is never stored', async () => {
    const res = await post(direct, '{"query":"{ me { id } }"}');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('HSTS only over TLS as a trusted proxy reports it', async () => {
    expect((await fetch(`${direct.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    // Without TRUST_PROXY nobody may claim https.
    const claimed = await fetch(`${direct.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
    const behindTls = await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    expect((await fetch(`${proxied.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, and Secure when a trusted proxy says the request came over https', async () => {
    const plain = (await post(direct, LOGIN)).headers.get('set-cookie')!;
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Strict/i);
    expect(plain).not.toMatch(/Secure/i);
    const claimed = (await post(direct, LOGIN, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(claimed).not.toMatch(/Secure/i);
    const behindTls = (await post(proxied, LOGIN, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')!;
    expect(behindTls).toMatch(/; Secure/i);
    expect(behindTls).toMatch(/SameSite=Strict/i);
  });

  it('authenticates no cross-site request: simple (form, text) posts and bare GETs are refused before running', async () => {
    const cookie = await sessionCookie(direct);
    const [before] = await direct.query<{ n: string }>('select count(*) as n from api_token');
    const mutation = 'mutation { createApiToken(input: { name: "csrf" }) { token } }';
    const attempts = [
      post(direct, JSON.stringify({ query: mutation }), { 'content-type': 'text/plain', cookie }),
      post(direct, `query=${encodeURIComponent(mutation)}`, { 'content-type': 'application/x-www-form-urlencoded', cookie }),
      fetch(`${direct.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { cookie } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('bappeda');
    }
    const [after] = await direct.query<{ n: string }>('select count(*) as n from api_token');
    expect(after!.n).toBe(before!.n);
    // The same cookie works for the portal's own JSON requests.
    const own = await post(direct, JSON.stringify({ query: '{ me { username } }' }), { cookie });
    expect(((await own.json()) as any).data.me.username).toBe('bappeda');
  });
});

describe('client addresses', () => {
  it('X-Forwarded-For counts only from a trusted proxy', async () => {
    const wrong = JSON.stringify({ query: 'mutation { login(username: "alamat.palsu", password: "tebakan-salah") { token } }' });
    await post(direct, wrong, { 'x-forwarded-for': '203.0.113.99' });
    await post(proxied, wrong, { 'x-forwarded-for': '203.0.113.99' });
    const ipOf = async (t: TestServer) =>
      (await t.query<{ ip: string }>(`select ip from audit_event where action = 'LOGIN_FAILED' and new_values->>'username' = 'alamat.palsu'`))[0]!.ip;
    expect(await ipOf(direct)).toMatch(/127\.0\.0\.1$/);
    expect(await ipOf(proxied)).toBe('203.0.113.99');
  });
});

describe('unexpected errors', () => {
  it('are logged without the statement, its values or the detail of a failed query', async () => {
    const [person] = await direct.query<{ id: string; nik: string; version: number }>('select id, nik, version from person order by id limit 1');
    // A fault the API cannot foresee: the database refuses the update, quoting the row in its detail.
    await direct.query(`
      create function refuse_person_update() returns trigger language plpgsql as $$
      begin
        raise exception 'person record is locked' using errcode = 'XX000', detail = 'Failing row contains (' || new.nik || ', ' || new.occupation || ')';
      end $$`);
    await direct.query('create trigger refuse_person_update before update on person for each row execute function refuse_person_update()');
    const occupation = 'Penjual kue rahasia';
    const admin = await direct.login('admin');
    const res = await direct.gql(
      'mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }',
      { i: { id: person!.id, version: person!.version, occupation } },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res)).not.toContain(person!.nik);

    const entry = logged.text.split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((e) => e.err?.code === 'XX000');
    expect(entry).toBeDefined();
    expect(entry.msg).toBe('unexpected error');
    expect(entry.err.message).toContain('person record is locked');
    expect(logged.text).not.toContain(person!.nik);
    expect(logged.text).not.toContain(occupation);
    expect(logged.text).not.toContain(person!.id);
  });

  it('a malformed body is refused without printing it, and nothing is printed outside the logger', async () => {
    const [{ nik }] = (await direct.query<{ nik: string }>('select nik from person order by id desc limit 1')) as [{ nik: string }];
    const printed = vi.spyOn(console, 'error');
    try {
      const res = await post(direct, `{"query": "{ me { id } }", "variables": { "nik": ${nik}x }`);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(nik);
      expect(printed).not.toHaveBeenCalled();
      expect(logged.text).not.toContain(nik);
    } finally {
      printed.mockRestore();
    }
  });
});
