import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { recordDisclosure } from '../audit/audit.service.js';
import { resolveViewer } from '../auth/auth.service.js';
import { PARTNER_ROLES } from '../auth/policy.js';
import { API_TOKEN_PREFIX, hashToken, SESSION_PREFIX } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { clockValues, now, SET_CLOCK_SQL, today } from '../config/clock.js';
import type { Role } from './enums.js';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';
import { PARTNER_APP_ROLE } from '../db/embedded.js';
import { rideWithBegin, sqlLiteral } from '../db/query-discipline.js';

/**
 * Tells PostgreSQL's row-level security who is asking, for this transaction only. A partner's transaction
 * runs as the partner role, whose household policy probes the referrals per row (migration 0050), as
 * sinergi_open_request does for a session's request.
 */
export async function setViewer(em: EntityManager, viewer: Viewer | null): Promise<void> {
  const partner = viewer !== null && PARTNER_ROLES.has(viewer.role);
  await em.execute(
    `select set_config('sinergi.user_id', ?, true), set_config('sinergi.role', ?, true),
            set_config('sinergi.org_id', ?, true), set_config('sinergi.area_code', ?, true)${partner ? `, set_config('role', '${PARTNER_APP_ROLE}', true)` : ''}`,
    [viewer?.userId ?? '', viewer?.role ?? '', viewer?.organizationId ?? '', viewer?.areaCode ?? ''],
  );
}

/**
 * Hands the application clock to PostgreSQL for this transaction: sinergi_now() and sinergi_today()
 * (session and token expiry in row-level security, "today" in views and queries) read it.
 */
export async function setClock(em: EntityManager): Promise<void> {
  await em.execute(SET_CLOCK_SQL, clockValues());
}

interface OpeningRow {
  user_id: string;
  username: string;
  role: Role;
  organization_id: string;
  area_id: string | null;
  area_code: string | null;
  session_id: string;
}

/**
 * The clock, the session behind `token` (if it is one) and the viewer settings, in one statement
 * (sinergi_open_request, migration 0020), sent with the transaction's BEGIN: every browser request
 * opens in one round trip.
 */
function openingStatement(token: string | undefined): string {
  const hash = token?.startsWith(SESSION_PREFIX) ? hashToken(token) : null;
  return `select * from sinergi_open_request(${sqlLiteral(now().toISOString())}, ${sqlLiteral(today())}, ${sqlLiteral(hash)})`;
}

function viewerOf(row: OpeningRow | undefined): Viewer | null {
  if (!row) return null;
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    organizationId: row.organization_id,
    areaId: row.area_id,
    areaCode: row.area_code,
    readOnly: false,
    sessionId: row.session_id,
    tokenId: null,
  };
}

/** An API token's request: its lookup also stamps the token's last use, so it keeps its own statements. */
async function openWithApiToken(em: EntityManager, token: string): Promise<Viewer | null> {
  // Before the viewer: the token lookup's policy compares expiry with the clock.
  await setClock(em);
  const viewer = await resolveViewer(em, token);
  await setViewer(em, viewer);
  return viewer;
}

/**
 * True when the operation selects only `__typename` at its root (through fragments too): it reads no
 * data and no viewer, so it needs no transaction.
 */
export function selectsOnlyTypename(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const only = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__typename';
      if (s.kind === Kind.INLINE_FRAGMENT) return only(s.selectionSet, seen);
      if (seen.has(s.name.value)) return true;
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      return fragment?.kind === Kind.FRAGMENT_DEFINITION && only(fragment.selectionSet, new Set([...seen, s.name.value]));
    });
  return only(operation.selectionSet, new Set());
}

/**
 * Opens the request's one transaction, once the operation has been parsed and validated (a request
 * refused before that never holds a connection), and resolves the viewer inside it. An operation
 * that selects only `__typename` opens none: a health probe or keep-alive ping cost a transaction and
 * a session lookup for a constant answer.
 */
export async function openRequest(ctx: Context, operation?: OperationDefinitionNode | null, document?: DocumentNode): Promise<void> {
  if (ctx.em.isInTransaction() || ctx.connection.closed) return;
  if (operation && document && selectsOnlyTypename(operation, document)) {
    // Nothing of it may query: a query would find no transaction and fail instead of running outside one.
    ctx.connection.closed = true;
    return;
  }
  // A login runs as nobody, whatever session the browser still holds: row-level security must let it
  // find any user, not only those another viewer may see.
  const anonymous = operation?.operation === 'mutation' && operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'login');
  const token = anonymous ? undefined : ctx.token;
  const apiToken = token?.startsWith(API_TOKEN_PREFIX) ? token : null;
  const opening = apiToken ? null : rideWithBegin<OpeningRow>(ctx.em.getKnex(), ctx.connection, openingStatement(token));
  await ctx.em.begin();
  try {
    const trx = ctx.em.getTransactionContext<Knex.Transaction>()!;
    ctx.connection.connection = (await trx.client.acquireConnection()) as object;
    const viewer = apiToken ? await openWithApiToken(ctx.em, apiToken) : viewerOf((await opening!())[0]);
    ctx.viewer = viewer;
    ctx.loaders = createLoaders(ctx.em, viewer);
    if (viewer) ctx.log = ctx.log.child({ user: viewer.username });
  } catch (error) {
    await closeRequest(ctx, 'rollback');
    throw error;
  }
}

/** Commits with the request's disclosure audit event, in one round trip; a failure of either rolls back. */
export async function finishRequest(ctx: Context): Promise<void> {
  if (!ctx.em.isInTransaction()) return;
  recordDisclosure(ctx);
  await closeRequest(ctx, 'commit');
}

/** The last word on every path: a transaction still open after the response (an error path) rolls back. */
export async function abandonRequest(ctx: Context): Promise<void> {
  if (ctx.em.isInTransaction()) {
    ctx.log.warn('request ended with its transaction open; rolling back');
    await closeRequest(ctx, 'rollback');
  }
  ctx.connection.closed = true;
}

async function closeRequest(ctx: Context, how: 'commit' | 'rollback'): Promise<void> {
  try {
    if (how === 'commit') await ctx.em.commit();
    else await ctx.em.rollback();
  } catch (error) {
    if (how === 'commit') {
      ctx.log.error({ err: error }, 'could not commit the request');
      await ctx.em.rollback().catch(() => undefined);
      throw error;
    }
    ctx.log.error({ err: error }, 'could not roll back the request');
  } finally {
    ctx.connection.closed = true;
  }
}
