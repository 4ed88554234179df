import { describe, expect, it } from 'vitest';
import { BPNT, demoContext, MENTENG, PBI_JKN, PKH } from './demo-city.fixture.js';
import { SOURCE_KEYS, type RowProblem, type SourceKey } from './import.types.js';
import { dateInPeriod } from './sources/dinsos.js';
import { levelOfRombel } from './sources/disdik.js';
import { headerKey, knownHeaders, SOURCES, suggestMapping, type MappedRow, type SourceDefinition } from './sources/index.js';

const ctx = demoContext('2026-09-30');

/** The template key → file header pairs suggestMapping picks. */
function mapped(source: SourceKey, headers: string[]): Record<string, string | null> {
  const m = suggestMapping(source, headers);
  return Object.fromEntries(Object.entries(m).map(([k, i]) => [k, i === null ? null : headers[i]!]));
}

/** A mapped row as the pipeline builds it from a header row and one data row. */
function row(source: SourceKey, headers: string[], cells: string[]): MappedRow {
  const values: MappedRow = {};
  for (const [key, index] of Object.entries(suggestMapping(source, headers))) {
    if (index !== null) values[key] = { column: headers[index]!, value: cells[index] ?? '' };
  }
  return values;
}

type RecordOf<K extends SourceKey> = (typeof SOURCES)[K] extends SourceDefinition<infer R> ? R : never;

function parse<K extends SourceKey>(source: K, record: Record<string, string>): { records: RecordOf<K>[]; problems: RowProblem[] } {
  const definition = SOURCES[source] as unknown as SourceDefinition<RecordOf<K>>;
  return definition.parse(row(source, Object.keys(record), Object.values(record)), ctx);
}

describe('source definitions', () => {
  it.each(SOURCE_KEYS)('%s maps its own template headers onto themselves, each header to one column', (source) => {
    const columns = SOURCES[source].columns;
    const headers = columns.map((c) => c.header);
    expect(suggestMapping(source, headers)).toEqual(Object.fromEntries(columns.map((c, i) => [c.key, i])));
    const keys = columns.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.key] as const));
    for (const [k, key] of keys) expect(keys.filter(([k2, key2]) => k2 === k && key2 !== key), `${k} of ${key}`).toEqual([]);
    expect(SOURCES[source].key).toBe(source);
  });

  it('knows headers in normalised form, including the real layouts’ spellings', () => {
    const dtsen = knownHeaders('dtsen');
    for (const h of ['nomor kartu keluarga', 'kode kemdagri', 'desa/keluarahan', 'id lantai terluas', 'hubungan dengan kepala keluarga']) {
      expect(dtsen.has(h), h).toBe(true);
    }
    expect(knownHeaders('dinkes').has('berat (kg)')).toBe(true);
    expect(knownHeaders('dinkes').has('berat kg')).toBe(true);
    expect(knownHeaders('dinkes').has('lila')).toBe(false);
  });
});

