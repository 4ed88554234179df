import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';

export interface ApiErrorInfo {
  code?: string;
  message: string;
  field?: string;
  existingId?: string;
}

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
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

/** A translated message for an error: the server's own text for input errors. */
export function describeError(error: unknown, t: TFunction): string {
  const info = apiError(error);
  return info ? describeApiError(info, t) : '';
}

/** The same, for an error already taken apart by `apiError` (what form submit callbacks report). */
export function describeApiError(info: ApiErrorInfo, t: TFunction): string {
  switch (info.code) {
    case 'NETWORK':
      return t('common.networkError');
    case 'FORBIDDEN':
      return t('common.forbidden');
    case 'NOT_FOUND':
      return t('common.notFound');
    case 'UNAUTHENTICATED':
      return t('auth.expired');
    default:
      return info.message;
  }
}
