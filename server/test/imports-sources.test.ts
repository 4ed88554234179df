import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { ageInDays, lengthHeightForAgeZ } from '../src/growth/zscore.js';
import { makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';
import { csv, dmy } from './imports/fixtures.js';
import { uploadFile } from './imports/jobs.js';

// The Dinas Sosial, Dinas Kesehatan and Dinas Pendidikan sources, in the layouts those agencies export
// (SIKS-NG recipient lists, e-PPGBM, Dapodik/ATS), end to end through the upload and the commit.

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['admin', 'bappeda', 'dinsos', 'dinkes']) tokens[user] = await server.login(user);
}, 120_000);
afterAll(() => server?.close());

async function settle(user: string, id: string, status: string) {
  for (let i = 0; i < 600; i++) {
    const res = await server.gql(
      `query ($id: ID!) { importJob(id: $id) { status rowsTotal validRows inserted updated unchanged rejected inReview firstErrors(first: 50) { line reason } } }`,
      { id },
      tokens[user],
    );
    expect(res.errors).toBeUndefined();
    if (res.data.importJob.status !== status) return res.data.importJob;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} stayed ${status}`);
}

async function importFile(user: string, source: string, name: string, body: string) {
  const up = await uploadFile(server, tokens[user]!, source, name, body);
  expect(up.status).toBe(201);
  const id = up.body.id!;
  expect((await server.gql(`mutation ($id: ID!) { validateImport(jobId: $id) { status } }`, { id }, tokens[user])).errors).toBeUndefined();
  const validated = await settle(user, id, 'VALIDATING');
  expect(validated.status).toBe('VALIDATED');
  expect((await server.gql(`mutation ($id: ID!) { commitImport(jobId: $id) { status } }`, { id }, tokens[user])).errors).toBeUndefined();
  const committed = await settle(user, id, 'COMMITTING');
  expect(committed.status).toBe('COMMITTED');
  return { validated, committed };
}

/** ISO date `days` before the suite's today. */
function daysAgo(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A height with z ≈ 0 for the child's age: plausible by construction. */
function medianHeight(sex: 'MALE' | 'FEMALE', birthDate: string, on: string, position: 'LYING' | 'STANDING'): number {
  const ageDays = ageInDays(birthDate, on);
  let h = 40;
  while (lengthHeightForAgeZ({ sex, ageDays, heightCm: h, position }) < 0) h += 0.1;
  return Math.round(h * 10) / 10;
}

describe('Dinas Kesehatan (e-PPGBM)', () => {
  it('adds measurements matched by NIK or by name and birth date, with z-scores, and refuses the implausible', async () => {
    const measuredOn = daysAgo(3);
    const children = await server.query<{ id: string; nik: string; name: string; sex: 'MALE' | 'FEMALE'; birth: string; kel: string }>(
      `select p.id, p.nik, p.name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth, a.name as kel
         from person p join household h on h.id = p.household_id join area a on a.id = h.area_id
        where p.birth_date between ?::date - interval '4 years' and ?::date - interval '1 year'
          and not exists (select 1 from growth_measurement m where m.person_id = p.id and m.measured_on >= ?::date - 1)
          and (select count(*) from person q join household g on g.id = q.household_id
                where lower(q.name) = lower(p.name) and q.birth_date = p.birth_date and g.area_id = h.area_id) = 1
        order by p.nik limit 3`,
      [measuredOn, measuredOn, measuredOn],
    );
    expect(children).toHaveLength(3);
    const [a, b, c] = children as [(typeof children)[0], (typeof children)[0], (typeof children)[0]];
    const header = ['NIK', 'Nama', 'JK', 'Tgl Lahir', 'Desa/Kel', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur'];
    const unknownNik = makeNik({ regionCode: '627103', sex: a.sex, birthDate: a.birth, serial: 9876 });
    const row = (nik: string, p: typeof a, on: string, height: number | string) => [
      nik, p.name, p.sex === 'MALE' ? 'L' : 'P', dmy(p.birth), p.kel, dmy(on), '11,5', String(height).replace('.', ','), 'Berdiri',
    ];
    const file = csv(
      [
        ['LAPORAN HASIL PENGUKURAN BALITA'],
        header,
        row(a.nik, a, measuredOn, medianHeight(a.sex, a.birth, measuredOn, 'STANDING')),
        // No NIK: found by name and birth date in the kelurahan.
        row('', b, measuredOn, medianHeight(b.sex, b.birth, measuredOn, 'STANDING')),
        // Implausible height for the age (rejected in the dry run, naming the column).
        row(c.nik, c, measuredOn, 134),
        // A NIK Sinergi does not know (rejected at commit).
        row(unknownNik, a, measuredOn, medianHeight(a.sex, a.birth, measuredOn, 'STANDING')),
      ],
      { bom: true },
    );
    const { validated, committed } = await importFile('dinkes', 'dinkes', 'eppgbm.csv', file);
    expect(validated.rowsTotal).toBe(4);
    expect(validated.rejected).toBe(1);
    expect(validated.firstErrors[0].reason).toMatch(/^"Tinggi": tidak masuk akal/);
    expect(committed.inserted).toBe(2);
    expect(committed.rejected).toBe(2);
    expect(committed.firstErrors.map((e: { reason: string }) => e.reason).join('\n')).toMatch(/tidak terdaftar di Sinergi/);
    const stored = await server.query<{ person_id: string; stunting_status: string; recorded_by_id: string }>(
      `select person_id, stunting_status, recorded_by_id from growth_measurement where measured_on = ? and person_id in (?, ?)`,
      [measuredOn, a.id, b.id],
    );
    expect(stored).toHaveLength(2);
    expect(stored.every((m) => m.stunting_status === 'NORMAL')).toBe(true);

    const again = await importFile('dinkes', 'dinkes', 'eppgbm-lagi.csv', file);
    expect(again.committed.inserted).toBe(0);
    expect(again.committed.unchanged).toBe(2);
  });

  it('is refused to a coordinator-less partner role and open to the coordinator', async () => {
    const ngo = await server.login('ngo');
    const res = await uploadFile(server, ngo, 'dinkes', 'x.csv', 'NIK;Tanggal Pengukuran;Tinggi\r\n');
    expect(res.status).toBe(403);
  });
});

describe('Dinas Sosial (SIKS-NG recipients)', () => {
  it('records deliveries of the programs the importer may deliver, once per period', async () => {
    const deliveredOn = '2026-06-15';
    const [pkh] = await server.query<{ id: string }>(`select id from program where name like '%(PKH)%'`);
    const [own] = await server.query<{ id: string; name: string }>(`select id, name from program where name = 'Bantuan Sosial Tunai Daerah Isen Mulang'`);
    const heads = await server.query<{ nik: string; kk: string; household_id: string }>(
      `select p.nik, h.kk_number as kk, h.id as household_id from person p join household h on h.id = p.household_id
        where p.relation = 'HEAD'
          and not exists (select 1 from intervention i where i.household_id = h.id and i.program_id in (?, ?) and i.period_key in ('2026-Q2'))
        order by p.nik limit 3`,
      [pkh!.id, own!.id],
    );
    const header = ['NO', 'NAMA PENERIMA', 'NIK KTP', 'NOKK', 'BANSOS', 'TAHAP', 'Tanggal Salur', 'Nominal'];
    const file = csv([
      header,
      [1, 'Penerima A', heads[0]!.nik, heads[0]!.kk, own!.name, 'TAHAP 2 2026', dmy(deliveredOn), 'Rp 300.000'],
      [2, 'Penerima B', '', heads[1]!.kk, own!.name, 'TAHAP 2 2026', dmy(deliveredOn), '300000'],
      // PKH is the ministry's program: Dinas Sosial staff may not record its deliveries.
      [3, 'Penerima C', heads[2]!.nik, heads[2]!.kk, 'PKH', 'TAHAP 2 2026', dmy(deliveredOn), '750000'],
      // The same delivery twice in the file.
      [4, 'Penerima A', heads[0]!.nik, heads[0]!.kk, own!.name, 'TAHAP 2 2026', dmy(deliveredOn), 'Rp 300.000'],
    ]);
    const { validated, committed } = await importFile('dinsos', 'dinsos', 'siks-ng.csv', file);
    expect(validated.rejected).toBe(2);
    const reasons = validated.firstErrors.map((e: { reason: string }) => e.reason).join('\n');
    expect(reasons).toMatch(/"BANSOS": program ini bukan milik organisasi Anda/);
    expect(reasons).toMatch(/baris ganda/);
    expect(committed.inserted).toBe(2);
    const rows = await server.query<{ value_rp: string; period_key: string; status: string }>(
      `select value_rp, period_key, status from intervention where program_id = ? and household_id in (?, ?)`,
      [own!.id, heads[0]!.household_id, heads[1]!.household_id],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => Number(r.value_rp) === 300000 && r.period_key === '2026-Q2' && r.status === 'DELIVERED')).toBe(true);

    // The coordinator may record the ministry's program; a second run adds nothing.
    const pkhFile = csv([header, [1, 'Penerima C', heads[2]!.nik, heads[2]!.kk, 'PKH', 'TAHAP 2 2026', dmy(deliveredOn), '750000']]);
    expect((await importFile('bappeda', 'dinsos', 'pkh.csv', pkhFile)).committed.inserted).toBe(1);
    const again = await importFile('bappeda', 'dinsos', 'pkh-lagi.csv', pkhFile);
    expect(again.committed.inserted).toBe(0);
    expect(again.committed.unchanged).toBe(1);
  });
});

describe('Dinas Pendidikan (ATS list)', () => {
  it('updates school enrolment of the children it names, with provenance', async () => {
    const pupils = await server.query<{ id: string; nik: string; name: string }>(
      `select id, nik, name from person where school_enrolled and birth_date between ?::date - interval '15 years' and ?::date - interval '8 years' order by nik limit 2`,
      [today(), today()],
    );
    const file = csv([
      ['NIK', 'NISN', 'Nama Lengkap', 'Jenis Kelamin', 'Desa / Kelurahan', 'Nama Sekolah Asal', 'Status ATS', 'Alasan'],
      [pupils[0]!.nik, '', pupils[0]!.name, '', '', 'SD Negeri 1', 'DO', 'Ekonomi'],
      [pupils[1]!.nik, '', pupils[1]!.name, '', '', 'SMP Negeri 2', 'LTM', 'Bekerja'],
    ]);
    const { committed } = await importFile('admin', 'disdik', 'ats.csv', file);
    expect(committed.updated).toBe(2);
    const after = await server.query<{ school_enrolled: boolean }>(`select school_enrolled from person where id in (?, ?)`, [pupils[0]!.id, pupils[1]!.id]);
    expect(after.every((p) => p.school_enrolled === false)).toBe(true);
    const provenance = await server.query(`select 1 from field_provenance where entity_id = ? and 'schoolEnrolled' = any (fields) and source = 'DISDIK'`, [pupils[0]!.id]);
    expect(provenance).toHaveLength(1);
    expect((await importFile('admin', 'disdik', 'ats-lagi.csv', file)).committed.unchanged).toBe(2);
  });
});
