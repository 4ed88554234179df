import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

// Pickers of organisations, programs and partners ask the server with what the user typed, instead of
// loading the first hundred options.
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = await t.login('bappeda');
});
afterAll(() => t.close());

async function names(query: string, filter: Record<string, unknown>): Promise<string[]> {
  const res = await t.gql(query, { f: filter }, token);
  expect(res.errors).toBeUndefined();
  const list = Object.values(res.data as Record<string, { edges: { node: { name: string } }[] }>)[0]!;
  return list.edges.map((e) => e.node.name);
}

const ORGS = 'query ($f: OrganizationFilter) { organizations(filter: $f, first: 20) { edges { node { name } } } }';
const PROGRAMS = 'query ($f: ProgramFilter) { programs(filter: $f, first: 50) { edges { node { name owner { name shortName } } } } }';

describe('server-side option search', () => {
  it('finds organisations by part of the name or short name, case-insensitively, within a type', async () => {
    const [dinkes] = await t.query<{ name: string; short_name: string }>(`select name, short_name from organization where id = (select organization_id from app_user where username = 'dinkes')`);
    expect(await names(ORGS, { search: dinkes!.short_name.toLowerCase() })).toContain(dinkes!.name);
    expect(await names(ORGS, { search: dinkes!.name.slice(6, 14).toUpperCase() })).toContain(dinkes!.name);
    const partners = await names(ORGS, { search: 'a', type: ['NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'] });
    const [{ n }] = await t.query<{ n: number }>(
      `select count(*)::int as n from organization where type not in ('NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR') and name ilike any (?::text[])`,
      [partners],
    );
    expect(n).toBe(0);
    // LIKE wildcards are literal text.
    expect(await names(ORGS, { search: '%' })).toEqual([]);
  });

  it("finds programs by their name or their owner's name or short name", async () => {
    const [p] = await t.query<{ name: string; owner: string; short_name: string }>(
      `select p.name, o.name as owner, o.short_name from program p join organization o on o.id = p.owner_id where o.short_name is not null order by p.name limit 1`,
    );
    expect(await names(PROGRAMS, { search: p!.name.slice(0, 6) })).toContain(p!.name);
    const byOwner = await t.gql(PROGRAMS, { f: { search: p!.short_name } }, token);
    const rows = byOwner.data.programs.edges.map((e: any) => e.node);
    expect(rows.map((r: any) => r.name)).toContain(p!.name);
    expect(rows.every((r: any) => r.name.toLowerCase().includes(p!.short_name.toLowerCase()) || r.owner.shortName === p!.short_name || r.owner.name.toLowerCase().includes(p!.short_name.toLowerCase()))).toBe(true);
  });

  it('finds the partners running a program today for a need, and only those', async () => {
    const partnerTypes = ['NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'];
    const [row] = await t.query<{ need: string }>(
      `select n as need from program p join organization o on o.id = p.owner_id cross join unnest(p.need_types) n
        where o.type in ('NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR') and p.starts_on <= sinergi_today() and (p.ends_on is null or p.ends_on >= sinergi_today()) order by n limit 1`,
    );
    const need = row!.need;
    const res = await t.gql(
      'query ($f: OrganizationFilter) { organizations(filter: $f, first: 50) { totalCount edges { node { name type programNeedTypes } } } }',
      { f: { type: partnerTypes, servesNeed: need } },
      token,
    );
    expect(res.errors).toBeUndefined();
    const serving = res.data.organizations.edges.map((e: any) => e.node);
    expect(serving.length).toBeGreaterThan(0);
    // Each answer's running programs address the need; the filter agrees with what the picker shows.
    expect(serving.every((o: any) => partnerTypes.includes(o.type) && o.programNeedTypes.includes(need))).toBe(true);
    const all = await t.gql(
      'query ($f: OrganizationFilter) { organizations(filter: $f, first: 100) { edges { node { name programNeedTypes } } } }',
      { f: { type: partnerTypes } },
      token,
    );
    const expected = all.data.organizations.edges.filter((e: any) => e.node.programNeedTypes.includes(need)).map((e: any) => e.node.name);
    expect(serving.map((o: any) => o.name)).toEqual(expected);
    expect(expected.length).toBeLessThan(all.data.organizations.edges.length);
    // Combined with the typed text.
    expect(await names(ORGS, { type: partnerTypes, servesNeed: need, search: '%' })).toEqual([]);
  });
});
