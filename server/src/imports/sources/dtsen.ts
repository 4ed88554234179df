import {
  Disability,
  DrinkingWater,
  EducationLevel,
  Electricity,
  EmploymentStatus,
  FloorType,
  HomeOwnership,
  JknStatus,
  Relation,
  RoofType,
  Sanitation,
  Sex,
  WallType,
} from '../../graphql/enums.js';
import { parseDate, parseIdentifier } from '../values.js';
import {
  DIFFICULTY,
  DISABILITY,
  EDUCATION,
  ELECTRICITY,
  EMPLOYMENT,
  FLOOR,
  JKN,
  OWNERSHIP,
  QUALITY,
  RELATION,
  ROOF,
  SANITATION,
  SCHOOL_PARTICIPATION,
  SEX,
  WALL,
  WATER,
} from './code-lists.js';
import { parseDecile, parseRtRw, readArea } from './shared.js';
import { assign, column, parseText, rejected, RowReader, type SourceDefinition } from './source.js';

/** One person of a family roster, with the household's fields repeated on each member's row. */
export interface DtsenRecord {
  /** Absent in P3KE files (they carry their own family id): the person is then found by NIK. */
  kkNumber?: string;
  /** P3KE's family id: keeps a family's rows together when there is no KK number. */
  familyId?: string;
  nik?: string;
  name: string;
  sex: Sex;
  birthDate: string;
  relation: Relation;
  areaId: string;
  address?: string;
  rt?: string;
  rw?: string;
  welfareDecile?: number;
  floorType?: FloorType;
  wallType?: WallType;
  roofType?: RoofType;
  drinkingWater?: DrinkingWater;
  sanitation?: Sanitation;
  electricity?: Electricity;
  homeOwnership?: HomeOwnership;
  educationLevel?: EducationLevel;
  schoolEnrolled?: boolean;
  occupation?: string;
  employmentStatus?: EmploymentStatus;
  jknStatus?: JknStatus;
  disability?: Disability;
}

// DTSEN's functional difficulty items and the disability kind each one indicates.
const DIFFICULTIES = [
  { key: 'difficultySeeing', header: 'Kesulitan Penglihatan', dtsen: 'id_penglihatan', kind: Disability.SENSORY },
  { key: 'difficultyHearing', header: 'Kesulitan Pendengaran', dtsen: 'id_pendengaran', kind: Disability.SENSORY },
  { key: 'difficultySpeaking', header: 'Kesulitan Berbicara/Berkomunikasi', dtsen: 'id_berbicara_komunikasi', kind: Disability.SENSORY },
  { key: 'difficultyWalking', header: 'Kesulitan Berjalan/Naik Tangga', dtsen: 'id_berjalan_atau_naik_tangga', kind: Disability.PHYSICAL },
  { key: 'difficultyHands', header: 'Kesulitan Menggunakan Tangan/Jari', dtsen: 'id_menggunakan_tangan_jari', kind: Disability.PHYSICAL },
  { key: 'difficultySelfCare', header: 'Kesulitan Mengurus Diri', dtsen: 'id_mengurus_diri', kind: Disability.PHYSICAL },
  { key: 'difficultyLearning', header: 'Kesulitan Belajar/Intelektual', dtsen: 'id_belajar_kemampuan_intelektual', kind: Disability.INTELLECTUAL },
  { key: 'difficultyRemembering', header: 'Kesulitan Mengingat/Berkonsentrasi', dtsen: 'id_mengingat_berkonsentrasi', kind: Disability.INTELLECTUAL },
  { key: 'difficultyBehaviour', header: 'Kesulitan Mengendalikan Perilaku', dtsen: 'id_pengendalian_perilaku', kind: Disability.MENTAL },
  { key: 'difficultyDepression', header: 'Kesedihan/Depresi', dtsen: 'id_kesedihan_depresi', kind: Disability.MENTAL },
] as const;

/** The disability kind from the difficulty items: none, one kind, or MULTIPLE; undefined when no item is given. */
function disabilityOfDifficulties(row: RowReader): Disability | undefined {
  const answers = DIFFICULTIES.map((d) => ({ kind: d.kind, yes: row.get(d.key, DIFFICULTY.parse) })).filter((a) => a.yes !== undefined);
  if (answers.length === 0) return undefined;
  const kinds = new Set(answers.filter((a) => a.yes).map((a) => a.kind));
  return kinds.size === 0 ? Disability.NONE : kinds.size === 1 ? [...kinds][0]! : Disability.MULTIPLE;
}

