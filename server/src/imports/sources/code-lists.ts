// Code lists of the agency layouts (see /shared/data/import/SOURCES.md) mapped onto Sinergi's enums.
// Numeric codes are DTSEN's `id_*` codes; labels cover Sinergi's template, P3KE 2022/2023,
// SIKS-NG/DTKS, e-PPGBM, Dapodik and ATS lists. A null value is an answer the model cannot hold
// ('Lainnya' floor, 'Kosong'): the field is left unset rather than the row rejected.
import {
  Disability,
  DrinkingWater,
  EducationLevel,
  Electricity,
  EmploymentStatus,
  FloorType,
  HomeOwnership,
  JknStatus,
  MeasurePosition,
  Relation,
  RoofType,
  Sanitation,
  Sex,
  WallType,
} from '../../graphql/enums.js';
import { codeList, type CodeEntry, type CodeList } from '../values.js';

/** Every enum value is also accepted as written in the API ('TILE_CERAMIC'). */
function enumList<T extends string>(hint: string, entries: CodeEntry<T>[]): CodeList<T> {
  return codeList(
    hint,
    entries.map((e) => (e.value === null || e.labels.includes(e.value) ? e : { ...e, labels: [...e.labels, e.value] })),
  );
}

const KOSONG: CodeEntry<never> = { value: null, labels: ['Kosong', 'Tidak tahu', 'Tidak diketahui'] };

export const SEX = enumList<Sex>('L/P', [
  { value: Sex.MALE, codes: [1], labels: ['L', 'LK', 'Laki-laki', 'Laki laki', 'Lelaki', 'Pria', 'M', 'Male'] },
  { value: Sex.FEMALE, codes: [2], labels: ['P', 'PR', 'Perempuan', 'Wanita', 'F', 'Female'] },
]);

// DTSEN id_hub_kepala_keluarga; code 6 "Orang tua/mertua" cannot be split and counts as a parent.
export const RELATION = enumList<Relation>('Kepala Keluarga, Istri/Suami, Anak, Menantu, Cucu, Orang Tua, Mertua, Famili Lain, Lainnya; kode 1–8', [
  { value: Relation.HEAD, codes: [1], labels: ['Kepala Keluarga', 'Kepala Rumah Tangga', 'KK', 'Kepala'] },
  { value: Relation.SPOUSE, codes: [2], labels: ['Istri/Suami', 'Suami/Istri', 'Istri', 'Suami', 'Pasangan'] },
  { value: Relation.CHILD, codes: [3], labels: ['Anak', 'Anak Kandung', 'Anak Tiri', 'Anak Angkat'] },
  { value: Relation.CHILD_IN_LAW, codes: [4], labels: ['Menantu'] },
  { value: Relation.GRANDCHILD, codes: [5], labels: ['Cucu'] },
  { value: Relation.PARENT, codes: [6], labels: ['Orang Tua', 'Orangtua', 'Orang tua/mertua', 'Ayah', 'Ibu'] },
  { value: Relation.PARENT_IN_LAW, labels: ['Mertua'] },
  { value: Relation.OTHER_RELATIVE, labels: ['Famili Lain', 'Saudara', 'Keluarga Lain', 'Famili'] },
  { value: Relation.OTHER, codes: [7, 8], labels: ['Pembantu/sopir', 'Pembantu', 'Sopir', 'Lainnya', 'Lain-lain'] },
]);

