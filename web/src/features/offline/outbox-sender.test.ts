import { CombinedGraphQLErrors } from '@apollo/client';
import type { ApolloClient } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { apolloSender, outcomeOf } from './outbox-sender';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe("sorting the server's answer to an outbox entry", () => {
  it('saved, or already saved when the server says the write was a replay', () => {
    expect(outcomeOf({ data: { logIntervention: { id: 'i1' } } })).toEqual({ kind: 'saved' });
    expect(outcomeOf({ data: { logIntervention: { id: 'i1' } }, extensions: { replayed: true } })).toEqual({ kind: 'alreadySaved' });
  });

  it('a conflict keeps what the saved record holds; input, role and missing records are final refusals with the reason', () => {
    const conflict = graphQLError('This child already has a measurement on this day', {
      code: 'CONFLICT', field: 'input.measuredOn', existingId: 'm1', existing: { heightCm: 90.2 },
    });
    expect(outcomeOf({ error: conflict })).toEqual({
      kind: 'conflict',
      result: { code: 'CONFLICT', message: 'This child already has a measurement on this day', field: 'input.measuredOn', existingId: 'm1', existing: { heightCm: 90.2 } },
    });
    for (const code of ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND']) {
      expect(outcomeOf({ error: graphQLError('no', { code }) })).toMatchObject({ kind: 'refused', result: { code, message: 'no' } });
    }
  });

  it('no connection, an ended session or a server fault leave the entry waiting', () => {
    expect(outcomeOf({ error: new TypeError('Failed to fetch') })).toMatchObject({ kind: 'retryLater' });
    expect(outcomeOf({ error: graphQLError('Login required', { code: 'UNAUTHENTICATED' }) })).toMatchObject({ kind: 'retryLater' });
    expect(outcomeOf({ error: graphQLError('Unexpected error', { code: 'INTERNAL_SERVER_ERROR' }) })).toMatchObject({ kind: 'retryLater' });
  });
});

describe('sending an outbox entry', () => {
  it("sends a measurement's input with its idempotency key to recordGrowthMeasurement; a replay is already saved", async () => {
    const input = { personId: 'p2', measuredOn: '2026-12-03', heightCm: 72.5, position: 'LYING', idempotencyKey: 'key-0001-measure' };
    const mutate = vi.fn(async () => ({ data: { recordGrowthMeasurement: { id: 'm1' } }, extensions: { replayed: true } }));
    const send = apolloSender({ mutate } as unknown as ApolloClient);
    const outcome = await send({
      id: 'key-0001-measure', userId: 'u1', kind: 'measurement', input, householdId: 'h1', summary: 'Adik, 72,5 cm',
      createdAt: '2026-12-06T08:00:00Z', status: 'pending', attempts: 0,
    });
    expect(outcome).toEqual({ kind: 'alreadySaved' });
    const options = (mutate.mock.calls as unknown as Array<[{ mutation: { definitions: Array<{ name?: { value: string } }> }; variables: unknown }]>)[0]![0];
    expect(options.mutation.definitions[0]?.name?.value).toBe('OutboxRecordGrowthMeasurement');
    expect(options.variables).toEqual({ input });
  });
});
