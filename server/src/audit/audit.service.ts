import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { disclosureTier } from '../auth/disclosure.js';
import type { Context } from '../graphql/context.js';
import { rideWithCommit, sqlLiteral } from '../db/query-discipline.js';
import { AuditAction, type Role } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityIds: string[];
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
  /** Who acted, when it is not the viewer (a login). */
  actor?: { id: string; organizationId: string; role: Role };
}

/**
 * Adds an audit event to `em`'s unit of work: it is written by the same flush, in the same
 * transaction, as the change it describes — a rolled-back change leaves no event.
 */
export function audit(em: EntityManager, ctx: Pick<Context, 'viewer' | 'requestId' | 'ip'>, entry: AuditEntry): void {
  const actor = entry.actor ?? (ctx.viewer && { id: ctx.viewer.userId, organizationId: ctx.viewer.organizationId, role: ctx.viewer.role });
  em.persist(
    em.create(AuditEvent, {
      actor: actor ? em.getReference(User, actor.id) : undefined,
      organization: actor ? em.getReference(Organization, actor.organizationId) : undefined,
      role: actor?.role,
      action: entry.action,
      entityType: entry.entityType,
      entityIds: entry.entityIds,
      oldValues: entry.oldValues ?? undefined,
      newValues: entry.newValues ?? undefined,
      requestId: ctx.requestId,
      ip: ctx.ip ?? undefined,
    } as AuditEvent),
  );
}

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

/** The scalar state of an entity, relations as ids; secrets left out. */
export function snapshot(entity: object): Record<string, unknown> {
  const plain = wrap(entity).toPOJO() as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plain)) {
    if (SECRET_FIELDS.has(key)) continue;
    out[key] = value && typeof value === 'object' && 'id' in (value as object) ? (value as { id: unknown }).id : value;
  }
  return out;
}

/** Only the fields that differ, as { old, new } halves. */
export function difference(before: Record<string, unknown>, after: Record<string, unknown>) {
  const oldValues: Record<string, unknown> = {};
  const newValues: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      oldValues[key] = before[key];
      newValues[key] = after[key];
    }
  }
  return { oldValues, newValues };
}

/**
 * One PII_READ event per response that disclosed personal data (any personal field, see
 * personal-data.ts), naming every person and household concerned and the viewer's disclosure tier.
 */
export function recordDisclosure(ctx: Context): void {
  if (!ctx.disclosed.size) return;
  const subjects = [...ctx.disclosed].sort();
  ctx.disclosed.clear();
  const viewer = ctx.viewer;
  // Every read that discloses writes this: one plain INSERT, without a unit of work to compute or a
  // query to compile, sent with the request's COMMIT (one round trip; it fails the commit if it fails).
  const values = [
    new Date(),
    viewer?.userId ?? null,
    viewer?.organizationId ?? null,
    viewer?.role ?? null,
    AuditAction.PII_READ,
    'PersonalData',
    subjects,
    JSON.stringify({ tier: disclosureTier(viewer), subjects: subjects.length }),
    ctx.requestId,
    ctx.ip ?? null,
  ];
  rideWithCommit(ctx.connection, `${DISCLOSURE_INSERT} values (${values.map(sqlLiteral).join(', ')})`);
}

const DISCLOSURE_INSERT = `insert into audit_event (occurred_at, actor_id, organization_id, role, action, entity_type, entity_ids, new_values, request_id, ip)`;
