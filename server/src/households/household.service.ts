import { LockMode } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Area } from '../areas/area.entity.js';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { householdScope, inArea, roleMay } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { scopeHouseholds, scopeInterventions } from '../auth/scope-sql.js';
import { COUNT_LIMIT, keysetPage, SEARCH_COUNT_LIMIT, sql, type KeysetSpec } from '../graphql/connection.js';
import { plainReader } from '../graphql/plain-rows.js';
import type { Context } from '../graphql/context.js';
import { AreaLevel, AuditAction, PovertyStatus, Relation, Sex, SortDirection } from '../graphql/enums.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import {
  ageInYears,
  optionalText,
  requireDate,
  requireInteger,
  requireRange,
  requireText,
} from '../graphql/validate.js';
import { Household } from './household.entity.js';
import { keptHouseholdCount } from './household-filter-count.js';
import { pageStatement, planPage } from './household-page.js';
import {
  type CreateHouseholdInput,
  type HouseholdFilter,
  type HouseholdOrder,
  HouseholdOrderField,
  type PersonInput,
  type UpdateHouseholdInput,
  type UpdatePersonInput,
} from './household.inputs.js';
import { deriveNeeds } from '../needs/need.service.js';
import { sqlLiteral } from '../db/query-discipline.js';
import type { IdentifierSearchGuard } from './identifier-search.js';
import { kkProblem, nikProblem } from './identity-numbers.js';
import { Person } from './person.entity.js';
import { NeedStatus } from '../needs/need.types.js';
import { initialAssessment } from './poverty-assessment.service.js';
import { now, today } from '../config/clock.js';

