import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT } from '../src/graphql/connection.js';
import pg from 'pg';
import { makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';
import { csv, dmy, DTSEN_HEADER, newFamily } from './imports/fixtures.js';
import { commitFile } from './imports/jobs.js';

/**
 * The name search through household_search (0037): the table stays exactly each household's members'
 * names, address and area through inserts, edits, moves and deletes of persons (single and multi-row
 * statements) and edits of households, and the household list's search returns, for every viewer, the
 * households and the count that the per-member predicate it had before gives over that viewer's scope.
 */
let t: TestServer;
const tokens: Record<string, string> = {};
const MENTENG = '62.71.03.1002';
/** Each demo viewer with the scope its role gives (policy.householdScope) and whether it may search by address. */
const VIEWERS = {
  admin: { scope: 'all', address: true },
  bappeda: { scope: 'all', address: true },
  dinsos: { scope: 'all', address: true },
  inspektorat: { scope: 'all', address: true },
  'lurah.menteng': { scope: 'area', address: true },
  ngo: { scope: 'assigned', address: true },
  csr: { scope: 'assigned', address: false },
} as const;
type Username = keyof typeof VIEWERS;

const LIST = `query ($f: HouseholdFilter, $after: String) {
  households(first: 100, after: $after, filter: $f) { totalCount totalCountIsExact edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

beforeAll(async () => {
  t = await startTestServer();
  for (const username of Object.keys(VIEWERS)) tokens[username] = await t.login(username);
});
afterAll(() => t.close());

/** Up to PAGES pages of the viewer's list for `search` (in KK order), and its totalCount alone (`first: 0`). */
const PAGES = 3;
async function searchList(username: Username, search: string) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < PAGES; page++) {
    const res: { data?: any; errors?: unknown } = await t.gql(LIST, { f: { search }, after }, tokens[username]);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    ids.push(...res.data.households.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!res.data.households.pageInfo.hasNextPage) break;
    after = res.data.households.pageInfo.endCursor;
  }
  const count: { data?: any; errors?: unknown } = await t.gql(
    `query ($f: HouseholdFilter) { households(first: 0, filter: $f) { totalCount totalCountIsExact } }`,
    { f: { search } },
    tokens[username],
  );
  if (count.errors) throw new Error(JSON.stringify(count.errors));
  return { ids, total: count.data.households.totalCount as number, exact: count.data.households.totalCountIsExact as boolean };
}

/** The households the search matched before 0037, in KK order: any member's name (or the address) `ilike '%term%'`, in the viewer's scope. */
async function expected(username: Username, search: string): Promise<string[]> {
  const { scope, address } = VIEWERS[username];
  const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const inScope = {
    all: 'true',
    area: `h.area_id in (select id from area where code = '${MENTENG}' or code like '${MENTENG}.%')`,
    assigned: `exists (select 1 from assignment a join app_user u on u.organization_id = a.organization_id
                        where u.username = '${username}' and a.household_id = h.id
                          and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)`,
  }[scope];
  const rows = await t.query<{ id: string }>(
    `select h.id from household h
      where ${inScope}
        and (${address ? 'h.address ilike :p or' : ''} exists (select 1 from person s where s.household_id = h.id and s.name ilike :p))
      order by h.kk_number, h.id`.replace(/:p/g, '?'),
    address ? [pattern, pattern] : [pattern],
  );
  return rows.map((r) => r.id);
}

/** household_search rows that differ from what the households and their persons say (both directions). */
async function stale() {
  return t.query(`
    with truth as (
      select h.id as household_id, h.area_id, h.address,
             coalesce((select string_agg(p.name, E'\\n' order by p.id) from person p where p.household_id = h.id), '') as names
        from household h)
    (select * from truth except select * from household_search)
    union all
    (select * from household_search except select * from truth)`);
}

const pick = <T>(xs: T[], i: number): T => xs[i % xs.length]!;
const nameChars = fc.constantFrom(...'abcdeiklmnorstuwy SARI'.split(''));
const personName = fc.array(nameChars, { minLength: 1, maxLength: 12 }).map((cs) => `${cs.join('').trim() || 'x'} Sari`.trim());

const op = fc.oneof(
  // Several persons, in several households, in one statement (as an import writes them).
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(fc.tuple(fc.nat(), personName), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('rename' as const), who: fc.nat(), name: personName }),
  fc.record({ kind: fc.constant('renameMany' as const), who: fc.nat(), count: fc.integer({ min: 1, max: 4 }), suffix: fc.constantFrom('a', 'Sari', 'x') }),
  fc.record({ kind: fc.constant('move' as const), who: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat() }),
  fc.record({ kind: fc.constant('leave' as const), who: fc.nat() }),
  fc.record({ kind: fc.constant('address' as const), household: fc.nat(), address: fc.constantFrom('Jl. Sari Mulya 3', 'Gang Kenari 12', 'Jl. Ahmad Yani') }),
  fc.record({ kind: fc.constant('area' as const), household: fc.nat(), kelurahan: fc.nat() }),
  fc.record({ kind: fc.constant('households' as const), count: fc.integer({ min: 1, max: 3 }), name: personName }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** New persons like the person `template` (every column copied), with the fields of each element of `rows`, in one statement. */
const insertPersons = (rows: object[], template: string) =>
  t.query(`insert into person select (jsonb_populate_record(p, r.value)).* from person p, jsonb_array_elements(?::jsonb) r where p.id = ?`, [
    JSON.stringify(rows),
    template,
  ]);

async function apply(o: Op, added: string[]) {
  const households = (await t.query<{ id: string }>(`select id from household order by id`)).map((r) => r.id);
  const template = (await t.query<{ id: string }>(`select id from person order by id limit 1`))[0]!.id;
  const digits = () => String(Math.floor(Math.random() * 1e15)).padStart(15, '0');
  switch (o.kind) {
    case 'insert': {
      const rows = o.rows.map(([h, name]) => ({ id: randomUUID(), household_id: pick(households, h), name, nik: `9${digits()}`, relation: 'OTHER' }));
      await insertPersons(rows, template);
      added.push(...rows.map((r) => r.id));
      return;
    }
    case 'rename': {
      const people = (await t.query<{ id: string }>(`select id from person order by id`)).map((r) => r.id);
      await t.query(`update person set name = ? where id = ?`, [o.name, pick(people, o.who)]);
      return;
    }
    case 'renameMany':
      // One statement over persons of several households, some names unchanged.
      await t.query(
        `update person set name = case when length(name) < 190 then name || ' ' || ? else name end
          where id in (select id from person order by id offset ? limit ?)`,
        [o.suffix, o.who % 50, o.count],
      );
      return;
    case 'move':
      // Persons the test added (never a head: one head per household).
      if (added.length) await t.query(`update person set household_id = ? where id = ?`, [pick(households, o.to), pick(added, o.who)]);
      return;
    case 'delete':
      if (added.length) await t.query(`delete from person where id = ?`, [added.splice(o.who % added.length, 1)[0]]);
      return;
    case 'leave':
      // Not a change of name or household: the names stay (the search reads members who left too).
      if (added.length) await t.query(`update person set left_on = current_date, left_reason = 'MOVED_OUT' where id = ? and left_on is null`, [pick(added, o.who)]);
      return;
    case 'address':
      await t.query(`update household set address = ? where id = ?`, [o.address, pick(households, o.household)]);
      return;
    case 'area': {
      const kelurahan = (await t.query<{ id: string }>(`select id from area where level = 'KELURAHAN' order by code`)).map((r) => r.id);
      await t.query(`update household set area_id = ? where id = ?`, [pick(kelurahan, o.kelurahan), pick(households, o.household)]);
      return;
    }
    case 'households': {
      const ids = Array.from({ length: o.count }, () => randomUUID());
      const rows = ids.map((id) => ({ id, kk_number: `9${digits()}` }));
      await t.query(
        `insert into household select (jsonb_populate_record(h, r.value)).* from household h, jsonb_array_elements(?::jsonb) r where h.id = ?`,
        [JSON.stringify(rows), households[0]],
      );
      const people = ids.map((household_id) => ({ id: randomUUID(), household_id, name: o.name, nik: `9${digits()}`, relation: 'OTHER' }));
      await insertPersons(people, template);
      added.push(...people.map((p) => p.id));
      return;
    }
  }
}

describe('household_search (0037)', () => {
  it('holds every household after the backfill', async () => {
    expect(await stale()).toEqual([]);
    const [{ n }] = await t.query<{ n: number }>(`select count(*)::int as n from household_search`);
    expect(n).toBeGreaterThan(0);
  });

  it('stays exact, and the search equals the per-member search for every viewer, through random writes', async () => {
    const added: string[] = [];
    // Search terms: pieces of the names and addresses the city holds, in any case, and across two names.
    const words = (
      await t.query<{ w: string }>(`select distinct name as w from person union select distinct address from household order by 1`)
    ).map((r) => r.w);
    const term = fc.oneof(
      fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 2, max: 6 }), fc.boolean()).map(([w, at, len, upper]) => {
        const word = pick(words, w);
        const piece = word.slice(at % word.length, (at % word.length) + len);
        return upper ? piece.toUpperCase() : piece.toLowerCase();
      }),
      fc.constantFrom('sari', 'SARI', 'i\nS', 'a%', '_a', 'ri S', 'jl.', 'zzzq'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.array(term, { minLength: 1, maxLength: 3 }), async (ops, terms) => {
        for (const o of ops) await apply(o, added);
        expect(await stale()).toEqual([]);
        for (const search of terms) {
          if (!search.trim() || /^\d{4,16}$/.test(search.trim())) continue;
          for (const username of Object.keys(VIEWERS) as Username[]) {
            const want = await expected(username, search);
            const got = await searchList(username, search);
            expect({ username, search, ids: got.ids }).toEqual({ username, search, ids: want.slice(0, PAGES * 100) });
            // A search by name counts to SEARCH_COUNT_LIMIT.
            const bounded = { total: Math.min(want.length, SEARCH_COUNT_LIMIT), exact: want.length <= SEARCH_COUNT_LIMIT };
            expect({ username, search, total: got.total, exact: got.exact }).toEqual({ username, search, ...bounded });
          }
        }
      }),
      { numRuns: 6 },
    );
  }, 900_000);
});

describe('household_search written once per new household by an import (0044)', () => {
  it('a batch inserts each new household row once, with its names; other writers keep the row-then-names path', async () => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      const [area] = (await client.query(`select id from area where code = '${MENTENG}'`)).rows as { id: string }[];
      const [old] = (await client.query(`select id from household order by id limit 1`)).rows as { id: string }[];
      const households = [0, 1, 2].map((n) => ({ id: randomUUID(), kk_number: `627103010141${String(n).padStart(4, '0')}`, area_id: area!.id, address: `Jl. Sekali ${n}`, welfare_decile: 1, poverty_status: 'EXTREME_POOR' }));
      // Household 2 gets no member (its only row held for review); the registered one gets a new member.
      const persons = [households[0]!.id, households[0]!.id, households[1]!.id, old!.id].map((household_id, n) => ({
        id: randomUUID(), household_id, nik: `627103010142${String(n).padStart(4, '0')}`, name: `Warga Sekali ${n}`, sex: 'FEMALE', birth_date: '1990-01-01', relation: n ? 'CHILD' : 'HEAD',
      }));
      const insert = (table: string, list: Record<string, unknown>[]) => {
        const columns = Object.keys(list[0]!).join(', ');
        return client.query(`insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(list)]);
      };
      const writes = async () =>
        (await client.query(`select n_tup_ins::int as ins, n_tup_upd::int as upd from pg_stat_xact_user_tables where relname = 'household_search'`)).rows[0] as { ins: number; upd: number };
      const staleHere = async () =>
        (await client.query(`
          with truth as (select h.id as household_id, h.area_id, h.address,
                                coalesce((select string_agg(p.name, E'\\n' order by p.id) from person p where p.household_id = h.id), '') as names from household h)
          (select * from truth except select * from household_search) union all (select * from household_search except select * from truth)`)).rows;

      // As the import's batch writes them (merge.ts): households, then people, then their search rows.
      await client.query('begin');
      await client.query(`select set_config('sinergi.household_search_later', 'on', true)`);
      await insert('household', households);
      await insert('person', persons);
      await client.query(`select household_search_add($1::uuid[])`, [households.map((h) => h.id)]);
      // Three rows inserted, and only the registered household's row rewritten (its new member).
      expect(await writes()).toEqual({ ins: 3, upd: 1 });
      expect(await staleHere()).toEqual([]);
      expect((await client.query(`select current_setting('sinergi.household_search_later', true) as v`)).rows[0].v).toBe('');
      // Afterwards, in the same transaction, a household insert adds its row at once again (0037), and its
      // member's insert rewrites it.
      const later = { ...households[0]!, id: randomUUID(), kk_number: '6271030101410009' };
      await insert('household', [later]);
      expect(await staleHere()).toEqual([]);
      await insert('person', [{ ...persons[0]!, id: randomUUID(), household_id: later.id, nik: '6271030101420009' }]);
      expect(await writes()).toEqual({ ins: 4, upd: 2 });
      expect(await staleHere()).toEqual([]);
      await client.query('commit');
    } finally {
      await client.end().catch(() => undefined);
    }
    expect(await stale()).toEqual([]);
  });

  it('stays exact through a DTSEN import: new families, one whose only row is held for review, a new member of a registered family', async () => {
    const token = await t.login('admin');
    const families = [newFamily(61), newFamily(62)];
    // A new KK whose only row names a NIK registered in another KK: the household is created, its row held for review.
    const [registered] = await t.query<{ nik: string; name: string; birth: string; sex: string }>(
      `select nik, name, to_char(birth_date, 'YYYY-MM-DD') as birth, sex from person where nik is not null order by nik limit 1`,
    );
    const held = newFamily(63);
    const heldRow = [held.kk, registered!.nik, registered!.name, registered!.sex === 'MALE' ? 'L' : 'P', dmy(registered!.birth), 'Kepala Keluarga', ...held.rows[0]!.slice(6)];
    // A new member of a registered household (no head row: the family's head is not in question).
    const [home] = await t.query<{ id: string; kk: string; address: string; decile: number }>(
      `select h.id, h.kk_number as kk, h.address, h.welfare_decile as decile from household h join area a on a.id = h.area_id
        where a.code = '${MENTENG}' order by h.kk_number limit 1`,
    );
    const nik = makeNik({ regionCode: '627103', sex: 'FEMALE', birthDate: '2015-04-04', serial: 9641 });
    const member = [home!.kk, nik, 'Anggota Baru Sekali', 'P', dmy('2015-04-04'), 'Anak', MENTENG, home!.address, '3', '12', home!.decile, 'Tanah', 'Sumur Tidak Terlindung'];
    await commitFile(t, token, 'dtsen', 'sekali.csv', csv([DTSEN_HEADER, ...families.flatMap((f) => f.rows), heldRow, member]));
    const rows = await t.query<{ kk: string; names: string }>(
      `select h.kk_number as kk, s.names from household h join household_search s on s.household_id = h.id where h.kk_number = any (?) order by 1`,
      [[...families.map((f) => f.kk), held.kk, home!.kk]],
    );
    expect(rows.map((r) => r.kk)).toEqual([...families.map((f) => f.kk), held.kk, home!.kk].sort());
    expect(rows.find((r) => r.kk === held.kk)!.names).toBe('');
    expect(rows.find((r) => r.kk === home!.kk)!.names).toContain('Anggota Baru Sekali');
    expect(await stale()).toEqual([]);
  });
});
