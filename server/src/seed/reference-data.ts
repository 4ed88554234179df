// Reference data of the demo city: areas, organisations, demo accounts, the program catalog
// and the word lists the generator draws names and addresses from.
// Area codes and names follow spec §3; populations and centroids are approximate.
// Every NGO, community organisation and company here is invented.

import { stableUuid } from './random.js';

export type Sex = 'MALE' | 'FEMALE';
export type AreaLevel = 'CITY' | 'KECAMATAN' | 'KELURAHAN';
export type OrganizationType =
  | 'PERANGKAT_DAERAH'
  | 'CENTRAL_GOVERNMENT'
  | 'PROVINCIAL_GOVERNMENT'
  | 'NGO'
  | 'COMMUNITY_ORGANIZATION'
  | 'PRIVATE_SECTOR';
export type Role =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'AGENCY_STAFF'
  | 'KELURAHAN_OFFICER'
  | 'NGO_PARTNER'
  | 'PRIVATE_PARTNER'
  | 'AUDITOR';
export type FocusAspect =
  | 'STUNTING'
  | 'INVESTMENT'
  | 'P3DN'
  | 'INFLATION'
  | 'SOCIAL_PROTECTION'
  | 'HEALTH'
  | 'EDUCATION'
  | 'HOUSING'
  | 'LIVELIHOOD';
export type Strategy = 'REDUCE_EXPENDITURE' | 'INCREASE_INCOME' | 'REDUCE_POVERTY_POCKETS';
export type NeedType =
  | 'STUNTING'
  | 'NUTRITION_RISK'
  | 'HEALTH_INSURANCE'
  | 'SCHOOLING'
  | 'HOUSING'
  | 'WATER'
  | 'SANITATION'
  | 'ELECTRICITY'
  | 'INCOME'
  | 'FOOD';
export type TargetUnit = 'HOUSEHOLD' | 'PERSON';
export type Frequency = 'ONCE' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

export const FOCUS_ASPECTS: readonly FocusAspect[] = [
  'STUNTING',
  'INVESTMENT',
  'P3DN',
  'INFLATION',
  'SOCIAL_PROTECTION',
  'HEALTH',
  'EDUCATION',
  'HOUSING',
  'LIVELIHOOD',
];
export const STRATEGIES: readonly Strategy[] = ['REDUCE_EXPENDITURE', 'INCREASE_INCOME', 'REDUCE_POVERTY_POCKETS'];

// ---------------------------------------------------------------------------------------------
// Areas

export interface KecamatanDef {
  code: string;
  name: string;
}

export interface KelurahanDef {
  code: string;
  name: string;
  kecamatanCode: string;
  population: number;
  lat: number;
  lng: number;
  /** Standard deviation (degrees) of household positions around the centroid. */
  spreadDeg: number;
  streets: readonly string[];
}

export const CITY = { code: '62.71', name: 'Kota Palangka Raya' } as const;

export const KECAMATAN: readonly KecamatanDef[] = [
  { code: '62.71.01', name: 'Pahandut' },
  { code: '62.71.02', name: 'Bukit Batu' },
  { code: '62.71.03', name: 'Jekan Raya' },
  { code: '62.71.04', name: 'Sabangau' },
  { code: '62.71.05', name: 'Rakumpit' },
];

const TJILIK_KM = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `Jl. Tjilik Riwut Km ${from + i}`);
const KURUN_KM = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `Jl. Palangka Raya–Kuala Kurun Km ${from + i}`);

