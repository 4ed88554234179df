import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => (t = await startTestServer()));
afterAll(() => t.close());

const SCOPED = ['household', 'person', 'growth_measurement', 'intervention', 'assignment'] as const;

/** Runs SQL as the application role (what the API connects as), with the viewer of a demo user set. */
async function asViewer<T extends Record<string, unknown>>(username: string | null, text: string): Promise<T[]> {
  const em = t.db.orm.em.fork();
  return em.transactional(async (tx) => {
    if (username) {
      const [u] = await t.query<{ id: string; role: string; organization_id: string; code: string | null }>(
        `select u.id, u.role, u.organization_id, a.code from app_user u left join area a on a.id = u.area_id where u.username = ?`,
        [username],
      );
      await tx.execute(
        `select set_config('sinergi.user_id', ?, true), set_config('sinergi.role', ?, true),
                set_config('sinergi.org_id', ?, true), set_config('sinergi.area_code', ?, true)`,
        [u!.id, u!.role, u!.organization_id, u!.code ?? ''],
      );
    }
    return tx.execute<T[]>(text);
  });
}

describe('row-level security, under the application role', () => {
  it('connects as a role that is not superuser, does not bypass RLS and owns no table', async () => {
    const [role] = await asViewer<{ rolsuper: boolean; rolbypassrls: boolean; owner: boolean }>(
      null,
      `select r.rolsuper, r.rolbypassrls, pg_has_role(current_user, c.relowner, 'USAGE') as owner
         from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'household'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owner: false });
  });

  it('with no viewer set, every scoped table looks empty', async () => {
    for (const table of SCOPED) {
      const [row] = await asViewer<{ count: string }>(null, `select count(*) from ${table}`);
      expect(Number(row!.count), table).toBe(0);
    }
  });

  it('the ngo partner sees exactly its actively assigned households and what hangs off them', async () => {
    const [{ id: org }] = (await t.query<{ id: string }>(`select organization_id as id from app_user where username = 'ngo'`)) as [{ id: string }];
    const assigned = `select household_id from assignment where organization_id = '${org}' and status in ('REQUESTED', 'ACCEPTED')`;
    const expected: Record<(typeof SCOPED)[number], string> = {
      household: `select count(*) from household where id in (${assigned})`,
      person: `select count(*) from person where household_id in (${assigned})`,
      growth_measurement: `select count(*) from growth_measurement g join person p on p.id = g.person_id where p.household_id in (${assigned})`,
      // Its own organisation's interventions and the government agencies', not another partner's.
      intervention: `select count(*) from intervention i join organization o on o.id = i.organization_id
                      where i.household_id in (${assigned})
                        and (o.id = '${org}' or o.type in ('PERANGKAT_DAERAH', 'CENTRAL_GOVERNMENT', 'PROVINCIAL_GOVERNMENT'))`,
      assignment: `select count(*) from assignment where organization_id = '${org}' and household_id in (${assigned})`,
    };
    for (const table of SCOPED) {
      const [seen] = await asViewer<{ count: string }>('ngo', `select count(*) from ${table}`);
      const [truth] = await t.query<{ count: string }>(expected[table]);
      expect(Number(seen!.count), table).toBe(Number(truth!.count));
      expect(Number(seen!.count), table).toBeGreaterThan(0);
    }
    const [all] = await t.query<{ count: string }>('select count(*) from household');
    const [seen] = await asViewer<{ count: string }>('ngo', 'select count(*) from household');
    expect(Number(seen!.count)).toBeLessThan(Number(all!.count) / 10);
  });

  it('the kelurahan officer of Menteng sees only Menteng; city-wide roles see everything', async () => {
    const [menteng] = await t.query<{ count: string }>(
      `select count(*) from household h join area a on a.id = h.area_id where a.code = '62.71.03.1002'`,
    );
    const [officer] = await asViewer<{ count: string }>('lurah.menteng', 'select count(*) from household');
    expect(Number(officer!.count)).toBe(Number(menteng!.count));
    const [all] = await t.query<{ count: string }>('select count(*) from household');
    for (const username of ['admin', 'bappeda', 'dinsos', 'inspektorat']) {
      const [seen] = await asViewer<{ count: string }>(username, 'select count(*) from household');
      expect(Number(seen!.count), username).toBe(Number(all!.count));
    }
  });

  it('refuses to write a row outside the scope, even in raw SQL', async () => {
    const [pahandut] = await t.query<{ id: string }>(
      `select h.id from household h join area a on a.id = h.area_id where a.code = '62.71.01.1001' limit 1`,
    );
    const updated = await asViewer<{ id: string }>(
      'lurah.menteng',
      `update household set address = 'Jl. Diubah' where id = '${pahandut!.id}' returning id`,
    );
    expect(updated).toEqual([]);
    const [mentengArea] = await t.query<{ id: string }>(`select id from area where code = '62.71.03.1002'`);
    await expect(
      asViewer('lurah.menteng', `update household set area_id = (select id from area where code = '62.71.01.1001')
         where area_id = '${mentengArea!.id}' and id = (select id from household where area_id = '${mentengArea!.id}' limit 1)`),
    ).rejects.toThrow(/row-level security/);
  });
});
