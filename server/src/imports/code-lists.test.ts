import { describe, expect, it } from 'vitest';
import type { CodeList } from './values.js';
import * as L from './sources/code-lists.js';

// Every code list of /shared/data/import/SOURCES.md: DTSEN numeric codes and P3KE/SIKS-NG/e-PPGBM/ATS labels.
function expectMaps<T>(list: CodeList<T>, table: Array<[string, T | null]>) {
  for (const [text, value] of table) {
    expect(list.parse(text, 'Kolom'), text).toEqual({ value });
  }
}

describe('code lists', () => {
  it('Jenis kelamin: DTSEN 1/2, L/P and labels', () => {
    expectMaps(L.SEX, [['1', 'MALE'], ['2', 'FEMALE'], ['L', 'MALE'], ['P', 'FEMALE'], ['Laki-laki', 'MALE'], ['LAKI-LAKI', 'MALE'], ['Perempuan', 'FEMALE'], ['PEREMPUAN', 'FEMALE']]);
    expect(L.SEX.parse('X', 'Jenis Kelamin')).toEqual({ problem: 'Jenis Kelamin "X" tidak dikenal (L/P)' });
  });

  it('Hubungan: DTSEN id_hub_kepala_keluarga 1–8 and P3KE/DTKS labels', () => {
    expectMaps(L.RELATION, [
      ['1', 'HEAD'], ['2', 'SPOUSE'], ['3', 'CHILD'], ['4', 'CHILD_IN_LAW'], ['5', 'GRANDCHILD'], ['6', 'PARENT'], ['7', 'OTHER'], ['8', 'OTHER'],
      ['Kepala Keluarga', 'HEAD'], ['KEPALA KELUARGA', 'HEAD'], ['Istri/Suami', 'SPOUSE'], ['Istri', 'SPOUSE'], ['SUAMI', 'SPOUSE'],
      ['Anak', 'CHILD'], ['Menantu', 'CHILD_IN_LAW'], ['Cucu', 'GRANDCHILD'], ['Orang Tua', 'PARENT'], ['Mertua', 'PARENT_IN_LAW'],
      ['Famili Lain', 'OTHER_RELATIVE'], ['Lainnya', 'OTHER'], ['Pembantu/sopir', 'OTHER'], ['3 - Anak', 'CHILD'],
    ]);
    expect(L.RELATION.parse('9', 'Hubungan')).toHaveProperty('problem');
  });

  it('Pendidikan: P3KE 2023 and 2022 labels, Dukcapil codes', () => {
    expectMaps(L.EDUCATION, [
      ['Tidak/Belum Sekolah', 'NONE'], ['Tdk Tamat SD/Sederajat', 'NONE'], ['Masih SD/Sederajat', 'NONE'], ['Tamat SD/Sederajat', 'PRIMARY'],
      ['Tamat SLTP/Sederajat', 'JUNIOR_SECONDARY'], ['Tamat SLTA/Sederajat', 'SENIOR_SECONDARY'], ['Masih PT/Akademi', 'SENIOR_SECONDARY'],
      ['Tamat PT/Akademi', 'DIPLOMA'], ['Siswa SD/sederajat', 'NONE'], ['Siswa SLTP/sederajat', 'PRIMARY'], ['Siswa SLTA/sederajat', 'JUNIOR_SECONDARY'],
      ['Mahasiswa Perguruan Tinggi', 'SENIOR_SECONDARY'], ['Tamat Perguruan Tinggi', 'DIPLOMA'], ['S1', 'BACHELOR'], ['S2', 'POSTGRADUATE'],
      ['1', 'NONE'], ['2', 'NONE'], ['3', 'PRIMARY'], ['4', 'JUNIOR_SECONDARY'], ['5', 'SENIOR_SECONDARY'], ['6', 'DIPLOMA'], ['7', 'DIPLOMA'],
      ['8', 'BACHELOR'], ['9', 'POSTGRADUATE'], ['10', 'POSTGRADUATE'], ['Kosong', null],
    ]);
  });

  it('Status pekerjaan (P3KE 2023)', () => {
    expectMaps(L.EMPLOYMENT, [
      ['Berusaha sendiri', 'SELF_EMPLOYED'], ['Buruh/Karyawan/Pegawai', 'EMPLOYED'], ['Tidak bekerja', 'UNEMPLOYED'], ['Kosong', null],
      ['Bukan angkatan kerja', 'NOT_IN_LABOR_FORCE'], ['Sekolah', 'STUDENT'],
    ]);
  });

  it('Kepemilikan rumah: DTSEN 1–5 and P3KE labels', () => {
    expectMaps(L.OWNERSHIP, [
      ['1', 'OWNED'], ['2', 'RENTED'], ['3', 'RENT_FREE'], ['4', 'OFFICIAL_HOUSING'], ['5', 'OTHER'],
      ['Milik Sendiri', 'OWNED'], ['Kontrak/Sewa', 'RENTED'], ['Bebas Sewa/Menumpang', 'RENT_FREE'], ['Dinas', 'OFFICIAL_HOUSING'], ['Lainnya', 'OTHER'],
    ]);
  });

  it('Lantai: DTSEN id_lantai_terluas 1–9 and P3KE labels', () => {
    expectMaps(L.FLOOR, [
      ['1', 'TILE_CERAMIC'], ['2', 'TILE_CERAMIC'], ['3', 'WOOD_HIGH_QUALITY'], ['4', 'TILE_CERAMIC'], ['5', 'WOOD_LOW_QUALITY'], ['6', 'CEMENT'],
      ['7', 'BAMBOO'], ['8', 'EARTH'], ['9', null],
      ['Keramik/Granit/Marmer/Ubin/Tegel/Teraso', 'TILE_CERAMIC'], ['Semen', 'CEMENT'], ['Kayu/Papan', 'WOOD_LOW_QUALITY'], ['Bambu', 'BAMBOO'],
      ['Tanah', 'EARTH'], ['Lainnya', null], ['TILE_CERAMIC', 'TILE_CERAMIC'],
    ]);
  });

  it('Dinding: DTSEN id_dinding_terluas 1–7 and P3KE labels', () => {
    expectMaps(L.WALL, [
      ['1', 'PLASTERED_BRICK'], ['2', 'OTHER'], ['3', 'WOOD_LOW_QUALITY'], ['4', 'BAMBOO'], ['5', 'WOOD_LOW_QUALITY'], ['6', 'BAMBOO'], ['7', 'OTHER'],
      ['Tembok', 'PLASTERED_BRICK'], ['Kayu/Papan', 'WOOD_LOW_QUALITY'], ['Seng', 'OTHER'], ['Bambu', 'BAMBOO'], ['Lainnya', 'OTHER'],
    ]);
  });

  it('Atap: DTSEN id_atap_terluas 1–8 and P3KE labels', () => {
    expectMaps(L.ROOF, [
      ['1', 'CONCRETE'], ['2', 'CLAY_TILE'], ['3', 'ZINC'], ['4', 'ASBESTOS'], ['5', 'THATCH'], ['6', 'WOOD_SHINGLE'], ['7', 'THATCH'], ['8', null],
      ['Beton', 'CONCRETE'], ['Genteng', 'CLAY_TILE'], ['Asbes/Seng', 'ZINC'], ['Kayu/Sirap', 'WOOD_SHINGLE'], ['Bambu', 'THATCH'],
      ['Jerami/Ijuk/Rumbia/ Daun-daunan', 'THATCH'], ['Lainnya', null],
    ]);
  });

  it('Air minum: DTSEN id_sumber_airminum 1–11 and P3KE labels', () => {
    expectMaps(L.WATER, [
      ['1', 'BOTTLED'], ['2', 'BOTTLED'], ['3', 'PIPED'], ['4', 'PROTECTED_WELL'], ['5', 'PROTECTED_WELL'], ['6', 'UNPROTECTED_WELL'],
      ['7', 'PROTECTED_WELL'], ['8', 'UNPROTECTED_WELL'], ['9', 'RIVER_LAKE'], ['10', 'RAINWATER'], ['11', 'OTHER'],
      ['Air Kemasan/Isi Ulang', 'BOTTLED'], ['Ledeng/PAM', 'PIPED'], ['Sumur Bor', 'PROTECTED_WELL'], ['Sumur Terlindung', 'PROTECTED_WELL'],
      ['Sumur Tidak Terlindung', 'UNPROTECTED_WELL'], ['Air Permukaan (Sungai, Danau, dll)', 'RIVER_LAKE'], ['Air Hujan', 'RAINWATER'], ['Lainnya', 'OTHER'],
    ]);
  });

  it('Fasilitas BAB: DTSEN id_fasilitas_bab 1–6 and P3KE labels', () => {
    expectMaps(L.SANITATION, [
      ['1', 'PRIVATE'], ['2', 'SHARED'], ['3', 'SHARED'], ['4', 'PUBLIC'], ['5', 'NONE'], ['6', 'NONE'],
      ['Milik sendiri', 'PRIVATE'], ['Umum/Bersama', 'SHARED'], ['Lainnya', null], ['Kosong', null],
    ]);
  });

  it('Penerangan: DTSEN id_sumberpenerangan 1–4 and P3KE labels', () => {
    expectMaps(L.ELECTRICITY, [
      ['1', 'PLN_METERED'], ['2', 'PLN_UNMETERED'], ['3', 'NON_PLN'], ['4', 'NONE'],
      ['Listrik PLN meteran', 'PLN_METERED'], ['Listrik PLN non meteran', 'PLN_UNMETERED'], ['Listrik non-PLN', 'NON_PLN'], ['Bukan listrik', 'NONE'],
    ]);
  });

  it('Kualitas lantai/dinding (P3KE 2023)', () => {
    expectMaps(L.QUALITY, [['Bagus/Kualitas Tinggi', 'HIGH'], ['Jelek/Kualitas Rendah', 'LOW'], ['Kosong', null]]);
  });

  it('Partisipasi sekolah: DTSEN 1–3', () => {
    expectMaps(L.SCHOOL_PARTICIPATION, [['1', false], ['2', true], ['3', false], ['Ya', true], ['Tidak', false]]);
  });

  it('JKN: DTSEN pbi 1 = PBI, 0 leaves the status unset', () => {
    expectMaps(L.JKN, [['1', 'PBI'], ['0', null], ['PBI', 'PBI'], ['Non PBI', 'NON_PBI'], ['Mandiri', 'NON_PBI'], ['Tidak ada', 'NONE']]);
  });

  it('Kesulitan fungsional (DTSEN id_penglihatan … id_mengurus_diri): 1–2 count as a disability', () => {
    expectMaps(L.DIFFICULTY, [['1', true], ['2', true], ['3', false], ['4', false], ['8', null], ['Tidak ada kesulitan', false]]);
  });

  it('Disabilitas', () => {
    expectMaps(L.DISABILITY, [['Tidak ada', 'NONE'], ['Fisik', 'PHYSICAL'], ['Tuna netra', 'SENSORY'], ['Ganda', 'MULTIPLE'], ['Mental', 'MENTAL']]);
  });

  it('Cara ukur (e-PPGBM)', () => {
    expectMaps(L.POSITION, [['Berdiri', 'STANDING'], ['BERDIRI', 'STANDING'], ['Terlentang', 'LYING'], ['Telentang', 'LYING']]);
  });

  it('Jenjang sekolah (Dapodik, ATS)', () => {
    expectMaps(L.SCHOOL_LEVEL, [
      ['SD', 'PRIMARY'], ['MI', 'PRIMARY'], ['Paket A', 'PRIMARY'], ['SMP', 'JUNIOR_SECONDARY'], ['MTs', 'JUNIOR_SECONDARY'], ['Paket B', 'JUNIOR_SECONDARY'],
      ['SMA', 'SENIOR_SECONDARY'], ['SMK', 'SENIOR_SECONDARY'], ['MA', 'SENIOR_SECONDARY'], ['Paket C', 'SENIOR_SECONDARY'],
    ]);
  });

  it('Status ATS: DO, LTM, BPB/BPS and the template’s Sekolah/Tidak Sekolah', () => {
    expectMaps(L.SCHOOL_STATUS, [
      ['Sekolah', { enrolled: true }], ['Tidak Sekolah', { enrolled: false }],
      ['DO', { enrolled: false, reason: 'Putus sekolah' }], ['Drop Out', { enrolled: false, reason: 'Putus sekolah' }],
      ['LTM', { enrolled: false, reason: 'Lulus tidak melanjutkan' }], ['BPB', { enrolled: false, reason: 'Belum pernah bersekolah' }],
      ['BPS', { enrolled: false, reason: 'Belum pernah bersekolah' }], ['Tidak Pernah Sekolah', { enrolled: false, reason: 'Belum pernah bersekolah' }],
    ]);
  });
});