// Highest level completed. P3KE's "Masih SD" / 2022 "Siswa SD" means primary not yet completed.
// DTSEN id_jenjang_pendidikan_dukcapil is read as Dukcapil's 1–10 list, as its name says
// (SOURCES.md leaves this open).
export const EDUCATION = enumList<EducationLevel>('Tidak/Belum Sekolah, Tamat SD, Tamat SLTP, Tamat SLTA, Diploma, S1, S2/S3; kode Dukcapil 1–10', [
  {
    value: EducationLevel.NONE,
    codes: [1, 2],
    labels: [
      'Tidak/Belum Sekolah', 'Tidak Sekolah', 'Belum Sekolah', 'Tidak Pernah Sekolah', 'Belum Tamat SD/Sederajat',
      'Tidak Tamat SD/Sederajat', 'Tdk Tamat SD/Sederajat', 'Masih SD/Sederajat', 'Siswa SD/sederajat', 'Tidak/belum tamat SD',
    ],
  },
  {
    value: EducationLevel.PRIMARY,
    codes: [3],
    labels: ['SD', 'SD/Sederajat', 'Tamat SD/Sederajat', 'Tamat SD', 'Masih SLTP/Sederajat', 'Siswa SLTP/sederajat', 'MI', 'Paket A'],
  },
  {
    value: EducationLevel.JUNIOR_SECONDARY,
    codes: [4],
    labels: [
      'SMP', 'SLTP', 'SLTP/Sederajat', 'SMP/Sederajat', 'Tamat SLTP/Sederajat', 'Tamat SMP', 'Masih SLTA/Sederajat',
      'Siswa SLTA/sederajat', 'MTs', 'Paket B',
    ],
  },
  {
    value: EducationLevel.SENIOR_SECONDARY,
    codes: [5],
    labels: [
      'SMA', 'SMK', 'SLTA', 'SLTA/Sederajat', 'SMA/Sederajat', 'Tamat SLTA/Sederajat', 'Tamat SMA', 'Masih PT/Akademi',
      'Mahasiswa Perguruan Tinggi', 'MA', 'Paket C',
    ],
  },
  {
    value: EducationLevel.DIPLOMA,
    codes: [6, 7],
    labels: [
      'Diploma', 'Diploma I/II', 'D1', 'D2', 'D3', 'Akademi/Diploma III/S. Muda', 'Akademi/Diploma III/Sarjana Muda',
      // "Tamat PT/Akademi" may be a diploma or a degree: the lower bound is recorded.
      'Tamat PT/Akademi', 'Tamat Perguruan Tinggi',
    ],
  },
  { value: EducationLevel.BACHELOR, codes: [8], labels: ['S1', 'D4', 'Diploma IV/Strata I', 'Sarjana', 'Strata I'] },
  { value: EducationLevel.POSTGRADUATE, codes: [9, 10], labels: ['S2', 'S3', 'S2/S3', 'Strata II', 'Strata III', 'Pascasarjana'] },
  KOSONG,
]);

// School level of a pupil or of the school an out-of-school child left (Dapodik, ATS).
export const SCHOOL_LEVEL = enumList<EducationLevel>('SD/MI/Paket A, SMP/MTs/Paket B, SMA/SMK/MA/Paket C', [
  { value: EducationLevel.PRIMARY, labels: ['SD', 'MI', 'Paket A', 'SDLB', 'SD/MI', 'SD/Sederajat', 'Sekolah Dasar'] },
  { value: EducationLevel.JUNIOR_SECONDARY, labels: ['SMP', 'MTs', 'Paket B', 'SMPLB', 'SMP/MTs', 'SLTP', 'SMP/Sederajat', 'Sekolah Menengah Pertama'] },
  {
    value: EducationLevel.SENIOR_SECONDARY,
    labels: ['SMA', 'SMK', 'MA', 'MAK', 'Paket C', 'SMALB', 'SMA/SMK/MA', 'SMA/MA', 'SLTA', 'SMA/Sederajat', 'Sekolah Menengah Atas', 'Sekolah Menengah Kejuruan'],
  },
]);