describe('dtsen layouts', () => {
  const P3KE_2023_INDIVIDU = [
    'ID Keluarga P3KE', 'ID Individu', 'Dimuktakhirkan Tahun', 'Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Kode Kemdagri',
    'Desil Kesejahteraan', 'Persentil', 'Alamat', 'Prioritas Verval', 'Nama', 'NIK', 'Padan Dukcapil', 'Jenis Kelamin',
    'Hubungan dengan Kepala Keluarga', 'Tanggal Lahir', 'Status Kawin', 'Pekerjaan', 'Status Pekerjaan', 'Pendidikan', 'Usia 2023',
    'Kelompok Usia 2023', 'Penerima BPNT', 'Penerima BPUM', 'Penerima BST', 'Penerima PKH', 'Penerima SEMBAKO', 'Penerima Prakerja',
    'Penerima KUR', 'Resiko Stunting',
  ];

  it('maps the P3KE 2023 individual file (which has no KK number)', () => {
    expect(mapped('dtsen', P3KE_2023_INDIVIDU)).toMatchObject({
      kkNumber: null, familyId: 'ID Keluarga P3KE', nik: 'NIK', name: 'Nama', sex: 'Jenis Kelamin', birthDate: 'Tanggal Lahir',
      relation: 'Hubungan dengan Kepala Keluarga', kelurahanCode: 'Kode Kemdagri', kelurahanName: 'Desa/Kelurahan', kecamatanName: 'Kecamatan',
      address: 'Alamat', welfareDecile: 'Desil Kesejahteraan', educationLevel: 'Pendidikan', occupation: 'Pekerjaan',
      employmentStatus: 'Status Pekerjaan', rt: null, floorType: null,
    });
    const r = SOURCES.dtsen.parse(row('dtsen', P3KE_2023_INDIVIDU, []), ctx);
    expect(r.records).toEqual([]);
    expect(r.problems).toContainEqual({ column: 'Nomor KK', message: 'Kolom "Nomor KK" wajib diisi' });
  });

  it('reads a P3KE row with a NIK but no KK number: the person is found by NIK, the family kept by its P3KE id', () => {
    const cells: Record<string, string> = {
      'ID Keluarga P3KE': '122237092', 'Kode Kemdagri': '6271031002', NIK: '6271035203150001', Nama: 'Siti Aminah',
      'Jenis Kelamin': 'Perempuan', 'Hubungan dengan Kepala Keluarga': 'Anak', 'Tanggal Lahir': '2015-03-12', 'Desil Kesejahteraan': '1',
    };
    const r = SOURCES.dtsen.parse(row('dtsen', P3KE_2023_INDIVIDU, P3KE_2023_INDIVIDU.map((h) => cells[h] ?? '')), ctx);
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toMatchObject({ familyId: '122237092', nik: '6271035203150001', welfareDecile: 1 });
    expect(r.records[0]!.kkNumber).toBeUndefined();
  });

  it('maps the P3KE family file’s housing columns', () => {
    expect(mapped('dtsen', [
      'Kepemilikan Rumah', 'Jenis Atap', 'Kualitas Atap', 'Jenis Dinding', 'Kualitas Dinding', 'Jenis Lantai', 'Kualitas Lantai', 'Sumber Penerangan',
      'Daya Listrik Terpasang', 'Bahan Bakar Memasak', 'Sumber Air Minum', 'Memiliki fasilitas Buang Air Besar',
    ])).toMatchObject({
      homeOwnership: 'Kepemilikan Rumah', roofType: 'Jenis Atap', wallType: 'Jenis Dinding', wallQuality: 'Kualitas Dinding', floorType: 'Jenis Lantai',
      floorQuality: 'Kualitas Lantai', electricity: 'Sumber Penerangan', drinkingWater: 'Sumber Air Minum', sanitation: 'Memiliki fasilitas Buang Air Besar',
    });
  });

  it('reads a P3KE-labelled row with a KK column added', () => {
    const r = parse('dtsen', {
      'No KK': "'6271030101150003", NIK: '6271035203150001', Nama: 'SITI AMINAH', 'Jenis Kelamin': 'Perempuan', 'Tanggal Lahir': '12/3/2015 0:00',
      'Hubungan dengan Kepala Keluarga': 'Anak', 'Kode Kemdagri': '6271031002', 'Desil Kesejahteraan': '1', Alamat: 'KP. CIPINANG',
      'Jenis Lantai': 'Kayu/Papan', 'Kualitas Lantai': 'Bagus/Kualitas Tinggi', 'Jenis Dinding': 'Kayu/Papan', 'Kualitas Dinding': 'Jelek/Kualitas Rendah',
      'Jenis Atap': 'Asbes/Seng', 'Sumber Air Minum': 'Air Kemasan/Isi Ulang', 'Memiliki fasilitas Buang Air Besar': 'Umum/Bersama',
      'Sumber Penerangan': 'Listrik PLN non meteran', 'Kepemilikan Rumah': 'Bebas Sewa/Menumpang', Pendidikan: 'Masih SD/Sederajat',
      Pekerjaan: 'Tidak/Belum Bekerja', 'Status Pekerjaan': 'Kosong',
    });
    expect(r).toEqual({
      records: [{
        kkNumber: '6271030101150003', nik: '6271035203150001', name: 'SITI AMINAH', sex: 'FEMALE', birthDate: '2015-03-12', relation: 'CHILD',
        areaId: MENTENG, address: 'KP. CIPINANG', welfareDecile: 1, floorType: 'WOOD_HIGH_QUALITY', wallType: 'WOOD_LOW_QUALITY', roofType: 'ZINC',
        drinkingWater: 'BOTTLED', sanitation: 'SHARED', electricity: 'PLN_UNMETERED', homeOwnership: 'RENT_FREE', educationLevel: 'NONE',
        occupation: 'Tidak/Belum Bekerja',
      }],
      problems: [],
    });
  });

  const DTSEN_SNAKE = [
    'nomor_kartu_keluarga', 'nik', 'nama', 'nama_kepala_keluarga', 'kode_provinsi', 'provinsi', 'kode_kabupaten_kota', 'kabupaten_kota',
    'kode_kecamatan', 'kecamatan', 'kode_kelurahan_desa', 'kelurahan_desa', 'alamat', 'desil_nasional', 'cut_off_keluarga', 'status_dtsen',
    'umur_2026', 'pbi', 'jumlah_anggota_keluarga', 'id_jenis_kelamin', 'tgl_lahir', 'id_hub_kepala_keluarga', 'id_status_perkawinan',
    'id_partisipasi_sekolah', 'id_jenjang_pendidikan_dukcapil', 'id_status_penguasaan_bangunan', 'id_lantai_terluas', 'id_dinding_terluas',
    'id_atap_terluas', 'id_sumber_airminum', 'id_fasilitas_bab', 'id_sumberpenerangan', 'id_bb_utama', 'luas_lantai_bangunan', 'id_penglihatan',
    'id_pendengaran', 'id_berjalan_atau_naik_tangga', 'id_menggunakan_tangan_jari', 'id_belajar_kemampuan_intelektual', 'id_pengendalian_perilaku',
    'id_berbicara_komunikasi', 'id_mengurus_diri', 'id_mengingat_berkonsentrasi', 'id_kesedihan_depresi',
  ];

  it('maps the DTSEN snake_case export', () => {
    expect(mapped('dtsen', DTSEN_SNAKE)).toEqual({
      kkNumber: 'nomor_kartu_keluarga', familyId: null, nik: 'nik', name: 'nama', sex: 'id_jenis_kelamin', birthDate: 'tgl_lahir', relation: 'id_hub_kepala_keluarga',
      kelurahanCode: 'kode_kelurahan_desa', kelurahanName: 'kelurahan_desa', kecamatanName: 'kecamatan', address: 'alamat', rt: null, rw: null,
      welfareDecile: 'desil_nasional', floorType: 'id_lantai_terluas', floorQuality: null, wallType: 'id_dinding_terluas', wallQuality: null,
      roofType: 'id_atap_terluas', drinkingWater: 'id_sumber_airminum', sanitation: 'id_fasilitas_bab', electricity: 'id_sumberpenerangan',
      homeOwnership: 'id_status_penguasaan_bangunan', educationLevel: 'id_jenjang_pendidikan_dukcapil', schoolEnrolled: 'id_partisipasi_sekolah',
      occupation: null, employmentStatus: null, jknStatus: 'pbi', disability: null, difficultySeeing: 'id_penglihatan',
      difficultyHearing: 'id_pendengaran', difficultySpeaking: 'id_berbicara_komunikasi', difficultyWalking: 'id_berjalan_atau_naik_tangga',
      difficultyHands: 'id_menggunakan_tangan_jari', difficultySelfCare: 'id_mengurus_diri', difficultyLearning: 'id_belajar_kemampuan_intelektual',
      difficultyRemembering: 'id_mengingat_berkonsentrasi', difficultyBehaviour: 'id_pengendalian_perilaku', difficultyDepression: 'id_kesedihan_depresi',
    });
    // The family decile, not the member's, is the household's.
    expect(mapped('dtsen', ['desil_nasional_anggota', 'desil_nasional_keluarga'])).toMatchObject({ welfareDecile: 'desil_nasional_keluarga' });
  });

  it('derives the disability from DTSEN difficulty items ("cannot" or "a lot" counts)', () => {
    const base = {
      no_kk: '6271030101150003', nama: 'Yohanes', id_jenis_kelamin: '1', tgl_lahir: '1980-03-12', id_hub_kepala_keluarga: '1',
      kode_kelurahan_desa: '6271031002',
    };
    const disability = (items: Record<string, string>) => parse('dtsen', { ...base, ...items }).records[0]?.disability;
    expect(disability({ id_penglihatan: '4', id_berjalan_atau_naik_tangga: '3' })).toBe('NONE');
    expect(disability({ id_penglihatan: '2', id_pendengaran: '1', id_berjalan_atau_naik_tangga: '4' })).toBe('SENSORY');
    expect(disability({ id_berjalan_atau_naik_tangga: '1', id_mengurus_diri: '2' })).toBe('PHYSICAL');
    expect(disability({ id_mengingat_berkonsentrasi: '2' })).toBe('INTELLECTUAL');
    expect(disability({ id_kesedihan_depresi: '1' })).toBe('MENTAL');
    expect(disability({ id_penglihatan: '1', id_menggunakan_tangan_jari: '2' })).toBe('MULTIPLE');
    expect(disability({ id_penglihatan: '1', Disabilitas: 'Fisik' })).toBe('PHYSICAL');
    expect(disability({})).toBeUndefined();
  });

  it('reads a DTSEN coded row (dotted region code, numeric codes)', () => {
    const cells: Record<string, string> = {
      nomor_kartu_keluarga: '6271030101150003', nik: '6271031203800002', nama: 'Yohanes', kode_kelurahan_desa: '62.71.03.1002',
      kelurahan_desa: 'MENTENG', kecamatan: 'JEKAN RAYA', alamat: 'Jl. G. Obos XII', desil_nasional: '2', pbi: '1', id_jenis_kelamin: '1',
      tgl_lahir: '1980-03-12', id_hub_kepala_keluarga: '1', id_partisipasi_sekolah: '3', id_jenjang_pendidikan_dukcapil: '5',
      id_status_penguasaan_bangunan: '1', id_lantai_terluas: '6', id_dinding_terluas: '4', id_atap_terluas: '3', id_sumber_airminum: '3',
      id_fasilitas_bab: '6', id_sumberpenerangan: '1',
    };
    expect(parse('dtsen', cells).records).toEqual([{
      kkNumber: '6271030101150003', nik: '6271031203800002', name: 'Yohanes', sex: 'MALE', birthDate: '1980-03-12', relation: 'HEAD', areaId: MENTENG,
      address: 'Jl. G. Obos XII', welfareDecile: 2, floorType: 'CEMENT', wallType: 'BAMBOO', roofType: 'ZINC', drinkingWater: 'PIPED',
      sanitation: 'NONE', electricity: 'PLN_METERED', homeOwnership: 'OWNED', educationLevel: 'SENIOR_SECONDARY', schoolEnrolled: false,
      jknStatus: 'PBI',
    }]);
    // pbi 0 says "not PBI" but not which status, so the field stays out of the record.
    expect(parse('dtsen', { ...cells, pbi: '0' }).records[0]).not.toHaveProperty('jknStatus');
  });

  it('reports each bad field under the file’s header, in Indonesian', () => {
    const r = parse('dtsen', {
      no_kk: '627103010115000', nik: '6271031203800002', nama: '', JK: 'X', tgl_lahir: '31/02/1980', 'Hubungan Keluarga': 'Tetangga',
      'Kode Kemdagri': '3602012002', Desil: '11', RT: 'satu', id_lantai_terluas: '12',
    });
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      { column: 'no_kk', message: 'Nomor KK harus 16 digit ("627103010115000" berisi 15 digit)' },
      { column: 'nama', message: 'Kolom "Nama" wajib diisi' },
      { column: 'JK', message: 'Jenis Kelamin "X" tidak dikenal (L/P)' },
      { column: 'tgl_lahir', message: 'Tanggal Lahir "31/02/1980" bukan tanggal yang valid (format dd/mm/yyyy atau yyyy-mm-dd)' },
      { column: 'Hubungan Keluarga', message: expect.stringMatching(/^Hubungan dengan Kepala Keluarga "Tetangga" tidak dikenal/) },
      { column: 'Kode Kemdagri', message: 'Kode wilayah 36.02.01.2002 tidak ada di wilayah kota' },
      { column: 'RT', message: 'RT "satu" harus angka 1–999' },
      { column: 'Desil', message: 'Desil harus 1–10 ("11")' },
      { column: 'id_lantai_terluas', message: expect.stringMatching(/^Jenis Lantai "12" tidak dikenal/) },
    ]);
  });

  it('keeps a row whose NIK Excel destroyed, without the NIK, for review', () => {
    const r = parse('dtsen', {
      'Nomor KK': '6271030101150003', NIK: '6.27103E+15', Nama: 'Siti', 'Jenis Kelamin': 'P', 'Tanggal Lahir': '42075',
      'Hubungan dengan Kepala Keluarga': 'Istri', Kelurahan: 'Kel. Menteng', RT: '4', RW: '02',
    });
    expect(r.records).toEqual([{
      kkNumber: '6271030101150003', name: 'Siti', sex: 'FEMALE', birthDate: '2015-03-12', relation: 'SPOUSE', areaId: MENTENG, rt: '004', rw: '002',
    }]);
    expect(r.problems).toEqual([{ column: 'NIK', message: expect.stringContaining('Excel'), review: true }]);
  });

  it('maps a SIKS-NG/DTKS list with the DESA/KELUARAHAN typo', () => {
    const headers = [
      'ID DTKS', 'PROVINSI', 'KABUPATEN/KOTA', 'KECAMATAN', 'DESA/KELUARAHAN', 'ALAMAT', 'DUSUN', 'RT', 'RW', 'NOMOR KK', 'NOMOR NIK', 'NAMA',
      'TANGGAL LAHIR', 'TEMPAT LAHIR', 'JENIS KELAMIN', 'NAMA IBU KANDUNG', 'HUBUNGAN KELUARGA', 'PEKERJAAN', 'KETERANGAN PADAN',
      'BANSOS BPNT', 'BANSOS PKH', 'BANSOS BPNT-PPKM', 'PBI JKN',
    ];
    expect(mapped('dtsen', headers)).toMatchObject({
      kkNumber: 'NOMOR KK', nik: 'NOMOR NIK', name: 'NAMA', birthDate: 'TANGGAL LAHIR', sex: 'JENIS KELAMIN', relation: 'HUBUNGAN KELUARGA',
      kelurahanName: 'DESA/KELUARAHAN', kecamatanName: 'KECAMATAN', address: 'ALAMAT', rt: 'RT', rw: 'RW', occupation: 'PEKERJAAN', jknStatus: 'PBI JKN',
    });
    expect(mapped('dinsos', headers)).toMatchObject({
      nik: 'NOMOR NIK', kkNumber: 'NOMOR KK', name: 'NAMA', program: null, flagBpnt: 'BANSOS BPNT', flagPkh: 'BANSOS PKH', flagPbi: 'PBI JKN',
    });
  });
});

