import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT } from '../src/graphql/connection.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * A kelurahan officer's name-search count from household_search_candidates (0045): every viewer's count
 * is the per-member search's bounded count, and the security-definer function tells a caller nothing its
 * household policy hides, whatever areas, pattern or settings it is given.
 */
let t: TestServer;
let conn: pg.Client;
const tokens: Record<string, string> = {};
const MENTENG = '62.71.03.1002';
const FUNCTION = 'household_search_candidates(text, boolean, uuid[], integer)';
const COUNT = 'query ($f: HouseholdFilter) { households(first: 0, filter: $f) { totalCount totalCountIsExact } }';
/** Each viewer's household scope, as SQL over `h` (policy.householdScope). */
const SCOPES = {
  admin: 'true',
  bappeda: 'true',
  'lurah.menteng': `h.area_id in (select id from area where code = '${MENTENG}' or code like '${MENTENG}.%')`,
  ngo: `exists (select 1 from assignment a join app_user u on u.organization_id = a.organization_id
                 where u.username = 'ngo' and a.household_id = h.id
                   and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)`,
} as const;
type Username = keyof typeof SCOPES;
let other: { id: string; code: string };

/** `n` copies of a household of the kelurahan `code`, each with one member named `name <n>`. */
async function copies(code: string, n: number, name: string, kkPrefix: string) {
  await t.query(
    `with copies as (
       insert into household
       select (jsonb_populate_record(null::household,
                 to_jsonb(h) || jsonb_build_object('id', gen_random_uuid(), 'kk_number', ? || lpad(g::text, 14, '0')))).*
         from (select h.* from household h join area a on a.id = h.area_id where a.code = ? limit 1) h,
              generate_series(1, ?) g
       returning id, kk_number)
     insert into person
     select (jsonb_populate_record(null::person, to_jsonb(p) || jsonb_build_object(
               'id', gen_random_uuid(), 'household_id', c.id, 'nik', ? || right(c.kk_number, 14),
               'name', ? || ' ' || ltrim(right(c.kk_number, 14), '0')))).*
       from copies c, (select p.* from person p where p.nik is not null limit 1) p`,
    [kkPrefix, code, n, kkPrefix.replace('9', '8'), name],
  );
}

beforeAll(async () => {
  t = await startTestServer();
  conn = (await t.db.orm.em.getKnex().client.acquireConnection()) as pg.Client;
  for (const u of Object.keys(SCOPES)) tokens[u] = await t.login(u);
  [other] = await t.query<{ id: string; code: string }>(
    `select a.id, a.code from area a where a.level = 'KELURAHAN' and a.code <> ? and exists (select 1 from household h where h.area_id = a.id) order by a.code limit 1`,
    [MENTENG],
  );
  // More matches than the bound in Menteng, and some in another kelurahan; names with LIKE's metacharacters.
  await copies(MENTENG, SEARCH_COUNT_LIMIT + 5, 'Qowizal', '96');
  await copies(other!.code, 40, 'Qowizal', '95');
  await copies(MENTENG, 3, 'Pe%r_se\\ni', '94');
  await copies(other!.code, 3, 'Pe%r_se\\ni', '93');
}, 300_000);
afterAll(async () => {
  await t.db.orm.em.getKnex().client.releaseConnection(conn);
  await t.close();
});

