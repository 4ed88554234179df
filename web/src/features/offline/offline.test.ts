import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from './offline';

const answered = (status: number) => new ServerError(`Response not successful: Received status code ${status}`, { response: new Response('', { status }), bodyText: '' });
const graphqlError = (code: string) => new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code } }] });

describe('which failures the outbox keeps to send again', () => {
  it('keeps requests the server did not handle: no connection, a gateway without its server, a server shedding load', () => {
    expect(isNetworkFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNetworkFailure(answered(502))).toBe(true);
    expect(isNetworkFailure(answered(503))).toBe(true);
    expect(isNetworkFailure(answered(504))).toBe(true);
    expect(isNetworkFailure(graphqlError('SERVICE_UNAVAILABLE'))).toBe(true);
  });

  it('does not keep what the server answered: the user must see the refusal or the fault', () => {
    expect(isNetworkFailure(answered(500))).toBe(false);
    expect(isNetworkFailure(answered(400))).toBe(false);
    expect(isNetworkFailure(graphqlError('BAD_USER_INPUT'))).toBe(false);
    expect(isNetworkFailure(graphqlError('INTERNAL_SERVER_ERROR'))).toBe(false);
  });
});
