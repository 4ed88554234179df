import fs from 'node:fs';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { useClock } from './config/clock.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './config/logger.js';
import { createDatabase } from './db/orm.js';
import { seedIfEmpty } from './seed/auto-seed.js';
import { compactSummaries } from './analytics/summary-compaction.js';

async function main() {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // Before the demo seed, which is generated around the clock's today.
  useClock(config.SINERGI_CLOCK);
  const log = createLogger(config);

  log.info(config.DATABASE_URL ? 'connecting to PostgreSQL' : `starting embedded PostgreSQL in ${config.SINERGI_DATA_DIR}`);
  const db = await createDatabase(config, (line) => log.debug({ postgres: line }));

  let server: Server | undefined;
  let stopping = false;
  // The summaries' deltas that single writes leave (imports and the seed fold their own) are folded every
  // minute, so that the dashboard's reads fold only the last minute's.
  const compaction = setInterval(() => {
    compactSummaries(db.orm.em.getKnex()).catch((error: unknown) => log.error({ err: error }, 'summary compaction failed'));
  }, 60_000);
  compaction.unref();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    clearInterval(compaction);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (db.isEmbedded && config.SINERGI_DEMO_SEED) {
    await db.asOwner((owner) => seedIfEmpty(owner, log));
  }

  const { app } = await createApp(config, db, log);
  server = app.listen(config.PORT, config.HOST, () => {
    const address = server!.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    log.info({ port }, `Sinergi is ready at http://localhost:${port}`);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  // A failed migration or query quotes row values: only the redacting logger may print it.
  else createLogger({ LOG_LEVEL: 'fatal' }).fatal({ err: error }, 'could not start');
  process.exit(1);
});
