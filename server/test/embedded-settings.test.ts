import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { EMBEDDED_SETTINGS } from '../src/db/embedded.js';

// Every start of the embedded PostgreSQL applies EMBEDDED_SETTINGS (the suite's cluster was started by
// startEmbeddedPostgres in global-setup.ts), and none of them weakens durability.

describe.skipIf(Boolean(process.env['TEST_DATABASE_URL']))('embedded PostgreSQL settings', () => {
  it('are in force on the running cluster, with durability left on', async () => {
    const client = new pg.Client({ connectionString: inject('adminUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string; source: string }>(
        `select name, current_setting(name) as setting, source from pg_settings where name = any ($1) order by name`,
        [[...Object.keys(EMBEDDED_SETTINGS), 'fsync', 'synchronous_commit', 'full_page_writes']],
      );
      const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
      for (const [name, value] of Object.entries(EMBEDDED_SETTINGS)) {
        expect(byName[name], name).toMatchObject({ setting: value, source: 'command line' });
      }
      expect(Object.keys(EMBEDDED_SETTINGS)).toEqual(expect.arrayContaining(['shared_buffers', 'max_wal_size', 'checkpoint_timeout']));
      for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) expect(byName[name]?.setting, name).toBe('on');
    } finally {
      await client.end();
    }
  });
});
