import type { MeasurePosition, Sex } from '../../graphql/enums.js';
import { parseDate, parseDecimal, parseIdentifier } from '../values.js';
import { POSITION, SEX } from './code-lists.js';
import { readArea } from './shared.js';
import { assign, column, parseText, rejected, RowReader, type SourceDefinition } from './source.js';

/** One growth measurement of a child, matched by NIK or by name + birth date (+ kelurahan). */
export interface DinkesRecord {
  nik?: string;
  name?: string;
  birthDate?: string;
  sex?: Sex;
  areaId?: string;
  measuredOn: string;
  heightCm: number;
  weightKg?: number;
  position?: MeasurePosition;
}

const columns = [
  column('nik', 'NIK', ['NIK Anak', 'NIK Balita', 'nik'], 'NIK anak, 16 digit; bila kosong, anak dicocokkan dengan nama + tanggal lahir.', '6271035203240001'),
  column('name', 'Nama Anak', ['Nama', 'Nama Balita', 'nama', 'nama_anak'], 'Nama anak (wajib bila NIK kosong).', 'Aulia Rahma'),
  column('birthDate', 'Tanggal Lahir', ['Tgl Lahir', 'tgl_lahir', 'tanggal_lahir'], 'Tanggal lahir anak, dd/mm/yyyy (wajib bila NIK kosong).', '12/03/2024'),
  column('sex', 'Jenis Kelamin', ['JK', 'L/P', 'jenis_kelamin'], 'L atau P.', 'P'),
  column('kelurahanName', 'Kelurahan', ['Desa/Kel', 'Desa/Kelurahan', 'Kelurahan/Desa', 'Desa', 'kelurahan'], 'Kelurahan tempat tinggal anak.', 'Menteng'),
  column('kecamatanName', 'Kecamatan', ['Kec', 'kecamatan'], 'Kecamatan tempat tinggal anak.', 'Jekan Raya'),
  column('measuredOn', 'Tanggal Pengukuran', ['Tgl Pengukuran', 'Tanggal Ukur', 'Tgl Ukur', 'Tanggal Penimbangan', 'Tgl Timbang', 'tanggal_pengukuran'],
    'Tanggal pengukuran, dd/mm/yyyy. Bila kolom ini tidak ada, dipakai tanggal data file.', '05/08/2026', true),
  column('heightCm', 'Tinggi/Panjang Badan (cm)', ['Tinggi', 'Tinggi (cm)', 'TB', 'Tinggi Badan', 'Tinggi Badan (cm)', 'Panjang Badan', 'Panjang/Tinggi Badan', 'PB/TB'],
    'Panjang (terlentang) atau tinggi (berdiri) badan dalam cm, koma atau titik desimal.', '78,5', true),
  column('weightKg', 'Berat Badan (kg)', ['Berat', 'Berat (kg)', 'BB', 'Berat Badan'], 'Berat badan dalam kg, koma atau titik desimal; 0 = tidak ditimbang.', '9,8'),
  column('position', 'Cara Ukur', ['Posisi Ukur', 'Posisi', 'cara_ukur'], 'Berdiri atau Terlentang.', 'Terlentang'),
] as const;

export const dinkesSource: SourceDefinition<DinkesRecord> = {
  key: 'dinkes',
  label: 'Dinas Kesehatan – pengukuran pertumbuhan anak (e-PPGBM)',
  description:
    'Satu baris per pengukuran: NIK anak (atau nama + tanggal lahir), tanggal pengukuran, tinggi/panjang badan, berat badan dan cara ' +
    'ukur (berdiri/terlentang). Z-skor dihitung ulang oleh Sinergi; kolom status gizi, z-skor dan LiLA dari file diabaikan. Ekspor ' +
    'e-PPGBM 33 kolom dan ekspor registri baru (Nama Anak, Berat (kg), Tinggi (cm)) dapat diunggah langsung.',
  columns,
  parse(values, ctx) {
    const row = new RowReader(values, columns);
    const nik = row.get('nik', (t, l) => parseIdentifier(t, 'NIK', l));
    const name = row.get('name', parseText(200));
    const birthDate = row.get('birthDate', parseDate);
    // Without a usable NIK the child is matched by name and birth date (a damaged NIK goes to review with them).
    if (!nik && !rejected(row)) {
      if (!row.text('name')) row.problem('name', 'Kolom "Nama Anak" wajib diisi bila NIK kosong');
      if (!row.text('birthDate')) row.problem('birthDate', 'Kolom "Tanggal Lahir" wajib diisi bila NIK kosong');
    }
    const sex = row.get('sex', SEX.parse);
    const areaId = readArea(row, ctx, { name: 'kelurahanName', kecamatan: 'kecamatanName' }, nik ? 'quiet' : 'optional');
    // A monthly posyandu sheet without a date column is dated by the file; an empty date cell is an error.
    const measuredOn = row.mapped('measuredOn') ? row.required('measuredOn', parseDate) : ctx.sourceDate;
    const height = row.required('heightCm', parseDecimal);
    if (height === 0) row.missing('heightCm');
    const weight = row.get('weightKg', parseDecimal);
    const position = row.get('position', POSITION.parse);
    if (rejected(row) || !measuredOn || !height) return { records: [], problems: row.problems };
    const record: DinkesRecord = { measuredOn, heightCm: height };
    assign(record, 'nik', nik);
    assign(record, 'name', name);
    assign(record, 'birthDate', birthDate);
    assign(record, 'sex', sex);
    assign(record, 'areaId', areaId);
    if (weight) record.weightKg = weight;
    assign(record, 'position', position);
    return { records: [record], problems: row.problems };
  },
};
