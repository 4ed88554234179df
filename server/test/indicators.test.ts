import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as todayInCity } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let bappeda: string;
let dinkes: string;
let cityId: string;
let mentengId: string;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
  bappeda = await t.login('bappeda');
  dinkes = await t.login('dinkes');
  cityId = (await t.gql('{ area(code: "62.71") { id } }', {}, admin)).data.area.id;
  mentengId = (await t.gql('{ area(code: "62.71.03.1002") { id } }', {}, admin)).data.area.id;
});
afterAll(() => t.close());

const UPSERT = `mutation ($i: UpsertIndicatorValueInput!) {
  upsertIndicatorValue(input: $i) { id indicator year quarter value source area { code } }
}`;

async function counts() {
  const [row] = await t.query<{ values: string; events: string }>(
    `select (select count(*) from indicator_value) as values,
            (select count(*) from audit_event where entity_type = 'IndicatorValue') as events`,
  );
  return row!;
}

const input = (overrides: Record<string, unknown> = {}) => ({
  areaId: cityId,
  indicator: 'INFLATION_YOY_PCT',
  year: 2025,
  quarter: 1,
  value: 2.41,
  source: 'BPS Kota Palangka Raya (IHK)',
  ...overrides,
});

describe('upsertIndicatorValue', () => {
  it('creates a figure, then replaces it for the same period, auditing both with old and new values', async () => {
    const before = await counts();
    const created = await t.gql(UPSERT, { i: input() }, bappeda);
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertIndicatorValue).toMatchObject({ indicator: 'INFLATION_YOY_PCT', year: 2025, quarter: 1, value: 2.41, area: { code: '62.71' } });

    const updated = await t.gql(UPSERT, { i: input({ value: 2.57, source: 'BPS Kota Palangka Raya (IHK, revisi)' }) }, admin);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.upsertIndicatorValue).toMatchObject({ id: created.data.upsertIndicatorValue.id, value: 2.57 });

    const after = await counts();
    expect(Number(after.values)).toBe(Number(before.values) + 1);
    expect(Number(after.events)).toBe(Number(before.events) + 2);
    const rows = await t.query<{ value: string; source: string }>(
      `select value, source from indicator_value where area_id = ? and indicator = 'INFLATION_YOY_PCT' and year = 2025 and quarter = 1`,
      [cityId],
    );
    expect(rows).toEqual([{ value: '2.5700', source: 'BPS Kota Palangka Raya (IHK, revisi)' }]);

    const events = await t.query<any>(
      `select action, entity_ids, old_values, new_values from audit_event where entity_type = 'IndicatorValue' order by id desc limit 2`,
    );
    expect(events[1]).toMatchObject({ action: 'CREATE', entity_ids: [created.data.upsertIndicatorValue.id, cityId] });
    expect(events[1].new_values).toMatchObject({ value: 2.41, year: 2025, quarter: 1, indicator: 'INFLATION_YOY_PCT' });
    expect(events[0].action).toBe('UPDATE');
    expect(events[0].old_values).toMatchObject({ value: 2.41, source: 'BPS Kota Palangka Raya (IHK)' });
    expect(events[0].new_values).toMatchObject({ value: 2.57, source: 'BPS Kota Palangka Raya (IHK, revisi)' });

    const listed = await t.gql('{ indicatorValues(areaCode: "62.71", indicator: INFLATION_YOY_PCT, year: 2025) { value area { code } } }', {}, admin);
    expect(listed.data.indicatorValues).toContainEqual({ value: 2.57, area: { code: '62.71' } });
  });

  it('refuses bad values with the field named, and writes nothing', async () => {
    const today = todayInCity();
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    // The next quarter has not started: it is next year's first one in the fourth quarter.
    const next = quarter === 4 ? { year: year + 1, quarter: 1, field: 'input.year' } : { year, quarter: quarter + 1, field: 'input.quarter' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ indicator: 'STUNTING_PREVALENCE_PCT', value: 100.5 }, 'input.value'],
      [{ indicator: 'STUNTING_PREVALENCE_PCT', value: -0.1 }, 'input.value'],
      [{ indicator: 'P3DN_SHARE_PCT', value: 101 }, 'input.value'],
      [{ indicator: 'INVESTMENT_REALISATION_RP', value: -1 }, 'input.value'],
      [{ indicator: 'INFLATION_YOY_PCT', value: -100.01 }, 'input.value'],
      [{ indicator: 'INFLATION_YOY_PCT', value: 1000.5 }, 'input.value'],
      [{ year: 1999 }, 'input.year'],
      [{ year: year + 1 }, 'input.year'],
      [{ year: 2025.5 }, 'i.year'], // not an Int: refused by GraphQL itself
      [{ quarter: 0 }, 'input.quarter'],
      [{ quarter: 5 }, 'input.quarter'],
      [{ year: next.year, quarter: next.quarter }, next.field],
      [{ source: ' x ' }, 'input.source'],
      [{ source: 's'.repeat(301) }, 'input.source'],
    ];
    const before = await counts();
    for (const [change, field] of cases) {
      const res = await t.gql(UPSERT, { i: input({ year: 2024, quarter: 3, ...change }) }, bappeda);
      const ext = res.errors?.[0]?.extensions as { code?: string; field?: string } | undefined;
      if (field.startsWith('i.')) expect(ext?.code, JSON.stringify(change)).toBe('BAD_USER_INPUT');
      else expect(ext, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.data?.upsertIndicatorValue ?? null).toBeNull();
    }
    const missing = await t.gql(UPSERT, { i: input({ areaId: '00000000-0000-4000-8000-00000000beef' }) }, bappeda);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.areaId' });
    // An id of the wrong form is bad input, refused before the operation runs.
    const notUuid = await t.gql(UPSERT, { i: input({ areaId: 'kota' }) }, bappeda);
    expect(notUuid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaId' });
    expect(await counts()).toEqual(before);
  });

  it('lets an agency record only the aspects its programs work on: dinkes stunting yes, inflation no', async () => {
    const stunting = await t.gql(
      UPSERT,
      { i: input({ areaId: mentengId, indicator: 'STUNTING_PREVALENCE_PCT', year: 2023, quarter: 4, value: 24.3, source: 'e-PPGBM Dinas Kesehatan' }) },
      dinkes,
    );
    expect(stunting.errors).toBeUndefined();
    expect(stunting.data.upsertIndicatorValue).toMatchObject({ indicator: 'STUNTING_PREVALENCE_PCT', value: 24.3 });

    const before = await counts();
    const inflation = await t.gql(UPSERT, { i: input({ areaId: mentengId, year: 2023, quarter: 4 }) }, dinkes);
    expect(inflation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Dinas Sosial's programs are social protection only; officers, partners and auditors never record.
    for (const username of ['dinsos', 'lurah.menteng', 'ngo', 'csr', 'inspektorat']) {
      const res = await t.gql(UPSERT, { i: input({ indicator: 'STUNTING_PREVALENCE_PCT', value: 20 }) }, await t.login(username));
      expect(res.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('derives ownership from the data: a new inflation program of Dinas Sosial lets it record inflation', async () => {
    const dinsos = await t.login('dinsos');
    const refused = await t.gql(UPSERT, { i: input({ year: 2024, quarter: 2 }) }, dinsos);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [org] = await t.query<{ id: string }>(`select organization_id as id from app_user where username = 'dinsos'`);
    const program = await t.gql(
      `mutation ($i: CreateProgramInput!) { createProgram(input: $i) { id } }`,
      {
        i: {
          ownerId: org!.id,
          name: 'Operasi Pasar Sosial',
          focusAspects: ['INFLATION', 'SOCIAL_PROTECTION'],
          strategy: 'REDUCE_EXPENDITURE',
          targetUnit: 'HOUSEHOLD',
          deliveryUnit: 'paket',
          frequency: 'MONTHLY',
          startsOn: '2025-01-01',
        },
      },
      bappeda,
    );
    expect(program.errors).toBeUndefined();
    const allowed = await t.gql(UPSERT, { i: input({ year: 2024, quarter: 2 }) }, dinsos);
    expect(allowed.errors).toBeUndefined();
  });

  it('concurrent first writers of one period leave exactly one row', async () => {
    const values = [3.1, 3.2, 3.3, 3.4];
    const results = await Promise.all(
      values.map((value) => t.gql(UPSERT, { i: input({ year: 2022, quarter: 2, value }) }, bappeda)),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const rows = await t.query<{ value: string }>(
      `select value from indicator_value where area_id = ? and indicator = 'INFLATION_YOY_PCT' and year = 2022 and quarter = 2`,
      [cityId],
    );
    expect(rows).toHaveLength(1);
    expect(values).toContain(Number(rows[0]!.value));
    expect(new Set(results.map((r) => r.data.upsertIndicatorValue.id)).size).toBe(1);
  });
});
