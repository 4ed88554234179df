import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { mayReadBirthDate } from '../auth/disclosure.js';
import { PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { HouseholdConnection } from '../households/household.resolver.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { visibleInterventions } from '../interventions/intervention.service.js';
import { Program } from '../programs/program.entity.js';
import { NEED_RULES } from './need-rules.js';
import { listWorkQueue, WorkQueueCounts, workQueueCounts, WorkQueueFilter } from './work-queue.js';
import { type CandidateRow, Need, NeedRuleInfo, NeedService, NeedStatus, ProgramMatch } from './need.types.js';
import { Row } from '../graphql/row.js';

/**
 * Evidence a partner may see: statuses and categories. Dates, exact ages and z-scores are left out:
 * ageMonths or age beside the derivation date, or a z-score beside the measurement, give the birth date.
 */
const PARTNER_EVIDENCE = new Set([
  'reason', 'stuntingStatus', 'welfareDecile', 'jknStatus', 'schoolEnrolled', 'floorType', 'wallType', 'roofType',
  'drinkingWater', 'sanitation', 'electricity', 'workingAgeMembers', 'employed', 'socialAssistanceSince',
]);

// Person-targeted programs fit a member's need more precisely; quota left breaks ties.
function fit(c: CandidateRow): number {
  return (c.personTargeted ? 2 : 0) + (c.quotaLeft === null ? 1 : Math.min(1, c.quotaLeft / 100));
}

async function matches(ctx: Context, needs: Need[]): Promise<ProgramMatch[]> {
  const candidates = await ctx.loaders.candidatesByNeed.loadMany(needs.map((n) => n.id));
  const byProgram = new Map<string, { row: CandidateRow; needTypes: Set<Need['type']>; fit: number }>();
  needs.forEach((need, i) => {
    const rows = candidates[i];
    if (!Array.isArray(rows)) return;
    for (const row of rows) {
      const entry = byProgram.get(row.programId) ?? { row, needTypes: new Set(), fit: 0 };
      entry.needTypes.add(need.type);
      entry.fit = Math.max(entry.fit, fit(row));
      byProgram.set(row.programId, entry);
    }
  });
  const programs = await ctx.loaders.program.loadMany([...byProgram.keys()]);
  return [...byProgram.values()]
    .map((e, i) => Object.assign(new ProgramMatch(), {
      program: programs[i] as Program,
      needTypes: [...e.needTypes].sort(),
      quotaLeft: e.row.quotaLeft,
      // Each need addressed outweighs any difference in fit.
      score: 10 * e.needTypes.size + e.fit,
    }))
    .filter((m) => m.program && !(m.program instanceof Error))
    .sort((a, b) => b.score - a.score || a.program.name.localeCompare(b.program.name));
}

@Resolver(() => Need)
export class NeedResolver {
  @Authorized()
  @Query(() => [NeedRuleInfo], { description: 'The need rule set in force' })
  needRules(): NeedRuleInfo[] {
    return NEED_RULES.map((r) =>
      Object.assign(new NeedRuleInfo(), { type: r.type, version: r.version, unit: r.unit, descriptionId: r.description.id, descriptionEn: r.description.en }),
    );
  }

  @Authorized([Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER])
  @Query(() => HouseholdConnection, {
    description: "Households in your scope with an unmet need that one of your organisation's running programs addresses; poorest first",
  })
  myWorkQueue(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WorkQueueFilter, { nullable: true }) filter: WorkQueueFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listWorkQueue(ctx, { ...page, filter });
  }

  @Authorized([Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER])
  @Query(() => WorkQueueCounts, { description: 'How many households of your work queue each filter value gives' })
  myWorkQueueCounts(@Arg('filter', () => WorkQueueFilter, { nullable: true }) filter: WorkQueueFilter | undefined, @Ctx() ctx: Context) {
    return workQueueCounts(ctx, filter);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The data that triggered the rule; for partners without dates, ages or z-scores' })
  evidence(@Row() need: Need, @Ctx() ctx: Context): Record<string, unknown> {
    if (mayReadBirthDate(ctx)) return need.evidence;
    return Object.fromEntries(Object.entries(need.evidence).filter(([key]) => PARTNER_EVIDENCE.has(key)));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The member concerned; null for household-level needs' })
  person(@Row() need: Need, @Ctx() ctx: Context): Promise<Person | null> {
    return need.personId ? ctx.loaders.person.load(need.personId) : Promise.resolve(null);
  }

  @FieldResolver(() => NeedService, { nullable: true, description: 'What serves it now; null when unmet' })
  async servedBy(@Row() need: Need, @Ctx() ctx: Context): Promise<NeedService | null> {
    if (!need.interventionId || !need.programId) return null;
    const [intervention, program] = await Promise.all([
      ctx.em.findOne(Intervention, { id: need.interventionId }),
      ctx.loaders.program.load(need.programId),
    ]);
    // A partner learns that a need is served, not which other partner serves it.
    const visible = intervention ? (await visibleInterventions(ctx, [intervention]))[0] : undefined;
    return visible && program ? Object.assign(new NeedService(), { intervention: visible, program }) : null;
  }

  @FieldResolver(() => [ProgramMatch], { description: 'Programs that could serve this need, best fit first' })
  candidatePrograms(@Row() need: Need, @Ctx() ctx: Context): Promise<ProgramMatch[]> {
    return matches(ctx, [need]);
  }

  @FieldResolver(() => NeedRuleInfo)
  rule(@Row() need: Need): NeedRuleInfo {
    const r = NEED_RULES.find((x) => x.type === need.type)!;
    return Object.assign(new NeedRuleInfo(), { type: r.type, version: need.ruleVersion, unit: r.unit, descriptionId: r.description.id, descriptionEn: r.description.en });
  }
}

@Resolver(() => Household)
export class HouseholdNeedsResolver {
  @FieldResolver(() => [Need], { description: 'Needs derived from the data, with their status in the current period' })
  needs(@Row() household: Household, @Ctx() ctx: Context): Promise<Need[]> {
    return ctx.loaders.needsByHousehold.load(household.id);
  }

  @FieldResolver(() => [ProgramMatch], { description: 'Programs that could serve the unmet needs, best fit first' })
  async matchingPrograms(@Row() household: Household, @Ctx() ctx: Context): Promise<ProgramMatch[]> {
    const needs = await ctx.loaders.needsByHousehold.load(household.id);
    return matches(ctx, needs.filter((n) => n.status === NeedStatus.UNMET));
  }
}