export const ORDER_COLUMNS: Record<HouseholdOrderField, { column: string; key: string; prop: string }> = {
  [HouseholdOrderField.KK_NUMBER]: { column: 'h.kk_number', key: 'kk_number', prop: 'kkNumber' },
  [HouseholdOrderField.WELFARE_DECILE]: { column: 'h.welfare_decile', key: 'welfare_decile', prop: 'welfareDecile' },
  [HouseholdOrderField.UPDATED_AT]: { column: 'h.updated_at', key: 'updated_at', prop: 'updatedAt' },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Areas whose code is `code` or starts with `code.` — an area with all its sub-areas. */
export function areaWithDescendants(knex: Knex, area: { id?: string; code?: string }): Knex.QueryBuilder {
  const q = knex('area as d').select('d.id').join('area as a', function () {
    this.on('d.code', '=', 'a.code').orOn(knex.raw("d.code like a.code || '.%'"));
  });
  return area.id ? q.where('a.id', area.id) : q.where('a.code', area.code!);
}

// A need's status this period, as the household_need_status view derives it, but as predicates PostgreSQL can
// plan as (anti-)joins: the view's per-need aggregate is evaluated for every need of the city when filtered on.
const servingIntervention = (delivered: boolean) => `exists (
  select 1 from intervention i join program p on p.id = i.program_id
   where i.household_id = n.household_id
     and (n.person_id is null or i.person_id is null or i.person_id = n.person_id)
     and n.need_type = any (p.need_types)
     and i.status ${delivered ? "in ('DELIVERED', 'VERIFIED')" : "<> 'CANCELLED'"}
     and i.period_key = sinergi_period_key(p.frequency, sinergi_today()))`;
const NEED_STATUS_SQL: Record<NeedStatus, string> = {
  [NeedStatus.UNMET]: `not ${servingIntervention(false)}`,
  [NeedStatus.PLANNED]: `(${servingIntervention(false)} and not ${servingIntervention(true)})`,
  [NeedStatus.SERVED]: servingIntervention(true),
};

/**
 * `offset 0` keeps an EXISTS a per-household test (PostgreSQL does not turn a subquery with an OFFSET
 * into a semi-join): a page then walks households in its keyset order and stops at its last row,
 * instead of first collecting every match of the city and sorting them, so it costs about (rows wanted
 * / share of households matching) whatever the size of the city. A count has no order to follow: a
 * semi-join from the filter's own index (need type, program, name) reaches its limit sooner, except for
 * the need status, whose semi-join evaluates the status of every need of the city.
 */
// Knex leaves out `offset 0` given as a number, not as raw SQL (which its typings do not declare).
const perHousehold = (knex: Knex, subquery: Knex.QueryBuilder) => (subquery as unknown as { offset(raw: Knex.Raw): Knex.QueryBuilder }).offset(knex.raw('0'));

/** A search by name (or address): any term that is not 4–16 digits (identifierSearchTerm). */
export const isTextSearch = (filter: HouseholdFilter | undefined) => {
  const search = filter?.search?.trim();
  return !!search && !/^\d{4,16}$/.test(search);
};

/** Whether the filter holds nothing but a search and an area: other filters would drop bounded candidates. */
const searchAndAreaOnly = (filter: HouseholdFilter) =>
  Object.entries(filter).every(
    ([key, value]) => ['search', 'areaId', 'areaCode'].includes(key) || value === undefined || value === null || (Array.isArray(value) && !value.length),
  );

/** The area filter as an array computed once per statement, tested per household (see perHousehold). */
const inAreas = (q: Knex.QueryBuilder, areas: Knex.QueryBuilder) => q.whereRaw('h.area_id = any (array(?))', [areas]);

export function applyFilter(
  knex: Knex,
  q: Knex.QueryBuilder,
  filter: HouseholdFilter | undefined,
  viewer: Viewer | null,
  { keysetOrder = false, boundedCount = false }: { keysetOrder?: boolean; boundedCount?: boolean } = {},
): Knex.QueryBuilder {
  if (!filter) return q;
  const perHouseholdInOrder = (subquery: Knex.QueryBuilder) => (keysetOrder ? perHousehold(knex, subquery) : subquery);
  if (filter.areaId) inAreas(q, areaWithDescendants(knex, { id: filter.areaId }));
  if (filter.areaCode) inAreas(q, areaWithDescendants(knex, { code: filter.areaCode.trim() }));
  if (filter.povertyStatus?.length) q.whereIn('h.poverty_status', filter.povertyStatus);
  if (filter.verificationStatus?.length) q.whereIn('h.verification_status', filter.verificationStatus);
  if (filter.decileMin !== undefined && filter.decileMin !== null) {
    requireInteger('filter.decileMin', filter.decileMin, 1, 10);
    q.where('h.welfare_decile', '>=', filter.decileMin);
  }
  if (filter.decileMax !== undefined && filter.decileMax !== null) {
    requireInteger('filter.decileMax', filter.decileMax, 1, 10);
    if (filter.decileMin && filter.decileMin > filter.decileMax) {
      throw new BadUserInputError('filter.decileMax', 'must not be below decileMin');
    }
    q.where('h.welfare_decile', '<=', filter.decileMax);
  }
  if (filter.programId || filter.interventionStatus?.length) {
    q.whereExists(function () {
      this.select(knex.raw('1')).from('intervention as i').whereRaw('i.household_id = h.id');
      // A partner must not find out, by filtering, where other partners deliver.
      scopeInterventions(knex, this, viewer);
      if (filter.programId) this.where('i.program_id', filter.programId);
      if (filter.interventionStatus?.length) this.whereIn('i.status', filter.interventionStatus);
      perHouseholdInOrder(this);
    });
  }
  if (filter.needType?.length || filter.needStatus?.length) {
    const statuses = filter.needStatus ?? [];
    q.whereExists(function () {
      this.select(knex.raw('1')).from('household_need as n').whereRaw('n.household_id = h.id');
      if (filter.needType?.length) this.whereIn('n.need_type', filter.needType);
      if (statuses.length) this.whereRaw(`(${statuses.map((status) => NEED_STATUS_SQL[status]).join(' or ')})`);
      if (statuses.length) perHousehold(knex, this);
      else perHouseholdInOrder(this);
    });
  }
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 100) throw new BadUserInputError('filter.search', 'must be at most 100 characters');
    // A viewer shown masked identifiers or no address must not recover them by probing the search:
    // they find a KK or NIK only by all 16 digits, and never by address.
    const prefixes = roleMay(viewer, 'identifiers.full');
    if (/^\d{4,16}$/.test(search)) {
      if (!prefixes && search.length !== 16) return q.whereRaw('false');
      const op = prefixes ? 'like' : '=';
      const value = prefixes ? `${search}%` : search;
      q.where(function () {
        this.where('h.kk_number', op, value).orWhereExists(function () {
          this.select(knex.raw('1'))
            .from('person as s')
            .whereRaw('s.household_id = h.id')
            .where('s.nik', op, value);
        });
      });
    } else {
      const pattern = `%${escapeLike(search)}%`;
      const byAddress = roleMay(viewer, 'address.read');
      // A count first keeps the households whose text (household_search, 0037) matches: a superset of the
      // search's matches, tested by the exact predicate below. A household walked tests its one row (cheaper
      // than its members, so PostgreSQL tests it first); a count (other than a partner's, which walks its
      // caseload) may instead start from the trigram indexes, within an officer's area. Not on pages: its
      // low estimate made an officer's page sort its whole kelurahan instead of walking the KK index.
      if (boundedCount && householdScope(viewer).kind === 'AREA' && searchAndAreaOnly(filter) && !(filter.areaId && filter.areaCode)) {
        // An officer's count starts from the first matches of its areas, found by the trigram indexes in a
        // security-definer function (0045: ilike is not leakproof, so under the policy the index could not
        // be used); the households are then read as the viewer, and the predicate below still decides.
        const area = filter.areaId ? { id: filter.areaId } : filter.areaCode ? { code: filter.areaCode.trim() } : null;
        const areas = area ? knex.raw('array(?)', [areaWithDescendants(knex, area)]) : null;
        q.whereRaw('h.id in (select household_search_candidates(?, ?, ?::uuid[], ?))', [pattern, byAddress, areas, SEARCH_COUNT_LIMIT + 1]);
      } else if (boundedCount) {
        const candidates = () =>
          knex('household_search as n').where(function () {
            this.where('n.names', 'ilike', pattern);
            if (byAddress) this.orWhere('n.address', 'ilike', pattern);
          });
        q.whereExists(perHousehold(knex, candidates().select(knex.raw('1')).whereRaw('n.household_id = h.id')));
        if (boundedCount && householdScope(viewer).kind !== 'ASSIGNED') {
          q.whereIn('h.id', scopeHouseholds(knex, candidates().select('n.household_id'), viewer, 'n'));
        }
      }
      q.where(function () {
        if (byAddress) this.where('h.address', 'ilike', pattern);
        this.orWhereExists(function () {
          const members = this.select(knex.raw('1')).from('person as s').whereRaw('s.household_id = h.id').where('s.name', 'ilike', pattern);
          // No index stops an `ilike '%…%'` early: otherwise PostgreSQL tests every person of the city
          // (a hashed subplan) before the first household. A bounded count (SEARCH_COUNT_LIMIT) walks
          // the households instead and stops at its bound.
          if (keysetOrder || boundedCount) perHousehold(knex, members);
        });
      });
    }
  }
  return q;
}

