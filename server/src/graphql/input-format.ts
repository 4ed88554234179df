import {
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BadUserInputError } from './errors.js';
import { withStatus } from './limits.js';

// Inputs PostgreSQL cannot take, refused before execution and naming their field, instead of failing in
// SQL as a driver error: an ID that is not a uuid (every ID the API accepts is one; the audit log's own
// ids are never an input), text with a NUL character (text and jsonb cannot store it), a date in year 0.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Malformed {
  path: string;
  message: string;
}

/** True when a string anywhere in a scalar's value (a JSON object's too) holds a NUL character. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v));
  return false;
}

function findMalformed(value: unknown, type: GraphQLInputType, path: string): Malformed | undefined {
  if (value === null || value === undefined) return undefined;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) return findMalformed(value, inner.ofType, path);
    for (const [i, item] of value.entries()) {
      const found = findMalformed(item, inner.ofType, `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const found = findMalformed((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`);
      if (found) return found;
    }
    return undefined;
  }
  if (inner.name === 'ID' && !(typeof value === 'string' && UUID.test(value))) return { path, message: 'must be an id (a uuid)' };
  // graphql-scalars' LocalDate takes the year 0000, which no calendar (and no PostgreSQL date) has.
  if (inner.name === 'LocalDate' && typeof value === 'string' && value.startsWith('0000')) return { path, message: 'must be a real date (YYYY-MM-DD)' };
  if (holdsNul(value)) return { path, message: 'must not contain the NUL character' };
  return undefined;
}

/** The first argument value of the operation that PostgreSQL cannot take, as a BAD_USER_INPUT error. */
export function malformedInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): BadUserInputError | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT.
  if ('errors' in coerced) return undefined;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  let found: Malformed | undefined;
  const check = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const arg = typeInfo.getArgument();
      if (found || !arg) return;
      const value = valueFromAST(node.value, arg.type, variables);
      found = findMalformed(value, arg.type, arg.name);
    },
  });
  visit(operation, check);
  // Fragments the operation spreads hold arguments too.
  for (const definition of document.definitions) if (definition.kind === 'FragmentDefinition') visit(definition, check);
  return found ? new BadUserInputError(found.path, found.message) : undefined;
}

/** Refuses, before the request opens its transaction, an operation with an input PostgreSQL cannot take. */
export function checkInputFormats(
  schema: GraphQLSchema,
  { document, operation, request }: { document: DocumentNode; operation?: OperationDefinitionNode | null; request: { variables?: Record<string, unknown> } },
): void {
  if (!operation) return;
  const error = malformedInput(schema, document, operation, request.variables);
  if (error) throw withStatus(error, 400);
}
