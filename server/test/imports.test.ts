import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { makeNik } from '../src/households/identity-numbers.js';
import { csv, dmy, DTSEN_HEADER, newFamily, type Cells } from './imports/fixtures.js';
import { uploadFile } from './imports/jobs.js';

// Data import through its real entry points: the multipart upload, the GraphQL mapping, dry run,
// commit and review queue, the error report. One demo-seeded database for the file.

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // A 1 MB limit, so that the test of a file over it stays small.
  server = await startTestServer({ env: { IMPORT_MAX_MB: '1' } });
  for (const user of ['admin', 'bappeda', 'lurah.menteng', 'ngo', 'dinkes', 'dinsos']) tokens[user] = await server.login(user);
}, 120_000);
afterAll(() => server?.close());

const upload = (user: string, source: string, name: string, body: string | Buffer, fields: Record<string, string> = {}) =>
  uploadFile(server, tokens[user]!, source, name, body, fields);

// What the portal's job page asks for, timestamps and links included.
const JOB = `id status format sheet headers sourceDate createdAt validatedAt committedAt createdByName errorReportUrl
  duplicateOf { id fileName createdAt } rowsTotal rowsDone validRows inserted updated unchanged rejected inReview message
  mapping { key column fileHeader required } firstErrors(first: 50) { line reason }`;

async function job(user: string, id: string) {
  const res = await server.gql(`query ($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, tokens[user]);
  expect(res.errors).toBeUndefined();
  return res.data.importJob;
}

/** Waits for the background work to leave `status` (polling, as the portal does). */
async function settle(user: string, id: string, status: string) {
  for (let i = 0; i < 600; i++) {
    const j = await job(user, id);
    if (j.status !== status) return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} stayed ${status}`);
}

async function importFile(user: string, source: string, name: string, body: string | Buffer, fields: Record<string, string> = {}) {
  const up = await upload(user, source, name, body, fields);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const id = up.body.id!;
  const dry = await server.gql(`mutation ($id: ID!) { validateImport(jobId: $id) { status } }`, { id }, tokens[user]);
  expect(dry.errors).toBeUndefined();
  const validated = await settle(user, id, 'VALIDATING');
  expect(validated.status).toBe('VALIDATED');
  const commit = await server.gql(`mutation ($id: ID!) { commitImport(jobId: $id) { status } }`, { id }, tokens[user]);
  expect(commit.errors).toBeUndefined();
  const committed = await settle(user, id, 'COMMITTING');
  expect(committed.status).toBe('COMMITTED');
  return { id, validated, committed };
}

async function tableCounts() {
  const [row] = await server.query<{ households: string; persons: string; assessments: string }>(
    `select (select count(*) from household) as households, (select count(*) from person) as persons,
            (select count(*) from poverty_assessment) as assessments`,
  );
  return { households: Number(row!.households), persons: Number(row!.persons), assessments: Number(row!.assessments) };
}