export async function listHouseholds(
  ctx: Context,
  args: { first?: number; after?: string; filter?: HouseholdFilter; orderBy?: HouseholdOrder },
  searchGuard: IdentifierSearchGuard,
  info?: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema' | 'operation'>,
) {
  const { em } = ctx;
  const knex = em.getKnex();
  const order = ORDER_COLUMNS[args.orderBy?.field ?? HouseholdOrderField.KK_NUMBER];
  const direction = args.orderBy?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const scope = householdScope(ctx.viewer);
  // A partner's list walks its caseload (0033) in the list's order: its ~51 households for a page, at
  // most the count's bound for a count, instead of the city's households in order for the few of its
  // caseload. The caseload only chooses the rows: the household policy still decides what it sees.
  const caseload = scope.kind === 'ASSIGNED' ? scope.organizationId : null;
  const spec: KeysetSpec = caseload
    ? { column: order.column.replace(/^h\./, 'c.'), key: order.key, direction, idColumn: 'c.household_id' }
    : { ...order, direction, idColumn: 'h.id' };
  const from = () =>
    caseload
      ? sql(em, 'partner_caseload as c')
          // A household per caseload row, by primary key (`offset 0`: a plain join let a count merge the
          // caseload with every household of the city in id order).
          .joinRaw('cross join lateral (select * from household h where h.id = c.household_id offset 0) as h')
          // The viewer's own organisation as a literal: an unfiltered page then has no values of its own and is
          // prepared once per connection (household-page.ts), as the other viewers' pages are.
          .whereRaw(`c.organization_id = ${sqlLiteral(caseload)}`)
      : sql(em, 'household as h');
  const textSearch = isTextSearch(args.filter);
  const base = (options: { keysetOrder?: boolean; boundedCount?: boolean } = {}) => {
    const q = applyFilter(knex, from(), args.filter, ctx.viewer, options);
    return caseload ? q : scopeHouseholds(knex, q, ctx.viewer);
  };
  await searchGuard.check(ctx, args.filter, 'households', () => base().select('h.id'));
  // A list is only read: its households are plain rows, not managed entities.
  const plan = info ? planPage(info) : null;
  // Only the columns the nodes' fields read, and the order's for the cursor (household-page.ts).
  const reader = plainReader(em, Household, plan?.householdProps ? [...new Set([...plan.householdProps, order.prop])].sort() : undefined);
  // The children the nodes select come with the page, in the same statement (household-page.ts).
  const children = plan ? pageStatement(em, ctx.connection, plan, spec) : null;
  const loaders = ctx.loaders;
  return keysetPage<Record<string, unknown>, Household>({
    query: base({ keysetOrder: true }).select(reader.columns('h')),
    wrap: children?.wrap,
    countQuery: () => base({ boundedCount: textSearch }),
    countLimit: textSearch ? SEARCH_COUNT_LIMIT : COUNT_LIMIT,
    keptCount: keptHouseholdCount(em, args.filter, ctx.viewer),
    spec,
    list: 'households',
    filter: args.filter,
    viewer: ctx.viewer,
    first: args.first,
    after: args.after,
    map: children
      ? (row) => {
          const household = reader.map(row);
          children.prime(loaders, household.id, row);
          return household;
        }
      : reader.map,
  });
}

