import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

// Generated GraphQL inputs for property tests: values of every input type in the schema, mostly of the
// right type (so that they reach the resolvers) but hostile in content, sometimes of the wrong type.

/** What the response text must never contain. Generated strings avoid them, so echoes cannot trip them. */
export const SQL_TEXT = /select |insert into|violates|relation "|syntax error/i;
export const STACK_TEXT = /\n\s+at |\.ts:\d+/;

/** Real values of the seeded database, so that some inputs point at things that exist. */
export interface Pools {
  ids: string[];
  areaCodes: string[];
  cursors: string[];
  identityNumbers: string[];
}

const clean = (s: string) => !SQL_TEXT.test(s) && !STACK_TEXT.test(s);

const forgedUuid = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-00000000000g',
    '{00000000-0000-0000-0000-000000000000}',
  ),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.tuple(fc.uuid(), fc.integer({ min: 0, max: 35 })).map(([u, i]) => u.slice(0, i)),
  fc.uuid().map((u) => u.replaceAll('-', '')),
  fc.uuid().map((u) => `${u}${u}`),
);

const hostileText = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\t\n\r',
      '\u202Eevil\u202C',
      'مرحبا بالعالم',
      'שלום',
      '👨‍👩‍👧‍👦🇮🇩',
      '\uD800',
      '\uFFFF',
      "' OR '1'='1",
      "'); DROP TABLE household; --",
      '"; --',
      '%',
      '_',
      '\\',
      '$1',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      '{"$gt":""}',
      'NaN',
      'Infinity',
      '-0',
      '1e309',
      '9'.repeat(400),
      'null',
      'true',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ maxLength: 20 }),
    fc.nat({ max: 100_000 }).map((n) => 'x'.repeat(n)),
    fc.constant('é'.repeat(100_000)),
    fc.constant('😀'.repeat(50_000)),
  )
  .filter(clean);

const isoDate = fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const plausibleDate = fc.date({ min: new Date('2015-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const badDate = fc.constantFrom('2024-02-30', '2023-02-29', '0000-01-01', '99999-01-01', '2024-1-1', '2024-13-01', '20240101', '2024-01-01T00:00:00Z', '-2024-01-01', '2024-00-10');

const int32 = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 100, 101, 1000, 50_000),
);
const double = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -10, max: 200, noNaN: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
);

