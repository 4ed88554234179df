import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

// An auditor answers a data subject's access request (UU 27/2022): the trail names people and households,
// shows the disclosure tier, narrows to a period on the server, newest first, and leaves as CSV.
let t: TestServer;
const tokens: Record<string, string> = {};
let subject: { person_id: string; household_id: string; nik: string; name: string; head: string };

const TRAIL = `query ($n: String!, $from: DateTimeISO, $to: DateTimeISO) {
  subjectAccessTrail(nik: $n, from: $from, to: $to) { id occurredAt action entityType disclosureTier subjects { id kind name } actor { username } } }`;
const EXPORT = `mutation ($n: String!, $from: DateTimeISO, $to: DateTimeISO, $l: ExportLanguage, $s: CsvSeparator) {
  exportSubjectTrail(nik: $n, from: $from, to: $to, language: $l, separator: $s) { filename contentType csv rowCount } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, user: string): Promise<T> {
  const res = await t.gql(query, variables, tokens[user]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** An event written at a given WIB time by a demo user, as the server would have. */
async function event(at: string, username: string, action: string, entityType: string, ids: string[], newValues: object | null, requestId: string) {
  await t.query(
    `insert into audit_event (occurred_at, actor_id, organization_id, role, action, entity_type, entity_ids, new_values, request_id)
     select ?::timestamptz, u.id, u.organization_id, u.role, ?, ?, ?::text[], ?::jsonb, ? from app_user u where u.username = ?`,
    [at, action, entityType, ids, newValues ? JSON.stringify(newValues) : null, requestId, username],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ['admin', 'inspektorat', 'dinsos', 'ngo']) tokens[u] = await t.login(u);
  [subject] = (await t.query(
    `select p.id as person_id, p.household_id, p.nik, p.name, h.name as head
       from person p join person h on h.household_id = p.household_id and h.relation = 'HEAD'
      where p.relation <> 'HEAD' and p.nik is not null order by p.nik limit 1`,
  )) as (typeof subject)[];
  const ids = [subject.person_id, subject.household_id];
  await event('2026-01-10T10:00:00+07:00', 'ngo', 'PII_READ', 'PersonalData', ids, { tier: 'MASKED', subjects: 2 }, 'trail-jan');
  await event('2026-02-14T23:30:00+07:00', 'dinsos', 'UPDATE', 'Household', [subject.household_id], { address: 'Jl. Baru' }, 'trail-feb');
  await event('2026-02-15T08:05:00+07:00', 'dinsos', 'PII_READ', 'PersonalData', ids, { tier: 'FULL', subjects: 2 }, 'trail-feb-read');
  await event('2026-03-20T09:00:00+07:00', 'ngo', 'PII_READ', 'PersonalData', ids, { tier: 'MASKED', subjects: 2 }, 'trail-mar');
});
afterAll(() => t.close());

describe('subject access trail', () => {
  it('keeps to the period on the server, newest first, with names and the disclosure tier', async () => {
    const { subjectAccessTrail: feb } = await ok(TRAIL, { n: subject.nik, from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' }, 'inspektorat');
    expect(feb.map((e: any) => [e.action, e.actor.username])).toEqual([['PII_READ', 'dinsos'], ['UPDATE', 'dinsos']]);
    expect(feb[0].disclosureTier).toBe('FULL');
    expect(feb[1].disclosureTier).toBeNull();
    expect(feb[0].subjects).toEqual([
      { id: subject.person_id, kind: 'PERSON', name: subject.name },
      { id: subject.household_id, kind: 'HOUSEHOLD', name: subject.head },
    ]);
    expect(feb[1].subjects).toEqual([{ id: subject.household_id, kind: 'HOUSEHOLD', name: subject.head }]);

    const { subjectAccessTrail: all } = await ok(TRAIL, { n: subject.nik }, 'admin');
    const times = all.map((e: any) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.filter((e: any) => e.disclosureTier === 'MASKED')).toHaveLength(2);
  });

  it('the audit log narrows to a WIB period on the server too, newest first, with names', async () => {
    const res = await ok(
      `query ($f: AuditEventFilter) { auditEvents(filter: $f, first: 10) { totalCount edges { node { requestId disclosureTier subjects { name } } } } }`,
      { f: { entityId: subject.person_id, from: '2026-01-01T00:00:00+07:00', to: '2026-02-16T00:00:00+07:00' } },
      'inspektorat',
    );
    expect(res.auditEvents.totalCount).toBe(2);
    expect(res.auditEvents.edges.map((e: any) => [e.node.requestId, e.node.disclosureTier])).toEqual([['trail-feb-read', 'FULL'], ['trail-jan', 'MASKED']]);
    expect(res.auditEvents.edges[0].node.subjects.map((s: any) => s.name)).toEqual([subject.name, subject.head]);
  });

  it('is refused to roles that do not read the audit log, and a period must end after it starts', async () => {
    for (const user of ['dinsos', 'ngo']) {
      expect((await t.gql(TRAIL, { n: subject.nik }, tokens[user])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(EXPORT, { n: subject.nik }, tokens[user])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const before = await t.query(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    const bad = await t.gql(EXPORT, { n: subject.nik, from: '2026-03-01T00:00:00+07:00', to: '2026-02-01T00:00:00+07:00' }, tokens['inspektorat']);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await t.query(`select count(*)::int as n from audit_event where action = 'EXPORT'`)).toEqual(before);
  });

  it('exports the trail as CSV in Indonesian with semicolons, and audits the export in the trail itself', async () => {
    const out = (await ok(EXPORT, { n: subject.nik, from: '2026-01-01T00:00:00+07:00', to: '2026-02-16T00:00:00+07:00', s: 'SEMICOLON' }, 'inspektorat'))
      .exportSubjectTrail;
    expect(out.contentType).toBe('text/csv; charset=utf-8');
    expect(out.filename).toMatch(/^jejak-akses-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(out.rowCount).toBe(3);
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const lines = out.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Waktu (WIB);Aksi;Jenis data;Subjek;Pengguna;Peran;Organisasi;Tingkat pengungkapan;Kolom berubah;ID permintaan');
    const rows = lines.slice(1).map((l: string) => l.split(';'));
    expect(rows.map((r: string[]) => r[0])).toEqual(['15/02/2026 08:05 WIB', '14/02/2026 23:30 WIB', '10/01/2026 10:00 WIB']);
    expect(rows[0]!.slice(1, 4)).toEqual(['Baca data pribadi', 'Data pribadi', `${subject.name}, ${subject.head}`]);
    expect(rows[0]![5]).toBe('Staf perangkat daerah');
    expect(rows[0]![7]).toBe('Penuh');
    expect(rows[1]!.slice(1, 4)).toEqual(['Ubah', 'Rumah tangga', subject.head]);
    expect(rows[1]![8]).toBe('address');
    expect(rows[2]![7]).toBe('Tersamar');
    expect(rows[2]![9]).toBe('trail-jan');

    const [audited] = await t.query<any>(
      `select e.entity_type, e.entity_ids, e.new_values, u.username from audit_event e join app_user u on u.id = e.actor_id
        where e.action = 'EXPORT' order by e.id desc limit 1`,
    );
    expect(audited).toMatchObject({ entity_type: 'Person', entity_ids: [subject.person_id, subject.household_id], username: 'inspektorat' });
    expect(audited.new_values).toMatchObject({ format: 'CSV', kind: 'SUBJECT_TRAIL', rows: 3, separator: 'SEMICOLON', language: 'ID' });
    const { subjectAccessTrail } = await ok(TRAIL, { n: subject.nik }, 'inspektorat');
    expect(subjectAccessTrail.some((e: any) => e.action === 'EXPORT' && e.actor.username === 'inspektorat')).toBe(true);
  });

  it('exports in English with commas when asked', async () => {
    const out = (await ok(EXPORT, { n: subject.nik, from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', l: 'EN' }, 'admin')).exportSubjectTrail;
    expect(out.filename).toMatch(/^access-trail-/);
    const lines = out.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Time (WIB),Action,Data type,Subjects,User,Role,Organisation,Disclosure tier,Changed fields,Request id');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^20\/03\/2026 09:00 WIB,Personal data read,Personal data,/);
    expect(lines[1]).toContain(',NGO partner,');
    expect(lines[1]).toContain(',Masked,');
  });
});