describe('dinsos', () => {
  it('reads a delivery row of Sinergi’s template', () => {
    const r = parse('dinsos', {
      NIK: '', 'Nomor KK': '6271030101150003', Program: 'PKH', Periode: '2026-Q3', 'Tanggal Salur': '15/08/2026', 'Nilai (Rp)': 'Rp 750.000',
    });
    expect(r).toEqual({
      records: [{ kkNumber: '6271030101150003', programId: PKH, periodLabel: '2026-Q3', deliveredOn: '2026-08-15', valueRp: 750_000 }],
      problems: [],
    });
  });

  it('dates a delivery without its own date inside its period', () => {
    const r = parse('dinsos', { 'NIK KTP': '6271035203150001', BANSOS: 'Sembako', TAHAP: 'TAHAP 2 2026', 'NAMA PENERIMA': 'SITI' });
    expect(r.records).toEqual([{ nik: '6271035203150001', name: 'SITI', programId: BPNT, periodLabel: 'TAHAP 2 2026', deliveredOn: '2026-04-01' }]);
    expect(parse('dinsos', { NIK: '6271035203150001', Program: 'PKH', Periode: 'Juli' }).records[0]!.deliveredOn).toBe('2026-07-01');
    expect(parse('dinsos', { NIK: '6271035203150001', Program: 'PKH', Periode: 'triwulan ke-3' }).records[0]!.deliveredOn).toBe('2026-09-30');
  });

  it('makes one delivery per flagged program of a SIKS-NG list, dated by the file', () => {
    const headers = ['NOMOR KK', 'NOMOR NIK', 'NAMA', 'BANSOS BPNT', 'BANSOS PKH', 'BANSOS BPNT-PPKM', 'PBI JKN'];
    const flagged = SOURCES.dinsos.parse(row('dinsos', headers, ['6271030101150003', '6271035203150001', 'SITI', 'YA', '-', 'YA', 'YA']), ctx);
    expect(flagged).toEqual({
      records: [
        { kkNumber: '6271030101150003', nik: '6271035203150001', name: 'SITI', programId: BPNT, deliveredOn: '2026-09-30' },
        { kkNumber: '6271030101150003', nik: '6271035203150001', name: 'SITI', programId: PBI_JKN, deliveredOn: '2026-09-30' },
      ],
      problems: [],
    });
    // A registered family with no program is not a delivery and not an error.
    expect(SOURCES.dinsos.parse(row('dinsos', headers, ['6271030101150003', '', 'SITI', '-', '-', '', 'TIDAK']), ctx)).toEqual({ records: [], problems: [] });
  });

  it('counts BPNT and Sembako flags, one program, once', () => {
    const r = parse('dinsos', { NIK: '6271035203150001', 'Penerima BPNT': 'Ya', 'Penerima SEMBAKO': 'Ya', 'Penerima PKH': 'Tidak' });
    expect(r.records.map((x) => x.programId)).toEqual([BPNT]);
  });

  it('maps the SIKS-NG record and the distribution list layouts', () => {
    expect(mapped('dinsos', ['idsemesta', 'NIK', 'NOKK', 'NAMA', 'BPNT', 'PKH', 'PBI', 'BST', 'BLT', 'is_nonaktif'])).toMatchObject({
      nik: 'NIK', kkNumber: 'NOKK', name: 'NAMA', flagBpnt: 'BPNT', flagPkh: 'PKH', flagPbi: 'PBI',
    });
    expect(mapped('dinsos', ['NAMA PENERIMA', 'NIK KTP', 'TAHAP', 'BANSOS', 'IDSEMESTA', 'NO KEL', 'NM PROV', 'NM KAB', 'NM KEC', 'NM KEL', 'ALAMAT', 'UMUR']))
      .toMatchObject({ name: 'NAMA PENERIMA', nik: 'NIK KTP', period: 'TAHAP', program: 'BANSOS', kkNumber: null });
  });

  it('refuses rows without an identity or with an unknown program', () => {
    expect(parse('dinsos', { NIK: '', 'Nomor KK': '', Program: 'PKH' }).problems).toEqual([
      { column: 'NIK', message: 'Kolom "NIK" atau "Nomor KK" wajib diisi' },
    ]);
    expect(parse('dinsos', { NIK: '6271035203150001', Program: 'BLT Dana Desa' })).toEqual({
      records: [],
      problems: [{ column: 'Program', message: 'Program "BLT Dana Desa" tidak ditemukan' }],
    });
    expect(parse('dinsos', { NIK: '6271035203150001', Program: '' }).problems).toEqual([{ column: 'Program', message: 'Kolom "Program" wajib diisi' }]);
    expect(parse('dinsos', { NIK: '6271035203150001', Program: 'PKH', 'Tanggal Salur': '2026-02-30' }).records).toEqual([]);
  });
});

