import type { TFunction } from 'i18next';

/**
 * The text to show under a form field: the form's own validation messages are translation keys in
 * its namespace (`delivery.errors.date`), anything else is the server's message for that field.
 */
export function fieldMessage(message: string | undefined, t: TFunction, namespace: string): string | undefined {
  if (!message) return undefined;
  return message.startsWith(`${namespace}.`) ? t(message) : message;
}