export function defaultPovertyStatus(decile: number): PovertyStatus {
  if (decile === 1) return PovertyStatus.EXTREME_POOR;
  if (decile <= 3) return PovertyStatus.POOR;
  if (decile <= 5) return PovertyStatus.VULNERABLE;
  return PovertyStatus.NOT_POOR;
}

export type PersonFields = Omit<PersonInput, 'relation' | 'nik'> & { relation: Relation; nik?: string | null };

// A birth is registered before Dukcapil issues the child's NIK; anyone else is registered with one.
const NIK_PENDING_RELATIONS: ReadonlySet<Relation> = new Set([Relation.CHILD, Relation.GRANDCHILD]);

/** A missing NIK is allowed for a child or grandchild born in the last 12 months only (the API's rule; imports match by name instead). */
export function checkPendingNik(prefix: string, p: { nik?: string | null; relation: Relation; birthDate: string }): void {
  if (p.nik) return;
  if (!NIK_PENDING_RELATIONS.has(p.relation)) {
    throw new BadUserInputError(`${prefix}nik`, 'is required (only a newborn child or grandchild may wait for a NIK)');
  }
  const day = today();
  const yearAgo = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  if (p.birthDate <= yearAgo) throw new BadUserInputError(`${prefix}nik`, 'is required for a member born more than 12 months ago');
}

/** The API's rules for a member (the mutations and the import share them); `prefix` names the fields. */
export function validatePerson(prefix: string, p: PersonFields): void {
  const day = today();
  // An empty NIK is no NIK (a form's cleared field).
  if (p.nik !== undefined && p.nik !== null && !p.nik.trim()) p.nik = null;
  p.name = requireText(`${prefix}name`, p.name, 1, 200);
  requireDate(`${prefix}birthDate`, p.birthDate, { min: '1900-01-01', max: day });
  // An import row may come without a NIK (it is then matched by name and birth date); the API allows a missing one for a newborn only (checkPendingNik).
  const problem = p.nik === undefined || p.nik === null ? null : nikProblem(p.nik, { sex: p.sex, birthDate: p.birthDate });
  if (problem) throw new BadUserInputError(`${prefix}nik`, problem);
  p.occupation = optionalText(`${prefix}occupation`, p.occupation, 120);
  if (p.pregnant) {
    const age = ageInYears(p.birthDate, day);
    if (p.sex !== Sex.FEMALE || age < 10 || age > 55) {
      throw new BadUserInputError(`${prefix}pregnant`, 'only a woman aged 10–55 can be recorded as pregnant');
    }
  }
}

function normaliseRtRw(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (!/^\d{1,3}$/.test(v) || Number(v) === 0) throw new BadUserInputError(field, 'must be a number from 001 to 999');
  return v.padStart(3, '0');
}

// The decile and status are accepted at creation only; later they change through an assessment.
type HouseholdFieldsInput = Omit<UpdateHouseholdInput, 'id' | 'version'> & Partial<Pick<CreateHouseholdInput, 'welfareDecile' | 'povertyStatus'>>;

/** Validates and normalises the household fields present in `input`; returns the values to assign. */
async function householdChanges(em: EntityManager, input: HouseholdFieldsInput): Promise<Partial<Household>> {
  const out = householdFieldChanges(input);
  if (input.areaId !== undefined && input.areaId !== null) {
    const area = await em.findOne(Area, { id: input.areaId });
    if (!area) throw new BadUserInputError('input.areaId', 'no such area');
    if (area.level !== AreaLevel.KELURAHAN) throw new BadUserInputError('input.areaId', 'must be a kelurahan');
    out.area = area;
  }
  return out;
}