describe('dateInPeriod', () => {
  it.each([
    ['2026-Q3', '2026-09-30'],
    ['2026-Q2', '2026-04-01'],
    ['Q4 2026', '2026-10-01'],
    ['TAHAP 3 2026', '2026-09-30'],
    ['Triwulan III 2026', '2026-09-30'],
    ['Agustus 2026', '2026-08-01'],
    ['AGT 2026', '2026-08-01'],
    ['September 2026', '2026-09-30'],
    ['2026-08', '2026-08-01'],
    ['08/2026', '2026-08-01'],
    ['2025', '2025-01-01'],
    ['2026', '2026-09-30'],
  ])('%s → %s (data date 2026-09-30)', (label, date) => {
    expect(dateInPeriod(label, '2026-09-30')).toBe(date);
  });

  it('gives nothing for labels that are not periods', () => {
    expect(dateInPeriod('Penyaluran susulan', '2026-09-30')).toBeUndefined();
    expect(dateInPeriod('2026-13', '2026-09-30')).toBeUndefined();
  });
});

describe('dinkes', () => {
  const EPPGBM = [
    'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas', 'Desa/Kel', 'Posyandu', 'RT', 'RW',
    'Alamat', 'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'LiLA', 'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB',
    'ZS BB/TB', 'Naik Berat Badan', 'PMT Diterima (kg)', 'Jml Vit A', 'KPSP', 'KIA',
  ];

  it('maps the 33-column e-PPGBM export', () => {
    expect(EPPGBM).toHaveLength(33);
    expect(mapped('dinkes', EPPGBM)).toEqual({
      nik: 'NIK', name: 'Nama', birthDate: 'Tgl Lahir', sex: 'JK', kelurahanName: 'Desa/Kel', kecamatanName: 'Kec', measuredOn: 'Tanggal Pengukuran',
      heightCm: 'Tinggi', weightKg: 'Berat', position: 'Cara Ukur',
    });
  });

  it('reads an e-PPGBM row: comma decimals, lying length, child matched by name and birth date', () => {
    const cells = Object.fromEntries(EPPGBM.map((h) => [h, ''])) as Record<string, string>;
    Object.assign(cells, {
      Nama: 'AULIA RAHMA', JK: 'P', 'Tgl Lahir': '04-07-2025', Kec: 'JEKAN RAYA', 'Desa/Kel': 'MENTENG', 'Tanggal Pengukuran': '2026-08-05',
      Berat: '7,8', Tinggi: '67', 'Cara Ukur': 'Telentang', LiLA: '0', 'TB/U': 'Pendek',
    });
    expect(parse('dinkes', cells)).toEqual({
      records: [{
        name: 'AULIA RAHMA', birthDate: '2025-07-04', sex: 'FEMALE', areaId: MENTENG, measuredOn: '2026-08-05', heightCm: 67, weightKg: 7.8,
        position: 'LYING',
      }],
      problems: [],
    });
  });

  it('maps and reads the newer registry export (Bontang) with units in headers', () => {
    const headers = [
      'NIK', 'Nama Anak', 'Jenis Kelamin', 'Tanggal Lahir', 'Nomor KK', 'Anak Ke', 'Nama Orang Tua (Ibu/Ayah)', 'NIK Orang Tua', 'No HP Orang Tua',
      'Kelurahan', 'Puskesmas', 'Tanggal Pengukuran', 'Berat (kg)', 'Tinggi (cm)', 'LiLA (cm)', 'Cara Ukur', 'Usia Kehamilan (minggu)',
      'Berat Lahir - Sasaran (kg)', 'Panjang Lahir - Sasaran (cm)', 'Lingkar Kepala Lahir (cm)', 'IMD', 'Kelas Ibu Balita', 'MBG',
    ];
    expect(mapped('dinkes', headers)).toEqual({
      nik: 'NIK', name: 'Nama Anak', birthDate: 'Tanggal Lahir', sex: 'Jenis Kelamin', kelurahanName: 'Kelurahan', kecamatanName: null,
      measuredOn: 'Tanggal Pengukuran', heightCm: 'Tinggi (cm)', weightKg: 'Berat (kg)', position: 'Cara Ukur',
    });
    const cells = ['6271035203240001', 'Aulia', 'P', '12/03/2024', '6271030101150003', '2', 'AYAH / IBU', '6271034101900003', '0812 / 0813',
      'Kelurahan Entah', 'Puskesmas Menteng', '46238', '9.8', '78,5', '14', 'Berdiri', '', '3,1', '49', '34', 'Ya', 'Ya', 'Ya'];
    // With a NIK the child is matched by it: an unknown kelurahan name is no reason to refuse the row.
    expect(SOURCES.dinkes.parse(row('dinkes', headers, cells), ctx)).toEqual({
      records: [{ nik: '6271035203240001', name: 'Aulia', birthDate: '2024-03-12', sex: 'FEMALE', measuredOn: '2026-08-04', heightCm: 78.5, weightKg: 9.8, position: 'STANDING' }],
      problems: [],
    });
  });

  it('needs a NIK or name and birth date, a date and a height; weight 0 means not weighed', () => {
    expect(parse('dinkes', { NIK: '', 'Nama Anak': '', 'Tanggal Lahir': '', 'Tanggal Pengukuran': '05/08/2026', Tinggi: '67' }).problems).toEqual([
      { column: 'Nama Anak', message: 'Kolom "Nama Anak" wajib diisi bila NIK kosong' },
      { column: 'Tanggal Lahir', message: 'Kolom "Tanggal Lahir" wajib diisi bila NIK kosong' },
    ]);
    expect(parse('dinkes', { NIK: '6271035203240001', 'Tanggal Pengukuran': '', Tinggi: '0', Berat: '7,8' }).problems).toEqual([
      { column: 'Tanggal Pengukuran', message: 'Kolom "Tanggal Pengukuran" wajib diisi' },
      { column: 'Tinggi', message: 'Kolom "Tinggi/Panjang Badan (cm)" wajib diisi' },
    ]);
    expect(parse('dinkes', { NIK: '6271035203240001', Tinggi: '67', Berat: '0', 'Cara Ukur': 'Duduk' }).problems).toEqual([
      { column: 'Cara Ukur', message: 'Cara Ukur "Duduk" tidak dikenal (Berdiri/Terlentang)' },
    ]);
    // Without a date column the measurement takes the file's data date.
    expect(parse('dinkes', { NIK: '6271035203240001', Tinggi: '67', Berat: '0' }).records).toEqual([
      { nik: '6271035203240001', measuredOn: '2026-09-30', heightCm: 67 },
    ]);
  });

  it('sends an ambiguous or unknown kelurahan of a child without NIK to review or rejection', () => {
    expect(parse('dinkes', { Nama: 'Aulia', 'Tgl Lahir': '2024-03-12', 'Desa/Kel': 'Cipinang', Tinggi: '67' }).problems).toEqual([
      { column: 'Desa/Kel', message: 'Kelurahan "Cipinang" tidak ditemukan di wilayah kota' },
    ]);
  });
});

