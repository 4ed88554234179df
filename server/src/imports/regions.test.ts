import { describe, expect, it } from 'vitest';
import { DEMO_AREAS, MENTENG } from './demo-city.fixture.js';
import type { AreaRef } from './import.types.js';
import { AreaResolver, dottedKelurahanCode } from './regions.js';

const resolver = new AreaResolver(DEMO_AREAS);
const idOf = (r: ReturnType<AreaResolver['resolveKelurahan']>) => ('area' in r ? r.area.id : r);

describe('dottedKelurahanCode', () => {
  it('formats 10 digits with or without dots', () => {
    for (const code of ['6271031002', '62.71.03.1002', '627103.1002', '62.7103.1002', "'6271031002", '62-71-03-1002']) {
      expect(dottedKelurahanCode(code)).toBe('62.71.03.1002');
    }
    expect(dottedKelurahanCode('62.71.03')).toBeNull();
    expect(dottedKelurahanCode('62710310021')).toBeNull();
  });
});

describe('AreaResolver by code', () => {
  it('finds a kelurahan by dotted, undotted and partly dotted codes', () => {
    expect(idOf(resolver.resolveKelurahan({ code: '62.71.03.1002' }))).toBe(MENTENG);
    expect(idOf(resolver.resolveKelurahan({ code: '6271031002' }))).toBe(MENTENG);
    expect(idOf(resolver.resolveKelurahan({ code: '627103.1002' }))).toBe(MENTENG);
  });

  it('prefers the code over a name', () => {
    expect(idOf(resolver.resolveKelurahan({ code: '6271031002', name: 'Palangka' }))).toBe(MENTENG);
  });

  it('refuses a code outside the city and a malformed one', () => {
    expect(resolver.resolveKelurahan({ code: '3602012002' })).toEqual({ problem: 'Kode wilayah 36.02.01.2002 tidak ada di wilayah kota' });
    expect(resolver.resolveKelurahan({ code: '62.71.03.1099' })).toEqual({ problem: 'Kode wilayah 62.71.03.1099 tidak ada di wilayah kota' });
    expect(resolver.resolveKelurahan({ code: '62.71.03' })).toHaveProperty('problem');
  });

  it('does not take a kecamatan for a kelurahan', () => {
    expect(resolver.resolveKelurahan({ name: 'Jekan Raya' })).toEqual({ problem: 'Kelurahan "Jekan Raya" tidak ditemukan di wilayah kota' });
  });
});

describe('AreaResolver by name', () => {
  it.each(['Menteng', 'MENTENG', 'KEL. MENTENG', 'Kel.Menteng', 'Kelurahan Menteng', 'DESA MENTENG', 'DS. Menteng', '  menteng  '])(
    'finds %j',
    (name) => {
      expect(idOf(resolver.resolveKelurahan({ name }))).toBe(MENTENG);
    },
  );

  it('keeps names that merely start like a prefix', () => {
    const kalampangan = DEMO_AREAS.find((a) => a.name === 'Kalampangan')!;
    expect(idOf(resolver.resolveKelurahan({ name: 'KALAMPANGAN' }))).toBe(kalampangan.id);
    expect(idOf(resolver.resolveKelurahan({ name: 'Pahandut Seberang' }))).toBe(DEMO_AREAS.find((a) => a.code === '62.71.01.1005')!.id);
  });

  it('checks the kecamatan when given, with or without its prefix', () => {
    expect(idOf(resolver.resolveKelurahan({ name: 'Menteng', kecamatanName: 'KEC. JEKAN RAYA' }))).toBe(MENTENG);
    expect(idOf(resolver.resolveKelurahan({ name: 'Menteng', kecamatanName: 'Kecamatan Jekan Raya' }))).toBe(MENTENG);
    expect(resolver.resolveKelurahan({ name: 'Menteng', kecamatanName: 'Pahandut' })).toEqual({
      problem: 'Kelurahan "Menteng" tidak ada di Kecamatan "Pahandut" (ada di Jekan Raya)',
      review: true,
    });
  });

  it('refuses an unknown name and an empty input', () => {
    expect(resolver.resolveKelurahan({ name: 'Cipinang' })).toEqual({ problem: 'Kelurahan "Cipinang" tidak ditemukan di wilayah kota' });
    expect(resolver.resolveKelurahan({})).toHaveProperty('problem');
  });

  describe('a name used in two kecamatan', () => {
    // Two villages called "Sungai Ulin" in different kecamatan, as happens across Indonesia.
    const areas: AreaRef[] = [
      ...DEMO_AREAS,
      { id: 'a1', code: '62.71.01.1007', name: 'Sungai Ulin', level: 'KELURAHAN' },
      { id: 'a2', code: '62.71.04.1007', name: 'Sungai Ulin', level: 'KELURAHAN' },
    ];
    const twoUlin = new AreaResolver(areas);

    it('is ambiguous without a kecamatan and goes to review', () => {
      expect(twoUlin.resolveKelurahan({ name: 'KEL. SUNGAI ULIN' })).toEqual({
        problem: 'Kelurahan "KEL. SUNGAI ULIN" ada di beberapa kecamatan (Pahandut, Sabangau); isi kolom Kecamatan',
        review: true,
      });
    });

    it('is resolved by the kecamatan', () => {
      expect(idOf(twoUlin.resolveKelurahan({ name: 'Sungai Ulin', kecamatanName: 'SABANGAU' }))).toBe('a2');
      expect(idOf(twoUlin.resolveKelurahan({ name: 'Sungai Ulin', kecamatanName: 'Kec. Pahandut' }))).toBe('a1');
    });
  });
});
