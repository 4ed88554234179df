import { describe, expect, it } from 'vitest';
import { BPNT, DEMO_PROGRAMS, PBI_JKN, PKH } from './demo-city.fixture.js';
import { resolveProgram, type ProgramRef } from './programs.js';

const idOf = (ref: string, programs: ProgramRef[] = DEMO_PROGRAMS) => {
  const r = resolveProgram(ref, programs);
  return 'program' in r ? r.program.id : r.problem;
};
const PIP = DEMO_PROGRAMS.find((p) => p.name === 'Program Indonesia Pintar (PIP/KIP)')!.id;

describe('resolveProgram', () => {
  it('finds a program by id and by full name in any case', () => {
    expect(idOf(PKH)).toBe(PKH);
    expect(idOf('program keluarga harapan (pkh)')).toBe(PKH);
    expect(idOf('  PROGRAM KELUARGA HARAPAN (PKH) ')).toBe(PKH);
  });

  it.each([
    ['PKH', PKH],
    ['pkh', PKH],
    ['BPNT', BPNT],
    ['Sembako', BPNT],
    ['SEMBAKO', BPNT],
    ['Program Sembako', BPNT],
    ['Bantuan Pangan Non Tunai', BPNT],
    ['PBI-JKN', PBI_JKN],
    ['PBI JKN', PBI_JKN],
    ['PBI_JKN', PBI_JKN],
    ['PBI', PBI_JKN],
    ['KIP', PIP],
    ['PIP', PIP],
  ])('finds %j by its short name', (ref, id) => {
    expect(idOf(ref)).toBe(id);
  });

  it('refuses an unknown or empty program', () => {
    expect(idOf('BLT Dana Desa')).toBe('Program "BLT Dana Desa" tidak ditemukan');
    expect(idOf(' ')).toBe('Program wajib diisi');
  });

  it('names the candidates when a short name fits several programs', () => {
    const programs = [...DEMO_PROGRAMS, { id: 'p2', name: 'Program Keluarga Harapan Plus (PKH)', ownerId: 'dinsos' }];
    expect(idOf('PKH', programs)).toBe(
      'Program "PKH" cocok dengan beberapa program: Program Keluarga Harapan (PKH); Program Keluarga Harapan Plus (PKH)',
    );
  });

  it('prefers a full short name over the first word of a compound one', () => {
    const programs = [...DEMO_PROGRAMS, { id: 'pbi-only', name: 'Penerima Bantuan Iuran Daerah (PBI)', ownerId: 'dinkes' }];
    expect(idOf('PBI', programs)).toBe('pbi-only');
    expect(idOf('PBI-JKN', programs)).toBe(PBI_JKN);
  });
});
