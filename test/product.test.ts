import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProduct, ROOT, gql, login, startProduct, tempDataDir, today } from './product.js';

const dataDir = tempDataDir();
let running: RunningProduct | undefined;
afterAll(async () => {
  await running?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});


describe('the product, as `pnpm start` runs it on the embedded database', () => {
  let interventionId = '';
  let households = 0;

  it('starts with the demo city, serves the API, the portal and the IDE', async () => {
    running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    const { url } = running;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const admin = await login(url, 'admin');
    const page = await gql(url, '{ households(first: 100) { totalCount edges { node { id } } } }', {}, admin);
    expect(page.data.households.edges).toHaveLength(100);
    households = page.data.households.totalCount;
    expect(households).toBeGreaterThan(4500);
    expect(households).toBeLessThan(5500);

    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<div id="root">/);
    const ide = await fetch(`${url}/graphiql`);
    expect(ide.status).toBe(200);
    expect(ide.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${url}/assets/no-such-chunk.js`)).status).toBe(404);
    const browserOnApi = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browserOnApi.headers.get('location')).toBe('/graphiql');
  });

  it('logs a delivery, then stops cleanly on SIGTERM', async () => {
    const { url } = running!;
    const dinsos = await login(url, 'dinsos');
    const me = await gql(url, '{ me { organization { id } } }', {}, dinsos);
    const programs = await gql(
      url,
      'query ($f: ProgramFilter) { programs(first: 50, filter: $f) { edges { node { id targetUnit } } } }',
      { f: { ownerId: me.data.me.organization.id, activeOn: today() } },
      dinsos,
    );
    const program = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.targetUnit === 'HOUSEHOLD');
    const list = await gql(url, '{ households(first: 50, orderBy: { field: KK_NUMBER, direction: DESC }) { edges { node { id } } } }', {}, dinsos);
    for (const [i, edge] of list.data.households.edges.entries()) {
      const res = await gql(
        url,
        'mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id } }',
        { input: { programId: program.id, householdId: edge.node.id, idempotencyKey: `restart-test-${i}-${Date.now()}`, deliveredAt: today(), valueRp: 250000 } },
        dinsos,
      );
      if (res.data) {
        interventionId = res.data.logIntervention.id;
        break;
      }
      expect(res.errors[0].extensions.code).toBe('CONFLICT');
    }
    expect(interventionId).not.toBe('');
    expect(await running!.stop('SIGTERM')).toBe(0);
    running = undefined;
    // PostgreSQL shut down cleanly: no lock file left for the next start to trip over.
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('starts again with every row kept and without seeding again', async () => {
    running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    const { url } = running;
    const admin = await login(url, 'admin');
    const res = await gql(url, `{ intervention(id: "${interventionId}") { id status } households(first: 1) { totalCount } }`, {}, admin);
    expect(res.data.intervention).toEqual({ id: interventionId, status: 'DELIVERED' });
    expect(res.data.households.totalCount).toBe(households);
    expect(running.output()).not.toMatch(/loading the demo city/);
    expect(await running.stop('SIGINT')).toBe(0);
    running = undefined;
  });

  it('starts again after being killed outright (its orphaned PostgreSQL is taken over)', async () => {
    running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    await running.stop('SIGKILL');
    running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    const admin = await login(running.url, 'admin');
    const res = await gql(running.url, `{ intervention(id: "${interventionId}") { id } households(first: 1) { totalCount } }`, {}, admin);
    expect(res.data.intervention).toEqual({ id: interventionId });
    expect(res.data.households.totalCount).toBe(households);
    expect(await running.stop('SIGTERM')).toBe(0);
    running = undefined;
  });
});

describe('the built portal', () => {
  it('loads nothing from a CDN', () => {
    const dist = path.join(ROOT, 'web/dist');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dist);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(src|href)=["']https?:\/\//);
      expect(text, file).not.toMatch(/url\(["']?https?:\/\//);
    }
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/unpkg\.com|cdn\.jsdelivr|esm\.sh|cdnjs\./);
    }
  });
});
