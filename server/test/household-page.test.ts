import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOVERNMENT_ORGANIZATION_TYPES } from '../src/auth/policy.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

// Every field the page's single statement feeds (household-page.ts), through a named fragment and an
// inline fragment as a client may write them, with the fields each role sees masked or withheld.
const FRAGMENTS = `
fragment Org on Organization { id name shortName type contactEmail contactPhone address createdAt updatedAt }
fragment Member on Person {
  id name sex relation educationLevel schoolEnrolled disability occupation employmentStatus jknStatus pregnant
  leftOn leftReason leftNote version createdAt updatedAt nik nikPending birthDate birthYear age ageMonths
}
fragment Node on Household {
  id kkNumber address rt rw latitude longitude welfareDecile povertyStatus monthlyExpenditurePerCapita version createdAt updatedAt
  area { id code name level population hasBoundary parent { code } }
  members { ...Member }
  ... on Household { formerMembers { ...Member } head { id name nik } }
  interventions {
    id status plannedOn deliveredOn periodKey quantity valueRp note verifiedAt cancelledAt cancelReason version createdAt updatedAt
    person { id name }
    organization { ...Org }
    program {
      id name description focusAspects strategy needTypes targetUnit targetMinAgeMonths targetMaxAgeMonths targetSex
      deliveryUnit frequency startsOn endsOn budgetRp quota createdAt updatedAt owner { ...Org }
    }
  }
}`;

const PAGE = `query ($n: Int!) { households(first: $n) { edges { node { ...Node } } } } ${FRAGMENTS}`;

async function lastDisclosure(username: string): Promise<string[]> {
  const [row] = await t.query<{ entity_ids: string[] }>(
    `select e.entity_ids from audit_event e join app_user u on u.id = e.actor_id
      where e.action = 'PII_READ' and u.username = ? order by e.occurred_at desc limit 1`,
    [username],
  );
  return [...row!.entity_ids].sort();
}

describe('the household page in one statement', () => {
  it.each(['admin', 'ngo', 'lurah.menteng'])('%s: returns and audits what the loaders return for the same households', async (username) => {
    const token = await t.login(username);
    const page = await t.gql(PAGE, { n: 60 }, token);
    expect(page.errors).toBeUndefined();
    const nodes = page.data.households.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    // The comparison proves something only if the page carries every kind of child.
    expect(nodes.some((n: any) => n.interventions.some((i: any) => i.program.owner))).toBe(true);
    expect(nodes.every((n: any) => n.members.length > 0 && n.area)).toBe(true);
    const pageDisclosed = await lastDisclosure(username);

    // The same households by id (`household(id)`), which no lookahead serves: the loader path, in
    // requests of a dozen (the alias limit), whose disclosures together are the page's.
    const loaded: any[] = [];
    const disclosed = new Set<string>();
    for (let start = 0; start < nodes.length; start += 12) {
      const ids = nodes.slice(start, start + 12).map((n: any) => n.id);
      const res = await t.gql(`query { ${ids.map((id: string, i: number) => `h${i}: household(id: "${id}") { ...Node }`).join('\n')} } ${FRAGMENTS}`, {}, token);
      expect(res.errors).toBeUndefined();
      loaded.push(...ids.map((_: string, i: number) => res.data[`h${i}`]));
      for (const id of await lastDisclosure(username)) disclosed.add(id);
    }
    expect(nodes).toEqual(loaded);
    expect(pageDisclosed).toEqual([...disclosed].sort());

    // Masking and partner visibility hold on the page itself.
    const members = nodes.flatMap((n: any) => n.members);
    if (username === 'ngo') {
      expect(members.every((m: any) => /^\*+$/.test(m.nik ?? '*') && m.birthDate === null)).toBe(true);
      expect(nodes.every((n: any) => n.kkNumber.includes('*'))).toBe(true);
      const [ngo] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
      const foreign = nodes
        .flatMap((n: any) => n.interventions)
        .filter((i: any) => i.organization.id !== ngo!.organization_id && !GOVERNMENT_ORGANIZATION_TYPES.includes(i.organization.type));
      expect(foreign).toEqual([]);
    } else {
      expect(members.some((m: any) => /^\d{16}$/.test(m.nik ?? '') && m.birthDate)).toBe(true);
    }
    if (username === 'lurah.menteng') expect(nodes.every((n: any) => n.area.code.startsWith('62.71.03.1002'))).toBe(true);
  });
});

// The peer bench's page (test/bench/peer.mjs): few child fields, so the statement reads few columns.
const NARROW = `fragment Narrow on Household {
  id kkNumber area { name } members { nik name } head { nikPending age }
  interventions { status program { name owner { name } } }
}`;

