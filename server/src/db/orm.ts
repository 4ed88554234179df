import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded.js';
import { ENTITIES } from './entities.js';
import { Migration0001InitialSchema } from './migrations/0001-initial-schema.js';

export const MIGRATIONS = [{ name: '0001-initial-schema', class: Migration0001InitialSchema }];

export const EMBEDDED_DATABASE_NAME = 'sinergi';

export function ormConfig(clientUrl: string, poolMax = 10) {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, warnWhenNoEntities: true },
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'schema_migration',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    // Entities are loaded per request; nothing should be flushed that a resolver did not ask for.
    allowGlobalContext: false,
    debug: false,
  });
}

export interface Database {
  orm: MikroORM;
  embedded?: EmbeddedDatabase;
  /** True when the database is the embedded one (demo data may be loaded automatically). */
  isEmbedded: boolean;
  close(): Promise<void>;
}

export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}

/** Connects (starting the embedded PostgreSQL when no DATABASE_URL is set) and runs pending migrations. */
export async function createDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'SINERGI_DATA_DIR' | 'DB_POOL_MAX'>,
  log: (line: string) => void = () => {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.SINERGI_DATA_DIR, log);
    await embedded.createDatabase(EMBEDDED_DATABASE_NAME);
    url = embedded.url(EMBEDDED_DATABASE_NAME);
  }
  try {
    const orm = await MikroORM.init(ormConfig(url, config.DB_POOL_MAX));
    await migrate(orm);
    return {
      orm,
      embedded,
      isEmbedded: Boolean(embedded),
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
