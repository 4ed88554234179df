import type { EntityManager } from '@mikro-orm/postgresql';
import { Area } from '../areas/area.entity.js';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { DUMMY_HASH, hashPassword, storedPasswordHash, verifyPassword } from '../auth/password.js';
import { UserSession } from '../auth/session.entity.js';
import { keysetPage, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AreaLevel, AuditAction, Role } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { requirePattern, requireText } from '../graphql/validate.js';
import { Organization } from '../organizations/organization.entity.js';
import type { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs.js';
import { User } from './user.entity.js';
import { now } from '../config/clock.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export function validatePassword(field: string, password: string): string {
  if (password.length < 10) throw new BadUserInputError(field, 'must be at least 10 characters');
  if (password.length > 200) throw new BadUserInputError(field, 'must be at most 200 characters');
  return password;
}

export function listUsers(ctx: Context, args: { first?: number; after?: string; filter?: UserFilter }) {
  const { em } = ctx;
  const f = args.filter;
  const base = () => {
    const q = sql(em, 'app_user as u');
    if (f?.organizationId) q.where('u.organization_id', f.organizationId);
    if (f?.role?.length) q.whereIn('u.role', f.role);
    if (f?.active !== undefined && f.active !== null) q.where('u.active', f.active);
    const search = f?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.where((w) => w.where('u.username', 'ilike', pattern).orWhere('u.display_name', 'ilike', pattern));
    }
    return q;
  };
  return keysetPage<Record<string, unknown>, User>({
    query: base().select('u.id', 'u.username', 'u.display_name', 'u.organization_id', 'u.role', 'u.area_id', 'u.active', 'u.last_login_at', 'u.created_at', 'u.updated_at'),
    countQuery: base,
    list: 'users',
    filter: f,
    viewer: ctx.viewer,
    spec: { column: 'u.username', key: 'username', direction: 'asc', idColumn: 'u.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(User, row),
  });
}

/** Role, organisation and area must fit together: a kelurahan officer has an area, nobody else does. */
async function placement(em: EntityManager, role: Role, organizationId: string, areaId: string | null | undefined) {
  const organization = await em.findOne(Organization, { id: organizationId });
  if (!organization) throw new BadUserInputError('input.organizationId', 'no such organisation');
  let area: Area | undefined;
  if (role === Role.KELURAHAN_OFFICER) {
    if (!areaId) throw new BadUserInputError('input.areaId', 'a kelurahan officer needs an area');
    area = (await em.findOne(Area, { id: areaId })) ?? undefined;
    if (!area) throw new BadUserInputError('input.areaId', 'no such area');
    if (area.level === AreaLevel.CITY) throw new BadUserInputError('input.areaId', 'must be a kecamatan or kelurahan');
  } else if (areaId) {
    throw new BadUserInputError('input.areaId', 'only kelurahan officers have an area scope');
  }
  return { organization, area };
}

/** Ends every session (but `keepSessionId`) and revokes every API token of a user. */
async function revokeAccess(em: EntityManager, userId: string, keepSessionId?: string | null) {
  const at = now();
  await em.nativeUpdate(
    UserSession,
    { user: userId, revokedAt: null, ...(keepSessionId ? { id: { $ne: keepSessionId } } : {}) },
    { revokedAt: at },
  );
  await em.nativeUpdate(ApiToken, { user: userId, revokedAt: null }, { revokedAt: at });
}

export async function createUser(ctx: Context, input: CreateUserInput): Promise<User> {
  const username = requirePattern('input.username', input.username.trim().toLowerCase(), USERNAME, 'must be 3–40 lowercase letters, digits, dot, dash or underscore');
  const displayName = requireText('input.displayName', input.displayName, 1, 120);
  const passwordHash = await hashPassword(validatePassword('input.password', input.password));
  return ctx.em.transactional(async (em) => {
    const { organization, area } = await placement(em, input.role, input.organizationId, input.areaId);
    const user = em.create(User, { username, displayName, organization, role: input.role, area, passwordHash } as User);
    audit(em, ctx, { action: AuditAction.CREATE, entityType: 'User', entityIds: [user.id], newValues: snapshot(user) });
    await em.flush();
    return user;
  });
}

export async function updateUser(ctx: Context, input: UpdateUserInput): Promise<User> {
  return ctx.em.transactional(async (em) => {
    const user = await em.findOne(User, { id: input.id });
    if (!user) throw new NotFoundError('User', 'input.id');
    const before = snapshot(user);
    if (input.displayName !== undefined && input.displayName !== null) {
      user.displayName = requireText('input.displayName', input.displayName, 1, 120);
    }
    const role = input.role ?? user.role;
    const organizationId = input.organizationId ?? user.organization.id;
    const areaId = input.areaId !== undefined ? input.areaId : role === Role.KELURAHAN_OFFICER ? user.area?.id : null;
    const { organization, area } = await placement(em, role, organizationId, areaId);
    if (input.active === false && user.id === ctx.viewer!.userId) {
      throw new BadUserInputError('input.active', 'you cannot deactivate yourself');
    }
    em.assign(user, { role, organization, area: area ?? null, ...(input.active !== undefined && input.active !== null ? { active: input.active } : {}) });
    const after = snapshot(user);
    // A changed role, organisation, scope or a deactivation must take effect now, not at token expiry.
    if (['role', 'organization', 'area', 'active'].some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) {
      await revokeAccess(em, user.id);
    }
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'User', entityIds: [user.id], ...difference(before, after) });
    await em.flush();
    return user;
  });
}

export async function resetPassword(ctx: Context, userId: string, newPassword: string): Promise<boolean> {
  const passwordHash = await hashPassword(validatePassword('newPassword', newPassword));
  return ctx.em.transactional(async (em) => {
    const user = await em.findOne(User, { id: userId });
    if (!user) throw new NotFoundError('User', 'userId');
    user.passwordHash = passwordHash;
    await revokeAccess(em, user.id);
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'User', entityIds: [user.id], newValues: { password: 'reset by administrator' } });
    await em.flush();
    return true;
  });
}

export async function changeOwnPassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
  validatePassword('newPassword', newPassword);
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(User, { id: viewer.userId });
    if (!(await verifyPassword((await storedPasswordHash(em, user.id)) ?? DUMMY_HASH, currentPassword))) {
      // The session is valid: a mistyped current password is the form's error, not a reason to log out.
      throw new BadUserInputError('currentPassword', problem('CURRENT_PASSWORD_WRONG'));
    }
    user.passwordHash = await hashPassword(newPassword);
    // Whoever knew the old password may hold another session or a token: those end, this session goes on.
    await revokeAccess(em, user.id, viewer.sessionId);
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'User', entityIds: [user.id], newValues: { password: 'changed by the user' } });
    await em.flush();
    return true;
  });
}
