import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { Area } from '../areas/area.entity.js';
import { can } from '../auth/policy.js';
import { sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, FocusAspect, Indicator, Role } from '../graphql/enums.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { requireInteger, requireRange, requireText } from '../graphql/validate.js';
import { User } from '../users/user.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';
import type { UpsertIndicatorValueInput } from './indicator.inputs.js';
import { today } from '../config/clock.js';

/** The aspect of the city's strategy each indicator measures. */
export const INDICATOR_ASPECT: Record<Indicator, FocusAspect> = {
  [Indicator.STUNTING_PREVALENCE_PCT]: FocusAspect.STUNTING,
  [Indicator.INVESTMENT_REALISATION_RP]: FocusAspect.INVESTMENT,
  [Indicator.P3DN_SHARE_PCT]: FocusAspect.P3DN,
  [Indicator.INFLATION_YOY_PCT]: FocusAspect.INFLATION,
};

// Same bounds as the CHECK constraints of 0001; the Rp ceiling stays inside numeric(20,4).
const VALUE_RANGE: Record<Indicator, [number, number]> = {
  [Indicator.STUNTING_PREVALENCE_PCT]: [0, 100],
  [Indicator.INVESTMENT_REALISATION_RP]: [0, 1e15],
  [Indicator.P3DN_SHARE_PCT]: [0, 100],
  [Indicator.INFLATION_YOY_PCT]: [-100, 1000],
};

/** Organisations owning at least one program focused on the aspect: who "owns" the aspect follows the data. */
async function aspectOwnerIds(ctx: Context, aspect: FocusAspect): Promise<string[]> {
  const rows = (await sql(ctx.em, 'program').distinct('owner_id').whereRaw('? = any (focus_aspects)', [aspect])) as Array<{
    owner_id: string;
  }>;
  return rows.map((r) => r.owner_id);
}

function validate(input: UpsertIndicatorValueInput, today: string) {
  const currentYear = Number(today.slice(0, 4));
  const year = requireInteger('input.year', input.year, 2000, currentYear);
  const quarter = requireInteger('input.quarter', input.quarter, 1, 4);
  const currentQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  if (year === currentYear && quarter > currentQuarter) {
    throw new BadUserInputError('input.quarter', `quarter ${quarter} of ${year} has not started yet`);
  }
  const [min, max] = VALUE_RANGE[input.indicator];
  const value = requireRange('input.value', input.value, min, max);
  const source = requireText('input.source', input.source, 2, 300);
  return { year, quarter, value, source };
}

/** Creates or replaces the figure of (area, indicator, year, quarter). */
export async function upsertIndicatorValue(ctx: Context, input: UpsertIndicatorValueInput): Promise<IndicatorValue> {
  const viewer = ctx.viewer!;
  // Who may record does not depend on the values sent: answer FORBIDDEN before judging them.
  const owners = viewer.role === Role.AGENCY_STAFF ? await aspectOwnerIds(ctx, INDICATOR_ASPECT[input.indicator]) : [];
  if (!can(viewer, 'indicator.record', { aspectOwnerIds: owners })) {
    throw new ForbiddenError(`Only the coordinator and the agencies working on ${INDICATOR_ASPECT[input.indicator]} record this indicator`);
  }
  const fields = validate(input, today());
  if (!(await ctx.loaders.area.load(input.areaId))) throw new NotFoundError('Area', 'input.areaId');
  try {
    return await write(ctx, input.areaId, input.indicator, fields);
  } catch (error) {
    // Two first writers of the same period: the loser finds the winner's row and updates it.
    if (error instanceof UniqueConstraintViolationException) return write(ctx, input.areaId, input.indicator, fields);
    throw error;
  }
}

function write(
  ctx: Context,
  areaId: string,
  indicator: Indicator,
  fields: { year: number; quarter: number; value: number; source: string },
): Promise<IndicatorValue> {
  return ctx.em.transactional(async (em) => {
    const area = em.getReference(Area, areaId);
    const key = { area, indicator, year: fields.year, quarter: fields.quarter };
    // Locks the row of this period, so concurrent writers of one figure take turns.
    const existing = await em.findOne(IndicatorValue, key, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const recordedBy = em.getReference(User, ctx.viewer!.userId);
    if (existing) {
      const before = snapshot(existing);
      em.assign(existing, { value: fields.value, source: fields.source, recordedBy });
      audit(em, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'IndicatorValue',
        entityIds: [existing.id, areaId],
        ...difference(before, snapshot(existing)),
      });
      await em.flush();
      return existing;
    }
    const created = em.create(IndicatorValue, { ...key, value: fields.value, source: fields.source, recordedBy } as IndicatorValue);
    audit(em, ctx, { action: AuditAction.CREATE, entityType: 'IndicatorValue', entityIds: [created.id, areaId], newValues: snapshot(created) });
    await em.flush();
    return created;
  });
}
