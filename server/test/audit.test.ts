import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const count = async (table: string, where = 'true') =>
  Number((await t.query<{ n: string }>(`select count(*) as n from ${table} where ${where}`))[0]!.n);

async function anyHousehold() {
  const [h] = await t.query<{ id: string; version: number; nik: string; sex: string; birth: string }>(
    `select h.id, h.version, p.nik, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth from household h join person p on p.household_id = h.id and p.relation = 'HEAD' order by h.kk_number limit 1`,
  );
  return h!;
}

describe('audit trail', () => {
  it('a mutation writes one event in its transaction, with actor, role, organisation, request id and the change', async () => {
    const h = await anyHousehold();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': 'audit-test-1' },
      body: JSON.stringify({
        query: `mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { version } }`,
        variables: { i: { id: h.id, version: h.version, address: 'Jl. Audit No. 1' } },
      }),
    });
    expect(((await res.json()) as any).data.updateHousehold.version).toBe(h.version + 1);
    // Audited under the server's own request id (the response header), never the client's.
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const events = await t.query<any>(
      `select e.action, e.entity_type, e.entity_ids, e.role, e.old_values, e.new_values, u.username, o.id is not null as has_org
         from audit_event e join app_user u on u.id = e.actor_id join organization o on o.id = e.organization_id
        where e.request_id = ? and e.action = 'UPDATE'`,
      [requestId],
    );
    expect(await t.query(`select 1 from audit_event where request_id = 'audit-test-1'`)).toHaveLength(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'UPDATE', entity_type: 'Household', entity_ids: [h.id], role: 'ADMIN', username: 'admin', has_org: true });
    expect(events[0].new_values).toEqual({ address: 'Jl. Audit No. 1' });
    expect(Object.keys(events[0].old_values)).toEqual(['address']);
  });

  it('a mutation that fails half-way leaves no audit event and no change', async () => {
    const h = await anyHousehold();
    const [mentengArea] = await t.query<{ id: string }>(`select id from area where code = '62.71.03.1002'`);
    const before = { audit: await count('audit_event', "action = 'CREATE'"), households: await count('household'), people: await count('person') };
    // The second member reuses an existing NIK: the insert fails inside the flush, after the household row.
    const res = await t.gql(
      `mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`,
      {
        i: {
          kkNumber: '6271031405190777',
          areaId: mentengArea!.id,
          address: 'Jl. Gagal No. 2',
          welfareDecile: 2,
          members: [{ nik: h.nik, name: 'Sudah Terdaftar', sex: h.sex, birthDate: h.birth, relation: 'HEAD' }],
        },
      },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nik' });
    expect({ audit: await count('audit_event', "action = 'CREATE'"), households: await count('household'), people: await count('person') }).toEqual(before);
  });

  it('the application role may insert and read audit events but never change or delete them', async () => {
    const em = t.db.orm.em.fork();
    // Read by an administrator; with no viewer the trail looks empty (rls-matrix.test.ts has every role).
    const asAdmin = await em.transactional(async (tx) => {
      await tx.execute(`select set_config('sinergi.role', 'ADMIN', true)`);
      return Number((await tx.execute<{ n: string }[]>('select count(*) as n from audit_event'))[0]!.n);
    });
    expect(asAdmin).toBeGreaterThan(0);
    expect(Number((await em.execute<{ n: string }[]>('select count(*) as n from audit_event'))[0]!.n)).toBe(0);
    await expect(em.execute(`update audit_event set action = 'LOGIN' where id = (select min(id) from audit_event)`)).rejects.toThrow(/permission denied/);
    await expect(em.execute('delete from audit_event')).rejects.toThrow(/permission denied/);
    await expect(em.execute('truncate audit_event')).rejects.toThrow(/permission denied/);
  });

  it('logins and failed logins are audited', async () => {
    const before = { ok: await count('audit_event', "action = 'LOGIN'"), failed: await count('audit_event', "action = 'LOGIN_FAILED'") };
    await t.login('inspektorat');
    await t.gql(`mutation { login(username: "inspektorat", password: "not-the-password") { token } }`);
    await t.gql(`mutation { login(username: "no-such-user", password: "whatever-1234") { token } }`);
    expect(await count('audit_event', "action = 'LOGIN'")).toBe(before.ok + 1);
    expect(await count('audit_event', "action = 'LOGIN_FAILED'")).toBe(before.failed + 2);
  });

  it('one PII_READ event per response, naming every subject; full for government roles, masked for partners', async () => {
    const q = `{ households(first: 7) { edges { node { id kkNumber members { id nik } } } } }`;
    const before = await count('audit_event', "action = 'PII_READ'");
    const res = await t.gql(q, {}, admin);
    const nodes = res.data.households.edges.map((e: any) => e.node);
    const [event] = await t.query<any>(`select entity_ids, new_values from audit_event where action = 'PII_READ' order by id desc limit 1`);
    expect(await count('audit_event', "action = 'PII_READ'")).toBe(before + 1);
    const subjects = nodes.flatMap((n: any) => [n.id, ...n.members.map((m: any) => m.id)]);
    expect([...event.entity_ids].sort()).toEqual([...subjects].sort());
    expect(event.new_values).toMatchObject({ tier: 'FULL' });

    await t.gql(q, {}, await t.login('ngo'));
    const [masked] = await t.query<any>(`select new_values, role from audit_event where action = 'PII_READ' order by id desc limit 1`);
    expect(masked).toMatchObject({ role: 'NGO_PARTNER', new_values: { tier: 'MASKED' } });

    const none = await count('audit_event', "action = 'PII_READ'");
    await t.gql('{ programs(first: 5) { edges { node { name } } } }', {}, admin);
    expect(await count('audit_event', "action = 'PII_READ'")).toBe(none);
  });

  it('auditors read the trail, the per-subject trail and partner usage; other roles may not', async () => {
    const auditor = await t.login('inspektorat');
    const h = await anyHousehold();
    await t.gql(`{ household(id: "${h.id}") { members { nik } } }`, {}, admin);
    const trail = await t.gql(`query ($nik: String!) { subjectAccessTrail(nik: $nik) { action entityType actor { username } } }`, { nik: h.nik }, auditor);
    expect(trail.errors).toBeUndefined();
    expect(trail.data.subjectAccessTrail.some((e: any) => e.action === 'PII_READ' && e.actor.username === 'admin')).toBe(true);
    expect(trail.data.subjectAccessTrail.some((e: any) => e.action === 'UPDATE' && e.entityType === 'Household')).toBe(true);

    const list = await t.gql(`{ auditEvents(first: 5, filter: { action: [LOGIN] }) { totalCount edges { node { action actor { username } } } } }`, {}, auditor);
    expect(list.data.auditEvents.totalCount).toBeGreaterThan(0);
    expect(list.data.auditEvents.edges.every((e: any) => e.node.action === 'LOGIN')).toBe(true);

    const [ngoOrg] = await t.query<{ id: string }>(`select organization_id as id from app_user where username = 'ngo'`);
    const report = await t.gql(
      `query ($org: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { partnerUsageReport(organizationId: $org, from: $from, to: $to) {
         readRequests subjectsViewed recordsChanged events { action entityType events } } }`,
      { org: ngoOrg!.id, from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() },
      auditor,
    );
    expect(report.errors).toBeUndefined();
    expect(report.data.partnerUsageReport.readRequests).toBeGreaterThan(0);
    expect(report.data.partnerUsageReport.subjectsViewed).toBeGreaterThan(0);

    for (const username of ['bappeda', 'dinsos', 'ngo', 'lurah.menteng']) {
      const res = await t.gql('{ auditEvents(first: 1) { totalCount } }', {}, await t.login(username));
      expect(res.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
  });
});

