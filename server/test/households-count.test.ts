import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_LIMIT, SEARCH_COUNT_LIMIT } from '../src/graphql/connection.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
const tokens: Record<string, string> = {};
const MENTENG = '62.71.03.1002';
const COUNT = 'query ($f: HouseholdFilter) { households(filter: $f, first: 0) { totalCount totalCountIsExact } }';

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ['admin', 'lurah.menteng', 'ngo']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

async function count(user: string, f: Record<string, unknown> = {}) {
  const res = await t.gql(COUNT, { f }, tokens[user]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.households as { totalCount: number; totalCountIsExact: boolean };
}

describe('totalCount', () => {
  it('is exact up to its limit, and says so', async () => {
    const [{ n }] = await t.query<{ n: string }>('select count(*) as n from household');
    expect(Number(n)).toBeLessThanOrEqual(COUNT_LIMIT);
    expect(await count('admin')).toEqual({ totalCount: Number(n), totalCountIsExact: true });
    const [{ m }] = await t.query<{ m: string }>(
      `select count(*) as m from household h join area a on a.id = h.area_id where a.code = ? or a.code like ?`,
      [MENTENG, `${MENTENG}.%`],
    );
    expect(await count('lurah.menteng')).toEqual({ totalCount: Number(m), totalCountIsExact: true });
  });

  it('stops at its limit when more match, within each viewer\'s scope', async () => {
    const partner = await count('ngo');
    // Copies of a Menteng household, so that the city holds more than the limit and Menteng too.
    await t.query(
      `insert into household
       select (jsonb_populate_record(null::household,
                 to_jsonb(h) || jsonb_build_object('id', gen_random_uuid(), 'kk_number', '99' || lpad(g::text, 14, '0')))).*
         from (select h.* from household h join area a on a.id = h.area_id where a.code = ? limit 1) h,
              generate_series(1, ?) g`,
      [MENTENG, COUNT_LIMIT],
    );
    const capped = { totalCount: COUNT_LIMIT, totalCountIsExact: false };
    expect(await count('admin')).toEqual(capped);
    expect(await count('admin', { areaCode: MENTENG })).toEqual(capped);
    expect(await count('lurah.menteng')).toEqual(capped);
    // Fewer matches stay exact: the copies are nobody's referrals.
    expect(await count('ngo')).toEqual(partner);
    // The copies' counts kept per kelurahan and need type (0035) stop at the same bound, in the same scopes.
    await t.query(
      `insert into household_need (household_id, need_type, rule_version, evidence)
       select id, 'ELECTRICITY', 1, '{}'::jsonb from household where kk_number like '99%' and length(kk_number) = 16`,
    );
    const electricity = { needType: ['ELECTRICITY'] };
    expect(await count('admin', electricity)).toEqual(capped);
    expect(await count('admin', { ...electricity, areaCode: MENTENG })).toEqual(capped);
    expect(await count('lurah.menteng', electricity)).toEqual(capped);
    expect(await count('ngo', electricity)).toEqual(await count('ngo', { ...electricity, decileMin: 1 }));
    const [{ n }] = await t.query<{ n: string }>(`select count(*) as n from household where welfare_decile = 10`);
    expect(Number(n)).toBeLessThanOrEqual(COUNT_LIMIT);
    expect(await count('admin', { decileMin: 10 })).toEqual({ totalCount: Number(n), totalCountIsExact: true });
    // Ten thousand rows written and counted: slow on a busy machine, not a measure of anything.
  }, 300_000);

  it('counts a search by name up to its own, lower bound, within each viewer\'s scope', async () => {
    // Copies of a Menteng household, each with one member named "Qowizal <n>".
    await t.query(
      `with copies as (
         insert into household
         select (jsonb_populate_record(null::household,
                   to_jsonb(h) || jsonb_build_object('id', gen_random_uuid(), 'kk_number', '98' || lpad(g::text, 14, '0')))).*
           from (select h.* from household h join area a on a.id = h.area_id where a.code = ? limit 1) h,
                generate_series(1, ?) g
         returning id, kk_number)
       insert into person
       select (jsonb_populate_record(null::person, to_jsonb(p) || jsonb_build_object(
                 'id', gen_random_uuid(), 'household_id', c.id, 'nik', '97' || right(c.kk_number, 14),
                 'name', 'Qowizal ' || ltrim(right(c.kk_number, 14), '0')))).*
         from copies c, (select p.* from person p where p.nik is not null limit 1) p`,
      [MENTENG, SEARCH_COUNT_LIMIT + 1],
    );
    const capped = { totalCount: SEARCH_COUNT_LIMIT, totalCountIsExact: false };
    expect(await count('admin', { search: 'qowizal' })).toEqual(capped);
    expect(await count('lurah.menteng', { search: 'Qowizal' })).toEqual(capped);
    // Nobody referred them to the partner.
    expect(await count('ngo', { search: 'Qowizal' })).toEqual({ totalCount: 0, totalCountIsExact: true });
    // Under the bound the count stays exact: "Qowizal 1", 10–19, 100–199, 1000 and 1001.
    expect(await count('admin', { search: 'Qowizal 1' })).toEqual({ totalCount: 1 + 10 + 100 + 2, totalCountIsExact: true });
    // The bound is the search's only: the same households without the search count up to COUNT_LIMIT.
    expect((await count('admin', { areaCode: MENTENG })).totalCount).toBeGreaterThan(SEARCH_COUNT_LIMIT);
  }, 300_000);
});
