import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo, isLeafType, Kind } from 'graphql';
import { Area } from '../areas/area.entity.js';
import { type RequestConnection, requestQuery } from '../db/query-discipline.js';
import type { Loaders } from '../graphql/loaders.js';
import { below, lookahead, type Selection } from '../graphql/lookahead.js';
import { type PlainReader, plainReader } from '../graphql/plain-rows.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { Person } from './person.entity.js';

/** Which children of a household page's nodes the request selects. */
export interface PagePlan {
  area: boolean;
  members: boolean;
  interventions: boolean;
  programs: boolean;
  owners: boolean;
  /** The person properties the page reads, or null for all of them. */
  memberProps: readonly string[] | null;
  /** The intervention properties the page reads, or null for all of them. */
  interventionProps: readonly string[] | null;
  /** The area, program and organisation properties the page reads, or null for all of them. */
  areaProps: readonly string[] | null;
  programProps: readonly string[] | null;
  organizationProps: readonly string[] | null;
  /** The household properties the nodes' fields read, or null for all of them. */
  householdProps: readonly string[] | null;
}

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema' | 'operation'>;

// A member's id and household (the disclosure audit) and what members, formerMembers and head filter on.
const MEMBER_BASE = ['id', 'household', 'relation', 'leftOn'];
// What each leaf field of Person reads beyond those (its field resolver, person.resolver.ts); a field
// not listed here makes the page read every column.
const MEMBER_LEAVES: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  relation: [],
  leftOn: [],
  name: ['name'],
  sex: ['sex'],
  nik: ['nik'],
  nikPending: ['nik'],
  birthDate: ['birthDate'],
  birthYear: ['birthDate'],
  age: ['birthDate'],
  ageMonths: ['birthDate'],
};
// An intervention's id, household and beneficiary (the disclosure audit), organisation (what a partner
// sees, visibleInterventions) and program.
const INTERVENTION_BASE = ['id', 'household', 'person', 'organization', 'program'];
const INTERVENTION_LEAVES: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  status: ['status'],
  plannedOn: ['plannedOn'],
  deliveredOn: ['deliveredOn'],
  periodKey: ['periodKey'],
};

// A referenced row's id; a program's owner (the owner field, the owners' organisations); an organisation's
// type, which decides with its id whether a partner sees an intervention (visibleInterventions). Their
// fields are plain properties of the same name (simpleResolvers), apart from the object fields the
// page follows (an area's parent is not one: selecting it reads every column).
const AREA_BASE = ['id'];
const AREA_LEAVES = leaves(['id', 'code', 'name', 'level', 'population', 'hasBoundary'], ['boundary']);
const PROGRAM_BASE = ['id', 'owner'];
const PROGRAM_LEAVES = leaves([
  'id', 'name', 'description', 'focusAspects', 'strategy', 'needTypes', 'targetUnit', 'targetMinAgeMonths', 'targetMaxAgeMonths',
  'targetSex', 'deliveryUnit', 'frequency', 'startsOn', 'endsOn', 'budgetRp', 'quota', 'createdAt', 'updatedAt',
]);
const ORGANIZATION_BASE = ['id', 'type'];
const ORGANIZATION_LEAVES = leaves(['id', 'name', 'shortName', 'type', 'contactEmail', 'contactPhone', 'address', 'createdAt', 'updatedAt']);

/** Leaves that read their own property, and leaves whose resolver reads only the id (`byId`). */
function leaves(own: readonly string[], byId: readonly string[] = []): Record<string, readonly string[]> {
  return { __typename: [], ...Object.fromEntries(own.map((name) => [name, [name]])), ...Object.fromEntries(byId.map((name) => [name, []])) };
}

