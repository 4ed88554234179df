// `pnpm seed [--households N] [--seed N]`: loads the demo city into the configured database
// (DATABASE_URL, or the embedded PostgreSQL in SINERGI_DATA_DIR when it is unset).

import { parseArgs } from 'node:util';
import { parseOrUsage, runIfMain, UsageError } from '../config/cli.js';
import { today, useClock } from '../config/clock.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../db/orm.js';
import { compactSummaries } from '../analytics/summary-compaction.js';
import { deriveNeeds } from '../needs/need.service.js';
import { DEFAULT_HOUSEHOLDS, DEMO_SEED } from './demo-city.js';
import { type SeedProgress, SeedRefusedError, seedDemoCity } from './seed-database.js';

const USAGE = `Usage: pnpm seed [--households N] [--seed N]

Loads the deterministic demo city of Kota Palangka Raya into an empty database.
  --households N   number of households to generate (default ${DEFAULT_HOUSEHOLDS})
  --seed N         random seed (default ${DEMO_SEED}); the same seed gives the same data
  --verbose        also print the embedded PostgreSQL log
  -h, --help       show this help`;


export interface CliOptions {
  households: number;
  seed: number;
  verbose: boolean;
  help: boolean;
}

function integerOption(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be an integer, got '${raw}'`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${raw}'`);
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      // pnpm may forward a lone "--" separator; it carries no meaning here.
      args: argv.filter((a) => a !== '--'),
      options: {
        households: { type: 'string' },
        seed: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  return {
    households: integerOption('households', values.households, DEFAULT_HOUSEHOLDS, 1),
    seed: integerOption('seed', values.seed, DEMO_SEED, 0),
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}

const PHASE_LABEL: Record<SeedProgress['phase'], string> = {
  reference: 'Reference data',
  households: 'Households',
  indicators: 'Indicators',
  analyze: 'Analyze',
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** One updating line on a terminal; otherwise a line per phase step and every 10% of households. */
function progressPrinter(stream: NodeJS.WriteStream): { onProgress: (p: SeedProgress) => void; finish: () => void } {
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  let lastPhase = '';
  let lineOpen = false;
  return {
    onProgress: (p) => {
      const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
      const text = `${PHASE_LABEL[p.phase]}: ${fmt(p.done)} / ${fmt(p.total)} (${pct}%)`;
      if (tty) {
        stream.write(`\r\x1b[2K${text}`);
        lineOpen = true;
        if (p.done === p.total && p.phase !== lastPhase) {
          stream.write('\n');
          lineOpen = false;
          lastPhase = p.phase;
        }
        return;
      }
      if (p.phase === 'households') {
        const decile = Math.floor(pct / 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
      } else if (p.done !== p.total) {
        return;
      }
      stream.write(`${text}\n`);
    },
    finish: () => {
      if (lineOpen) stream.write('\n');
    },
  };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const options = parseOrUsage(() => parseCliArgs(argv), USAGE);
  if (typeof options === 'number') return options;

  const started = performance.now();
  const config = loadConfig();
  useClock(config.SINERGI_CLOCK);
  console.log(
    `Seeding ${fmt(options.households)} households (seed ${options.seed}, around ${today()}) into ${config.DATABASE_URL ? 'DATABASE_URL' : `the embedded database in ${config.SINERGI_DATA_DIR}`}…`,
  );
  const db = await createDatabase(config, options.verbose ? (line) => console.error(`[postgres] ${line}`) : undefined);
  const printer = progressPrinter(process.stdout);
  try {
    // As the owner of the tables: the demo city is written past row-level security.
    const { summary, needs, needsMs } = await db.asOwner(async (owner) => {
      const seeded = await seedDemoCity(owner.em.getKnex(), {
        households: options.households,
        seed: options.seed,
        onProgress: printer.onProgress,
      });
      printer.finish();
      const derivationStarted = performance.now();
      const derived = await deriveNeeds(owner.em.getKnex());
      // One row per key of the deltas that seeding and the derivation appended batch by batch.
      await compactSummaries(owner.em.getKnex());
      return { summary: seeded, needs: derived.upserted, needsMs: performance.now() - derivationStarted };
    });
    console.log(`Needs derived: ${fmt(needs)} in ${(needsMs / 1000).toFixed(1)} s.`);
    const seconds = (performance.now() - started) / 1000;
    const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
    console.log('\nRows inserted:');
    for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${fmt(count).padStart(12)}`);
    console.log(
      `\nDone in ${seconds.toFixed(1)} s (seeding ${(summary.elapsedMs / 1000).toFixed(1)} s, ` +
        `${fmt(Math.round(summary.households / (summary.elapsedMs / 1000)))} households/s).`,
    );
    console.log('Demo logins: admin, bappeda, dinsos, dinkes, lurah.menteng, ngo, csr, inspektorat (password sinergi-demo).');
    return 0;
  } catch (error) {
    printer.finish();
    if (error instanceof SeedRefusedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

runIfMain(import.meta.url, () => main());