/**
 * The API's rules for the household fields present in `input` other than the area (the mutations and
 * the import share them): validated and normalised values to assign. `field` names a field for errors.
 */
export function householdFieldChanges(
  input: Omit<HouseholdFieldsInput, 'areaId'>,
  field: (name: string) => string = (name) => `input.${name}`,
): Partial<Household> {
  const out: Partial<Household> = {};
  if (input.kkNumber !== undefined && input.kkNumber !== null) {
    const problem = kkProblem(input.kkNumber);
    if (problem) throw new BadUserInputError(field('kkNumber'), problem);
    out.kkNumber = input.kkNumber;
  }
  if (input.address !== undefined && input.address !== null) out.address = requireText(field('address'), input.address, 3, 300);
  if (input.rt !== undefined) out.rt = normaliseRtRw(field('rt'), input.rt);
  if (input.rw !== undefined) out.rw = normaliseRtRw(field('rw'), input.rw);
  const hasLat = input.latitude !== undefined && input.latitude !== null;
  const hasLng = input.longitude !== undefined && input.longitude !== null;
  if (hasLat !== hasLng) throw new BadUserInputError(field(hasLat ? 'longitude' : 'latitude'), 'latitude and longitude go together');
  if (hasLat) {
    out.latitude = requireRange(field('latitude'), input.latitude!, -90, 90);
    out.longitude = requireRange(field('longitude'), input.longitude!, -180, 180);
  }
  if (input.welfareDecile !== undefined && input.welfareDecile !== null) {
    out.welfareDecile = requireInteger(field('welfareDecile'), input.welfareDecile, 1, 10);
  }
  if (input.povertyStatus) out.povertyStatus = input.povertyStatus;
  if (input.monthlyExpenditurePerCapita !== undefined && input.monthlyExpenditurePerCapita !== null) {
    out.monthlyExpenditurePerCapita = requireRange(
      field('monthlyExpenditurePerCapita'),
      input.monthlyExpenditurePerCapita,
      0,
      1_000_000_000,
    );
  }
  for (const key of ['floorType', 'wallType', 'roofType', 'drinkingWater', 'sanitation', 'electricity', 'homeOwnership'] as const) {
    if (input[key] !== undefined && input[key] !== null) (out as Record<string, unknown>)[key] = input[key];
  }
  if (input.dataSources) {
    const day = today();
    out.dataSources = input.dataSources.map((d, i) => ({
      source: requireText(`${field('dataSources')}.${i}.source`, d.source, 2, 60),
      date: requireDate(`${field('dataSources')}.${i}.date`, d.date, { min: '2000-01-01', max: day }),
    }));
  }
  if (input.verificationStatus) out.verificationStatus = input.verificationStatus;
  return out;
}

/** The household if it exists and is in the viewer's scope (loaded into `em` for changes), else null. */
export async function findInScope(ctx: Context, em: EntityManager, id: string): Promise<Household | null> {
  if (!(await ctx.loaders.household.load(id))) return null;
  return em.findOne(Household, { id });
}

export function assertAreaInScope(ctx: Context, area: Area): void {
  const scope = householdScope(ctx.viewer);
  if (scope.kind === 'AREA' && !inArea(area.code, scope.areaCode)) {
    throw new ForbiddenError('Kelurahan officers register households in their own area only');
  }
}

export async function createHousehold(ctx: Context, input: CreateHouseholdInput): Promise<Household> {
  if (!input.members?.length) throw new BadUserInputError('input.members', 'a household needs at least its head');
  const heads = input.members.filter((m) => m.relation === Relation.HEAD).length;
  if (heads !== 1) throw new BadUserInputError('input.members', 'exactly one member must have relation HEAD');
  if (input.address === undefined || input.address === null) throw new BadUserInputError('input.address', 'is required');
  if (input.welfareDecile === undefined || input.welfareDecile === null) {
    throw new BadUserInputError('input.welfareDecile', 'is required');
  }
  const niks = new Set<string>();
  input.members.forEach((m, i) => {
    validatePerson(`input.members.${i}.`, m);
    checkPendingNik(`input.members.${i}.`, m);
    if (!m.nik) return;
    if (niks.has(m.nik)) throw new BadUserInputError(`input.members.${i}.nik`, 'appears twice in this household');
    niks.add(m.nik);
  });

  return ctx.em.transactional(async (em) => {
    const changes = await householdChanges(em, input);
    assertAreaInScope(ctx, changes.area!);
    const household = em.create(Household, {
      ...changes,
      povertyStatus: changes.povertyStatus ?? defaultPovertyStatus(changes.welfareDecile!),
      dataSources: changes.dataSources ?? [],
    } as Household);
    const members = input.members.map((m) => em.create(Person, { ...m, household } as Person));
    const assessment = initialAssessment(em, ctx, household);
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'Household',
      entityIds: [household.id, ...members.map((m) => m.id), assessment.id],
      newValues: { ...snapshot(household), members: members.map(snapshot), assessment: snapshot(assessment) },
    });
    await em.flush();
    await deriveNeeds(em, [household.id]);
    return household;
  });
}

