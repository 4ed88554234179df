import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_BOUNDARY_FILE, importDefaultBoundaries } from '../src/areas/boundary-file.js';
import { APP_ROLE, ensureLoginRole, startEmbeddedPostgres } from '../src/db/embedded.js';
import { ormConfig } from '../src/db/orm.js';
import { today, useClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/config.js';
import { deriveNeeds } from '../src/needs/need.service.js';
import { seedDemoCity } from '../src/seed/seed-database.js';

export const TEMPLATE_DATABASE = 'sinergi_template';
export const TEST_APP_PASSWORD = 'sinergi-test-app';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of the server's maintenance database; test files clone TEMPLATE_DATABASE from it. */
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run (or the one at TEST_DATABASE_URL), with a template database that
 * holds the migrated schema and the demo city; every test file clones its own copy in milliseconds.
 */
export default async function setup(project: TestProject) {
  // The demo city is generated around the suite's today (SINERGI_CLOCK, as the harness reads it).
  useClock(loadConfig({ SINERGI_CLOCK: process.env['SINERGI_CLOCK'] ?? '' }).SINERGI_CLOCK);
  console.log(`test clock: today is ${today()} in Palangka Raya${process.env['SINERGI_CLOCK'] ? ` (SINERGI_CLOCK=${process.env['SINERGI_CLOCK']})` : ''}`);
  let adminUrl = process.env['TEST_DATABASE_URL'];
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-test-'));
    fs.chmodSync(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url('postgres');
    stop = () => embedded.stop();
  }
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The application connects as this role, subject to row-level security, as in production.
  await ensureLoginRole(admin, APP_ROLE, TEST_APP_PASSWORD, 'nocreaterole');
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const owner = await MikroORM.init(ormConfig(templateUrl.toString(), 2));
  await owner.getMigrator().up();
  await owner.em.getKnex().transaction(async (trx) => {
    await seedDemoCity(trx);
    await deriveNeeds(trx);
  });
  // The shared kelurahan boundaries, when they are beside the repository (the product works without).
  if (!(await importDefaultBoundaries(owner.em.getKnex()))) console.log(`no ${DEFAULT_BOUNDARY_FILE}: the test database has no kelurahan boundaries`);
  await owner.close(true);
  // A template must have no open connections when it is cloned.
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [TEMPLATE_DATABASE]);
  await admin.end();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    await stop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
