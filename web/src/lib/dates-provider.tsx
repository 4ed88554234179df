import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Apart from date-field.tsx: the app shell loads this, and the pickers themselves stay in the pages' chunks.

/** dayjs locale of the portal language ('en' is dayjs' built-in English). */
export function datesLocaleOf(language: string): 'id' | 'en' {
  return language.startsWith('en') ? 'en' : 'id';
}

/** Calendars in the portal language, weeks starting on Monday as in Indonesia. */
export function PortalDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: datesLocaleOf(i18n.language), firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