describe('disdik', () => {
  // A Dapodik "Daftar Peserta Didik" two-row header, combined by the reader.
  const parent = (who: string) => ['Nama', 'Tahun Lahir', 'Jenjang Pendidikan', 'Pekerjaan', 'Penghasilan', 'NIK'].map((h) => `Data ${who} ${h}`);
  const DAPODIK = [
    'No', 'Nama', 'Rombel Saat Ini', 'NIPD', 'JK', 'NISN', 'Tempat Lahir', 'Tanggal Lahir', 'NIK', 'Agama', 'Alamat', 'RT', 'RW', 'Dusun', 'Kelurahan',
    'Kecamatan', 'Kode Pos', 'Jenis Tinggal', 'Alat Transportasi', 'HP', 'E-Mail', 'Penerima KPS', 'No. KPS', ...parent('Ayah'), ...parent('Ibu'),
    ...parent('Wali'), 'Penerima KIP', 'Nomor KIP', 'Nama di KIP', 'Nomor KKS', 'Layak PIP (usulan dari sekolah)', 'Alasan Layak PIP',
    'Kebutuhan Khusus', 'Sekolah Asal', 'Anak ke-berapa', 'Lintang', 'Bujur', 'No KK', 'Berat Badan', 'Tinggi Badan', 'Lingkar Kepala',
    'Jml. Saudara\nKandung', 'Jarak Rumah\nke Sekolah (KM)',
  ];

  it('maps the Dapodik student list: the student’s NIK and name, not the parents’', () => {
    expect(mapped('disdik', DAPODIK)).toEqual({
      nik: 'NIK', nisn: 'NISN', name: 'Nama', birthDate: 'Tanggal Lahir', kelurahanName: 'Kelurahan', kecamatanName: 'Kecamatan',
      schoolStatus: null, schoolLevel: null, rombel: 'Rombel Saat Ini', nipd: 'NIPD', schoolName: null, atsReason: null,
    });
    // Also when the parents' columns come first.
    const reordered = [...parent('Ayah'), ...DAPODIK.filter((h) => !h.startsWith('Data Ayah'))];
    expect(mapped('disdik', reordered)).toMatchObject({ nik: 'NIK', name: 'Nama' });
  });

  it('reads a Dapodik pupil as enrolled, the level from the rombel, the NISN’s lost zeros restored', () => {
    const cells = Object.fromEntries(DAPODIK.map((h) => [h, ''])) as Record<string, string>;
    Object.assign(cells, {
      Nama: 'Aulia Rahma', 'Rombel Saat Ini': 'Kelas 7A', NIPD: '2526001', NISN: '9321234', 'Tanggal Lahir': '2013-05-02', NIK: '6271034205130001',
      Kelurahan: 'Menteng', Kecamatan: 'Jekan Raya', 'Data Ayah NIK': '6271031203800002',
    });
    expect(parse('disdik', cells)).toEqual({
      records: [{
        nik: '6271034205130001', nisn: '0009321234', name: 'Aulia Rahma', birthDate: '2013-05-02', areaId: MENTENG, schoolEnrolled: true,
        schoolLevel: 'JUNIOR_SECONDARY',
      }],
      problems: [],
    });
  });

  it('maps and reads an ATS list: DO/LTM/BPB are out of school with their reason', () => {
    const headers = ['NIK', 'NISN', 'Nama Lengkap', 'Jenis Kelamin', 'Provinsi', 'Kabupaten / Kota', 'Kecamatan', 'Desa / Kelurahan', 'Nama Sekolah Asal', 'Status ATS', 'Alasan'];
    expect(mapped('disdik', headers)).toMatchObject({
      nik: 'NIK', nisn: 'NISN', name: 'Nama Lengkap', kecamatanName: 'Kecamatan', kelurahanName: 'Desa / Kelurahan', schoolName: 'Nama Sekolah Asal',
      schoolStatus: 'Status ATS', atsReason: 'Alasan',
    });
    const read = (cells: string[]) => SOURCES.disdik.parse(row('disdik', headers, cells), ctx);
    expect(read(['6271034205130001', '', 'Aulia', 'P', 'KALTENG', 'KOTA PALANGKA RAYA', 'JEKAN RAYA', 'MENTENG', 'SMPN 2 Palangka Raya', 'DO', 'Ekonomi']))
      .toEqual({ records: [{ nik: '6271034205130001', name: 'Aulia', areaId: MENTENG, schoolEnrolled: false, schoolLevel: 'JUNIOR_SECONDARY', atsReason: 'Ekonomi' }], problems: [] });
    expect(read(['6271034205130001', '', 'Aulia', 'P', '', '', '', '', 'SDN 3 Menteng', 'LTM', '']).records[0])
      .toMatchObject({ schoolEnrolled: false, schoolLevel: 'PRIMARY', atsReason: 'Lulus tidak melanjutkan' });
    expect(read(['6271034205130001', '', 'Aulia', 'P', '', '', '', '', '', 'Tidak Pernah Sekolah', '']).records[0])
      .toEqual({ nik: '6271034205130001', name: 'Aulia', schoolEnrolled: false, atsReason: 'Belum pernah bersekolah' });
    expect(read(['6271034205130001', '', 'Aulia', 'P', '', '', '', '', '', 'Pindah', '']).problems)
      .toEqual([{ column: 'Status ATS', message: 'Status Sekolah "Pindah" tidak dikenal (Sekolah, Tidak Sekolah, DO, LTM, BPB)' }]);
  });

  it('reads Sinergi’s template: status and level columns', () => {
    expect(parse('disdik', { NIK: '', Nama: 'Budi', 'Tanggal Lahir': '02/05/2012', Kelurahan: 'Menteng', 'Status Sekolah': 'Sekolah', Jenjang: 'MTs' }).records)
      .toEqual([{ name: 'Budi', birthDate: '2012-05-02', areaId: MENTENG, schoolEnrolled: true, schoolLevel: 'JUNIOR_SECONDARY' }]);
    expect(parse('disdik', { NIK: '6271034205130001', 'Status Sekolah': '', Jenjang: 'SMA' }).problems)
      .toEqual([{ column: 'Status Sekolah', message: 'Kolom "Status Sekolah" wajib diisi' }]);
  });

  it.each([
    ['Kelas 7A', 'JUNIOR_SECONDARY'], ['VII-B', 'JUNIOR_SECONDARY'], ['X IPA 1', 'SENIOR_SECONDARY'], ['12 TKJ', 'SENIOR_SECONDARY'],
    ['1A', 'PRIMARY'], ['Kelas VI', 'PRIMARY'], ['Rombel Mawar', undefined],
  ])('levelOfRombel(%j) = %s', (rombel, level) => {
    expect(levelOfRombel(rombel)).toBe(level);
  });
});
