import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import 'dayjs/locale/id';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { datesLocaleOf } from './dates-provider';

/** How every date is shown and picked in the portal, in both languages: 31/12/2026. */
export const DATE_DISPLAY_FORMAT = 'DD/MM/YYYY';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateFieldProps
  extends Omit<DatePickerInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'type' | 'minDate' | 'maxDate'> {
  /** YYYY-MM-DD, or '' / null / undefined for no date. */
  value: string | null | undefined;
  /** Called with YYYY-MM-DD, or '' when cleared: what forms and URL filters store. */
  onChange: (value: string) => void;
  /** Earliest / latest pickable day, YYYY-MM-DD. */
  min?: string | null;
  max?: string | null;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The portal's one date input: a calendar picker showing DD/MM/YYYY in the portal language whose value is an
 * ISO day, so it binds directly to a react-hook-form Controller field or a URL parameter.
 */
export function DateField({ value, onChange, min, max, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const calendar = typeof rest.label === 'string' ? t('dateField.calendarOf', { label: rest.label }) : t('dateField.calendar');
  return (
    <DatePickerInput
      locale={datesLocaleOf(i18n.language)}
      clearButtonProps={{ 'aria-label': t('dateField.clear') }}
      // The calendar is named by the field it belongs to (Mantine points it at the field's button, empty while no day is set).
      popoverProps={{ attributes: { dropdown: { 'aria-labelledby': undefined, 'aria-label': calendar } } }}
      ariaLabels={{
        nextMonth: t('dateField.nextMonth'),
        previousMonth: t('dateField.previousMonth'),
        nextYear: t('dateField.nextYear'),
        previousYear: t('dateField.previousYear'),
        nextDecade: t('dateField.nextDecade'),
        previousDecade: t('dateField.previousDecade'),
      }}
      valueFormat={DATE_DISPLAY_FORMAT}
      value={value && ISO_DATE.test(value) ? value : null}
      onChange={(v) => onChange(v ?? '')}
      minDate={min || undefined}
      maxDate={max || undefined}
      {...rest}
    />
  );
}

interface DateControllerField {
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
  name: string;
  ref: Ref<HTMLButtonElement>;
}

/** Binds a react-hook-form Controller field (an ISO day, '' when empty) to a DateField. */
export function dateFieldProps(field: DateControllerField) {
  return { value: field.value, onChange: field.onChange, onBlur: field.onBlur, name: field.name, ref: field.ref };
}