export const EMPLOYMENT = enumList<EmploymentStatus>('Bekerja, Berusaha sendiri, Tidak bekerja, Bukan angkatan kerja, Sekolah', [
  {
    value: EmploymentStatus.EMPLOYED,
    labels: ['Bekerja', 'Buruh/Karyawan/Pegawai', 'Karyawan', 'Pegawai', 'Buruh', 'Pekerja bebas', 'Pekerja keluarga/tidak dibayar', 'Pekerja keluarga'],
  },
  {
    value: EmploymentStatus.SELF_EMPLOYED,
    labels: ['Berusaha sendiri', 'Wirausaha', 'Berusaha dibantu buruh tidak tetap/tidak dibayar', 'Berusaha dibantu buruh tetap/dibayar'],
  },
  { value: EmploymentStatus.UNEMPLOYED, labels: ['Tidak bekerja', 'Menganggur', 'Tidak/Belum Bekerja', 'Belum bekerja', 'Mencari kerja'] },
  {
    value: EmploymentStatus.NOT_IN_LABOR_FORCE,
    labels: ['Bukan angkatan kerja', 'Mengurus rumah tangga', 'Pensiunan', 'Lansia', 'Tidak mampu bekerja'],
  },
  { value: EmploymentStatus.STUDENT, labels: ['Sekolah', 'Pelajar', 'Mahasiswa', 'Pelajar/Mahasiswa', 'Masih sekolah'] },
  KOSONG,
]);

// DTSEN's `pbi` column is a 1/0 flag: 0 says "not PBI", not which other status, so it is left unset.
export const JKN = enumList<JknStatus>('PBI, Non PBI, Tidak ada', [
  { value: JknStatus.PBI, codes: [1], labels: ['PBI', 'PBI JKN', 'PBI-JKN', 'PBI APBN', 'PBI APBD', 'PBI Daerah', 'Ya'] },
  { value: JknStatus.NON_PBI, labels: ['Non PBI', 'Non-PBI', 'Bukan PBI', 'Mandiri', 'PBPU', 'PPU', 'Peserta mandiri', 'BPJS Mandiri'] },
  { value: JknStatus.NONE, labels: ['Tidak ada', 'Tidak punya', 'Belum punya', 'Bukan peserta', 'Tidak memiliki'] },
  { value: null, codes: [0], labels: ['Tidak', 'Kosong'] },
]);

export const DISABILITY = enumList<Disability>('Tidak ada, Fisik, Intelektual, Mental, Sensorik, Ganda', [
  { value: Disability.NONE, labels: ['Tidak ada', 'Tidak', 'Bukan penyandang disabilitas', 'Non disabilitas'] },
  { value: Disability.PHYSICAL, labels: ['Fisik', 'Disabilitas fisik', 'Tuna daksa', 'Tunadaksa'] },
  { value: Disability.INTELLECTUAL, labels: ['Intelektual', 'Disabilitas intelektual', 'Tuna grahita', 'Tunagrahita'] },
  { value: Disability.MENTAL, labels: ['Mental', 'Disabilitas mental', 'Psikososial'] },
  {
    value: Disability.SENSORY,
    labels: ['Sensorik', 'Disabilitas sensorik', 'Netra', 'Tuna netra', 'Tunanetra', 'Rungu', 'Tuna rungu', 'Tunarungu', 'Wicara', 'Tuna wicara', 'Rungu wicara'],
  },
  { value: Disability.MULTIPLE, labels: ['Ganda', 'Disabilitas ganda', 'Multi', 'Lebih dari satu'] },
]);

/**
 * DTSEN functional difficulty items (Washington Group style): 1 cannot at all, 2 a lot of
 * difficulty, 3 some, 4 none. "Cannot" and "a lot" count as a disability, as the WG cut-off does.
 */
export const DIFFICULTY = codeList<boolean>('1 tidak bisa, 2 banyak kesulitan, 3 sedikit kesulitan, 4 tidak ada kesulitan', [
  { value: true, codes: [1, 2], labels: ['Tidak bisa', 'Tidak bisa sama sekali', 'Ya, sepenuhnya', 'Banyak kesulitan', 'Ya, banyak'] },
  { value: false, codes: [3, 4], labels: ['Sedikit kesulitan', 'Ya, sedikit', 'Tidak ada kesulitan', 'Tidak mengalami kesulitan', 'Tidak'] },
  { value: null, codes: [8], labels: ['Tidak tahu'] },
]);