const columns = [
  column('kkNumber', 'Nomor KK', ['No KK', 'No. KK', 'NOKK', 'nomor_kartu_keluarga', 'no_kk', 'Nomor Kartu Keluarga', 'KK'],
    'Nomor Kartu Keluarga, 16 digit. Ketik sebagai teks agar Excel tidak mengubah digit terakhir. Wajib untuk keluarga baru dan baris tanpa NIK.', '6271030101150003'),
  column('familyId', 'ID Keluarga', ['ID Keluarga P3KE', 'id_keluarga', 'ID Keluarga P3KE/DTKS'],
    'ID keluarga P3KE (bukan Nomor KK); hanya dipakai bila Nomor KK tidak ada, untuk orang yang sudah terdaftar.', ''),
  column('nik', 'NIK', ['NOMOR NIK', 'NIK KTP', 'No NIK', 'nik'],
    'Nomor Induk Kependudukan anggota keluarga, 16 digit; boleh kosong bila belum punya NIK.', '6271035203150001'),
  column('name', 'Nama', ['Nama Lengkap', 'Nama Anggota Keluarga', 'NAMA ANGGOTA', 'nama'], 'Nama lengkap sesuai KK.', 'Siti Aminah', true),
  column('sex', 'Jenis Kelamin', ['JK', 'L/P', 'id_jenis_kelamin', 'jenis_kelamin'],
    'L atau P (juga Laki-laki/Perempuan; kode DTSEN 1 = L, 2 = P).', 'P', true),
  column('birthDate', 'Tanggal Lahir', ['Tgl Lahir', 'tanggal_lahir', 'tgl_lahir'],
    'Tanggal lahir, dd/mm/yyyy atau yyyy-mm-dd.', '12/03/2015', true),
  column('relation', 'Hubungan dengan Kepala Keluarga', ['Hubungan Keluarga', 'HUBUNGAN KELUARGA', 'SHDK', 'Hubungan', 'id_hub_kepala_keluarga', 'hub_kepala_keluarga', 'hubungan_kepala_keluarga'],
    'Kepala Keluarga, Istri/Suami, Anak, Menantu, Cucu, Orang Tua, Mertua, Famili Lain, Lainnya (atau kode DTSEN 1–8).', 'Anak', true),
  column('kelurahanCode', 'Kode Kelurahan', ['Kode Kemdagri', 'Kode Wilayah', 'Kode Desa/Kelurahan', 'kode_kelurahan_desa', 'kode_kelurahan', 'kode_desa', 'kode_desa_kelurahan'],
    'Kode kelurahan Kemendagri, 10 digit dengan atau tanpa titik. Boleh diganti kolom Kelurahan (+ Kecamatan).', '62.71.03.1002'),
  column('kelurahanName', 'Kelurahan', ['Desa/Kelurahan', 'DESA/KELUARAHAN', 'Kelurahan/Desa', 'kelurahan_desa', 'desa_kelurahan', 'desa', 'Nama Kelurahan'],
    'Nama kelurahan, bila kode kelurahan tidak ada.', 'Menteng'),
  column('kecamatanName', 'Kecamatan', ['kecamatan', 'Nama Kecamatan'], 'Nama kecamatan; perlu bila nama kelurahan ada di dua kecamatan.', 'Jekan Raya'),
  column('address', 'Alamat', ['alamat', 'Alamat Lengkap'], 'Alamat rumah tanpa RT/RW.', 'Jl. G. Obos XII No. 5'),
  column('rt', 'RT', ['rt'], 'Nomor RT, mis. 1 atau 001.', '004'),
  column('rw', 'RW', ['rw'], 'Nomor RW, mis. 2 atau 002.', '002'),
  column('welfareDecile', 'Desil', ['Desil Kesejahteraan', 'Desil Nasional', 'desil_nasional', 'desil_nasional_keluarga', 'desil_keluarga'],
    'Desil kesejahteraan nasional keluarga, 1–10.', '2'),
  column('floorType', 'Jenis Lantai', ['Jenis Lantai Terluas', 'id_lantai_terluas', 'lantai_terluas'],
    'Tanah, Bambu, Kayu, Semen, Keramik (atau kode DTSEN 1–9).', 'Semen'),
  column('floorQuality', 'Kualitas Lantai', ['kualitas_lantai'], 'Bagus/Kualitas Tinggi atau Jelek/Kualitas Rendah (untuk lantai kayu).', ''),
  column('wallType', 'Jenis Dinding', ['Jenis Dinding Terluas', 'id_dinding_terluas', 'dinding_terluas'],
    'Tembok, Tembok tanpa plester, Kayu, Bambu, Lainnya (atau kode DTSEN 1–7).', 'Kayu/Papan'),
  column('wallQuality', 'Kualitas Dinding', ['kualitas_dinding'], 'Bagus/Kualitas Tinggi atau Jelek/Kualitas Rendah (untuk dinding kayu).', 'Jelek/Kualitas Rendah'),
  column('roofType', 'Jenis Atap', ['Jenis Atap Terluas', 'id_atap_terluas', 'atap_terluas'],
    'Beton, Genteng, Seng, Asbes, Kayu/Sirap, Jerami/Ijuk/Rumbia (atau kode DTSEN 1–8).', 'Seng'),
  column('drinkingWater', 'Sumber Air Minum', ['Sumber Air Minum Utama', 'id_sumber_airminum', 'sumber_airminum', 'sumber_air_minum'],
    'Ledeng/PAM, Air kemasan/isi ulang, Sumur terlindung, Sumur tidak terlindung, Air permukaan, Air hujan, Lainnya (atau kode DTSEN 1–11).', 'Air Kemasan/Isi Ulang'),
  column('sanitation', 'Fasilitas BAB', ['Memiliki fasilitas Buang Air Besar', 'Fasilitas Buang Air Besar', 'id_fasilitas_bab', 'fasilitas_bab'],
    'Sendiri, Bersama, Umum, Tidak ada (atau kode DTSEN 1–6).', 'Sendiri'),
  column('electricity', 'Sumber Penerangan', ['Sumber Penerangan Utama', 'id_sumberpenerangan', 'sumber_penerangan', 'id_sumber_penerangan'],
    'Listrik PLN meteran, Listrik PLN non meteran, Listrik non-PLN, Bukan listrik (atau kode DTSEN 1–4).', 'Listrik PLN meteran'),
  column('homeOwnership', 'Status Kepemilikan Rumah', ['Kepemilikan Rumah', 'Status Penguasaan Bangunan', 'id_status_penguasaan_bangunan', 'status_penguasaan_bangunan'],
    'Milik sendiri, Kontrak/sewa, Bebas sewa, Dinas, Lainnya (atau kode DTSEN 1–5).', 'Milik Sendiri'),
  column('educationLevel', 'Pendidikan Terakhir', ['Pendidikan', 'Pendidikan Tertinggi', 'Jenjang Pendidikan', 'id_jenjang_pendidikan_dukcapil', 'jenjang_pendidikan', 'pendidikan'],
    'Pendidikan tertinggi yang ditamatkan: Tidak/Belum Sekolah, Tamat SD, Tamat SLTP, Tamat SLTA, Diploma, S1, S2/S3.', 'Tamat SD/Sederajat'),
  column('schoolEnrolled', 'Masih Sekolah', ['Partisipasi Sekolah', 'id_partisipasi_sekolah', 'partisipasi_sekolah'],
    'Ya bila masih bersekolah, Tidak bila tidak (kode DTSEN 1–3).', 'Ya'),
  column('occupation', 'Pekerjaan', ['Pekerjaan Utama', 'pekerjaan'], 'Pekerjaan utama, teks bebas.', 'Pedagang'),
  column('employmentStatus', 'Status Pekerjaan', ['status_pekerjaan'],
    'Bekerja, Berusaha sendiri, Tidak bekerja, Bukan angkatan kerja, Sekolah.', 'Berusaha sendiri'),
  column('jknStatus', 'Status JKN', ['Kepesertaan JKN', 'PBI JKN', 'pbi'], 'PBI, Non PBI atau Tidak ada (kolom DTSEN pbi: 1 = PBI).', 'PBI'),
  column('disability', 'Disabilitas', ['Jenis Disabilitas', 'disabilitas'],
    'Tidak ada, Fisik, Intelektual, Mental, Sensorik, Ganda. Bila kosong, dihitung dari kolom kesulitan fungsional DTSEN.', 'Tidak ada'),
  ...DIFFICULTIES.map((d) =>
    column(d.key, d.header, [d.dtsen], 'Kesulitan fungsional DTSEN: 1 tidak bisa, 2 banyak kesulitan, 3 sedikit kesulitan, 4 tidak ada kesulitan.', ''),
  ),
] as const;

