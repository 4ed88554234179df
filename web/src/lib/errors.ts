import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';

export interface ApiErrorInfo {
  code?: string;
  message: string;
  field?: string;
  existingId?: string;
  /** The server's stable reason code (extensions.reason), e.g. NIK_FORMAT or REFERRAL_ALREADY_OPEN. */
  reason?: string;
}

// Codes whose message the server writes from its catalogue, in the language the portal asked for.
const CATALOGUED = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/** The first GraphQL error of an Apollo error, with its extensions. */
export function apiError(error: unknown): ApiErrorInfo | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: typeof ext.code === 'string' ? ext.code : undefined,
      message: first?.message ?? error.message,
      field: typeof ext.field === 'string' ? ext.field : undefined,
      existingId: typeof ext.existingId === 'string' ? ext.existingId : undefined,
      reason: typeof ext.reason === 'string' ? ext.reason : undefined,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A translated message for an error: the server's own text for the codes it writes from its catalogue
 * (it answers in the portal's language), the portal's own for the rest; never a server text in English.
 */
export function describeError(error: unknown, t: TFunction): string {
  const info = apiError(error);
  return info ? describeApiError(info, t) : '';
}

/** The same, for an error already taken apart by `apiError` (what form submit callbacks report). */
export function describeApiError(info: ApiErrorInfo, t: TFunction): string {
  if (info.code && CATALOGUED.has(info.code) && info.reason) return info.message;
  switch (info.code) {
    case 'NETWORK':
      return t('common.networkError');
    case 'FORBIDDEN':
      return t('common.forbidden');
    case 'NOT_FOUND':
      return t('common.notFound');
    case 'UNAUTHENTICATED':
      return info.reason === 'INVALID_CREDENTIALS' ? t('auth.wrongCredentials') : t('auth.expired');
    case 'TOO_MANY_REQUESTS':
      return t('common.tooManyRequests');
    case 'SERVICE_UNAVAILABLE':
      return t('common.serverBusy');
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      return info.message;
    default:
      return t('common.serverError');
  }
}
