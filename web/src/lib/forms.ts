import type { TFunction } from 'i18next';

/**
 * The text to show under a form field: the form's own validation messages are translation keys in
 * its namespace (`delivery.errors.date`), anything else is the server's message for that field.
 */
export function fieldMessage(message: string | undefined, t: TFunction, namespace: string): string | undefined {
  if (!message) return undefined;
  return message.startsWith(`${namespace}.`) ? t(message) : message;
}

interface NumberField {
  value: number | string | null | undefined;
  onChange: (value: number | '') => void;
  onBlur: () => void;
  ref: (instance: HTMLInputElement | null) => void;
}

/** Binds a react-hook-form field to a Mantine NumberInput: an emptied input is '', anything else a number. */
export function numberFieldProps(field: NumberField) {
  return {
    value: field.value ?? '',
    onChange: (v: string | number) => field.onChange(v === '' ? '' : Number(v)),
    onBlur: field.onBlur,
    ref: field.ref,
  };
}