function withQuality<T extends string>(type: T | undefined, quality: 'HIGH' | 'LOW' | undefined, low: T, high: T): T | undefined {
  if ((type === low || type === high) && quality) return quality === 'HIGH' ? high : low;
  return type;
}

export const dtsenSource: SourceDefinition<DtsenRecord> = {
  key: 'dtsen',
  label: 'DTSEN – anggota keluarga (Data Tunggal Sosial Ekonomi Nasional)',
  description:
    'Satu baris per anggota keluarga: Nomor KK, NIK, nama, jenis kelamin, tanggal lahir, hubungan dengan kepala keluarga, ' +
    'kelurahan (kode Kemendagri atau nama), alamat, RT/RW, desil kesejahteraan dan data rumah (lantai, dinding, atap, air minum, ' +
    'fasilitas BAB, penerangan, kepemilikan). Data rumah diulang pada setiap anggota. Ekspor DTSEN (kolom snake_case dan kode angka) ' +
    'dan P3KE (label) dapat diunggah langsung; kolom yang tidak dikenal diabaikan dan kolom kosong tidak mengubah data yang ada.',
  columns,
  parse(values, ctx) {
    const row = new RowReader(values, columns);
    const nik = row.get('nik', (t, l) => parseIdentifier(t, 'NIK', l));
    // Without a NIK the KK number is the only way to the family; P3KE files have none, only NIKs.
    const kkNumber = nik || row.text('nik') ? row.get('kkNumber', (t, l) => parseIdentifier(t, 'KK', l)) : row.required('kkNumber', (t, l) => parseIdentifier(t, 'KK', l));
    const familyId = row.get('familyId', parseText(40));
    const name = row.required('name', parseText(200));
    const sex = row.required('sex', SEX.parse);
    const birthDate = row.required('birthDate', parseDate);
    const relation = row.required('relation', RELATION.parse);
    const areaId = readArea(row, ctx, { code: 'kelurahanCode', name: 'kelurahanName', kecamatan: 'kecamatanName' }, 'required');
    const optional = readOptional(row);
    if (rejected(row) || (!kkNumber && !nik) || !name || !sex || !birthDate || !relation || !areaId) return { records: [], problems: row.problems };
    const record: DtsenRecord = { name, sex, birthDate, relation, areaId, ...optional };
    assign(record, 'kkNumber', kkNumber);
    assign(record, 'familyId', familyId);
    assign(record, 'nik', nik);
    return { records: [record], problems: row.problems };
  },
};

