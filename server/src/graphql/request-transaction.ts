import type { EntityManager } from '@mikro-orm/postgresql';
import { recordDisclosure } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from './context.js';

/** Tells PostgreSQL's row-level security who is asking, for this transaction only. */
export async function setViewer(em: EntityManager, viewer: Viewer | null): Promise<void> {
  await em.execute(
    `select set_config('sinergi.user_id', ?, true), set_config('sinergi.role', ?, true),
            set_config('sinergi.org_id', ?, true), set_config('sinergi.area_code', ?, true)`,
    [viewer?.userId ?? '', viewer?.role ?? '', viewer?.organizationId ?? '', viewer?.areaCode ?? ''],
  );
}

/** Writes the request's disclosure audit event and commits; rolls back if that fails. */
export async function finishRequest(ctx: Context): Promise<void> {
  if (!ctx.em.isInTransaction()) return;
  try {
    await recordDisclosure(ctx);
    await ctx.em.commit();
  } catch (error) {
    ctx.log.error({ err: error }, 'could not commit the request');
    await ctx.em.rollback().catch(() => undefined);
    throw error;
  }
}
