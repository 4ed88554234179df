import { audit } from '../audit/audit.service.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, Role } from '../graphql/enums.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { requireText } from '../graphql/validate.js';
import { User } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { API_TOKEN_PREFIX, hashToken, newToken } from './tokens.js';
import { now, nowMs } from '../config/clock.js';

const MAX_ACTIVE_TOKENS = 20;

export async function createApiToken(
  ctx: Context,
  input: { name: string; readOnly: boolean; expiresInDays?: number | null },
  maxDays: number,
): Promise<{ token: string; apiToken: ApiToken }> {
  const viewer = ctx.viewer!;
  // A token must not outlive what it was derived from: a stolen token cannot renew itself.
  if (!viewer.sessionId) throw new ForbiddenError('API tokens are created from a login session, not with an API token');
  const name = requireText('input.name', input.name, 1, 100);
  const days = input.expiresInDays ?? maxDays;
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new BadUserInputError('input.expiresInDays', `must be a whole number of days from 1 to ${maxDays}`);
  }
  return ctx.em.transactional(async (em) => {
    const active = await em.count(ApiToken, { user: viewer.userId, revokedAt: null });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new BadUserInputError('input.name', `at most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first`);
    }
    const token = newToken(API_TOKEN_PREFIX);
    const apiToken = em.create(ApiToken, {
      user: em.getReference(User, viewer.userId),
      name,
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(token),
      readOnly: input.readOnly,
      expiresAt: new Date(nowMs() + days * 86_400_000),
    } as ApiToken);
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'ApiToken',
      entityIds: [apiToken.id, viewer.userId],
      newValues: { name, readOnly: input.readOnly, expiresAt: apiToken.expiresAt },
    });
    await em.flush();
    return { token, apiToken };
  });
}

export function myApiTokens(ctx: Context): Promise<ApiToken[]> {
  return ctx.em.find(ApiToken, { user: ctx.viewer!.userId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

export async function revokeApiToken(ctx: Context, id: string): Promise<ApiToken> {
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const apiToken = await em.findOne(ApiToken, { id });
    // Someone else's token reads as missing, except for an administrator.
    if (!apiToken || (apiToken.user.id !== viewer.userId && viewer.role !== Role.ADMIN)) throw new NotFoundError('ApiToken', 'id');
    if (!apiToken.revokedAt) {
      apiToken.revokedAt = now();
      audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'ApiToken', entityIds: [apiToken.id, apiToken.user.id], newValues: { revoked: true } });
      await em.flush();
    }
    return apiToken;
  });
}
