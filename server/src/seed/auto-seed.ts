import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { deriveNeeds } from '../needs/need.service.js';
import { seedDemoCity } from './seed-database.js';

/**
 * Loads the demo city into an empty database, in one transaction: a start that is interrupted
 * half-way leaves the database empty, and the next start seeds again instead of running on half a city.
 */
export async function seedIfEmpty(orm: MikroORM, log: Logger): Promise<boolean> {
  const knex = orm.em.getKnex();
  const [{ exists }] = (await knex.raw('select exists (select 1 from app_user) as exists')).rows as [{ exists: boolean }];
  if (exists) return false;
  log.info('empty database: loading the demo city of Palangka Raya');
  const started = Date.now();
  const summary = await knex.transaction(async (trx) => {
    const seeded = await seedDemoCity(trx, {
      onProgress: ({ phase, done, total }) => log.info({ phase, done, total }, 'seeding'),
    });
    const needs = await deriveNeeds(trx);
    return { ...seeded, needs: needs.upserted };
  });
  log.info({ ms: Date.now() - started, ...summary }, 'demo city loaded');
  return true;
}