// What each field of Household reads of the household's own row, beyond its id (the disclosure audit):
// its own property (plain fields, the masked ones of household.resolver.ts), its area's id, or nothing
// (children loaded by the household's id). A field not listed here makes the page read every column.
const HOUSEHOLD_LEAVES: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  ...Object.fromEntries(
    [
      'kkNumber', 'address', 'rt', 'rw', 'latitude', 'longitude', 'welfareDecile', 'povertyStatus', 'monthlyExpenditurePerCapita',
      'floorType', 'wallType', 'roofType', 'drinkingWater', 'sanitation', 'electricity', 'homeOwnership', 'dataSources',
      'verificationStatus', 'verifiedAt', 'version', 'createdAt', 'updatedAt', 'area',
    ].map((name) => [name, [name]]),
  ),
  ...Object.fromEntries(['members', 'formerMembers', 'head', 'interventions', 'assignments', 'assessments', 'needs', 'matchingPrograms'].map((name) => [name, []])),
};

/** Object fields a selection may follow, each with the object fields it may follow in turn. */
interface Allowed {
  [field: string]: Allowed;
}

/** Does `selection` (on type `typeName`) select only leaves, apart from the `allowed` object fields? */
function onlyLeaves(info: Info, typeName: string, selection: Selection, allowed: Allowed = {}): boolean {
  const fields = (info.schema.getType(typeName) as GraphQLObjectType).getFields();
  for (const name of selection.keys()) {
    if (name === '__typename') continue;
    const field = fields[name];
    if (!field) return false;
    const type = getNamedType(field.type);
    if (isLeafType(type)) continue;
    const next = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (!next || !onlyLeaves(info, type.name, below(selection, name, info), next)) return false;
  }
  return true;
}

/** The properties `base` and the selected leaves read, or null when a selected field is not listed. */
function propsFor(selections: Selection[], base: readonly string[], leaves: Record<string, readonly string[]>, objects: readonly string[] = []): string[] | null {
  const props = new Set(base);
  for (const selection of selections) {
    for (const name of selection.keys()) {
      if (objects.includes(name)) continue;
      const reads = leaves[name];
      if (!reads) return null;
      for (const p of reads) props.add(p);
    }
  }
  return [...props].sort();
}

/**
 * The columns a page may leave out of its children and of the areas, programs and organisations they
 * refer to. The page primes partial rows into the request's loaders,
 * so it trims them only when nothing else in the operation can read those loaders: `households` is the
 * operation's only root field, and below its nodes the selection never leaves the page's own objects
 * (area, members, interventions with their program, its owner and their organisation, leaves only).
 */
function trimmedProps(info: Info, node: Selection): Pick<PagePlan, 'memberProps' | 'interventionProps' | 'areaProps' | 'programProps' | 'organizationProps'> {
  const all = { memberProps: null, interventionProps: null, areaProps: null, programProps: null, organizationProps: null };
  const roots = info.operation.selectionSet.selections;
  if (roots.length !== 1 || roots[0]!.kind !== Kind.FIELD) return all;
  const people = ['members', 'formerMembers', 'head'];
  const householdFields = (info.schema.getType('Household') as GraphQLObjectType).getFields();
  for (const name of node.keys()) {
    if (name === '__typename' || people.includes(name) || name === 'interventions') continue;
    const field = householdFields[name];
    if (!field) return all;
    const type = getNamedType(field.type);
    if (isLeafType(type)) continue;
    if (name !== 'area' || !onlyLeaves(info, type.name, below(node, name, info))) return all;
  }
  const members = people.map((name) => below(node, name, info));
  if (!members.every((m) => onlyLeaves(info, 'Person', m))) return all;
  const interventions = below(node, 'interventions', info);
  if (!onlyLeaves(info, 'Intervention', interventions, { program: { owner: {} }, organization: {} })) return all;
  const program = below(interventions, 'program', info);
  return {
    memberProps: propsFor(members, MEMBER_BASE, MEMBER_LEAVES),
    interventionProps: propsFor([interventions], INTERVENTION_BASE, INTERVENTION_LEAVES, ['program', 'organization']),
    areaProps: propsFor([below(node, 'area', info)], AREA_BASE, AREA_LEAVES),
    programProps: propsFor([program], PROGRAM_BASE, PROGRAM_LEAVES, ['owner']),
    // One loader serves both an intervention's organisation and a program's owner: the union of both.
    organizationProps: propsFor([below(interventions, 'organization', info), below(program, 'owner', info)], ORGANIZATION_BASE, ORGANIZATION_LEAVES),
  };
}