// Centroids were read once from the shared kelurahan GeoJSON (rounded); the file is not read at run time.
export const KELURAHAN: readonly KelurahanDef[] = [
  // 62.71.01 Pahandut: old town on the Kahayan; the river-side kelurahan are small.
  {
    code: '62.71.01.1001', name: 'Pahandut', kecamatanCode: '62.71.01', population: 32_500,
    lat: -2.19975, lng: 113.95033, spreadDeg: 0.006,
    streets: ['Jl. Ahmad Yani', 'Jl. Jend. Sudirman', 'Jl. Darmosugondo', 'Jl. Dr. Murjani', 'Jl. Kinibalu', 'Jl. Jati', 'Jl. Pierre Tendean', 'Jl. Tambun Bungai', 'Jl. Seth Adji', 'Jl. Kalimantan'],
  },
  {
    code: '62.71.01.1002', name: 'Panarung', kecamatanCode: '62.71.01', population: 26_000,
    lat: -2.2537, lng: 113.94895, spreadDeg: 0.008,
    streets: ['Jl. Mendawai', 'Jl. Kapuas', 'Jl. Barito', 'Jl. Katingan', 'Jl. Seruyan', 'Jl. Rungan', 'Jl. Ahmad Yani', 'Jl. Sumatera', 'Jl. Mahir Mahar'],
  },
  {
    code: '62.71.01.1003', name: 'Langkai', kecamatanCode: '62.71.01', population: 27_000,
    lat: -2.23897, lng: 113.92512, spreadDeg: 0.006,
    streets: ['Jl. Bangka', 'Jl. Bali', 'Jl. Jawa', 'Jl. Sumatera', 'Jl. Halmahera', 'Jl. Sulawesi', 'Jl. Lombok', 'Jl. RTA Milono', 'Jl. G. Obos'],
  },
  {
    code: '62.71.01.1004', name: 'Tumbang Rungan', kecamatanCode: '62.71.01', population: 1_200,
    lat: -2.15791, lng: 113.91861, spreadDeg: 0.006,
    streets: ['Jl. Tumbang Rungan', 'Jl. Dermaga Tumbang Rungan', 'Jl. Tepian Rungan'],
  },
  {
    code: '62.71.01.1005', name: 'Pahandut Seberang', kecamatanCode: '62.71.01', population: 4_300,
    lat: -2.18804, lng: 113.94215, spreadDeg: 0.005,
    streets: ['Jl. Pahandut Seberang', 'Jl. Tepian Kahayan', 'Jl. Dermaga Seberang'],
  },
  {
    code: '62.71.01.1006', name: 'Tanjung Pinang', kecamatanCode: '62.71.01', population: 9_000,
    lat: -2.20849, lng: 113.9772, spreadDeg: 0.008,
    streets: ['Jl. Tanjung Pinang', 'Jl. Tepian Kahayan', 'Jl. Sepakat', 'Jl. Lingkar Dalam'],
  },
  // 62.71.02 Bukit Batu: villages strung along Jl. Tjilik Riwut north-west of the city.
  {
    code: '62.71.02.1001', name: 'Marang', kecamatanCode: '62.71.02', population: 1_900,
    lat: -2.0925, lng: 113.785, spreadDeg: 0.012,
    streets: [...TJILIK_KM(17, 21), 'Jl. Marang'],
  },
  {
    code: '62.71.02.1002', name: 'Tumbang Tahai', kecamatanCode: '62.71.02', population: 2_600,
    lat: -2.03435, lng: 113.78144, spreadDeg: 0.012,
    streets: [...TJILIK_KM(26, 29), 'Jl. Tumbang Tahai', 'Jl. Taman Wisata Alam'],
  },
  {
    code: '62.71.02.1003', name: 'Banturung', kecamatanCode: '62.71.02', population: 4_100,
    lat: -1.99572, lng: 113.72758, spreadDeg: 0.012,
    streets: [...TJILIK_KM(30, 33), 'Jl. Banturung', 'Jl. Karya Bersama'],
  },
  {
    code: '62.71.02.1004', name: 'Tangkiling', kecamatanCode: '62.71.02', population: 5_200,
    lat: -1.96263, lng: 113.67165, spreadDeg: 0.014,
    streets: [...TJILIK_KM(34, 38), 'Jl. Tangkiling', 'Jl. Bukit Batu', 'Jl. Pasar Tangkiling'],
  },
  {
    code: '62.71.02.1005', name: 'Sei Gohong', kecamatanCode: '62.71.02', population: 2_100,
    lat: -1.94116, lng: 113.72486, spreadDeg: 0.012,
    streets: ['Jl. Sei Gohong', 'Jl. Tepian Rungan', ...TJILIK_KM(33, 35)],
  },
  {
    code: '62.71.02.1006', name: 'Kanarakan', kecamatanCode: '62.71.02', population: 1_200,
    lat: -1.89499, lng: 113.78055, spreadDeg: 0.012,
    streets: ['Jl. Kanarakan', 'Jl. Tepian Rungan', 'Jl. Dermaga Kanarakan'],
  },
  {
    code: '62.71.02.1007', name: 'Habaring Hurung', kecamatanCode: '62.71.02', population: 1_900,
    lat: -2.04395, lng: 113.70232, spreadDeg: 0.014,
    streets: ['Jl. Habaring Hurung', 'Jl. Transmigrasi', ...TJILIK_KM(28, 30)],
  },
  // 62.71.03 Jekan Raya: the new centre, government offices, campuses and most of the population.
  {
    code: '62.71.03.1001', name: 'Palangka', kecamatanCode: '62.71.03', population: 56_000,
    lat: -2.20503, lng: 113.89407, spreadDeg: 0.01,
    streets: ['Jl. Tjilik Riwut', 'Jl. Yos Sudarso', 'Jl. Rajawali', 'Jl. Beliang', 'Jl. Krakatau', 'Jl. Diponegoro', 'Jl. Garuda', 'Jl. Cendrawasih', 'Jl. Kecubung', 'Jl. Sakan', 'Jl. Nyai Balau'],
  },
  {
    code: '62.71.03.1002', name: 'Menteng', kecamatanCode: '62.71.03', population: 60_500,
    lat: -2.24352, lng: 113.89744, spreadDeg: 0.01,
    streets: ['Jl. G. Obos', 'Jl. RTA Milono', 'Jl. Temanggung Tilung', 'Jl. Yos Sudarso', 'Jl. Sisingamangaraja', 'Jl. Tingang', 'Jl. Adonis Samad', 'Jl. Menteng', 'Jl. Bukit Keminting', 'Jl. Mahir Mahar'],
  },
  {
    code: '62.71.03.1003', name: 'Bukit Tunggal', kecamatanCode: '62.71.03', population: 47_500,
    lat: -2.19856, lng: 113.78155, spreadDeg: 0.02,
    streets: [...TJILIK_KM(6, 12), 'Jl. Rajawali', 'Jl. Hiu Putih', 'Jl. Badak', 'Jl. Banteng', 'Jl. Manunggal', 'Jl. Sapan'],
  },
  {
    code: '62.71.03.1004', name: 'Petuk Katimpun', kecamatanCode: '62.71.03', population: 4_000,
    lat: -2.12371, lng: 113.8628, spreadDeg: 0.012,
    streets: ['Jl. Petuk Katimpun', 'Jl. Tepian Kahayan', ...TJILIK_KM(12, 14)],
  },
  // 62.71.04 Sabangau: peat land south and east; Kalampangan is the vegetable belt.
  {
    code: '62.71.04.1001', name: 'Bereng Bengkel', kecamatanCode: '62.71.04', population: 2_300,
    lat: -2.24838, lng: 114.02556, spreadDeg: 0.01,
    streets: ['Jl. Trans Kalimantan', 'Jl. Bereng Bengkel', 'Jl. Tepian Kahayan'],
  },
  {
    code: '62.71.04.1002', name: 'Kalampangan', kecamatanCode: '62.71.04', population: 9_600,
    lat: -2.28973, lng: 114.01153, spreadDeg: 0.012,
    streets: ['Jl. Trans Kalimantan', 'Jl. Mahir Mahar', 'Jl. Kalampangan', 'Jl. Tani Makmur', 'Jl. Sayur Mayur'],
  },
  {
    code: '62.71.04.1003', name: 'Kereng Bangkirai', kecamatanCode: '62.71.04', population: 7_700,
    lat: -2.32719, lng: 113.8247, spreadDeg: 0.012,
    streets: ['Jl. Kereng Bangkirai', 'Jl. Mahir Mahar', 'Jl. Dermaga Sabangau', 'Jl. Sabangau'],
  },
  {
    code: '62.71.04.1004', name: 'Kameloh Baru', kecamatanCode: '62.71.04', population: 1_600,
    lat: -2.23149, lng: 114.06904, spreadDeg: 0.01,
    streets: ['Jl. Kameloh Baru', 'Jl. Trans Kalimantan'],
  },
  {
    code: '62.71.04.1005', name: 'Danau Tundai', kecamatanCode: '62.71.04', population: 900,
    lat: -2.19961, lng: 114.0237, spreadDeg: 0.01,
    streets: ['Jl. Danau Tundai', 'Jl. Tepian Danau'],
  },
  {
    code: '62.71.04.1006', name: 'Sabaru', kecamatanCode: '62.71.04', population: 1_500,
    lat: -2.34453, lng: 113.96719, spreadDeg: 0.01,
    streets: ['Jl. Sabaru', 'Jl. Mahir Mahar', 'Jl. Lingkar Luar'],
  },
  // 62.71.05 Rakumpit: forest and river villages in the far north, few people.
  {
    code: '62.71.05.1001', name: 'Petuk Bukit', kecamatanCode: '62.71.05', population: 900,
    lat: -1.85217, lng: 113.6799, spreadDeg: 0.015,
    streets: ['Jl. Petuk Bukit', ...KURUN_KM(42, 45)],
  },
  {
    code: '62.71.05.1002', name: 'Panjehang', kecamatanCode: '62.71.05', population: 450,
    lat: -1.74714, lng: 113.75742, spreadDeg: 0.015,
    streets: ['Jl. Panjehang', 'Jl. Tepian Rungan'],
  },
  {
    code: '62.71.05.1003', name: 'Petuk Barunai', kecamatanCode: '62.71.05', population: 650,
    lat: -1.72387, lng: 113.63651, spreadDeg: 0.015,
    streets: ['Jl. Petuk Barunai', ...KURUN_KM(55, 58)],
  },
  {
    code: '62.71.05.1004', name: 'Mungku Baru', kecamatanCode: '62.71.05', population: 900,
    lat: -1.63463, lng: 113.68582, spreadDeg: 0.015,
    streets: ['Jl. Mungku Baru', ...KURUN_KM(65, 68)],
  },
  {
    code: '62.71.05.1005', name: 'Pager', kecamatanCode: '62.71.05', population: 550,
    lat: -1.7862, lng: 113.59487, spreadDeg: 0.015,
    streets: ['Jl. Pager', 'Jl. Tepian Rungan'],
  },
  {
    code: '62.71.05.1006', name: 'Gaung Baru', kecamatanCode: '62.71.05', population: 500,
    lat: -1.77871, lng: 113.74829, spreadDeg: 0.015,
    streets: ['Jl. Gaung Baru', ...KURUN_KM(48, 50)],
  },
  {
    code: '62.71.05.1007', name: 'Bukit Sua', kecamatanCode: '62.71.05', population: 450,
    lat: -1.6863, lng: 113.64809, spreadDeg: 0.015,
    streets: ['Jl. Bukit Sua', ...KURUN_KM(60, 62)],
  },
];

/** Streets that have numbered side streets (Jl. G. Obos XII, Jl. Rajawali VII…). */
export const NUMBERED_STREETS: ReadonlySet<string> = new Set([
  'Jl. G. Obos',
  'Jl. RTA Milono',
  'Jl. Temanggung Tilung',
  'Jl. Rajawali',
  'Jl. Yos Sudarso',
  'Jl. Tingang',
  'Jl. Beliang',
  'Jl. Garuda',
  'Jl. Mendawai',
  'Jl. Bangka',
  'Jl. Sisingamangaraja',
  'Jl. Hiu Putih',
  'Jl. Mahir Mahar',
]);

export const GANG_NAMES: readonly string[] = [
  'Gg. Mawar', 'Gg. Melati', 'Gg. Cempaka', 'Gg. Anggrek', 'Gg. Damai', 'Gg. Rukun', 'Gg. Sepakat',
  'Gg. Nusa Indah', 'Gg. Purnama', 'Gg. Family', 'Gg. Keluarga', 'Gg. Harapan', 'Gg. Swadaya', 'Gg. Flamboyan',
  'Gg. Kenanga', 'Gg. Teratai', 'Gg. Rambutan', 'Gg. Manggis', 'Gg. Bersama', 'Gg. Hidayah',
];

export const AREA_CODES = {
  city: CITY.code,
  kecamatan: {
    pahandut: '62.71.01',
    bukitBatu: '62.71.02',
    jekanRaya: '62.71.03',
    sabangau: '62.71.04',
    rakumpit: '62.71.05',
  },
  kelurahan: {
    pahandut: '62.71.01.1001',
    palangka: '62.71.03.1001',
    menteng: '62.71.03.1002',
    kalampangan: '62.71.04.1002',
    mungkuBaru: '62.71.05.1004',
  },
} as const;

/** Area ids are derived from the Kemendagri code, so they are the same for every seed. */
export function areaId(code: string): string {
  return stableUuid('area', code);
}

// ---------------------------------------------------------------------------------------------
// Organisations

export interface OrganizationDef {
  key: string;
  id: string;
  name: string;
  shortName: string;
  type: OrganizationType;
  email: string;
  phone: string;
  address: string;
}

// Ids the tests and the demo logins rely on; keep them unchanged.
export const DEMO_ORGS = {
  diskominfo: '00000000-0000-4000-8000-000000000101',
  bappeda: '00000000-0000-4000-8000-000000000102',
  dinsos: '00000000-0000-4000-8000-000000000103',
  dinkes: '00000000-0000-4000-8000-000000000104',
  kelurahanMenteng: '00000000-0000-4000-8000-000000000105',
  ngo: '00000000-0000-4000-8000-000000000106',
  csr: '00000000-0000-4000-8000-000000000107',
  inspektorat: '00000000-0000-4000-8000-000000000108',
  disdik: '00000000-0000-4000-8000-000000000109',
  perkim: '00000000-0000-4000-8000-000000000110',
  dpmptsp: '00000000-0000-4000-8000-000000000111',
  disperdagkop: '00000000-0000-4000-8000-000000000112',
  disnaker: '00000000-0000-4000-8000-000000000113',
  kemensos: '00000000-0000-4000-8000-000000000114',
  dinsosProv: '00000000-0000-4000-8000-000000000115',
} as const;

