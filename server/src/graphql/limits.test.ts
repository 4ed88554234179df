import { describe, expect, it } from 'vitest';
import {
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  validate,
  specifiedRules,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { buildSinergiSchema } from './schema.js';
import { FIELD_COSTS, LIMIT_RULES, LIST_SIZES, MAX_COST, operationCost, PARSE_OPTIONS } from './limits.js';

const schema = await buildSinergiSchema({ sessionTtlHours: 12 });

/** Some value the type accepts: what a form would send at the least. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return Array.from({ length: 500 }, () => sample(type.ofType, name));
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = sample(f.type, f.name);
    return out;
  }
  switch (type.name) {
    case 'Int': return 1;
    case 'Float': return 1.5;
    case 'Boolean': return true;
    case 'LocalDate': return '2025-01-31';
    case 'DateTimeISO': return '2025-01-31T00:00:00.000Z';
    case 'JSONObject': return {};
    default: return 'x';
  }
}

/** The variables a portal operation is sent with at its worst: every page size at the cap. */
function worstCaseVariables(operation: OperationDefinitionNode, schema: GraphQLSchema) {
  const out: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name === 'first') out[name] = 100;
    else if (v.type.kind === Kind.NON_NULL_TYPE) out[name] = sample(typeFromAST(schema, v.type) as GraphQLInputType, name);
  }
  return out;
}

// The operations the portal sends, as graphql-codegen compiled them (fragments included).
const generated = (await import(new URL('../../../web/src/gql/graphql.ts', import.meta.url).href)) as Record<string, unknown>;
const portal = Object.entries(generated)
  .filter(([name, doc]) => name.endsWith('Document') && (doc as DocumentNode)?.kind === Kind.DOCUMENT)
  .map(([name, doc]) => [name.replace(/Document$/, ''), doc as DocumentNode] as const);

const operationOf = (doc: DocumentNode) => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
function cost(query: string, variables?: Record<string, unknown>) {
  const doc = parse(query);
  expect(validate(schema, doc)).toEqual([]);
  return operationCost(schema, doc, variables);
}
const refusals = (doc: DocumentNode) => validate(schema, doc, [...specifiedRules, ...LIMIT_RULES]).map((e) => e.message);

describe('the portal stays within every limit', () => {
  it('finds the portal operations', () => {
    expect(portal.length).toBeGreaterThan(40);
    expect(portal.map(([name]) => name)).toEqual(expect.arrayContaining(['Households', 'HouseholdDetail', 'WorkQueue', 'Dashboard', 'ExportHouseholds']));
  });

  it.each(portal)('%s: tokens, depth, aliases, directives and cost at its worst-case variables', (_name, doc) => {
    expect(() => parse(print(doc), PARSE_OPTIONS)).not.toThrow();
    expect(refusals(doc)).toEqual([]);
    expect(operationCost(schema, doc, worstCaseVariables(operationOf(doc), schema))).toBeLessThanOrEqual(MAX_COST);
  });

  it("GraphiQL's introspection query is within the limits and costs nothing", () => {
    const doc = parse(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }), PARSE_OPTIONS);
    expect(refusals(doc)).toEqual([]);
    expect(operationCost(schema, doc, {})).toBe(0);
  });
});

describe('estimateCost', () => {
  it('counts a connection as 1 plus first (default 20, capped at 100) times a row', () => {
    expect(cost('{ households { edges { node { id } } } }')).toBe(21);
    expect(cost('{ households(first: 100) { edges { node { id kkNumber } } } }')).toBe(101);
    expect(cost('{ households(first: 100000) { edges { node { id } } } }')).toBe(101);
    expect(cost('query ($n: Int) { households(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(51);
    expect(cost('{ households(first: 0) { totalCount pageInfo { hasNextPage endCursor } } }')).toBe(1);
  });

  it('multiplies an unpaginated list by its estimate, nested lists by each other', () => {
    expect(cost('{ households(first: 10) { edges { node { members { id } } } } }')).toBe(1 + 10 * (1 + LIST_SIZE('Household.members')));
    const nested = '{ households(first: 100) { edges { node { members { household { members { household { id } } } } } } } }';
    const members = LIST_SIZE('Household.members');
    expect(cost(nested)).toBe(1 + 100 * (1 + members * (1 + 1 + members * (1 + 1))));
    expect(cost(nested)).toBeGreaterThan(MAX_COST);
  });

  it("admits the spec's nested page at the largest page size, once per operation", () => {
    const page = `households(first: 100) { edges { node { area { code } members { nik name }
      interventions { status program { name owner { name } } } } } }`;
    expect(cost(`{ ${page} }`)).toBeLessThanOrEqual(MAX_COST);
    expect(cost(`{ a: ${page} b: ${page} }`)).toBeGreaterThan(MAX_COST);
  });

  it('adds the fixed cost of heavy fields, leaves out skipped fields and introspection', () => {
    expect(cost('{ overlap { overlappingNeeds } }')).toBe(1 + FIELD_COSTS['Query.overlap']!);
    expect(cost('{ a: households(first: 100) @skip(if: true) { edges { node { id } } } __typename }')).toBe(0);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('counts a referral by the households it names', () => {
    const q = 'mutation ($input: CreateAssignmentInput!) { createAssignments(input: $input) { id } }';
    expect(cost(q, { input: { organizationId: 'o', householdIds: ['a', 'b', 'c'] } })).toBe(3);
  });

  it('has an estimate for every list of objects in the schema, and none for anything else', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
        if (isListType(inner) && isCompositeType(getNamedType(inner))) lists.push(`${type.name}.${field.name}`);
      }
    }
    expect(Object.keys(LIST_SIZES).sort()).toEqual(lists.sort());
  });
});

function LIST_SIZE(key: string): number {
  return LIST_SIZES[key] as number;
}
