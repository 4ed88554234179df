import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { OutboxEntry, OutboxResult, SendOutcome } from './outbox';

const LOG_INTERVENTION = graphql(`
  mutation OutboxLogIntervention($input: LogInterventionInput!) {
    logIntervention(input: $input) {
      id
    }
  }
`);

const RECORD_MEASUREMENT = graphql(`
  mutation OutboxRecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {
    recordGrowthMeasurement(input: $input) {
      id
    }
  }
`);

/** Codes the server answers for a request it will refuse again, whatever the connection. */
const FINAL_REFUSALS = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

/** The server's answer to an entry, sorted into what the outbox shows. */
export function outcomeOf(result: { data?: unknown; error?: unknown; extensions?: Record<string, unknown> }): SendOutcome {
  if (result.error) {
    if (!CombinedGraphQLErrors.is(result.error)) return { kind: 'retryLater', result: { code: 'NETWORK' } };
    const first = result.error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    const code = typeof ext['code'] === 'string' ? ext['code'] : undefined;
    const info: OutboxResult = {
      code,
      message: first?.message,
      ...(typeof ext['field'] === 'string' ? { field: ext['field'] } : {}),
      ...(typeof ext['existingId'] === 'string' ? { existingId: ext['existingId'] } : {}),
      ...(ext['existing'] && typeof ext['existing'] === 'object' ? { existing: ext['existing'] as Record<string, unknown> } : {}),
    };
    if (code === 'CONFLICT') return { kind: 'conflict', result: info };
    if (code && FINAL_REFUSALS.has(code)) return { kind: 'refused', result: info };
    // An ended session or a server fault: the entry waits; sending it later is safe (same key).
    return { kind: 'retryLater', result: info };
  }
  if (!result.data) return { kind: 'retryLater' };
  return { kind: result.extensions?.['replayed'] === true ? 'alreadySaved' : 'saved' };
}

/** Sends one entry through the app's Apollo client (its session, its language, its error handling). */
export function apolloSender(client: ApolloClient) {
  return async (entry: OutboxEntry): Promise<SendOutcome> => {
    try {
      const result =
        entry.kind === 'delivery'
          ? await client.mutate({ mutation: LOG_INTERVENTION, variables: { input: entry.input as never }, errorPolicy: 'all' })
          : await client.mutate({ mutation: RECORD_MEASUREMENT, variables: { input: entry.input as never }, errorPolicy: 'all' });
      return outcomeOf(result);
    } catch (error) {
      return outcomeOf({ error });
    }
  };
}