export type DemoOrgKey = keyof typeof DEMO_ORGS;

const orgIdFor = (key: string): string =>
  (DEMO_ORGS as Record<string, string>)[key] ?? stableUuid('organization', key);

// Mail addresses use the reserved .example domain so that nobody is ever mailed by mistake.
const org = (
  key: string,
  name: string,
  shortName: string,
  type: OrganizationType,
  mailbox: string,
  phone: string,
  address: string,
): OrganizationDef => ({ key, id: orgIdFor(key), name, shortName, type, email: `${mailbox}@sinergi-palangkaraya.example`, phone, address });

export const ORGANIZATIONS: readonly OrganizationDef[] = [
  // Perangkat daerah of Kota Palangka Raya.
  org('bappeda', 'Badan Perencanaan Pembangunan Daerah Kota Palangka Raya', 'Bappeda', 'PERANGKAT_DAERAH', 'bappeda', '(0536) 3221001', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('dinsos', 'Dinas Sosial Kota Palangka Raya', 'Dinsos', 'PERANGKAT_DAERAH', 'dinsos', '(0536) 3221002', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('dinkes', 'Dinas Kesehatan Kota Palangka Raya', 'Dinkes', 'PERANGKAT_DAERAH', 'dinkes', '(0536) 3221003', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('disdik', 'Dinas Pendidikan Kota Palangka Raya', 'Disdik', 'PERANGKAT_DAERAH', 'disdik', '(0536) 3221004', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('perkim', 'Dinas Perumahan dan Permukiman Kota Palangka Raya', 'Disperkim', 'PERANGKAT_DAERAH', 'perkim', '(0536) 3221005', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya', 'DPMPTSP', 'PERANGKAT_DAERAH', 'dpmptsp', '(0536) 3221006', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('disperdagkop', 'Dinas Perdagangan, Koperasi dan UKM Kota Palangka Raya', 'Disperdagkop UKM', 'PERANGKAT_DAERAH', 'disperdagkop', '(0536) 3221007', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('disnaker', 'Dinas Tenaga Kerja Kota Palangka Raya', 'Disnaker', 'PERANGKAT_DAERAH', 'disnaker', '(0536) 3221008', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('diskominfo', 'Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Palangka Raya', 'Diskominfo', 'PERANGKAT_DAERAH', 'diskominfo', '(0536) 3221009', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('inspektorat', 'Inspektorat Kota Palangka Raya', 'Inspektorat', 'PERANGKAT_DAERAH', 'inspektorat', '(0536) 3221010', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('dkp', 'Dinas Ketahanan Pangan dan Pertanian Kota Palangka Raya', 'DKPP', 'PERANGKAT_DAERAH', 'dkpp', '(0536) 3221011', 'Jl. Tjilik Riwut Km 5,5, Palangka Raya'),
  org('kecPahandut', 'Kecamatan Pahandut', 'Kec. Pahandut', 'PERANGKAT_DAERAH', 'kec.pahandut', '(0536) 3222101', 'Jl. Ahmad Yani, Pahandut'),
  org('kecBukitBatu', 'Kecamatan Bukit Batu', 'Kec. Bukit Batu', 'PERANGKAT_DAERAH', 'kec.bukitbatu', '(0536) 3222102', 'Jl. Tjilik Riwut Km 34, Tangkiling'),
  org('kecJekanRaya', 'Kecamatan Jekan Raya', 'Kec. Jekan Raya', 'PERANGKAT_DAERAH', 'kec.jekanraya', '(0536) 3222103', 'Jl. Tjilik Riwut Km 2, Palangka'),
  org('kecSabangau', 'Kecamatan Sabangau', 'Kec. Sabangau', 'PERANGKAT_DAERAH', 'kec.sabangau', '(0536) 3222104', 'Jl. Mahir Mahar, Kereng Bangkirai'),
  org('kecRakumpit', 'Kecamatan Rakumpit', 'Kec. Rakumpit', 'PERANGKAT_DAERAH', 'kec.rakumpit', '(0536) 3222105', 'Jl. Mungku Baru, Rakumpit'),
  org('kelurahanMenteng', 'Kelurahan Menteng', 'Kel. Menteng', 'PERANGKAT_DAERAH', 'kel.menteng', '(0536) 3223102', 'Jl. Temanggung Tilung, Menteng'),
  // Central government.
  org('kemensos', 'Kementerian Sosial Republik Indonesia', 'Kemensos', 'CENTRAL_GOVERNMENT', 'kemensos', '(021) 3103591', 'Jl. Salemba Raya No. 28, Jakarta Pusat'),
  org('bpjsKesehatan', 'BPJS Kesehatan Cabang Palangka Raya', 'BPJS Kesehatan', 'CENTRAL_GOVERNMENT', 'bpjs.kesehatan', '(0536) 3224001', 'Jl. Diponegoro, Palangka Raya'),
  org('bkkbn', 'Perwakilan BKKBN Provinsi Kalimantan Tengah', 'BKKBN', 'CENTRAL_GOVERNMENT', 'bkkbn', '(0536) 3224002', 'Jl. Yos Sudarso, Palangka Raya'),
  org('kemendikdasmen', 'Kementerian Pendidikan Dasar dan Menengah', 'Kemendikdasmen', 'CENTRAL_GOVERNMENT', 'kemendikdasmen', '(021) 5711144', 'Jl. Jend. Sudirman, Senayan, Jakarta'),
  org('kemenpkp', 'Kementerian Perumahan dan Kawasan Permukiman', 'Kementerian PKP', 'CENTRAL_GOVERNMENT', 'kemenpkp', '(021) 7228497', 'Jl. Pattimura No. 20, Jakarta Selatan'),
  org('kemenesdm', 'Kementerian Energi dan Sumber Daya Mineral', 'Kementerian ESDM', 'CENTRAL_GOVERNMENT', 'kemenesdm', '(021) 3804242', 'Jl. Medan Merdeka Selatan No. 18, Jakarta'),
  org('bapanas', 'Badan Pangan Nasional', 'Bapanas', 'CENTRAL_GOVERNMENT', 'bapanas', '(021) 7807377', 'Jl. Harsono RM No. 3, Jakarta Selatan'),
  // Provincial government.
  org('dinsosProv', 'Dinas Sosial Provinsi Kalimantan Tengah', 'Dinsos Kalteng', 'PROVINCIAL_GOVERNMENT', 'dinsos.kalteng', '(0536) 3225001', 'Jl. Tjilik Riwut Km 5, Palangka Raya'),
  org('dinkesProv', 'Dinas Kesehatan Provinsi Kalimantan Tengah', 'Dinkes Kalteng', 'PROVINCIAL_GOVERNMENT', 'dinkes.kalteng', '(0536) 3225002', 'Jl. Yos Sudarso No. 9, Palangka Raya'),
  // NGOs and community organisations (invented).
  org('ngo', 'Yayasan Harapan Kahayan', 'YHK', 'NGO', 'yayasan.harapan.kahayan', '0812 5000 1001', 'Jl. G. Obos IX No. 14, Menteng'),
  org('betangCerdas', 'Yayasan Betang Cerdas Nusantara', 'YBCN', 'NGO', 'betang.cerdas', '0812 5000 1002', 'Jl. Rajawali VII No. 3, Palangka'),
  org('peduliGizi', 'Komunitas Peduli Gizi Isen Mulang', 'KPG Isen Mulang', 'COMMUNITY_ORGANIZATION', 'peduli.gizi', '0812 5000 1003', 'Jl. Temanggung Tilung XIV No. 8, Menteng'),
  org('perempuanMandiri', 'Perkumpulan Perempuan Mandiri Tambun Bungai', 'PPM Tambun Bungai', 'COMMUNITY_ORGANIZATION', 'perempuan.mandiri', '0812 5000 1004', 'Jl. Mendawai III No. 21, Panarung'),
  // Companies (invented; the "(fiktif)" suffix keeps them from being mistaken for real firms).
  org('csr', 'PT Borneo Sejahtera Abadi (fiktif)', 'BSA', 'PRIVATE_SECTOR', 'csr.borneo-sejahtera', '(0536) 3226001', 'Jl. Tjilik Riwut Km 8, Bukit Tunggal'),
  org('sawitMakmur', 'PT Sawit Makmur Lestari (fiktif)', 'SML', 'PRIVATE_SECTOR', 'csr.sawit-makmur', '(0536) 3226002', 'Jl. Trans Kalimantan, Kalampangan'),
  org('kahayanPangan', 'PT Kahayan Pangan Nusantara (fiktif)', 'KPN', 'PRIVATE_SECTOR', 'csr.kahayan-pangan', '(0536) 3226003', 'Jl. Mahir Mahar, Kereng Bangkirai'),
];

export function organizationByKey(key: string): OrganizationDef {
  const found = ORGANIZATIONS.find((o) => o.key === key);
  if (!found) throw new Error(`unknown organisation key '${key}'`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Demo accounts (spec §5)

export const DEMO_PASSWORD = 'sinergi-demo';

export const DEMO_USERS = {
  admin: '00000000-0000-4000-8000-000000000001',
  bappeda: '00000000-0000-4000-8000-000000000002',
  dinsos: '00000000-0000-4000-8000-000000000003',
  dinkes: '00000000-0000-4000-8000-000000000004',
  lurahMenteng: '00000000-0000-4000-8000-000000000005',
  ngo: '00000000-0000-4000-8000-000000000006',
  csr: '00000000-0000-4000-8000-000000000007',
  inspektorat: '00000000-0000-4000-8000-000000000008',
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

export interface DemoAccountDef {
  key: DemoUserKey;
  id: string;
  username: string;
  displayName: string;
  organizationId: string;
  role: Role;
  areaCode: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccountDef[] = [
  { key: 'admin', id: DEMO_USERS.admin, username: 'admin', displayName: 'Admin Diskominfo', organizationId: DEMO_ORGS.diskominfo, role: 'ADMIN', areaCode: null },
  { key: 'bappeda', id: DEMO_USERS.bappeda, username: 'bappeda', displayName: 'Rahmawati Lestari (TKPK Bappeda)', organizationId: DEMO_ORGS.bappeda, role: 'COORDINATOR', areaCode: null },
  { key: 'dinsos', id: DEMO_USERS.dinsos, username: 'dinsos', displayName: 'Yohanes Dohong (Dinas Sosial)', organizationId: DEMO_ORGS.dinsos, role: 'AGENCY_STAFF', areaCode: null },
  { key: 'dinkes', id: DEMO_USERS.dinkes, username: 'dinkes', displayName: 'dr. Noorhayati (Dinas Kesehatan)', organizationId: DEMO_ORGS.dinkes, role: 'AGENCY_STAFF', areaCode: null },
  { key: 'lurahMenteng', id: DEMO_USERS.lurahMenteng, username: 'lurah.menteng', displayName: 'Agustinus Nyahu (Kelurahan Menteng)', organizationId: DEMO_ORGS.kelurahanMenteng, role: 'KELURAHAN_OFFICER', areaCode: AREA_CODES.kelurahan.menteng },
  { key: 'ngo', id: DEMO_USERS.ngo, username: 'ngo', displayName: 'Maria Sahay (Yayasan Harapan Kahayan)', organizationId: DEMO_ORGS.ngo, role: 'NGO_PARTNER', areaCode: null },
  { key: 'csr', id: DEMO_USERS.csr, username: 'csr', displayName: 'Budi Santoso (CSR PT Borneo Sejahtera Abadi)', organizationId: DEMO_ORGS.csr, role: 'PRIVATE_PARTNER', areaCode: null },
  { key: 'inspektorat', id: DEMO_USERS.inspektorat, username: 'inspektorat', displayName: 'Hotman Simanjuntak (Inspektorat)', organizationId: DEMO_ORGS.inspektorat, role: 'AUDITOR', areaCode: null },
];

/** The demo user who logs work for an organisation, if it has one. */
export const USER_OF_ORG: ReadonlyMap<string, string> = new Map(DEMO_ACCOUNTS.map((a) => [a.organizationId, a.id]));

// ---------------------------------------------------------------------------------------------
// Program catalog

/** Who, inside the generated households, a program reaches. Interpreted by demo-city.ts. */
export type PersonRule =
  | 'ANY'
  | 'CHILD_AT_RISK' // under-five, stunted or in a poor household
  | 'PREGNANT'
  | 'NO_JKN'
  | 'SCHOOL_AGE' // 7–18
  | 'SCHOOL_AGE_POOR'
  | 'JOBSEEKER' // working age, unemployed or informal
  | 'WORKING_AGE'
  | 'ELDERLY_OR_DISABLED';

export type HouseholdRule =
  | 'ANY'
  | 'HAS_DEPENDANTS' // children, pregnant women, elderly or disabled members (PKH components)
  | 'YOUNG_CHILD_OR_PREGNANT'
  | 'HAS_ENTREPRENEUR'
  | 'OWNS_HOME';

export interface ProgramReach {
  /** Share of eligible targets the program reaches over the 18 months (before the demo's calibration). */
  coverage: number;
  minDecile?: number;
  maxDecile?: number;
  /** The household must show at least one of these needs. */
  needsAny?: readonly NeedType[];
  household?: HouseholdRule;
  person?: PersonRule;
  /** Only households of this kelurahan. */
  kelurahanCode?: string;
  /** Partner programs reach only households referred to their owner (assignment accepted or closed). */
  viaAssignment?: boolean;
  /** How many frequency periods a reached target gets in the window. */
  periods: readonly [number, number];
}

export interface ProgramDef {
  key: string;
  ownerKey: string;
  name: string;
  description: string;
  focusAspects: readonly FocusAspect[];
  strategy: Strategy;
  needTypes: readonly NeedType[];
  targetUnit: TargetUnit;
  targetMinAgeMonths?: number;
  targetMaxAgeMonths?: number;
  targetSex?: Sex;
  deliveryUnit: string;
  frequency: Frequency;
  startsOn: string;
  endsOn?: string;
  /** Quantity per delivery, in deliveryUnit. */
  quantity: number;
  /** Value per delivery (Rp); null when the help has no cash value (e.g. a job placement). */
  valueRp: number | null;
  /** Per-target value by age in years (first row whose maxAge ≥ age), e.g. PIP by school level. */
  valueByAge?: ReadonlyArray<readonly [maxAgeYears: number, valueRp: number]>;
  /** Program quota per 1,000 generated households (scaled to the demo's size). */
  quotaPer1000: number;
  reach: ProgramReach;
}

export function programId(key: string): string {
  return stableUuid('program', key);
}

export const PROGRAMS: readonly ProgramDef[] = [
  // --- Reduce expenditure: social protection (central) -------------------------------------
  {
    key: 'pkh', ownerKey: 'kemensos',
    name: 'Program Keluarga Harapan (PKH)',
    description: 'Bantuan sosial bersyarat bagi keluarga miskin dengan komponen ibu hamil, anak usia dini, anak sekolah, lansia dan penyandang disabilitas berat.',
    focusAspects: ['SOCIAL_PROTECTION', 'STUNTING', 'EDUCATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD', 'NUTRITION_RISK', 'SCHOOLING'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'Rp', frequency: 'QUARTERLY', startsOn: '2007-07-01',
    quantity: 750_000, valueRp: 750_000, quotaPer1000: 260,
    reach: { coverage: 0.5, maxDecile: 3, household: 'HAS_DEPENDANTS', periods: [1, 3] },
  },
  {
    key: 'bpnt', ownerKey: 'kemensos',
    name: 'Bantuan Pangan Non Tunai (BPNT) / Program Sembako',
    description: 'Bantuan pangan Rp200.000 per bulan melalui Kartu Keluarga Sejahtera, dibelanjakan di e-Warong.',
    focusAspects: ['SOCIAL_PROTECTION', 'INFLATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'Rp', frequency: 'MONTHLY', startsOn: '2017-02-01',
    quantity: 200_000, valueRp: 200_000, quotaPer1000: 380,
    reach: { coverage: 0.5, maxDecile: 4, periods: [1, 2] },
  },
  {
    key: 'pbiJkn', ownerKey: 'bpjsKesehatan',
    name: 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional (PBI-JKN)',
    description: 'Iuran JKN kelas III dibayar pemerintah pusat bagi warga miskin dan tidak mampu yang terdaftar di DTSEN.',
    focusAspects: ['HEALTH', 'SOCIAL_PROTECTION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['HEALTH_INSURANCE'], targetUnit: 'PERSON',
    deliveryUnit: 'bulan', frequency: 'YEARLY', startsOn: '2014-01-01',
    quantity: 12, valueRp: 12 * 42_000, quotaPer1000: 900,
    reach: { coverage: 0.45, maxDecile: 5, person: 'NO_JKN', periods: [1, 2] },
  },
  {
    key: 'pip', ownerKey: 'kemendikdasmen',
    name: 'Program Indonesia Pintar (PIP/KIP)',
    description: 'Bantuan tunai pendidikan melalui Kartu Indonesia Pintar: SD Rp450.000, SMP Rp750.000, SMA/SMK Rp1.800.000 per tahun.',
    focusAspects: ['EDUCATION', 'SOCIAL_PROTECTION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['SCHOOLING'], targetUnit: 'PERSON', targetMinAgeMonths: 6 * 12, targetMaxAgeMonths: 21 * 12,
    deliveryUnit: 'Rp', frequency: 'YEARLY', startsOn: '2015-01-01',
    quantity: 1, valueRp: 450_000, valueByAge: [[12, 450_000], [15, 750_000], [21, 1_800_000]], quotaPer1000: 320,
    reach: { coverage: 0.22, maxDecile: 4, person: 'SCHOOL_AGE', periods: [1, 2] },
  },
  {
    key: 'bantuanPangan', ownerKey: 'bapanas',
    name: 'Bantuan Pangan Beras 10 kg',
    description: 'Bantuan pangan beras cadangan pangan pemerintah 10 kg per keluarga penerima, disalurkan Perum Bulog.',
    focusAspects: ['SOCIAL_PROTECTION', 'INFLATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'kg', frequency: 'MONTHLY', startsOn: '2023-03-01', endsOn: '2026-12-31',
    quantity: 10, valueRp: 130_000, quotaPer1000: 400,
    reach: { coverage: 0.35, maxDecile: 3, periods: [1, 2] },
  },
  // --- Reduce expenditure: city and province -------------------------------------------------
  {
    key: 'bansosIsenMulang', ownerKey: 'dinsos',
    name: 'Bantuan Sosial Tunai Daerah Isen Mulang',
    description: 'Bantuan tunai APBD Kota bagi keluarga miskin ekstrem yang belum menerima bantuan sosial pusat.',
    focusAspects: ['SOCIAL_PROTECTION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'Rp', frequency: 'QUARTERLY', startsOn: '2024-01-01', endsOn: '2026-12-31',
    quantity: 600_000, valueRp: 600_000, quotaPer1000: 120,
    reach: { coverage: 0.35, maxDecile: 1, periods: [1, 4] },
  },
  {
    key: 'permakanan', ownerKey: 'dinsos',
    name: 'Bantuan Permakanan Lanjut Usia dan Penyandang Disabilitas',
    description: 'Makanan siap saji harian bagi lansia tunggal dan penyandang disabilitas dari keluarga miskin.',
    focusAspects: ['SOCIAL_PROTECTION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'PERSON',
    deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2024-01-01', endsOn: '2026-12-31',
    quantity: 30, valueRp: 30 * 20_000, quotaPer1000: 60,
    reach: { coverage: 0.3, maxDecile: 3, person: 'ELDERLY_OR_DISABLED', periods: [1, 3] },
  },
  {
    key: 'pbiDaerah', ownerKey: 'dinkes',
    name: 'JKN PBI Daerah (Iuran APBD Kota)',
    description: 'Pendaftaran dan pembayaran iuran JKN kelas III dari APBD Kota bagi warga yang belum memiliki jaminan kesehatan.',
    focusAspects: ['HEALTH', 'SOCIAL_PROTECTION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['HEALTH_INSURANCE'], targetUnit: 'PERSON',
    deliveryUnit: 'bulan', frequency: 'YEARLY', startsOn: '2020-01-01',
    quantity: 12, valueRp: 12 * 42_000, quotaPer1000: 400,
    reach: { coverage: 0.3, maxDecile: 7, person: 'NO_JKN', periods: [1, 2] },
  },
  {
    key: 'seragam', ownerKey: 'disdik',
    name: 'Bantuan Seragam dan Perlengkapan Sekolah',
    description: 'Seragam, sepatu, tas dan alat tulis bagi siswa SD dan SMP dari keluarga miskin.',
    focusAspects: ['EDUCATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['SCHOOLING'], targetUnit: 'PERSON', targetMinAgeMonths: 7 * 12, targetMaxAgeMonths: 15 * 12 + 11,
    deliveryUnit: 'paket', frequency: 'YEARLY', startsOn: '2024-07-01', endsOn: '2026-12-31',
    quantity: 1, valueRp: 750_000, quotaPer1000: 150,
    reach: { coverage: 0.15, maxDecile: 3, person: 'SCHOOL_AGE', periods: [1, 2] },
  },
  {
    key: 'bansosHumaBetang', ownerKey: 'dinsosProv',
    name: 'Bantuan Sosial Huma Betang Sejahtera',
    description: 'Paket sembako dan uang tunai dari APBD Provinsi Kalimantan Tengah bagi keluarga miskin ekstrem.',
    focusAspects: ['SOCIAL_PROTECTION', 'INFLATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'QUARTERLY', startsOn: '2025-01-01', endsOn: '2026-12-31',
    quantity: 1, valueRp: 300_000, quotaPer1000: 90,
    reach: { coverage: 0.25, maxDecile: 1, periods: [1, 3] },
  },
  // --- Inflation and P3DN ----------------------------------------------------------------------
  {
    key: 'pasarMurah', ownerKey: 'disperdagkop',
    name: 'Operasi Pasar Murah Beras SPHP',
    description: 'Penjualan beras Stabilisasi Pasokan dan Harga Pangan (SPHP) di bawah harga pasar di kelurahan, untuk menahan inflasi pangan.',
    focusAspects: ['INFLATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'kg', frequency: 'MONTHLY', startsOn: '2024-01-01',
    quantity: 5, valueRp: 5 * 12_500, quotaPer1000: 300,
    reach: { coverage: 0.2, maxDecile: 6, periods: [1, 2] },
  },
  {
    key: 'gerakanPanganMurah', ownerKey: 'dkp',
    name: 'Gerakan Pangan Murah (GPM)',
    description: 'Paket beras, minyak goreng, gula dan telur dari petani dan UMKM lokal dengan harga di bawah pasar.',
    focusAspects: ['INFLATION', 'P3DN'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'QUARTERLY', startsOn: '2024-01-01',
    quantity: 1, valueRp: 150_000, quotaPer1000: 200,
    reach: { coverage: 0.18, maxDecile: 6, periods: [1, 2] },
  },
  {
    key: 'umkmP3dn', ownerKey: 'disperdagkop',
    name: 'UMKM Binaan P3DN: Bangga Buatan Indonesia',
    description: 'Pendampingan usaha mikro keluarga miskin: sertifikasi halal dan PIRT, kemasan, dan kurasi produk masuk e-Katalog lokal pengadaan pemerintah.',
    focusAspects: ['P3DN', 'LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'YEARLY', startsOn: '2023-01-01',
    quantity: 1, valueRp: 2_500_000, quotaPer1000: 40,
    reach: { coverage: 0.12, minDecile: 1, maxDecile: 6, household: 'HAS_ENTREPRENEUR', periods: [1, 2] },
  },
  // --- Increase income ---------------------------------------------------------------------------
  {
    key: 'kurUmi', ownerKey: 'disperdagkop',
    name: 'Fasilitasi Kredit Usaha Rakyat (KUR) dan Pembiayaan Ultra Mikro (UMi)',
    description: 'Pendampingan akses KUR mikro dan pembiayaan UMi (hingga Rp10 juta) bagi pelaku usaha dari keluarga miskin.',
    focusAspects: ['LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'Rp', frequency: 'ONCE', startsOn: '2022-01-01',
    quantity: 5_000_000, valueRp: 5_000_000, quotaPer1000: 30,
    reach: { coverage: 0.1, minDecile: 2, maxDecile: 6, household: 'HAS_ENTREPRENEUR', periods: [1, 1] },
  },
  {
    key: 'vokasi', ownerKey: 'disnaker',
    name: 'Pelatihan Berbasis Kompetensi BLK Palangka Raya',
    description: 'Pelatihan vokasi (las, menjahit, tata boga, otomotif, servis ponsel) dan sertifikasi kompetensi bagi pencari kerja dari keluarga miskin.',
    focusAspects: ['LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'PERSON', targetMinAgeMonths: 17 * 12, targetMaxAgeMonths: 45 * 12,
    deliveryUnit: 'paket pelatihan', frequency: 'ONCE', startsOn: '2023-01-01',
    quantity: 1, valueRp: 4_500_000, quotaPer1000: 25,
    reach: { coverage: 0.06, maxDecile: 4, person: 'JOBSEEKER', periods: [1, 1] },
  },
  {
    key: 'padatKarya', ownerKey: 'disnaker',
    name: 'Padat Karya Tunai Perkotaan',
    description: 'Pekerjaan sementara (pembersihan drainase, jalan lingkungan) dengan upah harian bagi warga miskin usia kerja.',
    focusAspects: ['LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'PERSON', targetMinAgeMonths: 18 * 12, targetMaxAgeMonths: 60 * 12,
    deliveryUnit: 'HOK', frequency: 'QUARTERLY', startsOn: '2024-01-01',
    quantity: 20, valueRp: 20 * 110_000, quotaPer1000: 40,
    reach: { coverage: 0.05, maxDecile: 3, person: 'JOBSEEKER', periods: [1, 2] },
  },
  {
    key: 'padatKaryaMenteng', ownerKey: 'kelurahanMenteng',
    name: 'Padat Karya Dana Kelurahan Menteng',
    description: 'Pembersihan saluran dan perbaikan jalan lingkungan di Kelurahan Menteng, dibayar dari Dana Kelurahan.',
    focusAspects: ['LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'PERSON', targetMinAgeMonths: 18 * 12, targetMaxAgeMonths: 60 * 12,
    deliveryUnit: 'HOK', frequency: 'QUARTERLY', startsOn: '2025-01-01', endsOn: '2026-12-31',
    quantity: 10, valueRp: 10 * 110_000, quotaPer1000: 10,
    reach: { coverage: 0.1, maxDecile: 4, person: 'WORKING_AGE', kelurahanCode: AREA_CODES.kelurahan.menteng, periods: [1, 2] },
  },
  // --- Investment ----------------------------------------------------------------------------
  {
    key: 'tenagaKerjaInvestasi', ownerKey: 'dpmptsp',
    name: 'Penempatan Tenaga Kerja Lokal pada Perusahaan Penanaman Modal',
    description: 'Komitmen penyerapan tenaga kerja lokal dari keluarga miskin oleh perusahaan PMA/PMDN yang berinvestasi di Palangka Raya.',
    focusAspects: ['INVESTMENT', 'LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'PERSON', targetMinAgeMonths: 18 * 12, targetMaxAgeMonths: 45 * 12,
    deliveryUnit: 'orang', frequency: 'ONCE', startsOn: '2024-01-01',
    quantity: 1, valueRp: null, quotaPer1000: 15,
    reach: { coverage: 0.05, maxDecile: 5, person: 'JOBSEEKER', periods: [1, 1] },
  },
  {
    key: 'kemitraanInvestor', ownerKey: 'dpmptsp',
    name: 'Kemitraan UMKM Lokal dengan Penanam Modal',
    description: 'Perjodohan usaha mikro dan kecil dengan perusahaan penanam modal sebagai pemasok bahan, jasa dan produk lokal.',
    focusAspects: ['INVESTMENT', 'P3DN', 'LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'kontrak', frequency: 'YEARLY', startsOn: '2024-01-01',
    quantity: 1, valueRp: 12_000_000, quotaPer1000: 10,
    reach: { coverage: 0.04, minDecile: 2, maxDecile: 7, household: 'HAS_ENTREPRENEUR', periods: [1, 1] },
  },
  // --- Reduce poverty pockets ------------------------------------------------------------------
  {
    key: 'bsps', ownerKey: 'kemenpkp',
    name: 'Bantuan Stimulan Perumahan Swadaya (BSPS)',
    description: 'Bantuan peningkatan kualitas rumah tidak layak huni Rp20 juta per unit (bahan bangunan dan upah tukang).',
    focusAspects: ['HOUSING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['HOUSING'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'unit', frequency: 'ONCE', startsOn: '2016-01-01',
    quantity: 1, valueRp: 20_000_000, quotaPer1000: 20,
    reach: { coverage: 0.08, maxDecile: 4, needsAny: ['HOUSING'], household: 'OWNS_HOME', periods: [1, 1] },
  },
  {
    key: 'rtlhKota', ownerKey: 'perkim',
    name: 'Bedah Rumah Tidak Layak Huni (RTLH) APBD Kota',
    description: 'Perbaikan lantai, dinding dan atap rumah tidak layak huni milik keluarga miskin ekstrem.',
    focusAspects: ['HOUSING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['HOUSING'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'unit', frequency: 'ONCE', startsOn: '2023-01-01', endsOn: '2026-12-31',
    quantity: 1, valueRp: 15_000_000, quotaPer1000: 15,
    reach: { coverage: 0.1, maxDecile: 2, needsAny: ['HOUSING'], household: 'OWNS_HOME', periods: [1, 1] },
  },
  {
    key: 'airMinum', ownerKey: 'perkim',
    name: 'Sambungan Rumah Air Minum (PAMSIMAS/PDAM)',
    description: 'Sambungan rumah air minum perpipaan gratis bagi keluarga miskin yang belum memiliki akses air minum layak.',
    focusAspects: ['HOUSING', 'HEALTH', 'STUNTING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['WATER'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'sambungan', frequency: 'ONCE', startsOn: '2022-01-01',
    quantity: 1, valueRp: 1_750_000, quotaPer1000: 40,
    reach: { coverage: 0.15, maxDecile: 4, needsAny: ['WATER'], periods: [1, 1] },
  },
  {
    key: 'jambanSehat', ownerKey: 'perkim',
    name: 'Jamban Sehat Keluarga (Sanitasi Berbasis Masyarakat)',
    description: 'Pembangunan jamban sehat dengan tangki septik individual bagi keluarga tanpa jamban pribadi.',
    focusAspects: ['HOUSING', 'HEALTH', 'STUNTING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['SANITATION'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'unit', frequency: 'ONCE', startsOn: '2022-01-01',
    quantity: 1, valueRp: 3_500_000, quotaPer1000: 35,
    reach: { coverage: 0.15, maxDecile: 4, needsAny: ['SANITATION'], periods: [1, 1] },
  },
  {
    key: 'bpbl', ownerKey: 'kemenesdm',
    name: 'Bantuan Pasang Baru Listrik (BPBL)',
    description: 'Pemasangan instalasi dan sambungan listrik PLN gratis bagi rumah tangga miskin yang belum berlistrik atau masih menumpang.',
    focusAspects: ['HOUSING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['ELECTRICITY'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'sambungan', frequency: 'ONCE', startsOn: '2022-01-01',
    quantity: 1, valueRp: 1_200_000, quotaPer1000: 20,
    reach: { coverage: 0.3, maxDecile: 4, needsAny: ['ELECTRICITY'], periods: [1, 1] },
  },
  {
    key: 'pmtBalita', ownerKey: 'dinkes',
    name: 'Pemberian Makanan Tambahan (PMT) Lokal Balita',
    description: 'Makanan tambahan berbahan pangan lokal selama 30 hari per siklus bagi balita stunting, gizi kurang atau berat badan tidak naik.',
    focusAspects: ['STUNTING', 'HEALTH'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING', 'NUTRITION_RISK'], targetUnit: 'PERSON', targetMinAgeMonths: 6, targetMaxAgeMonths: 59,
    deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2023-01-01',
    quantity: 30, valueRp: 30 * 15_000, quotaPer1000: 50,
    reach: { coverage: 0.55, person: 'CHILD_AT_RISK', periods: [1, 3] },
  },
  {
    // Weekly: each week's session is a new period, so the demo shows repeated visits to one child.
    key: 'pmtPosyandu', ownerKey: 'dinkes',
    name: 'PMT Penyuluhan Mingguan Posyandu Baduta',
    description: 'Makanan tambahan dan penyuluhan gizi setiap minggu di posyandu bagi anak usia 6–23 bulan dari keluarga miskin.',
    focusAspects: ['STUNTING', 'HEALTH'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING', 'NUTRITION_RISK'], targetUnit: 'PERSON', targetMinAgeMonths: 6, targetMaxAgeMonths: 23,
    deliveryUnit: 'paket', frequency: 'WEEKLY', startsOn: '2025-01-01',
    quantity: 1, valueRp: 15_000, quotaPer1000: 50,
    // New this year: nothing delivered yet in the demo (and the other programs' seeded data is unchanged).
    reach: { coverage: 0, periods: [1, 1] },
  },
  {
    key: 'pmtBumil', ownerKey: 'dinkes',
    name: 'PMT Lokal Ibu Hamil Kurang Energi Kronis (KEK)',
    description: 'Makanan tambahan bagi ibu hamil KEK dan ibu hamil dari keluarga miskin, dipantau bidan dan kader posyandu.',
    focusAspects: ['STUNTING', 'HEALTH'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['NUTRITION_RISK'], targetUnit: 'PERSON', targetSex: 'FEMALE', targetMinAgeMonths: 15 * 12, targetMaxAgeMonths: 49 * 12,
    deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2023-01-01',
    quantity: 30, valueRp: 30 * 18_000, quotaPer1000: 15,
    reach: { coverage: 0.7, maxDecile: 5, person: 'PREGNANT', periods: [1, 3] },
  },
  {
    key: 'tpk', ownerKey: 'bkkbn',
    name: 'Pendampingan Keluarga Berisiko Stunting oleh Tim Pendamping Keluarga (TPK)',
    description: 'Kunjungan bidan, kader PKK dan kader KB ke keluarga dengan ibu hamil, baduta atau balita berisiko stunting.',
    focusAspects: ['STUNTING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING', 'NUTRITION_RISK'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'kunjungan', frequency: 'QUARTERLY', startsOn: '2022-01-01',
    quantity: 3, valueRp: null, quotaPer1000: 80,
    reach: { coverage: 0.35, maxDecile: 5, household: 'YOUNG_CHILD_OR_PREGNANT', periods: [1, 3] },
  },
  {
    key: 'kaltengBebasStunting', ownerKey: 'dinkesProv',
    name: 'Paket Gizi Kalteng Bebas Stunting',
    description: 'Paket susu, telur dan ikan bagi balita stunting dari keluarga miskin, dari APBD Provinsi Kalimantan Tengah.',
    focusAspects: ['STUNTING', 'HEALTH'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING'], targetUnit: 'PERSON', targetMinAgeMonths: 6, targetMaxAgeMonths: 59,
    deliveryUnit: 'paket', frequency: 'QUARTERLY', startsOn: '2025-01-01', endsOn: '2026-12-31',
    quantity: 1, valueRp: 350_000, quotaPer1000: 20,
    reach: { coverage: 0.3, maxDecile: 3, person: 'CHILD_AT_RISK', periods: [1, 2] },
  },
  // --- NGO and community programs (on referred households only) ------------------------------
  {
    key: 'yhkGizi', ownerKey: 'ngo',
    name: 'Kelas Gizi dan Pendampingan 1000 HPK',
    description: 'Kunjungan rumah, kelas memasak MP-ASI dan paket gizi bagi keluarga dengan ibu hamil atau balita yang dirujuk TKPK.',
    focusAspects: ['STUNTING', 'HEALTH'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING', 'NUTRITION_RISK'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'kunjungan', frequency: 'MONTHLY', startsOn: '2025-01-01',
    quantity: 2, valueRp: 150_000, quotaPer1000: 20,
    reach: { coverage: 0.8, viaAssignment: true, periods: [1, 4] },
  },
  {
    key: 'yhkBeasiswa', ownerKey: 'ngo',
    name: 'Beasiswa Anak Kahayan',
    description: 'Beasiswa dan pendampingan belajar bagi anak putus sekolah atau rawan putus sekolah dari keluarga rujukan.',
    focusAspects: ['EDUCATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['SCHOOLING'], targetUnit: 'PERSON', targetMinAgeMonths: 7 * 12, targetMaxAgeMonths: 18 * 12 + 11,
    deliveryUnit: 'Rp', frequency: 'YEARLY', startsOn: '2025-01-01',
    quantity: 1_200_000, valueRp: 1_200_000, quotaPer1000: 10,
    reach: { coverage: 0.6, viaAssignment: true, person: 'SCHOOL_AGE', periods: [1, 2] },
  },
  {
    key: 'dapurGizi', ownerKey: 'peduliGizi',
    name: 'Dapur Gizi Isen Mulang',
    description: 'Makanan bergizi siap santap dari dapur komunitas untuk balita berisiko stunting, dengan bahan dari petani Kalampangan.',
    focusAspects: ['STUNTING', 'P3DN'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['STUNTING', 'NUTRITION_RISK'], targetUnit: 'PERSON', targetMinAgeMonths: 6, targetMaxAgeMonths: 59,
    deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2025-03-01',
    quantity: 20, valueRp: 20 * 12_500, quotaPer1000: 10,
    reach: { coverage: 0.9, viaAssignment: true, person: 'CHILD_AT_RISK', periods: [1, 4] },
  },
  {
    key: 'betangBelajar', ownerKey: 'betangCerdas',
    name: 'Sanggar Belajar Anak Tepian Sungai',
    description: 'Bimbingan belajar, paket sekolah dan pendampingan kembali bersekolah bagi anak di kelurahan tepian Kahayan dan Rungan.',
    focusAspects: ['EDUCATION'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['SCHOOLING'], targetUnit: 'PERSON', targetMinAgeMonths: 7 * 12, targetMaxAgeMonths: 18 * 12 + 11,
    deliveryUnit: 'paket', frequency: 'QUARTERLY', startsOn: '2025-01-01',
    quantity: 1, valueRp: 250_000, quotaPer1000: 10,
    reach: { coverage: 0.8, viaAssignment: true, person: 'SCHOOL_AGE', periods: [1, 3] },
  },
  {
    key: 'usahaPerempuan', ownerKey: 'perempuanMandiri',
    name: 'Kelompok Usaha Perempuan Mandiri',
    description: 'Modal bergulir, pelatihan anyaman rotan dan olahan ikan, serta pemasaran bersama bagi perempuan kepala keluarga.',
    focusAspects: ['LIVELIHOOD', 'P3DN'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'YEARLY', startsOn: '2024-06-01',
    quantity: 1, valueRp: 2_000_000, quotaPer1000: 8,
    reach: { coverage: 0.85, viaAssignment: true, periods: [1, 2] },
  },
  // --- CSR programs (on referred households only) -----------------------------------------------
  {
    key: 'bsaAirJamban', ownerKey: 'csr',
    name: 'CSR Air Bersih dan Jamban Sehat Borneo Sejahtera',
    description: 'Sambungan air bersih, tandon dan jamban sehat bagi keluarga rujukan di sekitar wilayah operasi perusahaan.',
    focusAspects: ['HOUSING', 'STUNTING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['WATER', 'SANITATION'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'unit', frequency: 'ONCE', startsOn: '2025-01-01',
    quantity: 1, valueRp: 4_000_000, quotaPer1000: 10,
    reach: { coverage: 0.7, viaAssignment: true, periods: [1, 1] },
  },
  {
    key: 'bsaBeasiswa', ownerKey: 'csr',
    name: 'Beasiswa Borneo Sejahtera untuk Anak Sekolah',
    description: 'Beasiswa tahunan bagi siswa SD sampai SMA dari keluarga rujukan.',
    focusAspects: ['EDUCATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['SCHOOLING'], targetUnit: 'PERSON', targetMinAgeMonths: 7 * 12, targetMaxAgeMonths: 18 * 12 + 11,
    deliveryUnit: 'Rp', frequency: 'YEARLY', startsOn: '2025-01-01',
    quantity: 1_500_000, valueRp: 1_500_000, quotaPer1000: 10,
    reach: { coverage: 0.5, viaAssignment: true, person: 'SCHOOL_AGE', periods: [1, 2] },
  },
  {
    key: 'bsaRekrutmen', ownerKey: 'csr',
    name: 'Rekrutmen Tenaga Kerja Lokal Borneo Sejahtera',
    description: 'Pelatihan kerja dan penempatan sebagai karyawan di unit usaha perusahaan bagi warga usia kerja dari keluarga rujukan.',
    focusAspects: ['INVESTMENT', 'LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'PERSON', targetMinAgeMonths: 18 * 12, targetMaxAgeMonths: 45 * 12,
    deliveryUnit: 'orang', frequency: 'ONCE', startsOn: '2025-01-01',
    quantity: 1, valueRp: null, quotaPer1000: 5,
    reach: { coverage: 0.4, viaAssignment: true, person: 'JOBSEEKER', periods: [1, 1] },
  },
  {
    key: 'smlPlasma', ownerKey: 'sawitMakmur',
    name: 'Kemitraan Petani Plasma dan Pelatihan Kerja Sawit Makmur',
    description: 'Bibit, pupuk dan pendampingan kebun plasma serta pelatihan kerja perkebunan bagi keluarga rujukan.',
    focusAspects: ['INVESTMENT', 'LIVELIHOOD'], strategy: 'INCREASE_INCOME',
    needTypes: ['INCOME'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'YEARLY', startsOn: '2024-01-01',
    quantity: 1, valueRp: 3_000_000, quotaPer1000: 8,
    reach: { coverage: 0.8, viaAssignment: true, periods: [1, 2] },
  },
  {
    key: 'smlBedahRumah', ownerKey: 'sawitMakmur',
    name: 'Bedah Rumah CSR Sawit Makmur',
    description: 'Renovasi rumah tidak layak huni keluarga rujukan di Sabangau dan Bukit Batu.',
    focusAspects: ['HOUSING'], strategy: 'REDUCE_POVERTY_POCKETS',
    needTypes: ['HOUSING'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'unit', frequency: 'ONCE', startsOn: '2024-01-01',
    quantity: 1, valueRp: 25_000_000, quotaPer1000: 3,
    reach: { coverage: 0.5, viaAssignment: true, needsAny: ['HOUSING'], periods: [1, 1] },
  },
  {
    key: 'kpnSembako', ownerKey: 'kahayanPangan',
    name: 'Paket Sembako Produk Lokal Kahayan',
    description: 'Paket beras lokal, ikan asin dan sayur kering produksi UMKM Palangka Raya bagi keluarga rujukan.',
    focusAspects: ['P3DN', 'INFLATION'], strategy: 'REDUCE_EXPENDITURE',
    needTypes: ['FOOD'], targetUnit: 'HOUSEHOLD',
    deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2025-01-01',
    quantity: 1, valueRp: 125_000, quotaPer1000: 8,
    reach: { coverage: 0.9, viaAssignment: true, periods: [1, 4] },
  },
];

/** Partner organisations that receive referrals, with their share of all referrals. */
export const REFERRAL_PARTNERS: ReadonlyArray<readonly [orgKey: string, weight: number]> = [
  ['ngo', 0.3],
  ['csr', 0.28],
  ['peduliGizi', 0.12],
  ['betangCerdas', 0.08],
  ['perempuanMandiri', 0.08],
  ['sawitMakmur', 0.08],
  ['kahayanPangan', 0.06],
];

// ---------------------------------------------------------------------------------------------
// Names: a Palangka Raya mix of Dayak (Ngaju, Ma'anyan), Banjar, Javanese, Batak and Bugis.
// Family names are uncommon; many people carry one or two given names only.

export type Ethnicity = 'DAYAK' | 'BANJAR' | 'JAWA' | 'BATAK' | 'BUGIS';

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  /** Family or clan names passed from father to children (Batak marga, some Dayak families). */
  family: readonly string[];
  /** Second given names ("Budi Santoso", "Noor Hasanah"). */
  secondMale: readonly string[];
  secondFemale: readonly string[];
  /** Probability that a person carries the family name. */
  familyNameShare: number;
  /** Probability of a second given name when no family name is used. */
  secondNameShare: number;
}

export const NAMES: Readonly<Record<Ethnicity, NamePool>> = {
  DAYAK: {
    male: ['Yohanes', 'Agustinus', 'Fransiskus', 'Yulius', 'Simon', 'Paulus', 'Markus', 'Andreas', 'Herman', 'Tinus', 'Daniel', 'Yosua', 'Elia', 'Lewi', 'Kristian', 'Emanuel', 'Rinaldo', 'Hendrikus', 'Sabran', 'Teras', 'Riban', 'Dehen', 'Arton', 'Kardinal', 'Bahtiar', 'Sigit', 'Rendi', 'Natalis', 'Novendi', 'Isen', 'Dodi', 'Harianto', 'Gilang'],
    female: ['Maria', 'Yuliana', 'Agustina', 'Yohana', 'Elisabeth', 'Kristina', 'Natalia', 'Lusiana', 'Theresia', 'Veronika', 'Ester', 'Rut', 'Debora', 'Merry', 'Rosalina', 'Novita', 'Desi', 'Asi', 'Nurhayati', 'Marlina', 'Erika', 'Yunita', 'Ardiana', 'Lidia', 'Sinta', 'Triana', 'Heni', 'Santi'],
    family: ['Nyahu', 'Sahay', 'Dohong', 'Luhing', 'Tueh', 'Bunu', 'Anom', 'Pahu', 'Ilun', 'Mihing', 'Ngabe', 'Bahen', 'Dinan', 'Tingang', 'Jaya', 'Mahar', 'Lambung', 'Djaban', 'Usop', 'Kanan'],
    secondMale: ['Saputra', 'Pratama', 'Jaya', 'Kurniawan', 'Setiawan', 'Ardianto'],
    secondFemale: ['Saputri', 'Lestari', 'Wati', 'Rahayu', 'Oktaviani', 'Natalia'],
    familyNameShare: 0.4,
    secondNameShare: 0.3,
  },
  BANJAR: {
    male: ['Muhammad', 'Ahmad', 'Syahrani', 'Gusti', 'Riduan', 'Hairul', 'Fahrul', 'Norhadi', 'Aspihani', 'Syamsul', 'Rusdiansyah', 'Syahriannor', 'Abdul', 'Hasan', 'Taufik', 'Rahmat', 'Fajar', 'Arif', 'Ardiansyah', 'Jumberi', 'Bahrudin', 'Anwar', 'Saberan', 'Masrani'],
    female: ['Siti', 'Noor', 'Norlaila', 'Hamidah', 'Aisyah', 'Fatimah', 'Jubaidah', 'Mahmudah', 'Raudah', 'Jumiati', 'Hairunnisa', 'Norhasanah', 'Rusmini', 'Salasiah', 'Mardiana', 'Rabiatul', 'Nafisah', 'Aulia', 'Nabila', 'Zahra'],
    family: [],
    secondMale: ['Noor', 'Ansyari', 'Rifani', 'Hidayatullah', 'Rahman', 'Fauzi', 'Rizki', 'Ramadhan', 'Hakim', 'Iqbal'],
    secondFemale: ['Aini', 'Jannah', 'Hasanah', 'Rahmah', 'Khairunnisa', 'Fitriani', 'Zahrah', 'Mariana'],
    familyNameShare: 0,
    secondNameShare: 0.6,
  },
  JAWA: {
    male: ['Agus', 'Budi', 'Slamet', 'Sugianto', 'Eko', 'Joko', 'Bambang', 'Heru', 'Wahyudi', 'Sutrisno', 'Suryadi', 'Dwi', 'Tri', 'Bayu', 'Dimas', 'Aditya', 'Rudi', 'Iwan', 'Dedi', 'Supriadi', 'Teguh', 'Purwanto', 'Sugeng', 'Wahyu'],
    female: ['Sri', 'Dewi', 'Rina', 'Sulastri', 'Suwarni', 'Wulandari', 'Ratna', 'Endang', 'Sumiati', 'Tri', 'Dwi', 'Yuni', 'Lina', 'Indah', 'Ayu', 'Putri', 'Retno', 'Sekar', 'Wiwik', 'Suparmi'],
    family: [],
    secondMale: ['Santoso', 'Prasetyo', 'Setiawan', 'Susanto', 'Wibowo', 'Purnomo', 'Hidayat', 'Kurniawan', 'Saputra', 'Pratama', 'Nugroho', 'Widodo'],
    secondFemale: ['Lestari', 'Handayani', 'Wahyuni', 'Rahayu', 'Saputri', 'Permatasari', 'Puspitasari', 'Wulandari', 'Susanti', 'Astuti'],
    familyNameShare: 0,
    secondNameShare: 0.65,
  },
  BATAK: {
    male: ['Hotman', 'Togar', 'Parulian', 'Benget', 'Jonter', 'Poltak', 'Martua', 'Tigor', 'Binsar', 'Daniel', 'Samuel', 'Ronald', 'Yosua', 'Hendra'],
    female: ['Hotmaida', 'Rosmawati', 'Rosita', 'Tiurma', 'Rumondang', 'Lasma', 'Nurmala', 'Debora', 'Ester', 'Friska', 'Yohana', 'Grace'],
    family: ['Simanjuntak', 'Siregar', 'Nasution', 'Harahap', 'Sitompul', 'Hutapea', 'Sinaga', 'Manurung', 'Panjaitan', 'Situmorang', 'Pardede', 'Lubis', 'Sihombing', 'Tambunan'],
    secondMale: [],
    secondFemale: [],
    familyNameShare: 0.95,
    secondNameShare: 0,
  },
  BUGIS: {
    male: ['Andi', 'Syamsuddin', 'Ambo', 'Ilham', 'Baso', 'Muh. Arsyad', 'Hasanuddin', 'Sultan', 'Rahman', 'Jufri', 'Usman', 'Amiruddin'],
    female: ['Hasnah', 'Hasniati', 'Rosdiana', 'Sitti', 'Andi', 'Nurhaliza', 'Megawati', 'Darmawati', 'Suriani', 'Nurul'],
    family: [],
    secondMale: ['Baso', 'Tenri', 'Saleh', 'Mappasessu', 'Rahman', 'Ilham'],
    secondFemale: ['Tenri', 'Rahmah', 'Ayu', 'Nurhaliza', 'Aminah'],
    familyNameShare: 0,
    secondNameShare: 0.55,
  },
};

/** Ethnic mix per kecamatan: Dayak majority in the outer kecamatan, more migrants in town. */
export const ETHNIC_MIX: Readonly<Record<string, ReadonlyArray<readonly [Ethnicity, number]>>> = {
  '62.71.01': [['DAYAK', 0.34], ['BANJAR', 0.3], ['JAWA', 0.24], ['BATAK', 0.06], ['BUGIS', 0.06]],
  '62.71.02': [['DAYAK', 0.58], ['BANJAR', 0.16], ['JAWA', 0.2], ['BATAK', 0.03], ['BUGIS', 0.03]],
  '62.71.03': [['DAYAK', 0.36], ['BANJAR', 0.25], ['JAWA', 0.27], ['BATAK', 0.07], ['BUGIS', 0.05]],
  '62.71.04': [['DAYAK', 0.38], ['BANJAR', 0.2], ['JAWA', 0.36], ['BATAK', 0.02], ['BUGIS', 0.04]],
  '62.71.05': [['DAYAK', 0.84], ['BANJAR', 0.08], ['JAWA', 0.06], ['BATAK', 0.01], ['BUGIS', 0.01]],
};

// ---------------------------------------------------------------------------------------------
// Occupations as the city's forms write them.

export const OCCUPATIONS = {
  // Wage work (EMPLOYED).
  casual: ['Buruh harian lepas', 'Tukang bangunan', 'Buruh bangunan', 'Tukang las', 'Sopir angkutan', 'Buruh tani', 'Buruh angkut pelabuhan'],
  formal: ['Karyawan swasta', 'Karyawan toko', 'Satpam', 'Guru honorer', 'Tenaga kesehatan', 'Karyawan perkebunan', 'Tenaga kebersihan'],
  professional: ['PNS', 'Guru', 'TNI/Polri', 'Dosen', 'Perawat', 'Karyawan BUMN', 'Pegawai bank'],
  // Own-account work (SELF_EMPLOYED).
  informal: ['Pedagang keliling', 'Ojek', 'Penjahit', 'Pengrajin rotan', 'Pemulung', 'Tukang cukur'],
  rural: ['Petani', 'Pekebun karet', 'Nelayan sungai', 'Petani sayur', 'Penyadap karet', 'Pencari ikan', 'Penambang pasir'],
  business: ['Pedagang', 'Wiraswasta', 'Pedagang pasar', 'Warung makan', 'Usaha kue rumahan', 'Bengkel motor'],
} as const;

export const CANCEL_REASONS: readonly string[] = [
  'Penerima pindah domisili ke luar kota',
  'Data ganda dengan penerima lain',
  'Penerima meninggal dunia',
  'Tidak memenuhi syarat setelah verifikasi lapangan',
  'Penerima menolak bantuan',
  'Alamat tidak ditemukan saat penyaluran',
];

export const DELIVERY_NOTES: readonly string[] = [
  'Diserahkan langsung kepada penerima di rumah',
  'Disalurkan melalui rekening KKS Bank Himbara',
  'Disalurkan melalui PT Pos Indonesia',
  'Diserahkan di kantor kelurahan, dokumentasi foto terlampir',
  'Penerima didampingi kader posyandu',
  'Diterima oleh anggota keluarga, tanda terima terlampir',
  'Penyaluran bersama pendamping PKH',
];