function readOptional(row: RowReader): Partial<DtsenRecord> {
  const record: Partial<DtsenRecord> = {};
  assign(record, 'address', row.get('address', parseText(300)));
  assign(record, 'rt', row.get('rt', parseRtRw));
  assign(record, 'rw', row.get('rw', parseRtRw));
  assign(record, 'welfareDecile', row.get('welfareDecile', parseDecile));
  const floorQuality = row.get('floorQuality', QUALITY.parse);
  const wallQuality = row.get('wallQuality', QUALITY.parse);
  assign(record, 'floorType', withQuality(row.get('floorType', FLOOR.parse), floorQuality, FloorType.WOOD_LOW_QUALITY, FloorType.WOOD_HIGH_QUALITY));
  assign(record, 'wallType', withQuality(row.get('wallType', WALL.parse), wallQuality, WallType.WOOD_LOW_QUALITY, WallType.WOOD_HIGH_QUALITY));
  assign(record, 'roofType', row.get('roofType', ROOF.parse));
  assign(record, 'drinkingWater', row.get('drinkingWater', WATER.parse));
  assign(record, 'sanitation', row.get('sanitation', SANITATION.parse));
  assign(record, 'electricity', row.get('electricity', ELECTRICITY.parse));
  assign(record, 'homeOwnership', row.get('homeOwnership', OWNERSHIP.parse));
  assign(record, 'educationLevel', row.get('educationLevel', EDUCATION.parse));
  assign(record, 'schoolEnrolled', row.get('schoolEnrolled', SCHOOL_PARTICIPATION.parse));
  assign(record, 'occupation', row.get('occupation', parseText(120)));
  assign(record, 'employmentStatus', row.get('employmentStatus', EMPLOYMENT.parse));
  assign(record, 'jknStatus', row.get('jknStatus', JKN.parse));
  const fromItems = disabilityOfDifficulties(row);
  assign(record, 'disability', row.get('disability', DISABILITY.parse) ?? fromItems);
  return record;
}