// --- housing (household) ------------------------------------------------------------------------

export const FLOOR = enumList<FloorType>('Tanah, Bambu, Kayu, Semen, Keramik; kode DTSEN 1–9', [
  { value: FloorType.EARTH, codes: [8], labels: ['Tanah'] },
  { value: FloorType.BAMBOO, codes: [7], labels: ['Bambu'] },
  // Wood counts as low quality unless P3KE's "Kualitas Lantai" says otherwise.
  { value: FloorType.WOOD_LOW_QUALITY, codes: [5], labels: ['Kayu/Papan', 'Kayu', 'Papan', 'Kayu kualitas rendah', 'Kayu/papan kualitas rendah'] },
  { value: FloorType.WOOD_HIGH_QUALITY, codes: [3], labels: ['Parket/vinil/karpet', 'Parket', 'Kayu kualitas tinggi', 'Kayu/papan kualitas tinggi'] },
  { value: FloorType.CEMENT, codes: [6], labels: ['Semen', 'Semen/bata merah', 'Plester', 'Bata merah'] },
  {
    value: FloorType.TILE_CERAMIC,
    codes: [1, 2, 4],
    labels: ['Keramik', 'Keramik/Granit/Marmer/Ubin/Tegel/Teraso', 'Marmer/granit', 'Ubin/tegel/teraso', 'Granit', 'Marmer', 'Ubin', 'Tegel'],
  },
  { value: null, codes: [9], labels: ['Lainnya', 'Kosong'] },
]);

export const WALL = enumList<WallType>('Tembok, Tembok tanpa plester, Kayu, Bambu, Lainnya; kode DTSEN 1–7', [
  { value: WallType.PLASTERED_BRICK, codes: [1], labels: ['Tembok', 'Tembok diplester', 'Tembok/bata diplester'] },
  { value: WallType.UNPLASTERED_BRICK, labels: ['Tembok tanpa plester', 'Bata tanpa plester', 'Batako', 'Bata merah'] },
  {
    value: WallType.WOOD_LOW_QUALITY,
    codes: [3, 5],
    labels: ['Kayu/Papan', 'Kayu', 'Papan', 'Kayu/papan/gypsum/GRC', 'Batang kayu', 'Kayu kualitas rendah'],
  },
  { value: WallType.WOOD_HIGH_QUALITY, labels: ['Kayu kualitas tinggi', 'Kayu/papan kualitas tinggi'] },
  { value: WallType.BAMBOO, codes: [4, 6], labels: ['Bambu', 'Anyaman bambu'] },
  { value: WallType.OTHER, codes: [2, 7], labels: ['Plesteran anyaman bambu/kawat', 'Seng', 'Lainnya'] },
  KOSONG,
]);

// Bamboo roofs have no enum value of their own and count with thatch as non-durable.
export const ROOF = enumList<RoofType>('Beton, Genteng, Seng, Asbes, Kayu/Sirap, Jerami/Ijuk/Rumbia; kode DTSEN 1–8', [
  { value: RoofType.CONCRETE, codes: [1], labels: ['Beton'] },
  { value: RoofType.CLAY_TILE, codes: [2], labels: ['Genteng', 'Genteng tanah liat'] },
  // P3KE groups "Asbes/Seng"; zinc is by far the more common of the two.
  { value: RoofType.ZINC, codes: [3], labels: ['Seng', 'Asbes/Seng', 'Seng/Asbes'] },
  { value: RoofType.ASBESTOS, codes: [4], labels: ['Asbes'] },
  { value: RoofType.WOOD_SHINGLE, codes: [6], labels: ['Kayu/Sirap', 'Sirap', 'Kayu'] },
  {
    value: RoofType.THATCH,
    codes: [5, 7],
    labels: ['Jerami/Ijuk/Rumbia/ Daun-daunan', 'Jerami/ijuk/daun-daunan/rumbia', 'Jerami', 'Ijuk', 'Rumbia', 'Daun', 'Bambu'],
  },
  { value: null, codes: [8], labels: ['Lainnya', 'Kosong'] },
]);

