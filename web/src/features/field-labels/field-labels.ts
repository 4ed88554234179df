import type { i18n as I18n, TFunction } from 'i18next';

// Field names and enum values as recorded by the server (audit snapshots), in the portal's language.
// A field without a label keeps its name; a value without a label is shown as recorded.

/** The translation namespace of a field's enum values; `status` depends on the kind of record. */
function valueNamespace(entityType: string, field: string): string | undefined {
  if (field === 'status') return entityType === 'Assignment' ? 'assignmentStatus' : entityType === 'Intervention' ? 'interventionStatus' : undefined;
  const namespaces: Record<string, string> = {
    povertyStatus: 'povertyStatus',
    previousStatus: 'povertyStatus',
    verificationStatus: 'verificationStatus',
    needType: 'needType',
    needTypes: 'needType',
    relation: 'relation',
    sex: 'sex',
    targetSex: 'sex',
    jknStatus: 'jkn',
    role: 'roles',
    position: 'measurePosition',
    frequency: 'frequency',
    stuntingStatus: 'stuntingStatus',
    floorType: 'floorType',
    wallType: 'wallType',
    roofType: 'roofType',
    drinkingWater: 'drinkingWater',
    sanitation: 'sanitation',
    electricity: 'electricity',
  };
  return namespaces[field];
}

export function fieldLabel(field: string, t: TFunction, i18n: I18n): string {
  return i18n.exists(`fieldLabel.${field}`) ? t(`fieldLabel.${field}`) : field;
}

/** A recorded value (as the audit card shows it: text, or JSON for lists) in the portal's language. */
export function valueLabel(entityType: string, field: string, shown: string, t: TFunction, i18n: I18n): string {
  if (shown === 'true') return t('common.yes');
  if (shown === 'false') return t('common.no');
  const namespace = valueNamespace(entityType, field);
  if (!namespace) return shown;
  const one = (value: string) => (i18n.exists(`${namespace}.${value}`) ? t(`${namespace}.${value}`) : value);
  if (shown.startsWith('[')) {
    try {
      const list = JSON.parse(shown) as unknown;
      if (Array.isArray(list)) return list.map((v) => one(String(v))).join(', ');
    } catch {
      // not a list after all: shown as recorded
    }
  }
  return one(shown);
}
