import { EducationLevel } from '../../graphql/enums.js';
import { parseDate, parseIdentifier } from '../values.js';
import { SCHOOL_LEVEL, SCHOOL_STATUS } from './code-lists.js';
import { readArea } from './shared.js';
import { assign, column, parseText, rejected, RowReader, type SourceDefinition } from './source.js';

/** A child's schooling: enrolled (Dapodik student list) or out of school (ATS list). */
export interface DisdikRecord {
  nik?: string;
  nisn?: string;
  name?: string;
  birthDate?: string;
  areaId?: string;
  schoolEnrolled: boolean;
  /** Level of the school attended, or last attended by an out-of-school child. */
  schoolLevel?: EducationLevel;
  atsReason?: string;
}

const columns = [
  column('nik', 'NIK', ['NIK Siswa', 'NIK Peserta Didik', 'NIK Anak', 'nik'], 'NIK anak, 16 digit; bila kosong, anak dicocokkan dengan nama + tanggal lahir.', '6271035203150001'),
  column('nisn', 'NISN', ['nisn'], 'Nomor Induk Siswa Nasional, 10 digit (nol di depan boleh hilang).', '0151234567'),
  column('name', 'Nama', ['Nama Lengkap', 'Nama Peserta Didik', 'Nama Siswa', 'Nama Anak', 'nama'], 'Nama anak (wajib bila NIK kosong).', 'Aulia Rahma'),
  column('birthDate', 'Tanggal Lahir', ['Tgl Lahir', 'tanggal_lahir', 'tgl_lahir'], 'Tanggal lahir, dd/mm/yyyy (wajib bila NIK kosong).', '12/03/2015'),
  column('kelurahanName', 'Kelurahan', ['Desa / Kelurahan', 'Desa/Kelurahan', 'Kelurahan/Desa', 'Desa', 'kelurahan'], 'Kelurahan tempat tinggal anak.', 'Menteng'),
  column('kecamatanName', 'Kecamatan', ['Kec', 'kecamatan'], 'Kecamatan tempat tinggal anak.', 'Jekan Raya'),
  column('schoolStatus', 'Status Sekolah', ['Status ATS', 'Status Anak', 'Kategori ATS', 'Status', 'status_sekolah'],
    'Sekolah atau Tidak Sekolah; daftar ATS: DO (putus sekolah), LTM (lulus tidak melanjutkan), BPB (belum pernah bersekolah). ' +
      'Boleh kosong untuk daftar peserta didik Dapodik (dianggap bersekolah).',
    'Tidak Sekolah'),
  column('schoolLevel', 'Jenjang', ['Jenjang Pendidikan', 'Jenjang Sekolah', 'Jenjang Terakhir', 'Bentuk Pendidikan', 'Bentuk Sekolah', 'jenjang'],
    'SD/MI/Paket A, SMP/MTs/Paket B, SMA/SMK/MA/Paket C: jenjang sekolah saat ini atau terakhir.', 'SMP'),
  column('rombel', 'Rombel Saat Ini', ['Rombel', 'Kelas', 'Rombongan Belajar'], 'Rombongan belajar (Dapodik), mis. Kelas 7A; menandai anak bersekolah.', ''),
  column('nipd', 'NIPD', ['NIS', 'Nomor Induk'], 'Nomor induk peserta didik (Dapodik); menandai anak bersekolah.', ''),
  column('schoolName', 'Nama Sekolah', ['Nama Sekolah Asal', 'Sekolah', 'nama_sekolah'], 'Nama sekolah (saat ini atau terakhir), mis. SMPN 2 Palangka Raya.', 'SMPN 2 Palangka Raya'),
  column('atsReason', 'Alasan Tidak Sekolah', ['Alasan', 'Alasan ATS', 'Alasan Tidak Bersekolah', 'Alasan Putus Sekolah'], 'Alasan anak tidak bersekolah.', 'Ekonomi'),
] as const;

const ROMAN_GRADES: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

function levelOfGrade(grade: number): EducationLevel {
  return grade <= 6 ? EducationLevel.PRIMARY : grade <= 9 ? EducationLevel.JUNIOR_SECONDARY : EducationLevel.SENIOR_SECONDARY;
}