/** Looks ahead from the `households` field at what its nodes select. */
export function planPage(info: Info): PagePlan {
  const node = lookahead(info, 'edges', 'node');
  const interventions = below(node, 'interventions', info);
  const program = below(interventions, 'program', info);
  return {
    area: node.has('area'),
    // members, formerMembers and head all read the household's whole roster (membersByHousehold).
    members: node.has('members') || node.has('formerMembers') || node.has('head'),
    interventions: node.has('interventions'),
    programs: interventions.has('program'),
    owners: program.has('owner'),
    ...trimmedProps(info, node),
    // The nodes are the page's own rows, handed to no loader: only their own fields read them.
    householdProps: propsFor([node], ['id'], HOUSEHOLD_LEAVES),
  };
}

type Json = Record<string, unknown>;
/** A child row as its values in its reader's column order. */
type Values = readonly unknown[];

/**
 * One statement per page, as PostGraphile sends: the page's households with, per household, the
 * children the request selects (area, roster, interventions) as JSON built by PostgreSQL, and on the
 * first row the programs and organisations those interventions refer to. They are the rows the loaders
 * would read, in the loaders' order, under the same transaction and row-level security; `prime` hands
 * them to the loaders, so the field resolvers (masking, partner visibility, the disclosure audit) run
 * as they do on the loader path.
 *
 * Children are read per page (`household_id in (select id from page)`), not per household: a
 * correlated subquery would evaluate the row-level-security scope of a partner once per household.
 */
export function pageStatement(em: EntityManager, connection: RequestConnection, plan: PagePlan, order: { column: string; idColumn: string; direction: 'asc' | 'desc' }) {
  const knex = em.getKnex();
  const person = plainReader(em, Person, plan.memberProps ?? undefined);
  const intervention = plainReader(em, Intervention, plan.interventionProps ?? undefined);
  const program = plainReader(em, Program, plan.programProps ?? undefined);
  const organization = plainReader(em, Organization, plan.organizationProps ?? undefined);
  const area = plainReader(em, Area, plan.areaProps ?? undefined);
  const around = statementAround(em, plan, order);

  function wrap(page: Knex.QueryBuilder): Promise<Json[]> {
    const numbered = page.select(knex.raw(`row_number() over (order by ?? ${order.direction}, ?? ${order.direction}) as "__n"`, [order.column, order.idColumn]));
    // Only the page itself (filter, scope, cursor) is compiled per request; the rest is the cached text,
    // which has no placeholder of its own: the page's `$1`… stay as they are.
    const { sql: text, bindings } = numbered.toSQL().toNative();
    // A page without values of its own (no filter or cursor; its limit and a partner's caseload are literals)
    // is prepared: planning the statement cost PostgreSQL more than running it.
    return requestQuery<Json>(knex, connection, `${around.head}${text}${around.tail}`, bindings, { prepare: true });
  }

  /** Hands a page row's children to the loaders (a key already loaded keeps its value). */
  function prime(loaders: Loaders, householdId: string, row: Json): void {
    const refs = row['__refs'] as { organizations?: Values[] | null; programs?: Values[] | null } | null | undefined;
    for (const o of refs?.organizations ?? []) {
      const value = organization.mapArray(o);
      loaders.organization.prime(value.id, value);
    }
    for (const p of refs?.programs ?? []) {
      const value = program.mapArray(p);
      loaders.program.prime(value.id, value);
    }
    const areaRow = row['__area'] as Values | null | undefined;
    if (areaRow) {
      const value = area.mapArray(areaRow);
      loaders.area.prime(value.id, value);
    }
    // A household without members or interventions has none to join: the loaders would answer [].
    if (plan.members) loaders.membersByHousehold.prime(householdId, ((row['__members'] as Values[] | null) ?? []).map(person.mapArray));
    if (plan.interventions) loaders.interventionsByHousehold.prime(householdId, ((row['__interventions'] as Values[] | null) ?? []).map(intervention.mapArray));
  }

  return { wrap, prime };
}

/** The statement's text before and after the page's own SQL. */
interface Around {
  head: string;
  tail: string;
}

// The text around the page depends only on the plan and the order, so it is compiled once per shape:
// knex building it on every request was about 4 % of a loaded server's CPU.
const arounds = new Map<string, Around>();
const PAGE_MARK = '__sinergi_page__';