/** The response to `query` and the text of the first statement it sent that `pick` chooses. */
async function withStatement(query: string, variables: Record<string, unknown>, token: string, pick: (sql: string) => boolean) {
  const sent: Array<{ sql: string; bindings?: unknown[] }> = [];
  const knex = t.db.orm.em.getKnex();
  const listen = (q: { sql: string; bindings?: unknown[] }) => sent.push(q);
  knex.on('query', listen);
  try {
    const res = await t.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    // A caller that needs only the response may pick nothing.
    const found = sent.find((q) => pick(q.sql));
    return { res, statement: found?.sql as string, bindings: found?.bindings ?? [] };
  } finally {
    knex.off('query', listen);
  }
}

/** The page statement's text and the page, for `query`. */
const pageWithStatement = (query: string, variables: Record<string, unknown>, token: string) =>
  withStatement(query, variables, token, (sql) => sql.includes('"__members"'));

/** The page's nodes read again through `household(id)` (the loader path), 12 per request, and the ids those reads disclosed. */
async function viaLoaders(username: string, token: string, nodes: any[], fragment: string, name: string) {
  const loaded: any[] = [];
  const disclosed = new Set<string>();
  for (let start = 0; start < nodes.length; start += 12) {
    const ids = nodes.slice(start, start + 12).map((n: any) => n.id);
    const res = await t.gql(`query { ${ids.map((id: string, i: number) => `h${i}: household(id: "${id}") { ...${name} }`).join('\n')} } ${fragment}`, {}, token);
    expect(res.errors).toBeUndefined();
    loaded.push(...ids.map((_: string, i: number) => res.data[`h${i}`]));
    for (const id of await lastDisclosure(username)) disclosed.add(id);
  }
  return { loaded, disclosed: [...disclosed].sort() };
}

describe('children read with only the columns the selection needs', () => {
  it.each(['admin', 'ngo'])('%s: a narrow page reads fewer columns and returns and audits what the loaders return', async (username) => {
    const token = await t.login(username);
    // Trimmed: a member's occupation and an intervention's note are not read; the full page reads them.
    const { statement: full } = await pageWithStatement(PAGE, { n: 5 }, token);
    expect(full).toMatch(/"occupation"/);
    expect(full).toMatch(/"note"/);
    // The referenced rows likewise: a program's budget, an organisation's e-mail, an area's population.
    expect(full).toMatch(/"budget_rp"/);
    expect(full).toMatch(/"contact_email"/);
    expect(full).toMatch(/"population"/);
    const { res: page, statement } = await pageWithStatement(`query ($n: Int!) { households(first: $n) { edges { node { ...Narrow } } } } ${NARROW}`, { n: 60 }, token);
    expect(statement).not.toMatch(/"occupation"|"note"/);
    expect(statement).not.toMatch(/"budget_rp"|"description"|"focus_aspects"|"contact_email"|"short_name"|"population"|boundary/);
    // An organisation's type decides with its id whether a partner sees an intervention: never trimmed.
    expect(statement).toMatch(/r\."type"/);

    const nodes = page.data.households.edges.map((e: any) => e.node);
    expect(nodes.some((n: any) => n.interventions.some((i: any) => i.program.owner)) && nodes.every((n: any) => n.members.length)).toBe(true);
    const pageDisclosed = await lastDisclosure(username);
    const { loaded, disclosed } = await viaLoaders(username, token, nodes, NARROW, 'Narrow');
    expect(nodes).toEqual(loaded);
    expect(pageDisclosed).toEqual(disclosed);
  });

  it.each(['admin', 'ngo'])('%s: a page selecting more of its programs, organisations and areas reads and returns them as the loaders do', async (username) => {
    const token = await t.login(username);
    // The narrow page first: its statement, compiled once and kept, must not be the one this page runs.
    await pageWithStatement(`query { households(first: 20) { edges { node { ...Narrow } } } } ${NARROW}`, {}, token);
    const WIDER = `fragment Wider on Household {
      id area { code population hasBoundary } members { name }
      interventions { status organization { shortName } program { description budgetRp focusAspects startsOn owner { contactEmail address } } }
    }`;
    const { res: page, statement } = await pageWithStatement(`query ($n: Int!) { households(first: $n) { edges { node { ...Wider } } } } ${WIDER}`, { n: 60 }, token);
    // Still trimmed (no member or intervention selects them), yet with what this selection reads.
    expect(statement).not.toMatch(/"occupation"|"note"|"contact_phone"|"quota"/);
    expect(statement).toMatch(/"budget_rp"/);
    expect(statement).toMatch(/"contact_email"/);
    expect(statement).toMatch(/"short_name"/);
    expect(statement).toMatch(/"population"/);
    const nodes = page.data.households.edges.map((e: any) => e.node);
    const programs = nodes.flatMap((n: any) => n.interventions.map((i: any) => i.program));
    expect(programs.length).toBeGreaterThan(5);
    expect(programs.some((p: any) => p.description && p.budgetRp !== null && p.focusAspects.length && p.owner.contactEmail)).toBe(true);
    expect(nodes.every((n: any) => n.area.code && n.area.population !== undefined)).toBe(true);
    const pageDisclosed = await lastDisclosure(username);
    const { loaded, disclosed } = await viaLoaders(username, token, nodes, WIDER, 'Wider');
    expect(nodes).toEqual(loaded);
    expect(pageDisclosed).toEqual(disclosed);
  });

  it.each(['admin', 'ngo'])('%s: an unfiltered page has no values of its own (prepared once per connection); a filtered one keeps its values', async (username) => {
    const token = await t.login(username);
    const { res, statement, bindings } = await pageWithStatement(`query ($n: Int!) { households(first: $n) { edges { node { ...Narrow } } } } ${NARROW}`, { n: 30 }, token);
    expect(res.data.households.edges.length).toBeGreaterThan(0);
    expect(bindings).toEqual([]);
    expect(statement).toMatch(/ limit 31\)/);
    const filtered = await pageWithStatement(`query { households(first: 30, filter: { decileMax: 3 }) { edges { node { ...Narrow } } } } ${NARROW}`, {}, token);
    expect(filtered.bindings).toContain(3);
  });

  it('reads every column when something else in the operation may read the same rows', async () => {
    const token = await t.login('admin');
    const escapes = [
      // The members' household leads back to the page's own rosters.
      `query { households(first: 20) { edges { node { id members { name household { members { id birthDate occupation } } } } } } }`,
      // An intervention's household likewise.
      `query { households(first: 20) { edges { node { id members { name } interventions { status household { members { id birthDate occupation } } } } } } }`,
      // A second root field shares the request's loaders.
      `query { households(first: 20) { edges { node { id members { name } } } } other: households(first: 20) { edges { node { id members { id birthDate occupation } } } } }`,
    ];
    for (const query of escapes) {
      const { res, statement } = await pageWithStatement(query, {}, token);
      expect(statement).toMatch(/"occupation"/);
      const people = JSON.stringify(res.data).match(/"birthDate":"\d{4}-\d\d-\d\d"/g) ?? [];
      expect(people.length).toBeGreaterThan(10);
    }
    // A second root field reading the programs the page refers to, with columns the page does not select.
    const { res, statement } = await pageWithStatement(
      `query { households(first: 20) { edges { node { id members { name } interventions { program { name } } } } } programs(first: 50) { edges { node { id description budgetRp } } } }`,
      {},
      token,
    );
    expect(statement).toMatch(/"budget_rp"/);
    expect(res.data.programs.edges.some((e: any) => e.node.description && e.node.budgetRp !== null)).toBe(true);
  });
});

