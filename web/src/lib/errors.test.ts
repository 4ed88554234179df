import { CombinedGraphQLErrors } from '@apollo/client';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptLanguage, createApolloClient } from '../app/apollo';
import { gql } from '@apollo/client';
import { apiError, describeError } from './errors';

const t = i18next.t.bind(i18next);
const serverError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18next.changeLanguage('id');
});

describe('apiError', () => {
  it('takes the reason code, field and existing record from the extensions', () => {
    const info = apiError(serverError('CONFLICT', 'Keluarga ini sudah punya rujukan terbuka ke mitra ini', { reason: 'REFERRAL_ALREADY_OPEN', field: 'input.householdIds.0', existingId: 'a1' }));
    expect(info).toEqual({
      code: 'CONFLICT',
      message: 'Keluarga ini sudah punya rujukan terbuka ke mitra ini',
      reason: 'REFERRAL_ALREADY_OPEN',
      field: 'input.householdIds.0',
      existingId: 'a1',
    });
  });
});

describe('describeError', () => {
  it("shows the server's catalogued message (written in the portal's language) for the four client codes", () => {
    expect(describeError(serverError('NOT_FOUND', 'Keluarga tidak ditemukan', { reason: 'HOUSEHOLD_NOT_FOUND' }), t)).toBe('Keluarga tidak ditemukan');
    expect(describeError(serverError('FORBIDDEN', 'Hanya koordinator yang memverifikasi penyaluran', { reason: 'COORDINATOR_VERIFIES' }), t)).toBe(
      'Hanya koordinator yang memverifikasi penyaluran',
    );
    expect(describeError(serverError('BAD_USER_INPUT', 'NIK harus 16 digit', { reason: 'NIK_FORMAT', field: 'input.nik' }), t)).toBe('NIK harus 16 digit');
    expect(describeError(serverError('CONFLICT', 'Nomor KK ini sudah terdaftar', { reason: 'KK_TAKEN' }), t)).toBe('Nomor KK ini sudah terdaftar');
  });

  it('never shows a server text it did not write from the catalogue', () => {
    expect(describeError(serverError('INTERNAL_SERVER_ERROR', 'Internal server error'), t)).toBe('Server mengalami kesalahan. Coba lagi sebentar lagi.');
    expect(describeError(serverError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x" on type "Query".'), t)).toBe('Server mengalami kesalahan. Coba lagi sebentar lagi.');
    expect(describeError(serverError('TOO_MANY_REQUESTS', 'Too many attempts; try again later'), t)).toBe('Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.');
    expect(describeError(serverError('SERVICE_UNAVAILABLE', 'The server is busy; try again in 5 s', { reason: 'SERVER_BUSY' }), t)).toBe(
      'Server sedang sibuk. Coba lagi sebentar lagi.',
    );
    // A FORBIDDEN or NOT_FOUND without a reason (an older server) gets the portal's own sentence.
    expect(describeError(serverError('FORBIDDEN', 'Your role may not do this'), t)).toBe('Anda tidak berwenang melakukan tindakan ini.');
    expect(describeError(serverError('NOT_FOUND', 'Household not found'), t)).toBe('Data tidak ditemukan.');
  });

  it('tells a wrong password from an expired session', () => {
    expect(describeError(serverError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'INVALID_CREDENTIALS' }), t)).toBe('Nama pengguna atau kata sandi salah.');
    expect(describeError(serverError('UNAUTHENTICATED', 'Login required', { reason: 'LOGIN_REQUIRED' }), t)).toBe('Sesi Anda telah berakhir. Silakan masuk kembali.');
  });

  it('explains a network failure in the portal language', async () => {
    expect(describeError(new TypeError('Failed to fetch'), t)).toBe('Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.');
    await i18next.changeLanguage('en');
    expect(describeError(new TypeError('Failed to fetch'), t)).not.toMatch(/Server tidak/);
  });
});

describe('the Accept-Language the portal sends', () => {
  it('is Indonesian unless English is chosen', () => {
    expect(acceptLanguage('id')).toBe('id');
    expect(acceptLanguage(undefined)).toBe('id');
    expect(acceptLanguage('en')).toBe('en');
    expect(acceptLanguage('en-GB')).toBe('en');
  });

  it('follows the current language on every request', async () => {
    const sent: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push(new Headers(init.headers).get('accept-language') ?? '');
        return new Response(JSON.stringify({ data: { __typename: 'Query' } }), { headers: { 'content-type': 'application/json' } });
      }),
    );
    const client = createApolloClient();
    const query = gql`
      query Probe {
        __typename
      }
    `;
    await client.query({ query, fetchPolicy: 'network-only' });
    await i18next.changeLanguage('en');
    await client.query({ query, fetchPolicy: 'network-only' });
    expect(sent).toEqual(['id', 'en']);
  });
});
