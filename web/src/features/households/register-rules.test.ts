import { describe, expect, it } from 'vitest';
import { emptyMember, exitSchema, householdSchema, memberSchema, mayWaitForNik } from './register-rules';

const TODAY = '2026-12-06';
const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('register rules (as the server checks them)', () => {
  const baby = { ...emptyMember('CHILD'), name: 'Bayi', sex: 'FEMALE' as const, birthDate: '2026-11-20', nikPending: true };

  it('lets a child or grandchild born in the last 12 months wait for a NIK, nobody else', () => {
    expect(messages(memberSchema(TODAY).safeParse(baby))).toEqual([]);
    expect(mayWaitForNik('GRANDCHILD', '2025-12-07', TODAY)).toBe(true);
    expect(mayWaitForNik('GRANDCHILD', '2025-12-06', TODAY)).toBe(false);
    expect(messages(memberSchema(TODAY).safeParse({ ...baby, birthDate: '2025-06-01' }))).toEqual(['nik: register.errors.nikRequired']);
    expect(messages(memberSchema(TODAY).safeParse({ ...baby, relation: 'OTHER_RELATIVE' }))).toEqual(['nik: register.errors.nikRequired']);
    // A child still waiting past the first birthday stays editable, as a child or grandchild.
    expect(messages(memberSchema(TODAY, true).safeParse({ ...baby, birthDate: '2025-06-01' }))).toEqual([]);
    expect(messages(memberSchema(TODAY, true).safeParse({ ...baby, relation: 'OTHER' }))).toEqual(['relation: register.errors.pendingRelation']);
  });

  it("checks the NIK's date part against sex and birth date (women: day + 40)", () => {
    const adult = { ...emptyMember('HEAD'), name: 'Ibu', sex: 'FEMALE' as const, birthDate: '1985-02-02' };
    expect(messages(memberSchema(TODAY).safeParse({ ...adult, nik: '6271034202850001' }))).toEqual([]);
    expect(messages(memberSchema(TODAY).safeParse({ ...adult, nik: '6271030202850001' }))).toEqual(['nik: register.errors.nik_sex']);
    expect(messages(memberSchema(TODAY).safeParse({ ...adult, nik: '6271034302850001' }))).toEqual(['nik: register.errors.nik_birthDate']);
    expect(messages(memberSchema(TODAY).safeParse({ ...adult, nik: '62710342028500' }))).toEqual(['nik: register.errors.nik']);
  });

  it('wants exactly one head, and a new head when the head leaves', () => {
    const household = { kkNumber: '6271030202210001', areaId: 'a', address: 'Jl. A 1', rt: '', rw: '', welfareDecile: 1,
      floorType: '', wallType: '', roofType: '', drinkingWater: '', sanitation: '', electricity: '', homeOwnership: '', members: [baby] };
    expect(messages(householdSchema(TODAY).safeParse(household))).toEqual(['members: register.errors.oneHead']);
    expect(messages(exitSchema(TODAY, '1980-01-01', true).safeParse({ reason: 'DECEASED', date: TODAY, note: '', newHeadId: '' }))).toEqual(['newHeadId: register.errors.newHead']);
    expect(messages(exitSchema(TODAY, '1980-01-01', false).safeParse({ reason: 'DECEASED', date: '2026-12-07', note: '', newHeadId: '' }))).toEqual(['date: register.errors.exitDate']);
  });
});
