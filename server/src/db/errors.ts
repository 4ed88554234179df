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
import { problem, type Reason } from '../graphql/messages.js';

// Unique constraints → the input field a client should change. Constraint names never reach clients.
const UNIQUE_FIELDS: Record<string, [field: string, reason: Reason]> = {
  household_kk_number_key: ['input.kkNumber', 'KK_TAKEN'],
  person_nik_key: ['input.nik', 'NIK_TAKEN'],
  person_one_head_per_household: ['input.relation', 'HEAD_TAKEN'],
  growth_measurement_person_id_measured_on_key: ['input.measuredOn', 'MEASUREMENT_DATE_TAKEN'],
  program_owner_id_name_key: ['input.name', 'NAME_TAKEN'],
  organization_name_key: ['input.name', 'NAME_TAKEN'],
  app_user_username_key: ['input.username', 'USERNAME_TAKEN'],
  assignment_one_open: ['input.organizationId', 'ASSIGNMENT_TAKEN'],
  indicator_value_area_id_indicator_year_quarter_key: ['input.period', 'INDICATOR_PERIOD_TAKEN'],
  intervention_once_per_period: ['input.programId', 'PROGRAM_PERIOD_TAKEN'],
  intervention_idempotency_key_key: ['input.idempotencyKey', 'IDEMPOTENCY_KEY_TAKEN'],
  growth_measurement_idempotency_key_key: ['input.idempotencyKey', 'IDEMPOTENCY_KEY_TAKEN'],
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
    return new ConflictError(problem('VERSION_CONFLICT'), { field: 'input.version' });
  }
  if (error instanceof UniqueConstraintViolationException) {
    const [field, reason] = (e.constraint && UNIQUE_FIELDS[e.constraint]) || ['input', undefined];
    return new ConflictError(reason ? { reason, params: {} } : problem('DUPLICATE_VALUE'), { field });
  }
  if (error instanceof CheckConstraintViolationException) {
    const field = checkField(e.constraint, e.table);
    return new BadUserInputError(field, problem('VALUE_NOT_ALLOWED'));
  }
  if (error instanceof NotNullConstraintViolationException) {
    return new BadUserInputError(e.column ? `input.${camel(e.column)}` : 'input', problem('REQUIRED'));
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new BadUserInputError('input', problem('REFERENCE_UNKNOWN'));
  }
  // insufficient_privilege: row-level security refused a write the API should already have refused.
  if (error instanceof DriverException && error.code === '42501') return new ForbiddenError();
  // invalid_text_representation: a malformed id or number that slipped past the API's own checks.
  if (error instanceof DriverException && error.code === '22P02') {
    return new BadUserInputError('input', problem('WRONG_FORM'));
  }
  return undefined;
}