async function apiCount(username: Username, filter: Record<string, unknown>) {
  const res = await t.gql(COUNT, { f: filter }, tokens[username]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.households as { totalCount: number; totalCountIsExact: boolean };
}

/** The per-member search's count over the viewer's scope (and area), bounded as the API bounds it. */
async function plainCount(username: Username, search: string, areaCode?: string) {
  const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const area = areaCode ? `and h.area_id in (select id from area where code = ? or code like ?)` : '';
  const [{ n }] = await t.query<{ n: number }>(
    `select count(*)::int as n from household h
      where ${SCOPES[username]} ${area}
        and (h.address ilike ? or exists (select 1 from person s where s.household_id = h.id and s.name ilike ?))`,
    [...(areaCode ? [areaCode, `${areaCode}.%`] : []), pattern, pattern],
  );
  return { totalCount: Math.min(n, SEARCH_COUNT_LIMIT), totalCountIsExact: n <= SEARCH_COUNT_LIMIT };
}

/** The function's rows, called as the application role with the given viewer settings. */
async function candidates(settings: { role: string; areaCode?: string; orgId?: string }, args: [string, boolean, string[] | null, number]) {
  await conn.query('begin');
  try {
    await conn.query(`select set_config('sinergi.role', $1, true), set_config('sinergi.area_code', $2, true), set_config('sinergi.org_id', $3, true)`, [
      settings.role,
      settings.areaCode ?? '',
      settings.orgId ?? '',
    ]);
    const rows = (await conn.query(`select * from household_search_candidates($1, $2, $3, $4) id`, args)).rows as { id: string }[];
    // What the household policy shows the same viewer, for comparison.
    const visible = (await conn.query(`select id from household`)).rows as { id: string }[];
    return { ids: rows.map((r) => r.id), visible: new Set(visible.map((r) => r.id)) };
  } finally {
    await conn.query('rollback');
  }
}

describe('household_search_candidates (0045)', () => {
  it('gives every viewer the per-member search\'s bounded count', async () => {
    const searches = ['qowizal', 'Qowizal 1', 'QOWIZAL 100', 'zzzq', 'sari', 'jl', '%', '_', '\\', 'e%r_s', 'se\\n', 'Pe%r', 'i\nQ'];
    for (const username of Object.keys(SCOPES) as Username[]) {
      for (const search of searches) {
        for (const areaCode of [undefined, MENTENG, other.code, '62.71.03']) {
          const filter = areaCode ? { search, areaCode } : { search };
          expect({ username, search, areaCode, ...(await apiCount(username, filter)) }).toEqual({
            username,
            search,
            areaCode,
            ...(await plainCount(username, search, areaCode)),
          });
        }
      }
    }
    // With another filter the count does not stop at the first candidates (they could fail it): the last
    // 600 copies, in the order they were written, are re-ranked, and all of them are counted.
    await t.query(`update household set welfare_decile = 10 where kk_number like '96%' and right(kk_number, 14)::int > ?`, [SEARCH_COUNT_LIMIT + 5 - 600]);
    const [{ n: tenth }] = await t.query<{ n: number }>(
      `select count(*)::int as n from household h join area a on a.id = h.area_id
        where a.code = ? and h.welfare_decile = 10 and exists (select 1 from person s where s.household_id = h.id and s.name ilike '%qowizal%')`,
      [MENTENG],
    );
    expect(tenth).toBeGreaterThanOrEqual(600);
    expect(await apiCount('lurah.menteng', { search: 'qowizal', decileMin: 10 })).toEqual({ totalCount: tenth, totalCountIsExact: true });
    // Both sides of the bound are reached for the officer.
    expect(await apiCount('lurah.menteng', { search: 'qowizal' })).toEqual({ totalCount: SEARCH_COUNT_LIMIT, totalCountIsExact: false });
    expect(await apiCount('lurah.menteng', { search: 'zzzq' })).toEqual({ totalCount: 0, totalCountIsExact: true });
  }, 600_000);

  it('is the officer\'s path: a household missing from household_search is no candidate', async () => {
    const before = await apiCount('lurah.menteng', { search: 'Qowizal 7' });
    const [row] = await t.query<Record<string, unknown>>(
      `delete from household_search s using person p
        where p.household_id = s.household_id and p.name = 'Qowizal 7' and s.area_id in (select id from area where code = ?)
        returning s.*`,
      [MENTENG],
    );
    try {
      expect(await apiCount('lurah.menteng', { search: 'Qowizal 7' })).toEqual({ totalCount: before.totalCount - 1, totalCountIsExact: true });
    } finally {
      await t.query(`insert into household_search select (jsonb_populate_record(null::household_search, ?::jsonb)).*`, [JSON.stringify(row)]);
    }
    expect(await apiCount('lurah.menteng', { search: 'Qowizal 7' })).toEqual(before);
  });

  it('tells a caller nothing outside what its household policy shows', async () => {
    const [{ menteng }] = await t.query<{ menteng: string }>(`select id as menteng from area where code = ?`, [MENTENG]);
    const [{ n: elsewhere }] = await t.query<{ n: number }>(
      `select count(*)::int as n from household_search where area_id = ? and names ilike '%qowizal%'`,
      [other.id],
    );
    expect(elsewhere).toBe(40);
    const officer = { role: 'KELURAHAN_OFFICER', areaCode: MENTENG };
    // Another kelurahan's households, asked for by area: none, though 40 match.
    expect((await candidates(officer, ['%qowizal%', true, [other.id], 5000])).ids).toEqual([]);
    expect((await candidates(officer, ['%', true, [other.id], 5000])).ids).toEqual([]);
    // Its own areas: the matches, all of them its own, up to the limit.
    const own = await candidates(officer, ['%qowizal%', true, null, 5000]);
    expect(own.ids).toHaveLength(SEARCH_COUNT_LIMIT + 5);
    expect(own.ids.every((id) => own.visible.has(id))).toBe(true);
    expect((await candidates(officer, ['%qowizal%', true, [menteng, other.id], 10])).ids).toHaveLength(10);
    expect((await candidates(officer, ['%qowizal%', true, null, -1])).ids).toEqual([]);
    // A member's name, not the names joined: a pattern spanning two members finds no household.
    expect((await candidates(officer, ['%1\nqowizal%', false, null, 5000])).ids).toEqual([]);
    // Any other viewer, or none, gets nothing; an officer of another area only what its policy shows.
    const [{ org }] = await t.query<{ org: string }>(`select organization_id as org from app_user where username = 'ngo'`);
    for (const settings of [{ role: 'ADMIN' }, { role: 'AGENCY_STAFF' }, { role: 'NGO_PARTNER', orgId: org }, { role: '' }, { role: 'KELURAHAN_OFFICER' }]) {
      expect({ settings, ids: (await candidates(settings, ['%', true, null, 5000])).ids }).toEqual({ settings, ids: [] });
    }
    // The settings are the API's (set per transaction for the signed-in viewer): with any of them the
    // function returns only households the same settings show, as the policy applies the same test.
    for (const areaCode of [other.code, '62.71.03', '%', '']) {
      const found = await candidates({ role: 'KELURAHAN_OFFICER', areaCode }, ['%', true, null, 100_000]);
      expect({ areaCode, hidden: found.ids.filter((id) => !found.visible.has(id)) }).toEqual({ areaCode, hidden: [] });
      expect({ areaCode, n: found.ids.length }).toEqual({ areaCode, n: found.visible.size });
    }
  });

  it('runs with its owner\'s rights, a fixed search_path, and only for the application role', async () => {
    const [fn] = await t.query<{ definer: boolean; volatility: string; config: string[]; owner: string; table_owner: string }>(
      `select p.prosecdef as definer, p.provolatile as volatility, p.proconfig as config, pg_get_userbyid(p.proowner) as owner,
              (select pg_get_userbyid(c.relowner) from pg_class c where c.oid = 'household_search'::regclass) as table_owner
         from pg_proc p where p.oid = ?::regprocedure`,
      [FUNCTION],
    );
    expect(fn).toMatchObject({ definer: true, volatility: 's', owner: fn!.table_owner });
    expect(fn!.config).toContain('search_path=public, pg_temp');
    const stranger = `probe_${randomUUID().replace(/-/g, '')}`;
    await t.query(`create role ${stranger} nologin`);
    try {
      const [may] = await t.query<{ app: boolean; stranger: boolean; public: boolean }>(
        `select has_function_privilege('sinergi_app', ?, 'execute') as app, has_function_privilege(?, ?, 'execute') as stranger,
                exists (select 1 from pg_proc p, aclexplode(p.proacl) a where p.oid = ?::regprocedure and a.grantee = 0) as public`,
        [FUNCTION, stranger, FUNCTION, FUNCTION],
      );
      expect(may).toEqual({ app: true, stranger: false, public: false });
    } finally {
      await t.query(`drop role ${stranger}`);
    }
  });
});
