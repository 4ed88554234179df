import {
  CheckConstraintViolationException,
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { PostgreSqlExceptionConverter } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import pg from 'pg';
import { BadUserInputError, ConflictError, ForbiddenError } from '../graphql/errors.js';

// Unique constraints → the input field a client should change. Constraint names never reach clients.
const UNIQUE_FIELDS: Record<string, string> = {
  household_kk_number_key: 'input.kkNumber',
  person_nik_key: 'input.nik',
  person_one_head_per_household: 'input.relation',
  growth_measurement_person_id_measured_on_key: 'input.measuredOn',
  program_owner_id_name_key: 'input.name',
  organization_name_key: 'input.name',
  app_user_username_key: 'input.username',
  assignment_one_open: 'input.organizationId',
  indicator_value_area_id_indicator_year_quarter_key: 'input.period',
  intervention_once_per_period: 'input.programId',
  intervention_idempotency_key_key: 'input.idempotencyKey',
};

const converter = new PostgreSqlExceptionConverter();

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Field named by a check constraint such as `household_rt_check`; table-level checks name the input. */
function checkField(constraint: string | undefined, table: string | undefined): string {
  if (!constraint || !table || !constraint.startsWith(`${table}_`) || !constraint.endsWith('_check')) return 'input';
  const column = constraint.slice(table.length + 1, -'_check'.length);
  return /^[a-z_]+$/.test(column) && !/^check\d*$/.test(column) ? `input.${camel(column)}` : 'input';
}

/**
 * Turns a database refusal into the client error it stands for, or undefined for anything that is
 * not the client's doing (which is then logged and masked).
 */
export function clientErrorFromDatabase(raw: unknown): GraphQLError | undefined {
  // Plain knex queries reject with the driver's own error; MikroORM's converter gives it the same class.
  const error = raw instanceof pg.DatabaseError ? converter.convertException(raw) : raw;
  const e = error as { constraint?: string; table?: string; column?: string };
  if (error instanceof OptimisticLockError) {
    return new ConflictError('The record was changed by someone else; reload and try again', { field: 'input.version' });
  }
  if (error instanceof UniqueConstraintViolationException) {
    const field = (e.constraint && UNIQUE_FIELDS[e.constraint]) ?? 'input';
    return new ConflictError(`Another record already has this ${field.replace(/^input\./, '')}`, { field });
  }
  if (error instanceof CheckConstraintViolationException) {
    const field = checkField(e.constraint, e.table);
    return new BadUserInputError(field, 'value is not allowed');
  }
  if (error instanceof NotNullConstraintViolationException) {
    return new BadUserInputError(e.column ? `input.${camel(e.column)}` : 'input', 'is required');
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new BadUserInputError('input', 'refers to a record that does not exist');
  }
  // insufficient_privilege: row-level security refused a write the API should already have refused.
  if (error instanceof DriverException && error.code === '42501') return new ForbiddenError();
  // invalid_text_representation: a malformed id or number that slipped past the API's own checks.
  if (error instanceof DriverException && error.code === '22P02') {
    return new BadUserInputError('input', 'contains a value of the wrong form (for example an id that is not a uuid)');
  }
  return undefined;
}
