import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format';
import { formatZ } from '../growth/growth-points';

/** How one evidence value is shown; enums name the translation namespace of their values. */
export type EvidenceKind =
  | { kind: 'date' }
  | { kind: 'decile' }
  | { kind: 'zScore' }
  | { kind: 'months' }
  | { kind: 'years' }
  | { kind: 'people' }
  | { kind: 'boolean' }
  | { kind: 'enum'; namespace: string };

/**
 * Every key the need rules (server/src/needs/need-rules.ts) put in a need's evidence, in display
 * order. The unit test parses the rules, so a new key without an entry here fails it.
 */
export const EVIDENCE_FIELDS: Readonly<Record<string, EvidenceKind>> = {
  reason: { kind: 'enum', namespace: 'evidence.reason' },
  measuredOn: { kind: 'date' },
  ageMonths: { kind: 'months' },
  age: { kind: 'years' },
  heightForAgeZ: { kind: 'zScore' },
  stuntingStatus: { kind: 'enum', namespace: 'stuntingStatus' },
  welfareDecile: { kind: 'decile' },
  jknStatus: { kind: 'enum', namespace: 'jkn' },
  schoolEnrolled: { kind: 'boolean' },
  floorType: { kind: 'enum', namespace: 'floorType' },
  wallType: { kind: 'enum', namespace: 'wallType' },
  roofType: { kind: 'enum', namespace: 'roofType' },
  drinkingWater: { kind: 'enum', namespace: 'drinkingWater' },
  sanitation: { kind: 'enum', namespace: 'sanitation' },
  electricity: { kind: 'enum', namespace: 'electricity' },
  workingAgeMembers: { kind: 'people' },
  employed: { kind: 'people' },
  socialAssistanceSince: { kind: 'date' },
};

export interface EvidenceItem {
  key: string;
  label: string;
  value: string;
}

const ORDER = Object.keys(EVIDENCE_FIELDS);

function raw(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function formatValue(spec: EvidenceKind, value: unknown, t: TFunction, fmt: Formatters): string {
  if (value === null || value === undefined) return t('common.none');
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (spec.kind) {
    case 'date':
      return typeof value === 'string' ? fmt.date(value) : raw(value);
    case 'decile':
      return Number.isFinite(n) ? fmt.number(n) : raw(value);
    case 'zScore':
      return Number.isFinite(n) ? t('evidence.zScoreValue', { value: formatZ(n, fmt.locale) }) : raw(value);
    case 'months':
      return Number.isFinite(n) ? t('evidence.months', { count: n }) : raw(value);
    case 'years':
      return Number.isFinite(n) ? t('evidence.years', { count: n }) : raw(value);
    case 'people':
      return Number.isFinite(n) ? t('evidence.people', { count: n }) : raw(value);
    case 'boolean':
      return typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : raw(value);
    case 'enum':
      // A value the portal does not know yet still shows, as the server spelt it.
      return t(`${spec.namespace}.${raw(value)}`, { defaultValue: raw(value) });
  }
}

/**
 * A need's evidence as translated "label: value" pairs, numbers and dates formatted for the
 * language. Keys this portal does not know (a newer server) are shown as they came.
 */
export function describeEvidence(evidence: Record<string, unknown>, t: TFunction, fmt: Formatters): EvidenceItem[] {
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return Object.keys(evidence)
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => {
      const spec = EVIDENCE_FIELDS[key];
      const value = evidence[key];
      return spec
        ? { key, label: t(`evidence.field.${key}`), value: formatValue(spec, value, t, fmt) }
        : { key, label: key, value: raw(value) };
    });
}