describe('DTSEN import', () => {
  let existing: { kk: string; address: string; members: { nik: string; name: string; sex: string; birth: string; relation: string }[]; area: string };
  let file: string;
  const families = [newFamily(1), newFamily(2), newFamily(3, { decile: 2 })];
  const conflictName = 'Nama Berbeda Sekali';

  beforeAll(async () => {
    const [h] = await server.query<{ id: string; kk_number: string; address: string; code: string }>(
      `select h.id, h.kk_number, h.address, a.code from household h join area a on a.id = h.area_id
        where a.code = '62.71.03.1002' and (select count(*) from person p where p.household_id = h.id) >= 3 order by h.kk_number limit 1`,
    );
    const members = await server.query<{ nik: string; name: string; sex: string; birth: string; relation: string }>(
      `select nik, name, sex, to_char(birth_date, 'YYYY-MM-DD') as birth, relation from person where household_id = ? order by relation = 'HEAD' desc, nik`,
      [h!.id],
    );
    existing = { kk: h!.kk_number, address: h!.address, members, area: h!.code };
    const relationLabel: Record<string, string> = {
      HEAD: 'Kepala Keluarga', SPOUSE: 'Istri/Suami', CHILD: 'Anak', CHILD_IN_LAW: 'Menantu', GRANDCHILD: 'Cucu',
      PARENT: 'Orang Tua', PARENT_IN_LAW: 'Mertua', OTHER_RELATIVE: 'Famili Lain', OTHER: 'Lainnya',
    };
    const existingRows: Cells[] = members.slice(0, 3).map((m, i) => [
      existing.kk,
      m.nik,
      i === 2 ? conflictName : m.name,
      m.sex === 'MALE' ? 'L' : 'P',
      dmy(m.birth),
      relationLabel[m.relation]!,
      existing.area,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    const bad: Cells[] = [
      // A NIK of 15 digits; a date that does not exist; no name.
      [families[0]!.kk, '627103110285700', 'Salah NIK', 'L', '11/02/1985', 'Anak', '62.71.03.1002', 'Jl. Rajawali 1', '3', '12', 1, 'Tanah', ''],
      [families[1]!.kk, families[1]!.niks[0]!.replace(/^(\d{6})/, '?'), 'Tanggal Salah', 'L', '31/02/2020', 'Anak', '62.71.03.1002', 'Jl. Rajawali 2', '3', '12', 1, '', ''],
      [families[2]!.kk, '', '', 'P', '01/01/2019', 'Anak', '62.71.03.1002', 'Jl. Rajawali 3', '3', '12', 2, '', ''],
      // A well-formed NIK whose birth date part is not the person's (the API's own NIK rule).
      [families[2]!.kk, families[2]!.niks[2]!.slice(0, 6) + '010203' + '7999', 'Lahir Lain', 'L', '05/05/2010', 'Anak', '62.71.03.1002', 'Jl. Rajawali 3', '3', '12', 2, '', ''],
    ];
    // One birth date as Excel leaves it in a CSV: a serial day number (days since 1899-12-30).
    const child = families[2]!.rows[2]!;
    const [d, m, y] = String(child[4]).split('/').map(Number) as [number, number, number];
    child[4] = String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000));
    file = csv(
      [
        ['DATA TUNGGAL SOSIAL EKONOMI NASIONAL'],
        ['Kota Palangka Raya, Triwulan III 2026'],
        [],
        DTSEN_HEADER,
        ...families.flatMap((f) => f.rows),
        families[0]!.rows[2]!, // the same child twice
        ...existingRows,
        ...bad,
      ],
      { bom: true },
    );
  });

  it('refuses a partner and an auditor-less upload outright, writing nothing', async () => {
    const before = await tableCounts();
    const ngo = await upload('ngo', 'dtsen', 'dtsen.csv', file);
    expect(ngo.status).toBe(403);
    expect(ngo.body.error?.message).toMatch(/tidak boleh/);
    const anonymous = await fetch(`${server.url}/import/jobs`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    expect(await tableCounts()).toEqual(before);
    const [{ n }] = (await server.query<{ n: string }>(`select count(*) as n from import_job`)) as [{ n: string }];
    expect(Number(n)).toBe(0);
  });

  it('refuses empty, unreadable, too large and headerless files with an Indonesian message, writing nothing', async () => {
    expect((await upload('bappeda', 'dtsen', 'kosong.csv', '')).body.error?.message).toMatch(/Berkas/);
    expect((await upload('bappeda', 'dtsen', 'acak.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9]))).status).toBe(400);
    const large = await upload('bappeda', 'dtsen', 'besar.csv', `${DTSEN_HEADER.join(';')}\r\n${'x;'.repeat(600_000)}\r\n`);
    expect(large.status).toBe(413);
    expect(large.body.error?.message).toBe('Berkas melebihi batas 1 MB.');
    const unknown = await upload('bappeda', 'dtsen', 'lain.csv', 'warna;rasa\r\nmerah;manis\r\n');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/judul kolom|kolom/i);
    expect(await server.query(`select 1 from import_job`)).toHaveLength(0);
  });

  it('dry-runs, then commits with exact counts, reasons, review entries and provenance', async () => {
    const before = await tableCounts();
    const { id, validated, committed } = await importFile('bappeda', 'dtsen', 'dtsen-triwulan3.csv', file, { sourceDate: '2026-09-30' });
    // 9 new people + 1 duplicate + 3 existing + 4 bad = 17 data rows.
    expect(validated.rowsTotal).toBe(17);
    expect(validated.rejected).toBe(5);
    expect(validated.validRows).toBe(12);
    const reasons = validated.firstErrors.map((e: { reason: string }) => e.reason).join('\n');
    expect(reasons).toMatch(/"NIK": .*16/);
    expect(reasons).toMatch(/"Tanggal Lahir"/);
    expect(reasons).toMatch(/"Nama"/);
    expect(reasons).toMatch(/baris ganda/);
    // Reasons name the file's column, whichever rule refused the row.
    expect(reasons).toMatch(/^"NIK": tanggal lahir atau jenis kelamin pada NIK tidak cocok/m);
    expect(committed.inserted).toBe(9);
    expect(committed.inReview).toBe(1);
    expect(committed.unchanged).toBe(2);
    expect(committed.updated).toBe(0);
    const after = await tableCounts();
    expect(after.households - before.households).toBe(3);
    expect(after.persons - before.persons).toBe(9);
    // One registration assessment per new family.
    expect(after.assessments - before.assessments).toBe(3);
    const [serial] = await server.query<{ birth: string }>(`select to_char(birth_date, 'YYYY-MM-DD') as birth from person where nik = ?`, [families[2]!.niks[2]]);
    expect(serial!.birth).toBe('2011-03-09');
    const [review] = await server.query<{ kind: string }>(`select kind from import_review where job_id = ?`, [id]);
    expect(review?.kind).toBe('NIK_DIFFERENT_PERSON');
    // One narrow row per entity and import: the stamp once, beside the fields it wrote.
    const provenance = await server.query<{ source: string; job: string; date: string; named: boolean }>(
      `select f.source, f.job_id as job, to_char(f.source_date, 'YYYY-MM-DD') as date, 'name' = any (f.fields) as named
         from field_provenance f join person p on p.id = f.entity_id where p.nik = ?`,
      [families[0]!.niks[0]],
    );
    expect(provenance).toEqual([{ source: 'DTSEN', job: id, date: '2026-09-30', named: true }]);
    // And through the API, beside the record it describes.
    const [family] = await server.query<{ id: string }>(`select id from household where kk_number = ?`, [families[0]!.kk]);
    const shown = await server.gql(
      `query ($id: ID!) { household(id: $id) { provenance { field source sourceDate jobId } members { nik provenance { field source } } } }`,
      { id: family!.id },
      tokens['bappeda'],
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data.household.provenance).toContainEqual({ field: 'welfareDecile', source: 'DTSEN', sourceDate: '2026-09-30', jobId: id });
    const head = shown.data.household.members.find((m: { nik: string }) => m.nik === families[0]!.niks[0]);
    expect(head.provenance).toContainEqual({ field: 'birthDate', source: 'DTSEN' });
    const events = await server.query<{ entity_ids: string[] }>(`select entity_ids from audit_event where action = 'IMPORT' and entity_type = 'ImportJob'`);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.entity_ids[0] === id)).toBe(true);
    // The new families' needs were derived in the same batches.
    const needs = await server.query(`select 1 from household_need n join household h on h.id = n.household_id where h.kk_number = ?`, [families[0]!.kk]);
    expect(needs.length).toBeGreaterThan(0);
  });

  it('serves the error report: the original row and "alasan"', async () => {
    const [{ id }] = (await server.query<{ id: string }>(`select id from import_job where file_name = 'dtsen-triwulan3.csv'`)) as [{ id: string }];
    const res = await fetch(`${server.url}/import/jobs/${id}/errors.csv`, { headers: { authorization: `Bearer ${tokens['bappeda']}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(['baris', ...DTSEN_HEADER, 'alasan'].join(';'));
    expect(lines).toHaveLength(6);
    expect(lines.some((l) => l.includes('627103110285700'))).toBe(true);
    // Another user without access to the job finds nothing.
    const other = await fetch(`${server.url}/import/jobs/${id}/errors.csv`, { headers: { authorization: `Bearer ${tokens['lurah.menteng']}` } });
    expect(other.status).toBe(404);
  });

  it('changes nothing when the same file comes again, and says so', async () => {
    const before = await tableCounts();
    const { committed } = await importFile('bappeda', 'dtsen', 'dtsen-triwulan3-lagi.csv', file, { sourceDate: '2026-09-30' });
    expect(committed.inserted).toBe(0);
    expect(committed.updated).toBe(0);
    expect(committed.unchanged).toBe(11);
    expect(committed.message).toMatch(/sudah diimpor pada \d+ \w+ \d{4}/);
    expect(committed.duplicateOf.fileName).toBe('dtsen-triwulan3.csv');
    expect(new Date(committed.committedAt).getTime()).toBeGreaterThanOrEqual(new Date(committed.createdAt).getTime());
    expect(await tableCounts()).toEqual(before);
  });

  it('never lets an older source overwrite a newer value', async () => {
    const family = families[0]!;
    const older = csv([DTSEN_HEADER, [...family.rows[0]!.slice(0, 7), 'Jl. Lama 9', '3', '12', 1, 'Tanah', '']]);
    const { committed } = await importFile('bappeda', 'dtsen', 'dtsen-lama.csv', older, { sourceDate: '2025-01-31' });
    expect(committed.updated).toBe(0);
    const [h] = await server.query<{ address: string }>(`select address from household where kk_number = ?`, [family.kk]);
    expect(h!.address).toBe('Jl. Rajawali 1');
    const newer = csv([DTSEN_HEADER, [...family.rows[0]!.slice(0, 7), 'Jl. Baru 10', '3', '12', 1, 'Tanah', '']]);
    const second = await importFile('bappeda', 'dtsen', 'dtsen-baru.csv', newer, { sourceDate: '2026-10-31' });
    expect(second.committed.updated).toBe(1);
    const [h2] = await server.query<{ id: string; address: string }>(`select id, address from household where kk_number = ?`, [family.kk]);
    expect(h2!.address).toBe('Jl. Baru 10');
    // The newer stamp is the field's provenance; the fields it did not write keep theirs.
    const shown = await server.gql(`query ($id: ID!) { household(id: $id) { provenance { field sourceDate jobId } } }`, { id: h2!.id }, tokens['bappeda']);
    expect(shown.errors).toBeUndefined();
    const stamps = shown.data.household.provenance as { field: string; sourceDate: string; jobId: string }[];
    expect(stamps.filter((p) => p.field === 'address')).toEqual([{ field: 'address', sourceDate: '2026-10-31', jobId: second.id }]);
    expect(stamps.find((p) => p.field === 'welfareDecile')?.sourceDate).toBe('2026-09-30');
  });

  it('imports a P3KE file, which has no KK number: registered people by NIK, the unknown ones rejected', async () => {
    const [h] = await server.query<{ id: string; welfare_decile: number; code: string }>(
      `select h.id, h.welfare_decile, a.code from household h join area a on a.id = h.area_id
        where a.code = '62.71.02.1003' order by h.kk_number limit 1`,
    );
    const members = await server.query<{ nik: string; name: string; sex: string; birth: string; relation: string }>(
      `select nik, name, sex, to_char(birth_date, 'YYYY-MM-DD') as birth, relation from person where household_id = ? and relation in ('HEAD', 'SPOUSE')`,
      [h!.id],
    );
    const decile = h!.welfare_decile === 1 ? 2 : 1;
    const label: Record<string, string> = { HEAD: 'Kepala Keluarga', SPOUSE: 'Istri' };
    const title = [['DATA PENSASARAN PERCEPATAN PENGHAPUSAN KEMISKINAN EKSTREM (P3KE)'], ['KABUPATEN/KOTA: KOTA PALANGKA RAYA'], []];
    const header = ['ID Keluarga P3KE', 'Kode Kemdagri', 'Desil Kesejahteraan', 'Alamat', 'Nama', 'NIK', 'Jenis Kelamin', 'Hubungan dengan Kepala Keluarga', 'Tanggal Lahir'];
    const code = h!.code.replace(/\./g, '');
    const unknown = newFamily(8, { area: h!.code });
    const rows = [
      ...members.map((m) => ['122237092', code, decile, '', m.name, m.nik, m.sex === 'MALE' ? 'Laki-laki' : 'Perempuan', label[m.relation]!, m.birth]),
      ['122237093', code, 1, 'KP. BARU', 'Orang Baru', unknown.niks[0]!, 'Laki-laki', 'Kepala Keluarga', '1978-02-11'],
    ];
    const { committed } = await importFile('bappeda', 'dtsen', 'p3ke-2023.csv', csv([...title, header, ...rows]), { sourceDate: '2026-11-30' });
    expect(committed.rejected).toBe(1);
    expect(committed.firstErrors[0].reason).toBe('"Nomor KK": wajib untuk orang yang belum terdaftar di Sinergi');
    // The family's decile changed (recorded as an assessment); its members are as registered.
    expect(committed.updated).toBe(1);
    expect(committed.unchanged).toBe(members.length - 1);
    const [after] = await server.query<{ welfare_decile: number }>(`select welfare_decile from household where id = ?`, [h!.id]);
    expect(after!.welfare_decile).toBe(decile);
    const assessments = await server.query(`select 1 from poverty_assessment where household_id = ? and welfare_decile = ? and reason like 'Impor DTSEN%'`, [h!.id, decile]);
    expect(assessments).toHaveLength(1);
  });

  it("rejects a kelurahan officer's row of another kelurahan, imports the rest", async () => {
    const own = newFamily(4);
    const elsewhere = newFamily(5, { area: '62.71.01.1001' });
    // A KK the officer cannot see (registered in another kecamatan) under a Menteng address: the
    // registry refuses it at commit, and only that family is rejected.
    const [hidden] = await server.query<{ kk_number: string }>(
      `select h.kk_number from household h join area a on a.id = h.area_id where a.code like '62.71.01.%' order by h.kk_number limit 1`,
    );
    const clash = newFamily(6).rows.map((r) => [hidden!.kk_number, ...r.slice(1)]);
    // A second head for the same KK, further down the file.
    const secondHead = [own.kk, makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1960-01-01', serial: 4321 }), 'Kepala Kedua', 'L', '01/01/1960', 'Kepala Keluarga', '62.71.03.1002', 'Jl. Rajawali 4', '3', '12', 1, '', ''];
    const { committed, validated } = await importFile(
      'lurah.menteng',
      'dtsen',
      'menteng.csv',
      csv([DTSEN_HEADER, ...own.rows, elsewhere.rows[0]!, ...clash, secondHead]),
    );
    expect(validated.rejected).toBe(2);
    expect(validated.firstErrors[0].reason).toMatch(/di luar wilayah Anda/);
    expect(validated.firstErrors[1].reason).toBe('"Hubungan dengan Kepala Keluarga": keluarga ini sudah punya kepala keluarga di baris 2');
    expect(committed.inserted).toBe(3);
    expect(committed.rejected).toBe(2 + clash.length);
    expect(committed.firstErrors.map((e: { reason: string }) => e.reason)).toContain('"Nomor KK": sudah terdaftar (mungkin di luar wilayah Anda)');
    expect(await server.query(`select 1 from household where kk_number = ?`, [elsewhere.kk])).toHaveLength(0);
  });

  it('lets a coordinator resolve a review by merging the file into the registered person', async () => {
    const open = await server.gql(`{ importReviews { id kind kindLabel detail fileName line createdAt resolvedAt values { label incoming existing } } }`, {}, tokens['bappeda']);
    expect(open.errors).toBeUndefined();
    const review = open.data.importReviews.find((r: { kind: string }) => r.kind === 'NIK_DIFFERENT_PERSON');
    expect(review.values.find((v: { label: string }) => v.label === 'Nama').incoming).toBe(conflictName);
    const partner = await server.gql(`mutation ($id: ID!) { resolveImportReview(id: $id, decision: MERGE) { status } }`, { id: review.id }, tokens['ngo']);
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await server.gql(`mutation ($id: ID!) { resolveImportReview(id: $id, decision: MERGE) { status } }`, { id: review.id }, tokens['bappeda']);
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveImportReview.status).toBe('MERGED');
    const [p] = await server.query<{ name: string }>(`select name from person where nik = ?`, [existing.members[2]!.nik]);
    expect(p!.name).toBe(conflictName);
    const again = await server.gql(`mutation ($id: ID!) { resolveImportReview(id: $id, decision: DISMISS) { status } }`, { id: review.id }, tokens['bappeda']);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('near duplicates', () => {
  it('holds a new NIK whose name is almost that of someone born the same day in the same kelurahan, and only then', async () => {
    // A registered child of Menteng, and a name within trigram similarity 0.6 of theirs.
    const [r] = await server.query<{ id: string; household_id: string; name: string; sex: string; birth: string }>(
      `select p.id, p.household_id, p.name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth from person p
         join household h on h.id = p.household_id join area a on a.id = h.area_id
        where a.code = '62.71.03.1002' and p.relation = 'CHILD' and p.birth_date > '2005-01-01' and p.name like '% %'
        order by p.nik limit 1`,
    );
    const alike = `${r!.name}a`;
    const [sim] = await server.query<{ s: number }>(`select similarity(?, ?) as s`, [alike, r!.name]);
    expect(sim!.s).toBeGreaterThanOrEqual(0.6);
    // Nobody alike born that day in the other kelurahan, nor in Menteng the next day (the rows that must go in).
    const nextDay = new Date(Date.parse(r!.birth) + 86_400_000).toISOString().slice(0, 10);
    const others = await server.query(
      `select 1 from person p join household h on h.id = p.household_id join area a on a.id = h.area_id
        where similarity(p.name, ?) >= 0.6 and ((a.code = '62.71.01.1001' and p.birth_date = ?) or (a.code = '62.71.03.1002' and p.birth_date = ?))`,
      [alike, r!.birth, nextDay],
    );
    expect(others).toHaveLength(0);
    const sex = r!.sex === 'MALE' ? 'L' : 'P';
    const child = (family: ReturnType<typeof newFamily>, region: string, birth: string, serial: number) => {
      const nik = makeNik({ regionCode: region, sex: r!.sex as 'MALE' | 'FEMALE', birthDate: birth, serial });
      return { nik, rows: [...family.rows.slice(0, 2), [family.kk, nik, alike, sex, dmy(birth), 'Anak', ...family.rows[2]!.slice(6)]] };
    };
    const same = child(newFamily(21), '627103', r!.birth, 9101);
    const elsewhere = child(newFamily(22, { area: '62.71.01.1001' }), '627101', r!.birth, 9102);
    const otherDay = child(newFamily(23), '627103', nextDay, 9103);
    const { committed } = await importFile('admin', 'dtsen', 'mirip.csv', csv([DTSEN_HEADER, ...same.rows, ...elsewhere.rows, ...otherDay.rows]));
    expect(committed.inReview).toBe(1);
    expect(committed.inserted).toBe(8);
    const reviews = await server.query<{ kind: string; person_id: string; household_id: string; line: number }>(
      `select kind, person_id, household_id, line from import_review where job_id = ?`,
      [committed.id],
    );
    expect(reviews).toEqual([{ kind: 'NEAR_DUPLICATE', person_id: r!.id, household_id: r!.household_id, line: 4 }]);
    expect(await server.query(`select 1 from person where nik = ?`, [same.nik])).toHaveLength(0);
    expect(await server.query(`select 1 from person where nik = any (?)`, [[elsewhere.nik, otherDay.nik]])).toHaveLength(2);
  });
});

describe('dry run after a mapping change', () => {
  it('validates again with the new mapping: outcomes staged with the first one do not stand', async () => {
    // The last column is not recognised, so staging validates with the real birth dates (all valid).
    const header = [...DTSEN_HEADER, 'Catatan Petugas'];
    const up = await upload('admin', 'dtsen', 'dipetakan-ulang.csv', csv([header, ...newFamily(9).rows.map((r) => [...r, '31/02/1990'])]));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const id = up.body.id!;
    const birthColumn = DTSEN_HEADER.indexOf('Tanggal Lahir');
    const map = (column: number) =>
      server.gql(`mutation ($id: ID!, $c: Int) { setImportMapping(jobId: $id, columns: [{ key: "birthDate", column: $c }]) { id } }`, { id, c: column }, tokens['admin']);
    const dryRun = async () => {
      expect((await server.gql(`mutation ($id: ID!) { validateImport(jobId: $id) { status } }`, { id }, tokens['admin'])).errors).toBeUndefined();
      return settle('admin', id, 'VALIDATING');
    };
    expect((await map(header.length - 1)).errors).toBeUndefined();
    const remapped = await dryRun();
    expect({ status: remapped.status, validRows: remapped.validRows, rejected: remapped.rejected }).toEqual({ status: 'VALIDATED', validRows: 0, rejected: 3 });
    expect(remapped.firstErrors[0].reason).toContain('"Catatan Petugas"');
    // Back to the real column (also the mapping remembered for the source's next file).
    expect((await map(birthColumn)).errors).toBeUndefined();
    const restored = await dryRun();
    expect({ status: restored.status, validRows: restored.validRows, rejected: restored.rejected }).toEqual({ status: 'VALIDATED', validRows: 3, rejected: 0 });
  });
});

describe('templates', () => {
  it('serves each source as CSV and XLSX, without a login', async () => {
    for (const source of ['dtsen', 'dinsos', 'dinkes', 'disdik']) {
      const c = await fetch(`${server.url}/import/templates/${source}.csv`);
      expect(c.status).toBe(200);
      // A BOM, so that Excel reads the file as UTF-8 (fetch's text() would drop it).
      expect([...Buffer.from(await c.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const x = await fetch(`${server.url}/import/templates/${source}.xlsx`);
      expect(x.status).toBe(200);
      expect(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    }
    expect((await fetch(`${server.url}/import/templates/lain.csv`)).status).toBe(404);
  });
});