/** 'Kelas 7A', 'VII-B', 'X IPA 1', '12 TKJ' → the grade's level; undefined when the rombel has no grade. */
export function levelOfRombel(rombel: string): EducationLevel | undefined {
  const t = rombel.toLowerCase().replace(/^kelas\s*/, '');
  const digits = /^(1[0-2]|[1-9])(?!\d)/.exec(t);
  if (digits) return levelOfGrade(Number(digits[1]));
  const roman = /^(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)(?![a-z])/.exec(t);
  return roman ? levelOfGrade(ROMAN_GRADES[roman[1]!]!) : undefined;
}

/** 'SDN 3 Menteng', 'SMP Negeri 2', 'MTsN 1', 'SMKN 1' → the school's level. */
export function levelOfSchoolName(name: string): EducationLevel | undefined {
  const t = name.toLowerCase();
  if (/^(sd|sdn|sds|sdit|mi|min|mis)\b/.test(t)) return EducationLevel.PRIMARY;
  if (/^(smp|smpn|smps|smpit|mts|mtsn|mtss)\b/.test(t)) return EducationLevel.JUNIOR_SECONDARY;
  if (/^(sma|sman|smas|smait|smk|smkn|smks|ma|man|mas)\b/.test(t)) return EducationLevel.SENIOR_SECONDARY;
  return undefined;
}

export const disdikSource: SourceDefinition<DisdikRecord> = {
  key: 'disdik',
  label: 'Dinas Pendidikan – status sekolah anak (Dapodik, ATS)',
  description:
    'Satu baris per anak: NIK (atau nama + tanggal lahir), NISN, status sekolah dan jenjang. Daftar Peserta Didik Dapodik (header dua ' +
    'baris) menandai anak yang bersekolah, jenjang dibaca dari rombel; daftar anak tidak sekolah (ATS) dengan status DO, LTM atau BPB ' +
    'menandai anak yang tidak bersekolah beserta alasannya.',
  columns,
  parse(values, ctx) {
    const row = new RowReader(values, columns);
    const nik = row.get('nik', (t, l) => parseIdentifier(t, 'NIK', l));
    const nisn = row.get('nisn', (t, l) => parseIdentifier(t, 'NISN', l));
    const name = row.get('name', parseText(200));
    const birthDate = row.get('birthDate', parseDate);
    if (!nik && !rejected(row)) {
      if (!row.text('name')) row.problem('name', 'Kolom "Nama" wajib diisi bila NIK kosong');
      if (!row.text('birthDate')) row.problem('birthDate', 'Kolom "Tanggal Lahir" wajib diisi bila NIK kosong');
    }
    const areaId = readArea(row, ctx, { name: 'kelurahanName', kecamatan: 'kecamatanName' }, nik ? 'quiet' : 'optional');
    const status = row.get('schoolStatus', SCHOOL_STATUS.parse);
    const rombel = row.text('rombel');
    // A Dapodik student list has no status column: being on it means being enrolled.
    const enrolled = status?.enrolled ?? (rombel !== undefined || row.text('nipd') !== undefined ? true : undefined);
    if (enrolled === undefined && row.text('schoolStatus') === undefined) row.missing('schoolStatus');
    const schoolName = row.text('schoolName');
    const level =
      row.get('schoolLevel', SCHOOL_LEVEL.parse) ??
      (rombel ? levelOfRombel(rombel) : undefined) ??
      (schoolName ? levelOfSchoolName(schoolName) : undefined);
    const reason = row.get('atsReason', parseText(200)) ?? status?.reason;
    if (rejected(row) || enrolled === undefined) return { records: [], problems: row.problems };
    const record: DisdikRecord = { schoolEnrolled: enrolled };
    assign(record, 'nik', nik);
    assign(record, 'nisn', nisn);
    assign(record, 'name', name);
    assign(record, 'birthDate', birthDate);
    assign(record, 'areaId', areaId);
    assign(record, 'schoolLevel', level);
    if (!enrolled) assign(record, 'atsReason', reason);
    return { records: [record], problems: row.problems };
  },
};
