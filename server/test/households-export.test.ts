import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
const tokens: Record<string, string> = {};
const MENTENG = '62.71.03.1002';

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ['admin', 'ngo', 'csr', 'lurah.menteng', 'dinsos']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

async function ok<T = any>(query: string, variables: Record<string, unknown>, user: string): Promise<T> {
  const res = await t.gql(query, variables, tokens[user]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const COUNT = 'query ($f: HouseholdFilter) { households(filter: $f, first: 1) { totalCount } }';
const EXPORT = `mutation ($f: HouseholdFilter, $o: HouseholdOrder, $l: ExportLanguage, $s: CsvSeparator) {
  exportHouseholds(filter: $f, orderBy: $o, language: $l, separator: $s) { filename contentType csv rowCount } }`;

/** Parses the export (no field of the demo city holds a quote, comma or line break inside a value but addresses may). */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.slice(1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('household filters by need', () => {
  it('narrows to households with a need of the type, and by its status this period', async () => {
    const all = (await ok(COUNT, {}, 'admin')).households.totalCount as number;
    const water = (await ok(COUNT, { f: { needType: ['WATER'] } }, 'admin')).households.totalCount as number;
    const unmet = (await ok(COUNT, { f: { needType: ['WATER'], needStatus: ['UNMET'] } }, 'admin')).households.totalCount as number;
    const [{ n: expectedWater }] = await t.query(`select count(distinct household_id)::int as n from household_need where need_type = 'WATER'`);
    const [{ n: expectedUnmet }] = await t.query(
      `select count(distinct household_id)::int as n from household_need_status where need_type = 'WATER' and status = 'UNMET'`,
    );
    expect(water).toBe(expectedWater);
    expect(unmet).toBe(expectedUnmet);
    expect(water).toBeGreaterThan(0);
    expect(water).toBeLessThan(all);
    expect(unmet).toBeLessThanOrEqual(water);
  });

  it('each need status and their combinations match the status view, for a city-wide role and for a partner', async () => {
    // Some needs planned and some served this period, so that every status has households.
    const statuses = await t.query<{ status: string; n: number }>(`select status, count(*)::int as n from household_need_status group by status`);
    expect(statuses.map((r) => r.status).sort()).toEqual(['PLANNED', 'SERVED', 'UNMET']);
    const ngoPage = await ok('{ households(first: 100) { totalCount edges { node { needs { type status } } } } }', {}, 'ngo');
    expect(ngoPage.households.totalCount).toBeLessThanOrEqual(100);
    const ngoNeeds = ngoPage.households.edges.map((e: any) => e.node) as Array<{ needs: Array<{ type: string; status: string }> }>;
    for (const needStatus of [['UNMET'], ['PLANNED'], ['SERVED'], ['PLANNED', 'SERVED'], ['UNMET', 'SERVED']]) {
      for (const needType of [undefined, ['NUTRITION_RISK', 'HEALTH_INSURANCE']]) {
        const f = { needStatus, ...(needType ? { needType } : {}) };
        const byType = needType ? `and need_type in (${needType.map((x) => `'${x}'`).join(', ')})` : '';
        const [{ n: city }] = await t.query(
          `select count(distinct household_id)::int as n from household_need_status where status in (${needStatus.map((x) => `'${x}'`).join(', ')}) ${byType}`,
        );
        expect((await ok(COUNT, { f }, 'admin')).households.totalCount, JSON.stringify(f)).toBe(city);
        // The partner's count, from the needs' statuses as it is served them (its scope, the interventions it may see).
        const partner = ngoNeeds.filter((h) => h.needs.some((n) => needStatus.includes(n.status) && (!needType || needType.includes(n.type)))).length;
        expect((await ok(COUNT, { f }, 'ngo')).households.totalCount, `ngo ${JSON.stringify(f)}`).toBe(partner);
      }
    }
  });

  it('combines with scope: a partner counts only its assigned households', async () => {
    const ngo = (await ok(COUNT, { f: { needStatus: ['UNMET', 'PLANNED', 'SERVED'] } }, 'ngo')).households.totalCount as number;
    const [{ n }] = await t.query(
      `select count(distinct a.household_id)::int as n from assignment a join organization o on o.id = a.organization_id
        join household_need hn on hn.household_id = a.household_id
       where o.id = (select organization_id from app_user where username = 'ngo') and a.status in ('REQUESTED', 'ACCEPTED')`,
    );
    expect(ngo).toBe(n);
  });

  it('rejects an unknown need type as bad input', async () => {
    const res = await t.gql(COUNT, { f: { needType: ['NOT_A_NEED'] } }, tokens['admin']);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('exportHouseholds', () => {
  it('exports the filtered, ordered view with Indonesian headers and audits it', async () => {
    const filter = { areaCode: MENTENG, povertyStatus: ['EXTREME_POOR'] };
    const count = (await ok(COUNT, { f: filter }, 'admin')).households.totalCount as number;
    const before = await t.query(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    const out = (await ok(EXPORT, { f: filter, o: { field: 'WELFARE_DECILE', direction: 'DESC' } }, 'admin')).exportHouseholds;
    expect(out.rowCount).toBe(count);
    expect(out.filename).toMatch(/^rumah-tangga-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(out.contentType).toBe('text/csv; charset=utf-8');
    const rows = parse(out.csv);
    expect(rows[0]).toEqual([
      'No. KK', 'Kepala keluarga', 'Kecamatan', 'Kelurahan', 'Alamat', 'RT', 'RW', 'Desil', 'Status kemiskinan',
      'Status verifikasi', 'Jumlah anggota', 'Kebutuhan belum terpenuhi', 'Jenis kebutuhan belum terpenuhi', 'Diperbarui',
    ]);
    expect(rows).toHaveLength(count + 1);
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^\d{16}$/);
      expect(r[3]).toBe('Menteng');
      expect(r[8]).toBe('Miskin ekstrem');
      expect(Number(r[10])).toBeGreaterThan(0);
      // Need types by their Indonesian names, never the API's codes.
      expect(r[12]).not.toMatch(/[A-Z]{2,}_|HEALTH|WATER|FOOD|INCOME|HOUSING/);
    }
    expect(rows.slice(1).some((r) => /Jaminan kesehatan|Air minum|Sanitasi|Rumah layak|Pendapatan|Pangan/.test(r[12]!))).toBe(true);
    const deciles = rows.slice(1).map((r) => Number(r[7]));
    expect(deciles).toEqual([...deciles].sort((a, b) => b - a));

    const after = await t.query(
      `select entity_type, entity_ids, new_values from audit_event where action = 'EXPORT' order by occurred_at desc limit 1`,
    );
    const [{ n: exports }] = await t.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    expect(exports).toBe((before[0]!.n as number) + 1);
    expect(after[0].entity_type).toBe('Household');
    expect(after[0].entity_ids).toHaveLength(count);
    expect(after[0].new_values).toMatchObject({ format: 'CSV', rows: count, tier: 'FULL', address: true, filter });
  });

  it('uses English headers and labels when asked', async () => {
    const out = (await ok(EXPORT, { f: { areaCode: MENTENG }, l: 'EN' }, 'admin')).exportHouseholds;
    expect(out.filename).toMatch(/^households-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(out.csv);
    expect(rows[0]![0]).toBe('KK number');
    expect(rows.slice(1).every((r) => ['Extreme poor', 'Poor', 'Vulnerable', 'Not poor', 'Graduated'].includes(r[8]!))).toBe(true);
  });

  it('separates fields with semicolons for Excel under Indonesian settings, need types labelled in the chosen language', async () => {
    const filter = { areaCode: MENTENG, needType: ['HEALTH_INSURANCE'], needStatus: ['UNMET'] };
    const semicolon = (await ok(EXPORT, { f: filter, s: 'SEMICOLON' }, 'admin')).exportHouseholds;
    const lines = semicolon.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'No. KK;Kepala keluarga;Kecamatan;Kelurahan;Alamat;RT;RW;Desil;Status kemiskinan;Status verifikasi;Jumlah anggota;' +
        'Kebutuhan belum terpenuhi;Jenis kebutuhan belum terpenuhi;Diperbarui',
    );
    expect(lines).toHaveLength(semicolon.rowCount + 1);
    expect(semicolon.rowCount).toBeGreaterThan(0);
    const id = parse(semicolon.csv.replaceAll(';', ','));
    const en = parse((await ok(EXPORT, { f: filter, l: 'EN' }, 'admin')).exportHouseholds.csv);
    for (const [i, r] of id.slice(1).entries()) {
      expect(r[12]).toContain('Jaminan kesehatan');
      expect(en[i + 1]![12]).toContain('Health insurance');
      expect(r[12]).not.toMatch(/[A-Z]{2,}_/);
    }
    const [event] = await t.query(`select new_values from audit_event where action = 'EXPORT' order by id desc limit 1`);
    expect(event!.new_values).toMatchObject({ separator: 'COMMA' });
  });

  it('keeps the partner scope and the masking of the API', async () => {
    const ngoCount = (await ok(COUNT, {}, 'ngo')).households.totalCount as number;
    const ngo = parse((await ok(EXPORT, {}, 'ngo')).exportHouseholds.csv);
    expect(ngo).toHaveLength(ngoCount + 1);
    expect(ngo.slice(1).every((r) => /^\*{12}\d{4}$/.test(r[0]!))).toBe(true);
    expect(ngo.slice(1).some((r) => r[4] !== '')).toBe(true);

    const csr = parse((await ok(EXPORT, {}, 'csr')).exportHouseholds.csv);
    expect(csr.length).toBeGreaterThan(1);
    expect(csr.slice(1).every((r) => r[4] === '' && r[5] === '' && r[6] === '' && /^\*{12}\d{4}$/.test(r[0]!))).toBe(true);

    const lurah = parse((await ok(EXPORT, {}, 'lurah.menteng')).exportHouseholds.csv);
    expect(lurah.slice(1).every((r) => r[3] === 'Menteng')).toBe(true);
  });

  it('writes a typed-in value that starts like a formula as text', async () => {
    const [h] = await t.query<{ id: string; version: number; kk_number: string }>(
      `select h.id, h.version, h.kk_number from household h join area a on a.id = h.area_id where a.code = ? order by h.kk_number limit 1`,
      [MENTENG],
    );
    const updated = await t.gql(
      'mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }',
      { i: { id: h!.id, version: h!.version, address: '=HYPERLINK("http://evil.example","klik")' } },
      tokens['admin'],
    );
    expect(updated.errors).toBeUndefined();
    const rows = parse((await ok(EXPORT, { f: { search: h!.kk_number } }, 'admin')).exportHouseholds.csv);
    expect(rows[1]![4]).toBe(`'=HYPERLINK("http://evil.example","klik")`);
  });

  it('answers bad input without writing an audit event', async () => {
    const before = await t.query(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    const res = await t.gql(EXPORT, { f: { decileMin: 0 } }, tokens['dinsos']);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.decileMin' });
    const after = await t.query(`select count(*)::int as n from audit_event where action = 'EXPORT'`);
    expect(after[0].n).toBe(before[0].n);
  });
});
