import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outbox-sender';

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
