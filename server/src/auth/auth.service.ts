import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Context } from '../graphql/context.js';
import { AuditAction } from '../graphql/enums.js';
import { BadUserInputError, TooManyRequestsError, UnauthenticatedError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { User } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { DUMMY_HASH, storedPasswordHash, verifyPassword } from './password.js';
import { RateLimiter, reserve } from './rate-limit.js';
import { UserSession } from './session.entity.js';
import { API_TOKEN_PREFIX, SESSION_PREFIX, hashToken, newToken } from './tokens.js';
import type { Viewer } from './viewer.js';
import { now, nowMs } from '../config/clock.js';

export const SESSION_COOKIE = 'sinergi_session';

// Attempts count per username and address, so that a stranger cannot lock an account for its owner,
// and per address across usernames, so that one address cannot spray guesses over many accounts.
const byUserAndIp = new RateLimiter(10, 15 * 60_000);
const byIp = new RateLimiter(50, 15 * 60_000);

export function viewerOf(user: User, extra: Pick<Viewer, 'readOnly' | 'sessionId' | 'tokenId'>): Viewer {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    organizationId: user.organization.id,
    areaId: user.area?.id ?? null,
    areaCode: user.area?.code ?? null,
    ...extra,
  };
}

/** The viewer behind a session or API token, or null when it is unknown, expired, revoked or its user inactive. */
export async function resolveViewer(em: EntityManager, token: string): Promise<Viewer | null> {
  const tokenHash = hashToken(token);
  const at = now();
  if (token.startsWith(SESSION_PREFIX)) {
    const session = await em.findOne(UserSession, { tokenHash, revokedAt: null, expiresAt: { $gt: at } }, { populate: ['user', 'user.area'] });
    if (!session || !session.user.active) return null;
    return viewerOf(session.user, { readOnly: false, sessionId: session.id, tokenId: null });
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const apiToken = await em.findOne(ApiToken, { tokenHash, revokedAt: null }, { populate: ['user', 'user.area'] });
    if (!apiToken || !apiToken.user.active || (apiToken.expiresAt && apiToken.expiresAt <= at)) return null;
    // In the request's transaction like everything else it does.
    await em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: at });
    return viewerOf(apiToken.user, { readOnly: apiToken.readOnly, sessionId: null, tokenId: apiToken.id });
  }
  return null;
}

export async function login(ctx: Context, username: string, password: string, ttlHours: number) {
  const name = username.trim().toLowerCase();
  if (!name) throw new BadUserInputError('username', 'is required');
  if (!password) throw new BadUserInputError('password', 'is required');
  const ipKey = ctx.ip ?? 'unknown';
  // No username is longer than 40 characters; the key stays small whatever is sent.
  const pairKey = `${name.slice(0, 64)}\n${ipKey}`;
  // Reserved before the slow password check, so that parallel guesses cannot outrun the limit.
  const wait = reserve([
    [byUserAndIp, pairKey],
    [byIp, ipKey],
  ]);
  if (wait > 0) throw new TooManyRequestsError(wait);

  const user = await ctx.em.findOne(User, { username: name });
  const stored = user ? await storedPasswordHash(ctx.em, user.id) : null;
  // Same work and the same answer whether the user is unknown, inactive or the password is wrong.
  const ok = await verifyPassword(stored ?? DUMMY_HASH, password);
  const actor = user && { id: user.id, organizationId: user.organization.id, role: user.role };
  if (!user || !user.active || !ok) {
    // Written outside the failing mutation so that it commits with the request.
    const em = ctx.em.fork({ keepTransactionContext: true });
    audit(em, ctx, {
      action: AuditAction.LOGIN_FAILED,
      entityType: 'User',
      entityIds: user ? [user.id] : [],
      newValues: { username: name, reason: !user ? 'unknown user' : !user.active ? 'inactive user' : 'wrong password' },
      actor: actor ?? undefined,
    });
    await em.flush();
    throw new UnauthenticatedError(problem('INVALID_CREDENTIALS'));
  }
  // Only failures use up the allowances: an office behind one address logs in all day.
  byUserAndIp.reset(pairKey);
  byIp.giveBack(ipKey);

  const token = newToken(SESSION_PREFIX);
  const expiresAt = new Date(nowMs() + ttlHours * 3600_000);
  await ctx.em.transactional(async (em) => {
    const session = em.create(UserSession, { user, tokenHash: hashToken(token), expiresAt } as UserSession);
    user.lastLoginAt = now();
    audit(em, ctx, { action: AuditAction.LOGIN, entityType: 'User', entityIds: [user.id, session.id], actor: actor! });
    await em.flush();
  });
  return { token, user, expiresAt };
}

export async function logout(ctx: Context): Promise<boolean> {
  const sessionId = ctx.viewer?.sessionId;
  if (!sessionId) return false;
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(UserSession, { id: sessionId, revokedAt: null }, { revokedAt: now() });
    audit(em, ctx, { action: AuditAction.LOGOUT, entityType: 'User', entityIds: [ctx.viewer!.userId, sessionId] });
    await em.flush();
  });
  return true;
}
