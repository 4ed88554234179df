import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { DEFAULT_BOUNDARY_FILE, importDefaultBoundaries } from '../areas/boundary-file.js';
import { compactSummaries } from '../analytics/summary-compaction.js';
import { deriveNeeds } from '../needs/need.service.js';
import { seedDemoCity } from './seed-database.js';

/**
 * Loads the demo city into an empty database, in one transaction: a start that is interrupted
 * half-way leaves the database empty, and the next start seeds again instead of running on half a city.
 * Then loads the shared kelurahan boundaries while no kelurahan has one (also into a demo database
 * seeded before boundaries existed).
 */
export async function seedIfEmpty(orm: MikroORM, log: Logger): Promise<boolean> {
  const knex = orm.em.getKnex();
  const [{ exists }] = (await knex.raw('select exists (select 1 from app_user) as exists')).rows as [{ exists: boolean }];
  if (!exists) {
    log.info('empty database: loading the demo city of Palangka Raya');
    const started = Date.now();
    const summary = await knex.transaction(async (trx) => {
      const seeded = await seedDemoCity(trx, {
        onProgress: ({ phase, done, total }) => log.info({ phase, done, total }, 'seeding'),
      });
      const needs = await deriveNeeds(trx);
      // One row per key of the deltas that seeding and the derivation appended batch by batch.
      await compactSummaries(trx);
      return { ...seeded, needs: needs.upserted };
    });
    log.info({ ms: Date.now() - started, ...summary }, 'demo city loaded');
  }
  await importDemoBoundaries(orm, log);
  return !exists;
}

async function importDemoBoundaries(orm: MikroORM, log: Logger): Promise<void> {
  const knex = orm.em.getKnex();
  const [{ any }] = (await knex.raw(`select exists (select 1 from area where level = 'KELURAHAN' and boundary is not null) as any`)).rows as [{ any: boolean }];
  if (any) return;
  try {
    const summary = await importDefaultBoundaries(knex);
    if (summary) log.info({ file: DEFAULT_BOUNDARY_FILE, updated: summary.updated.length, withoutBoundary: summary.withoutBoundary }, 'kelurahan boundaries loaded');
    else log.info({ file: DEFAULT_BOUNDARY_FILE }, 'no kelurahan boundaries file: the map shows kelurahan tiles');
  } catch (error) {
    // The portal works without boundaries; a bad file must not stop the demo.
    log.warn({ err: error, file: DEFAULT_BOUNDARY_FILE }, 'kelurahan boundaries not loaded');
  }
}