export async function lockForUpdate<T extends { version: number }>(
  em: EntityManager,
  entity: T | null,
  name: string,
  version: number,
): Promise<T> {
  if (!entity) throw new NotFoundError(name);
  if (entity.version !== version) {
    throw new ConflictError(`${name} was changed by someone else (now version ${entity.version}); reload and try again`, {
      field: 'input.version',
    });
  }
  await em.lock(entity, LockMode.OPTIMISTIC, version);
  return entity;
}

export async function updateHousehold(ctx: Context, input: UpdateHouseholdInput): Promise<Household> {
  return ctx.em.transactional(async (em) => {
    const household = await lockForUpdate(em, await findInScope(ctx, em, input.id), 'Household', input.version);
    // As for a NIK: a registered KK number changes through correctKkNumber, which asks why.
    if (input.kkNumber !== undefined && input.kkNumber !== null && input.kkNumber !== household.kkNumber) {
      throw new BadUserInputError('input.kkNumber', 'a registered KK number is changed through a KK correction');
    }
    const changes = await householdChanges(em, input);
    if (changes.area) assertAreaInScope(ctx, changes.area);
    const before = snapshot(household);
    em.assign(household, changes);
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Household', entityIds: [household.id], ...difference(before, snapshot(household)) });
    await em.flush();
    await deriveNeeds(em, [household.id]);
    return household;
  });
}

export async function addMember(ctx: Context, householdId: string, input: PersonInput): Promise<Person> {
  validatePerson('input.', input);
  checkPendingNik('input.', input);
  return ctx.em.transactional(async (em) => {
    const household = await findInScope(ctx, em, householdId);
    if (!household) throw new NotFoundError('Household', 'householdId');
    const person = em.create(Person, { ...input, household } as Person);
    audit(em, ctx, { action: AuditAction.CREATE, entityType: 'Person', entityIds: [person.id, household.id], newValues: snapshot(person) });
    // A new member changes the household record too: bump its version so stale edits conflict.
    household.updatedAt = now();
    await em.flush();
    await deriveNeeds(em, [household.id]);
    return person;
  });
}

export async function updateMember(ctx: Context, input: UpdatePersonInput): Promise<Person> {
  return ctx.em.transactional(async (em) => {
    const found = await em.findOne(Person, { id: input.id });
    const inScope = found && (await findInScope(ctx, em, found.household.id)) ? found : null;
    const person = await lockForUpdate(em, inScope, 'Person', input.version);
    if (person.leftOn) throw new BadUserInputError('input.id', 'this member has left the household; their record is history');
    // A registered NIK changes only through correctMemberNik, which asks why; here a pending one is given.
    if (person.nik && input.nik !== undefined && input.nik !== null && input.nik !== person.nik) {
      throw new BadUserInputError('input.nik', 'a registered NIK is changed through a NIK correction');
    }
    const before = snapshot(person);
    const { id: _id, version: _version, ...rest } = input;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
    const merged = { ...person, ...defined } as PersonFields;
    validatePerson('input.', merged);
    if (!merged.nik && !NIK_PENDING_RELATIONS.has(merged.relation)) {
      throw new BadUserInputError('input.relation', 'a member still waiting for a NIK is a child or grandchild');
    }
    em.assign(person, { ...defined, name: merged.name, occupation: merged.occupation });
    audit(em, ctx, {
      action: AuditAction.UPDATE,
      entityType: 'Person',
      entityIds: [person.id, person.household.id],
      ...difference(before, snapshot(person)),
    });
    await em.flush();
    await deriveNeeds(em, [person.household.id]);
    return person;
  });
}