// Springs have no enum value: a protected spring counts as a protected well, an unprotected one as an unprotected well.
export const WATER = enumList<DrinkingWater>('Ledeng/PAM, Air kemasan/isi ulang, Sumur terlindung, Sumur tidak terlindung, Sungai, Air hujan, Lainnya; kode DTSEN 1–11', [
  { value: DrinkingWater.BOTTLED, codes: [1, 2], labels: ['Air Kemasan/Isi Ulang', 'Air kemasan bermerk', 'Air kemasan', 'Air isi ulang', 'Isi ulang'] },
  { value: DrinkingWater.PIPED, codes: [3], labels: ['Ledeng/PAM', 'Leding', 'Ledeng', 'PAM', 'PDAM', 'Air ledeng', 'Perpipaan'] },
  {
    value: DrinkingWater.PROTECTED_WELL,
    codes: [4, 5, 7],
    labels: ['Sumur Bor', 'Sumur bor/pompa', 'Sumur Terlindung', 'Mata air terlindung', 'Sumur pompa'],
  },
  {
    value: DrinkingWater.UNPROTECTED_WELL,
    codes: [6, 8],
    labels: ['Sumur Tidak Terlindung', 'Sumur tak terlindung', 'Mata air tak terlindung', 'Mata air tidak terlindung'],
  },
  { value: DrinkingWater.RIVER_LAKE, codes: [9], labels: ['Air Permukaan (Sungai, Danau, dll)', 'Air permukaan', 'Sungai', 'Danau', 'Sungai/danau'] },
  { value: DrinkingWater.RAINWATER, codes: [10], labels: ['Air Hujan'] },
  { value: DrinkingWater.OTHER, codes: [11], labels: ['Lainnya'] },
  KOSONG,
]);

export const SANITATION = enumList<Sanitation>('Sendiri, Bersama, Umum, Tidak ada; kode DTSEN 1–6', [
  { value: Sanitation.PRIVATE, codes: [1], labels: ['Sendiri', 'Milik sendiri', 'Jamban sendiri'] },
  // P3KE's "Umum/Bersama" cannot tell the two apart; shared is the narrower claim.
  { value: Sanitation.SHARED, codes: [2, 3], labels: ['Bersama', 'Bersama keluarga tertentu', 'MCK komunal', 'Umum/Bersama', 'Bersama/Umum'] },
  { value: Sanitation.PUBLIC, codes: [4], labels: ['Umum', 'MCK umum'] },
  { value: Sanitation.NONE, codes: [5, 6], labels: ['Tidak ada', 'Ada, tidak dipakai', 'Ada tidak dipakai', 'Tidak punya'] },
  { value: null, labels: ['Lainnya', 'Kosong'] },
]);

export const ELECTRICITY = enumList<Electricity>('PLN meteran, PLN non meteran, Non-PLN, Bukan listrik; kode DTSEN 1–4', [
  { value: Electricity.PLN_METERED, codes: [1], labels: ['Listrik PLN meteran', 'PLN dengan meteran', 'PLN meteran', 'PLN'] },
  { value: Electricity.PLN_UNMETERED, codes: [2], labels: ['Listrik PLN non meteran', 'PLN tanpa meteran', 'PLN non meteran', 'PLN tanpa meteran/menumpang'] },
  { value: Electricity.NON_PLN, codes: [3], labels: ['Listrik non-PLN', 'Non-PLN', 'Non PLN', 'Genset', 'Tenaga surya'] },
  { value: Electricity.NONE, codes: [4], labels: ['Bukan listrik', 'Tidak ada listrik', 'Tidak ada'] },
  KOSONG,
]);

