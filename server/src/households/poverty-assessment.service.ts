import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, snapshot } from '../audit/audit.service.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, PovertyStatus } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { requireDate, requireInteger, requireRange, requireText } from '../graphql/validate.js';
import { deriveNeeds } from '../needs/need.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Household } from './household.entity.js';
import { defaultPovertyStatus, findInScope } from './household.service.js';
import { PovertyAssessment } from './poverty-assessment.entity.js';
import type { RecordPovertyAssessmentInput } from './poverty-assessment.inputs.js';
import { now, today } from '../config/clock.js';

export const REGISTRATION_REASON = 'Pendaftaran / registration';

// Statuses a household can graduate from.
const GRADUATES_FROM: ReadonlySet<PovertyStatus> = new Set([PovertyStatus.EXTREME_POOR, PovertyStatus.POOR]);

/** The first assessment of a new household: the values it was registered with. */
export function initialAssessment(em: EntityManager, ctx: Context, household: Household): PovertyAssessment {
  const viewer = ctx.viewer!;
  return em.create(PovertyAssessment, {
    household,
    assessedOn: today(),
    welfareDecile: household.welfareDecile,
    povertyStatus: household.povertyStatus,
    monthlyExpenditurePerCapita: household.monthlyExpenditurePerCapita,
    reason: REGISTRATION_REASON,
    assessedBy: em.getReference(User, viewer.userId),
    organization: em.getReference(Organization, viewer.organizationId),
  } as PovertyAssessment);
}

/**
 * Records an assessment and makes it the household's current decile, status and (when measured)
 * expenditure. The previous values are kept on the assessment; nothing is ever overwritten.
 */
export async function recordPovertyAssessment(ctx: Context, input: RecordPovertyAssessmentInput): Promise<PovertyAssessment> {
  const assessedOn = requireDate('input.assessedOn', input.assessedOn, { min: '2000-01-01', max: today() });
  const welfareDecile = requireInteger('input.welfareDecile', input.welfareDecile, 1, 10);
  const expenditure =
    input.monthlyExpenditurePerCapita === undefined || input.monthlyExpenditurePerCapita === null
      ? undefined
      : requireRange('input.monthlyExpenditurePerCapita', input.monthlyExpenditurePerCapita, 0, 1_000_000_000);
  const reason = requireText('input.reason', input.reason, 3, 1000);
  const povertyStatus = input.povertyStatus ?? defaultPovertyStatus(welfareDecile);
  const viewer = ctx.viewer!;

  return ctx.em.transactional(async (em) => {
    if (!(await findInScope(ctx, em, input.householdId))) throw new NotFoundError('Household', 'input.householdId');
    // Serialises assessments of one household: the previous values and the latest date are read under the lock.
    const household = (await em.findOne(Household, { id: input.householdId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;

    if (povertyStatus === PovertyStatus.GRADUATED) {
      if (!GRADUATES_FROM.has(household.povertyStatus)) {
        throw new BadUserInputError('input.povertyStatus', `only an EXTREME_POOR or POOR household can graduate (this one is ${household.povertyStatus})`);
      }
      if (welfareDecile < 2) throw new BadUserInputError('input.welfareDecile', 'a graduated household is above decile 1');
    }
    const latest = await em.findOne(
      PovertyAssessment,
      { household: household.id },
      { orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }] },
    );
    if (latest && assessedOn < latest.assessedOn) {
      throw new BadUserInputError('input.assessedOn', `must not be before the latest assessment (${latest.assessedOn})`);
    }

    const before = {
      welfareDecile: household.welfareDecile,
      povertyStatus: household.povertyStatus,
      monthlyExpenditurePerCapita: household.monthlyExpenditurePerCapita ?? null,
    };
    const assessment = em.create(PovertyAssessment, {
      household,
      assessedOn,
      welfareDecile,
      povertyStatus,
      monthlyExpenditurePerCapita: expenditure,
      previousDecile: household.welfareDecile,
      previousStatus: household.povertyStatus,
      reason,
      assessedBy: em.getReference(User, viewer.userId),
      organization: em.getReference(Organization, viewer.organizationId),
    } as PovertyAssessment);
    em.assign(household, {
      welfareDecile,
      povertyStatus,
      ...(expenditure === undefined ? {} : { monthlyExpenditurePerCapita: expenditure }),
      // Always a new version, even when nothing moved: edits made before the assessment conflict.
      updatedAt: now(),
    });
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'PovertyAssessment',
      entityIds: [assessment.id, household.id],
      oldValues: before,
      newValues: snapshot(assessment),
    });
    await em.flush();
    // Decile 1 drives the FOOD and NUTRITION_RISK needs.
    await deriveNeeds(em, [household.id]);
    return assessment;
  });
}
