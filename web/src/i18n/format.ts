import { useTranslation } from 'react-i18next';

/** BCP 47 locale of the active language: Indonesian formats for `id`, British English for `en`. */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'id-ID';
}

export function makeFormatters(language: string) {
  const locale = localeOf(language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const rupiah = new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta',
  });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return {
    locale,
    number: (n: number | null | undefined) => (n == null ? '—' : number.format(n)),
    percent: (n: number | null | undefined) => (n == null ? '—' : `${number.format(n)}%`),
    rupiah: (n: number | null | undefined) => (n == null ? '—' : rupiah.format(n)),
    /** A LocalDate (YYYY-MM-DD) or a DateTimeISO. */
    date: (s: string | null | undefined) => {
      if (!s) return '—';
      const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T12:00:00+07:00`) : new Date(s);
      return Number.isNaN(d.getTime()) ? s : date.format(d);
    },
    /** An instant in Palangka Raya's time, marked WIB. */
    dateTime: (s: string | null | undefined) => (s ? `${dateTime.format(new Date(s))} WIB` : '—'),
    /** YYYY-MM */
    month: (ym: string) => month.format(new Date(`${ym}-01T00:00:00Z`)),
  };
}

export type Formatters = ReturnType<typeof makeFormatters>;

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return makeFormatters(i18n.language);
}

/** Today in WIB (Asia/Jakarta) as YYYY-MM-DD. */
export function todayWib(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Separators for number inputs in the active language: 1.500.000,5 in Indonesian, 1,500,000.5 in English. */
export function useNumberSeparators(): { thousandSeparator: string; decimalSeparator: string } {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? { thousandSeparator: ',', decimalSeparator: '.' } : { thousandSeparator: '.', decimalSeparator: ',' };
}
