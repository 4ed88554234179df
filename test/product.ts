import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { now, parseInstant, useClock } from '../server/src/config/clock.js';

/**
 * The instant the acceptance tests start at when SINERGI_CLOCK is unset. Fixed, so that a run today and a run
 * next month seed the same demo city and see the same work queues, ages and programs; mid-morning on a
 * Wednesday in mid-May, hours from midnight and weeks from a month's, quarter's or year's end, so that a
 * long file never crosses into another day or period.
 */
export const DEFAULT_CLOCK = '2026-05-13T10:00:00+07:00';

// The tests' clock; every product they start and every browser context they open runs on from its current
// instant, so a restarted product, the test code and the page agree on today.
const clockStart = process.env['SINERGI_CLOCK'] || DEFAULT_CLOCK;
const startAt = parseInstant(clockStart);
if (!startAt) throw new Error(`SINERGI_CLOCK is not an ISO 8601 instant with its UTC offset: ${clockStart}`);
useClock(startAt);
export { now, today } from '../server/src/config/clock.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-product-'));
  // The embedded PostgreSQL runs as the postgres user when we are root: it must enter this folder.
  fs.chmodSync(dir, 0o755);
  return dir;
}

export interface RunningProduct {
  url: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * SIGKILL to the product's whole process group, its embedded PostgreSQL included, as a container
   * stopped hard or a service manager killing its unit does. Resolves when the server has exited.
   */
  killGroup(): Promise<void>;
}

/**
 * Starts the built product (`node server/dist/main.js`) as `pnpm start` does, on the tests' clock as it reads
 * now (it seeds the demo city around that day), and waits for /healthz.
 */
export async function startProduct(env: Record<string, string>): Promise<RunningProduct> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SINERGI_CLOCK: now().toISOString(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own (the embedded PostgreSQL joins it), which `killGroup` can kill at once.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the product did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
    killGroup: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

export async function gql(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

export async function login(url: string, username: string): Promise<string> {
  const res = await gql(url, 'mutation ($u: String!) { login(username: $u, password: "sinergi-demo") { token } }', { u: username });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.login.token as string;
}