function statementAround(em: EntityManager, plan: PagePlan, order: { column: string; idColumn: string; direction: 'asc' | 'desc' }): Around {
  const key = `${+plan.area}${+plan.members}${+plan.interventions}${+plan.programs}${+plan.owners} ${plan.memberProps} ${plan.interventionProps} ${plan.areaProps} ${plan.programProps} ${plan.organizationProps} ${order.column} ${order.idColumn} ${order.direction}`;
  const known = arounds.get(key);
  if (known) return known;
  const knex = em.getKnex();
  const person = plainReader(em, Person, plan.memberProps ?? undefined);
  const intervention = plainReader(em, Intervention, plan.interventionProps ?? undefined);
  const program = plainReader(em, Program, plan.programProps ?? undefined);
  const organization = plainReader(em, Organization, plan.organizationProps ?? undefined);
  const area = plainReader(em, Area, plan.areaProps ?? undefined);
  const rowsOf = (table: string, columns: (alias: string) => Array<string | Knex.Raw>, where: string) =>
    knex(`${table} as t`).select(columns('t')).whereRaw(where);
  // Each child row as a JSON array of its values (PlainReader.mapArray), not an object repeating its keys.
  const values = (reader: PlainReader<unknown>, alias: string) => `json_build_array(${reader.arrayValues(alias)})`;
  const json = (reader: PlainReader<unknown>, rows: Knex.QueryBuilder) => knex.raw(`(select json_agg(${values(reader, 'r')}) from ? r)`, [rows]);

  const q = knex.queryBuilder().with('page', knex.raw(PAGE_MARK)).select('page.*').from('page').orderBy('page.__n');
  if (plan.area) q.select(knex.raw(`(select ${values(area, 'r')} from ? r) as "__area"`, [rowsOf('area', area.columns, 't.id = page.area_id')]));
  if (plan.members) {
    // The order's columns too, should the reader leave them out.
    const members = rowsOf('person', (t) => [...person.columns(t), `${t}.birth_date as __birth_date`], 't.household_id in (select id from page)');
    // The loader's order: birth date, then id.
    q.joinRaw(`left join (select m.household_id as "__hid", json_agg(${values(person, 'm')} order by m.__birth_date, m.id) as "__members" from ? m group by m.household_id) pm on pm."__hid" = page.id`, [members] as never);
    q.select('pm.__members');
  }
  if (plan.interventions) {
    q.with('ivs', rowsOf('intervention', (t) => [...intervention.columns(t), `${t}.created_at as __created_at`], 't.household_id in (select id from page)'));
    // The loader's order: newest first, then id.
    q.joinRaw(`left join (select x.household_id as "__hid", json_agg(${values(intervention, 'x')} order by x.__created_at desc, x.id) as "__interventions" from ivs x group by x.household_id) pi on pi."__hid" = page.id`);
    q.select('pi.__interventions');
    // Each intervention's organisation decides whether a partner sees it (visibleInterventions).
    const organizations = [`t.id in (select organization_id from ivs)`];
    if (plan.owners) organizations.push(`t.id in (select p.owner_id from program p where p.id in (select program_id from ivs))`);
    const refs = [knex.raw(`'organizations', ?`, [json(organization, rowsOf('organization', organization.columns, organizations.join(' or ')))])];
    if (plan.programs) refs.push(knex.raw(`'programs', ?`, [json(program, rowsOf('program', program.columns, 't.id in (select program_id from ivs)'))]));
    // Reference data, once per page rather than once per household.
    q.select(knex.raw(`case when page."__n" = 1 then json_build_object(${refs.map(() => '?').join(', ')}) end as "__refs"`, refs));
  }
  const compiled = q.toSQL();
  // The text around the page is constant: a value to bind, or a `?` the page's own bindings would be
  // matched against, would make it depend on the request.
  if (compiled.bindings.length || compiled.sql.includes('?')) throw new Error('the page statement must not bind values around the page');
  const [head, tail] = compiled.sql.split(PAGE_MARK) as [string, string];
  const around = { head, tail };
  arounds.set(key, around);
  return around;
}