/** Values of no particular type: most are the wrong type wherever they are sent. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, 1e300, 'NaN', 'Infinity', '', [], {}),
  hostileText,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'id'), fc.integer(), { maxKeys: 2 }),
);

function stringFor(name: string, pools: Pools): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  const cursor = fc.oneof(
    fc.constantFrom(...pools.cursors),
    fc.constantFrom(...pools.cursors).chain((c) => fc.nat({ max: c.length }).map((i) => c.slice(0, i))),
    fc.constantFrom(...pools.cursors).chain((c) =>
      fc.nat({ max: c.length - 1 }).map((i) => `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`),
    ),
    fc.base64String({ maxLength: 200 }),
    fc.string({ maxLength: 40 }).map((s) => Buffer.from(JSON.stringify({ id: s, offset: -1 })).toString('base64url')),
  );
  if (n === 'after' || n.includes('cursor')) return fc.oneof({ weight: 4, arbitrary: cursor }, { weight: 1, arbitrary: hostileText });
  const options: fc.Arbitrary<string>[] = [hostileText];
  if (/code|within|area/.test(n)) options.push(fc.constantFrom(...pools.areaCodes));
  if (/nik|kk|number|query|search|text/.test(n)) {
    options.push(fc.constantFrom(...pools.identityNumbers), fc.stringMatching(/^\d{16}$/), fc.stringMatching(/^\d{1,20}$/));
  }
  if (/rt|rw/.test(n)) options.push(fc.stringMatching(/^\d{1,3}$/));
  if (/password/.test(n)) options.push(fc.constantFrom('sinergi-demo', 'a-long-enough-password-123'));
  if (/username/.test(n)) options.push(fc.constantFrom('admin', 'dinsos', 'ngo', 'nobody', 'ADMIN '));
  if (/date|period|from|to/.test(n)) options.push(isoDate, badDate);
  if (/^id$|id$/.test(name)) options.push(fc.constantFrom(...pools.ids));
  options.push(fc.lorem({ maxCount: 4 }));
  return fc.oneof(...options);
}

function scalarValue(typeName: string, name: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids) }, { weight: 3, arbitrary: forgedUuid }, { weight: 1, arbitrary: hostileText }, { weight: 1, arbitrary: fc.integer() });
    case 'String':
      return stringFor(name, pools);
    case 'Int':
      return int32;
    case 'Float':
      return double;
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return fc.oneof({ weight: 3, arbitrary: plausibleDate }, { weight: 2, arbitrary: isoDate }, { weight: 1, arbitrary: badDate });
    case 'DateTimeISO':
      return fc.oneof(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2024-01-01T00:00:00+25:00', '2024-01-01', 'yesterday', '275760-09-13T00:00:00.001Z', '1970-01-01T00:00:00Z'),
      );
    case 'JSONObject':
      return fc.oneof(
        fc.constant({ type: 'FeatureCollection', features: [] }),
        fc.record({
          type: fc.constantFrom('FeatureCollection', 'Feature', 'Polygon'),
          features: fc.array(
            fc.record({
              type: fc.constant('Feature'),
              properties: fc.dictionary(fc.constantFrom('code', 'kode', 'name', 'KDEPUM'), fc.oneof(hostileText, fc.constantFrom(...pools.areaCodes), fc.integer())),
              geometry: fc.oneof(
                fc.constant(null),
                fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point'), coordinates: fc.array(fc.array(fc.array(double, { maxLength: 3 }), { maxLength: 5 }), { maxLength: 2 }) }),
              ),
            }),
            { maxLength: 3 },
          ),
        }),
        fc.dictionary(fc.string({ maxLength: 5 }), anyJson, { maxKeys: 3 }),
      );
    default:
      return anyJson;
  }
}

/** A value for an input type: usually well typed (hostile content), sometimes of the wrong type. */
export function valueOf(type: GraphQLInputType, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const wrong = { weight: 1, arbitrary: anyJson };
  if (isNonNullType(type)) return fc.oneof({ weight: 40, arbitrary: valueOf(type.ofType, name, pools, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) {
    const item = valueOf(type.ofType, name, pools, depth + 1);
    return fc.oneof(
      { weight: 30, arbitrary: fc.array(item, { maxLength: depth > 0 ? 2 : 4 }) },
      { weight: 2, arbitrary: item },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...pools.ids), { minLength: 400, maxLength: 600 }) },
      wrong,
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('', 'NOT_A_VALUE', values[0]!.toLowerCase()) }, wrong);
  }
  if (isScalarType(type)) return fc.oneof({ weight: 30, arbitrary: scalarValue(type.name, name, pools) }, wrong);
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = valueOf(f.type, f.name, pools, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const record = fc.record(shape, { requiredKeys: required });
    return fc.oneof(
      { weight: 30, arbitrary: record },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: 1 })) },
      wrong,
    );
  }
  return anyJson;
}

/** Variables for all of a field's arguments; optional ones are sometimes left out. */
export function argumentsOf(field: GraphQLField<unknown, unknown>, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) shape[arg.name] = valueOf(arg.type, arg.name, pools);
  // Mostly the first page: a cursor that fits neither this list nor this filter is refused before any SQL.
  if (shape['after']) shape['after'] = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: shape['after'] });
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
  return fc.record(shape, { requiredKeys: required });
}

function scalarFields(type: GraphQLOutputType): string[] {
  const named = getNamedType(type);
  if (!isObjectType(named)) return [];
  return Object.values(named.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .filter((f) => !isObjectType(getNamedType(f.type)) && !isInputObjectType(getNamedType(f.type)))
    .map((f) => f.name);
}

/** A selection of the field's scalars; a connection's edges, cursors, nodes and page info. */
export function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = named.getFields();
  const parts = ['__typename', ...scalarFields(type)];
  if (fields['edges'] && fields['pageInfo']) {
    const edge = getNamedType(fields['edges'].type);
    const node = isObjectType(edge) ? edge.getFields()['node'] : undefined;
    parts.push(`edges { cursor ${node ? `node { ${['__typename', ...scalarFields(node.type)].join(' ')} }` : ''} }`);
    parts.push(`pageInfo { ${scalarFields(fields['pageInfo'].type).join(' ')} }`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface Operation {
  root: 'query' | 'mutation';
  field: string;
  document: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

/** One operation per mutation and per query that takes arguments, with variables of the declared types. */
export function operationsOf(schema: GraphQLSchema, pools: Pools): Operation[] {
  const ops: Operation[] = [];
  for (const root of ['query', 'mutation'] as const) {
    const type = root === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (root === 'query' && field.args.length === 0) continue;
      const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${root}${defs ? ` (${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field.type)} }`;
      ops.push({ root, field: field.name, document, variables: argumentsOf(field, pools) });
    }
  }
  return ops;
}
