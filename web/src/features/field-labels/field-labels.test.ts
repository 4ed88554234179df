import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldLabel, valueLabel } from './field-labels';

const t = i18next.t.bind(i18next);

describe('field labels', () => {
  it('names recorded fields in Indonesian, keeping an unknown name as it is', () => {
    expect(fieldLabel('kkNumber', t, i18next)).toBe('Nomor KK');
    expect(fieldLabel('povertyStatus', t, i18next)).toBe('Status kemiskinan');
    expect(fieldLabel('somethingNew', t, i18next)).toBe('somethingNew');
  });

  it('shows enum values by their labels, by the kind of record for a status', () => {
    expect(valueLabel('Household', 'povertyStatus', 'EXTREME_POOR', t, i18next)).toBe('Miskin ekstrem');
    expect(valueLabel('Assignment', 'status', 'DECLINED', t, i18next)).toBe('Ditolak');
    expect(valueLabel('Intervention', 'status', 'DELIVERED', t, i18next)).toBe('Disalurkan');
    expect(valueLabel('Program', 'needTypes', '["WATER","HEALTH_INSURANCE"]', t, i18next)).toBe('Air minum, Jaminan kesehatan');
    expect(valueLabel('Person', 'pregnant', 'true', t, i18next)).toBe('Ya');
    expect(valueLabel('Household', 'address', 'Jl. Lama 1', t, i18next)).toBe('Jl. Lama 1');
  });

  it('names the kinds of record the audit log holds', () => {
    expect(t('audit.entity.IdentifierSearch')).toBe('Pencarian NIK/KK');
  });
});
