import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const PAGE = `query ($n: Int!) { households(first: $n) { totalCount edges { node {
  area { code name } members { nik name }
  interventions { status program { name owner { name } } }
} } } }`;

describe('DataLoaders', () => {
  it('a nested page costs the same number of SQL statements for 10 and for 100 households', async () => {
    // Warm up: the viewer lookup and first-use metadata are not what is measured.
    await t.gql(PAGE, { n: 1 }, admin);
    let small: any;
    let large: any;
    const forTen = await t.countStatements(async () => (small = await t.gql(PAGE, { n: 10 }, admin)));
    const forHundred = await t.countStatements(async () => (large = await t.gql(PAGE, { n: 100 }, admin)));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.households.edges).toHaveLength(100);
    // The page must really exercise every relation, or the comparison proves nothing.
    const nodes = large.data.households.edges.map((e: any) => e.node);
    expect(nodes.some((n: any) => n.interventions.length > 0)).toBe(true);
    expect(nodes.every((n: any) => n.members.length > 0)).toBe(true);
    expect(forHundred).toBe(forTen);
    // begin, clock + session + viewer (one statement, migration 0020), the page with its areas, members,
    // interventions, programs and owners (one statement, household-page.ts), count, the PII_READ audit
    // event, commit
    expect(forHundred).toBe(6);
  });

  it('scope costs no extra statements: the same page as ngo and as admin', async () => {
    const ngo = await t.login('ngo');
    await t.gql(PAGE, { n: 1 }, ngo);
    let page: any;
    const asNgo = await t.countStatements(async () => (page = await t.gql(PAGE, { n: 50 }, ngo)));
    const asAdmin = await t.countStatements(() => t.gql(PAGE, { n: 50 }, admin));
    expect(page.data.households.edges.length).toBeGreaterThan(10);
    expect(asNgo).toBe(asAdmin);
  });
});