// Every field of Household that reads only its own row (household-page.ts, HOUSEHOLD_LEAVES).
const LEAVES = `fragment Leaves on Household {
  __typename id kkNumber address rt rw latitude longitude welfareDecile povertyStatus monthlyExpenditurePerCapita
  floorType wallType roofType drinkingWater sanitation electricity homeOwnership dataSources { source date }
  verificationStatus verifiedAt version createdAt updatedAt area { id }
}`;

/** The page's statement: the households' own columns are those of its keyset page. */
const householdPage = (query: string, variables: Record<string, unknown>, token: string) =>
  withStatement(query, variables, token, (sql) => /"h"\."kk_number"/.test(sql) && sql.includes('limit'));

describe("the households' own columns", () => {
  it.each(['admin', 'ngo', 'lurah.menteng'])('%s: a page reads only what its fields read, and returns and audits what the loader returns', async (username) => {
    const token = await t.login(username);
    const { statement: narrow } = await householdPage(`query { households(first: 5) { edges { node { id kkNumber area { name } } } } }`, {}, token);
    expect(narrow).not.toMatch(/data_sources|welfare_decile|address/);
    const { res: page, statement } = await householdPage(`query ($n: Int!) { households(first: $n) { edges { node { ...Leaves } } } } ${LEAVES}`, { n: 40 }, token);
    // verified_by_id is no field's: a page that reads only what its fields read leaves it out.
    expect(statement).not.toMatch(/verified_by_id/);
    const nodes = page.data.households.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    const pageDisclosed = await lastDisclosure(username);
    const { loaded, disclosed } = await viaLoaders(username, token, nodes, LEAVES, 'Leaves');
    expect(nodes).toEqual(loaded);
    expect(pageDisclosed).toEqual(disclosed);
  });

  it('reads every column for a field not listed, and keeps the order column for the cursors', async () => {
    const token = await t.login('admin');
    const { statement } = await householdPage(`query { households(first: 5) { edges { node { id provenance { field } } } } }`, {}, token);
    expect(statement).toMatch(/verified_by_id/);
    // Ordered by a column no selected field reads: the cursors still carry it, and the pages walk as
    // they do when every column is read.
    const walk = async (node: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 3; i++) {
        const { res } = await householdPage(
          `query ($after: String) { households(first: 7, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) { edges { node { ${node} } } pageInfo { endCursor } } }`,
          { after },
          token,
        );
        ids.push(...res.data.households.edges.map((e: any) => e.node.id));
        after = res.data.households.pageInfo.endCursor;
      }
      return ids;
    };
    const narrow = await walk('id');
    expect(narrow).toHaveLength(21);
    expect(narrow).toEqual(await walk('id provenance { field }'));
  });
});