export const OWNERSHIP = enumList<HomeOwnership>('Milik sendiri, Kontrak/sewa, Bebas sewa, Dinas, Lainnya; kode DTSEN 1–5', [
  { value: HomeOwnership.OWNED, codes: [1], labels: ['Milik Sendiri', 'Sendiri'] },
  { value: HomeOwnership.RENTED, codes: [2], labels: ['Kontrak/Sewa', 'Kontrak', 'Sewa'] },
  { value: HomeOwnership.RENT_FREE, codes: [3], labels: ['Bebas Sewa/Menumpang', 'Bebas sewa', 'Menumpang', 'Numpang'] },
  { value: HomeOwnership.OFFICIAL_HOUSING, codes: [4], labels: ['Dinas', 'Rumah dinas'] },
  { value: HomeOwnership.OTHER, codes: [5], labels: ['Lainnya'] },
  KOSONG,
]);

/** P3KE 2023 "Kualitas Lantai/Dinding": upgrades a wooden floor or wall to high quality. */
export const QUALITY = codeList<'HIGH' | 'LOW'>('Bagus/Kualitas Tinggi, Jelek/Kualitas Rendah', [
  { value: 'HIGH', labels: ['Bagus/Kualitas Tinggi', 'Bagus', 'Kualitas Tinggi', 'Tinggi'] },
  { value: 'LOW', labels: ['Jelek/Kualitas Rendah', 'Jelek', 'Kualitas Rendah', 'Rendah'] },
  { value: null, labels: ['Kosong'] },
]);

/** DTSEN id_partisipasi_sekolah and the template's "Masih Sekolah". */
export const SCHOOL_PARTICIPATION = codeList<boolean>('Ya/Tidak; kode DTSEN 1–3', [
  { value: true, codes: [2], labels: ['Masih sekolah', 'Ya', 'Y', 'Sekolah', 'Aktif'] },
  {
    value: false,
    codes: [1, 3],
    labels: ['Tidak/belum pernah sekolah', 'Tidak pernah sekolah', 'Belum pernah sekolah', 'Tidak bersekolah lagi', 'Tidak sekolah lagi', 'Tidak', 'T', 'Tidak sekolah'],
  },
]);

// --- measurements (Dinas Kesehatan) -------------------------------------------------------------

export const POSITION = enumList<MeasurePosition>('Berdiri/Terlentang', [
  { value: MeasurePosition.STANDING, labels: ['Berdiri', 'Tinggi badan', 'TB', 'Diukur berdiri'] },
  { value: MeasurePosition.LYING, labels: ['Terlentang', 'Telentang', 'Berbaring', 'Tidur', 'Panjang badan', 'PB', 'Diukur terlentang'] },
]);

// --- schooling (Dinas Pendidikan) ---------------------------------------------------------------

export interface SchoolStatus {
  enrolled: boolean;
  /** Why a child is out of school, for ATS codes. */
  reason?: string;
}

/** Template "Status Sekolah" and ATS status codes (DO, LTM, BPB/BPS). */
export const SCHOOL_STATUS = codeList<SchoolStatus>('Sekolah, Tidak Sekolah, DO, LTM, BPB', [
  { value: { enrolled: true }, labels: ['Sekolah', 'Masih sekolah', 'Aktif', 'Bersekolah', 'Ya'] },
  { value: { enrolled: false }, labels: ['Tidak sekolah', 'Tidak bersekolah', 'ATS', 'Anak tidak sekolah', 'Tidak'] },
  { value: { enrolled: false, reason: 'Putus sekolah' }, labels: ['DO', 'Drop Out', 'Dropout', 'Putus sekolah', 'Putus Sekolah/Drop Out'] },
  { value: { enrolled: false, reason: 'Lulus tidak melanjutkan' }, labels: ['LTM', 'Lulus tidak melanjutkan'] },
  {
    value: { enrolled: false, reason: 'Belum pernah bersekolah' },
    labels: ['BPB', 'BPS', 'Belum pernah bersekolah', 'Belum pernah sekolah', 'Tidak pernah sekolah', 'Tidak pernah bersekolah'],
  },
]);
