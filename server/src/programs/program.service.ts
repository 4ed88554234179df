import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { keysetPage, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, TargetUnit } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { optionalText, requireDate, requireInteger, requireRange, requireText } from '../graphql/validate.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from './program.entity.js';
import type { CreateProgramInput, ProgramFilter, UpdateProgramInput } from './program.inputs.js';

export function listPrograms(ctx: Context, args: { first?: number; after?: string; filter?: ProgramFilter }) {
  const { em } = ctx;
  const f = args.filter;
  const base = () => {
    const q = sql(em, 'program as p');
    if (f?.ownerId) q.where('p.owner_id', f.ownerId);
    if (f?.focusAspects?.length) q.whereRaw('p.focus_aspects && ?::text[]', [f.focusAspects]);
    if (f?.needTypes?.length) q.whereRaw('p.need_types && ?::text[]', [f.needTypes]);
    if (f?.strategy?.length) q.whereIn('p.strategy', f.strategy);
    if (f?.activeOn) {
      q.where('p.starts_on', '<=', f.activeOn).where((w) => w.whereNull('p.ends_on').orWhere('p.ends_on', '>=', f.activeOn!));
    }
    const search = f?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // A picker's search finds a program by its name or its owner's ("Dinkes" lists Dinas Kesehatan's programs).
      q.where((w) =>
        w.where('p.name', 'ilike', pattern).orWhereExists(
          sql(em, 'organization as po').whereRaw('po.id = p.owner_id').where((o) => o.where('po.name', 'ilike', pattern).orWhere('po.short_name', 'ilike', pattern)),
        ),
      );
    }
    return q;
  };
  return keysetPage<Record<string, unknown>, Program>({
    query: base().select('p.*'),
    countQuery: base,
    list: 'programs',
    filter: f,
    viewer: ctx.viewer,
    spec: { column: 'p.name', key: 'name', direction: 'asc', idColumn: 'p.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(Program, row),
  });
}

/** Program fields as changed by an input; `null` clears an optional one. */
type ProgramChanges = { [K in keyof Program]?: Program[K] | null };

async function programChanges(em: EntityManager, input: Partial<CreateProgramInput>, current?: Program) {
  const out: ProgramChanges = {};
  if (input.ownerId) {
    const owner = await em.findOne(Organization, { id: input.ownerId });
    if (!owner) throw new BadUserInputError('input.ownerId', 'no such organisation');
    out.owner = owner;
  }
  if (input.name !== undefined && input.name !== null) out.name = requireText('input.name', input.name, 2, 200);
  if (input.description !== undefined) out.description = optionalText('input.description', input.description, 4000) ?? null;
  if (input.focusAspects) {
    if (!input.focusAspects.length) throw new BadUserInputError('input.focusAspects', 'needs at least one aspect');
    out.focusAspects = [...new Set(input.focusAspects)];
  }
  if (input.strategy) out.strategy = input.strategy;
  if (input.needTypes) out.needTypes = [...new Set(input.needTypes)];
  if (input.targetUnit) out.targetUnit = input.targetUnit;
  // An explicit null removes an optional criterion, end date, budget or quota (the portal's cleared field).
  for (const key of ['targetMinAgeMonths', 'targetMaxAgeMonths'] as const) {
    if (input[key] !== undefined) out[key] = input[key] === null ? null : requireInteger(`input.${key}`, input[key]!, 0, 1200);
  }
  if (input.targetSex !== undefined) out.targetSex = input.targetSex;
  if (input.deliveryUnit !== undefined && input.deliveryUnit !== null) {
    out.deliveryUnit = requireText('input.deliveryUnit', input.deliveryUnit, 1, 40);
  }
  if (input.frequency) out.frequency = input.frequency;
  if (input.startsOn) out.startsOn = requireDate('input.startsOn', input.startsOn, { min: '2000-01-01', max: '2100-12-31' });
  if (input.endsOn !== undefined) {
    out.endsOn = input.endsOn === null ? null : requireDate('input.endsOn', input.endsOn, { min: '2000-01-01', max: '2100-12-31' });
  }
  if (input.budgetRp !== undefined) out.budgetRp = input.budgetRp === null ? null : requireRange('input.budgetRp', input.budgetRp, 0, 1e15);
  if (input.quota !== undefined) out.quota = input.quota === null ? null : requireInteger('input.quota', input.quota, 1, 100_000_000);

  // Cross-field rules are checked on the result, so an update cannot break them either.
  const merged = { ...current, ...out } as Program;
  if (merged.endsOn && merged.startsOn && merged.endsOn < merged.startsOn) {
    throw new BadUserInputError('input.endsOn', 'must not be before startsOn');
  }
  if (
    merged.targetMinAgeMonths !== undefined &&
    merged.targetMinAgeMonths !== null &&
    merged.targetMaxAgeMonths !== undefined &&
    merged.targetMaxAgeMonths !== null &&
    merged.targetMinAgeMonths > merged.targetMaxAgeMonths
  ) {
    throw new BadUserInputError('input.targetMaxAgeMonths', 'must not be below targetMinAgeMonths');
  }
  if (
    merged.targetUnit === TargetUnit.HOUSEHOLD &&
    (merged.targetMinAgeMonths != null || merged.targetMaxAgeMonths != null || merged.targetSex != null)
  ) {
    throw new BadUserInputError('input.targetUnit', 'age and sex criteria need target unit PERSON');
  }
  return out;
}

export async function createProgram(ctx: Context, input: CreateProgramInput): Promise<Program> {
  return ctx.em.transactional(async (em) => {
    const values = await programChanges(em, input);
    const program = em.create(Program, values as Program);
    audit(em, ctx, { action: AuditAction.CREATE, entityType: 'Program', entityIds: [program.id], newValues: snapshot(program) });
    await em.flush();
    return program;
  });
}

export async function updateProgram(ctx: Context, input: UpdateProgramInput): Promise<Program> {
  return ctx.em.transactional(async (em) => {
    const program = await em.findOne(Program, { id: input.id });
    if (!program) throw new NotFoundError('Program', 'input.id');
    const before = snapshot(program);
    em.assign(program, await programChanges(em, input, program));
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Program', entityIds: [program.id], ...difference(before, snapshot(program)) });
    await em.flush();
    return program;
  });
}
