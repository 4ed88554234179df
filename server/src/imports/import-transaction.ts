import type { Knex } from '@mikro-orm/knex';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { requestConnection } from '../db/query-discipline.js';
import { setClock, setViewer } from '../graphql/request-transaction.js';

export interface ImportActor {
  viewer: Viewer;
  /** For the audit trail: the request that started the work, or the command line's run. */
  requestId: string;
  ip: string | null;
}

/**
 * One all-or-nothing unit of import work: a transaction on one connection, as the application role with
 * the importing user's viewer (row-level security applies as to any request) and, while committing, the
 * job that widens the policies for it (migration 0010). Runs outside any request's connection scope:
 * background work must not borrow the connection of the request that started it.
 */
export function inImportTransaction<T>(
  orm: MikroORM,
  actor: ImportActor,
  jobId: string | null,
  fn: (em: EntityManager, trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return requestConnection.exit(() =>
    orm.em.fork().transactional(async (em) => {
      await setClock(em);
      await setViewer(em, actor.viewer);
      if (jobId) await em.execute(`select set_config('sinergi.import_job', ?, true)`, [jobId]);
      return fn(em, em.getTransactionContext<Knex.Transaction>()!);
    }),
  );
}

/** A raw statement in the import's transaction (knex's binding types do not admit arrays of arrays). */
export function sqlRaw(trx: Knex.Transaction, text: string, bindings: readonly unknown[]) {
  return trx.raw(text, bindings as never) as unknown as Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
}
