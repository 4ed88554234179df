import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProduct, ROOT, gql, login, startProduct, tempDataDir, today } from './product.js';

const dataDir = tempDataDir();
let running: RunningProduct | undefined;
afterAll(async () => {
  await running?.killGroup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');

/** A process that still runs: it exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A settings query to the product's embedded PostgreSQL, as its superuser. */
async function postgresSetting(name: string): Promise<string> {
  const pg = createRequire(path.join(ROOT, 'server/package.json'))('pg');
  const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    return (await client.query(`select current_setting($1) as value`, [name])).rows[0].value;
  } finally {
    await client.end();
  }
}

/**
 * Logs, as dinsos, a delivery of one of its household programs running today to the first household
 * of the list (by KK, in `direction`) that has none in this period; `acknowledged` runs as soon as the
 * answer is in. Returns the intervention's id.
 */
async function logDelivery(url: string, direction: 'ASC' | 'DESC', keyPrefix: string, valueRp: number, acknowledged = async () => {}): Promise<string> {
  const dinsos = await login(url, 'dinsos');
  const me = await gql(url, '{ me { organization { id } } }', {}, dinsos);
  const programs = await gql(
    url,
    'query ($f: ProgramFilter) { programs(first: 50, filter: $f) { edges { node { id targetUnit } } } }',
    { f: { ownerId: me.data.me.organization.id, activeOn: today() } },
    dinsos,
  );
  const program = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.targetUnit === 'HOUSEHOLD');
  const list = await gql(url, `{ households(first: 50, orderBy: { field: KK_NUMBER, direction: ${direction} }) { edges { node { id } } } }`, {}, dinsos);
  for (const [i, edge] of list.data.households.edges.entries()) {
    const res = await gql(
      url,
      'mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id } }',
      { input: { programId: program.id, householdId: edge.node.id, idempotencyKey: `${keyPrefix}-${i}-${Date.now()}`, deliveredAt: today(), valueRp } },
      dinsos,
    );
    if (res.data) {
      await acknowledged();
      return res.data.logIntervention.id;
    }
    expect(res.errors[0].extensions.code).toBe('CONFLICT');
  }
  return '';
}

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
    interventionId = await logDelivery(url, 'DESC', 'restart-test', 250000);
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

  it('keeps a delivery acknowledged just before a kill -9 of the server and its PostgreSQL', async () => {
    running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    const { url } = running;
    const postgresPid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(isRunning(postgresPid)).toBe(true);

    // The answer is in: kill everything at once, before any shutdown or checkpoint can run.
    const delivered = await logDelivery(url, 'ASC', 'kill-test', 125000, async () => {
      await running!.killGroup();
      running = undefined;
    });
    expect(delivered).not.toBe('');

    // PostgreSQL died with the server (no orphan to take over) and left its lock file behind.
    while (isRunning(postgresPid)) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(pidFile)).toBe(true);
    // In a new container or after a reboot the dead postmaster's pid often belongs to another process
    // of the same user (PostgreSQL itself only sees through its own, its parent's and its grandparent's
    // pid, and through processes it may not signal).
    const asPostgres = process.getuid?.() === 0 ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : undefined;
    const squatter = spawn('sleep', ['600'], { stdio: 'ignore', ...(asPostgres !== undefined ? { uid: asPostgres } : {}) });
    fs.writeFileSync(pidFile, fs.readFileSync(pidFile, 'utf8').replace(/^\d+/, String(squatter.pid)));
    try {
      running = await startProduct({ SINERGI_DATA_DIR: dataDir });
    } finally {
      squatter.kill('SIGKILL');
    }
    const admin = await login(running.url, 'admin');
    const res = await gql(running.url, `query ($id: ID!) { intervention(id: $id) { id status valueRp } }`, { id: delivered }, admin);
    expect(res.data.intervention).toEqual({ id: delivered, status: 'DELIVERED', valueRp: 125000 });
    // What makes an acknowledged commit durable is left on.
    expect(await postgresSetting('fsync')).toBe('on');
    expect(await postgresSetting('synchronous_commit')).toBe('on');
    expect(await postgresSetting('full_page_writes')).toBe('on');
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
