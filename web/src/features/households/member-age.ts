import type { TFunction } from 'i18next';

export interface AgedMember {
  name: string;
  /** Whole years (for partners: from the birth year alone). */
  age?: number | null;
  /** Completed months; null where the viewer may not know the birth date (partners). */
  ageMonths?: number | null;
}

/** "7 bln" under two years when the months are known, else "34 th". */
export function formatAge(m: AgedMember, t: TFunction): string | null {
  if (m.ageMonths != null && m.ageMonths < 24) return t('member.ageMonths', { count: m.ageMonths });
  if (m.age != null) return t('member.ageYears', { count: m.age });
  return null;
}

/** "Rinaldo, 34 th" / "Budi, 7 bln". */
export function memberWithAge(m: AgedMember, t: TFunction): string {
  const age = formatAge(m, t);
  return age ? `${m.name}, ${age}` : m.name;
}
