import { resolveProgram } from '../programs.js';
import { parseDate, parseDecimal, parseIdentifier, parseRupiah, parseYesNo } from '../values.js';
import { assign, column, parseText, rejected, RowReader, type SourceDefinition } from './source.js';

/** One delivery of a program to a person (NIK) or a family (KK). */
export interface DinsosRecord {
  nik?: string;
  kkNumber?: string;
  name?: string;
  programId: string;
  /** The period as written in the file ('2026-Q3', 'TAHAP 3 2026', 'Agustus 2026'). */
  periodLabel?: string;
  deliveredOn: string;
  valueRp?: number;
  quantity?: number;
}

// Recipient lists from SIKS-NG/DTKS and P3KE mark each program with a column of its own
// ('BANSOS PKH' = YA); each marked program becomes one delivery, dated inside the row's period or
// by the file's data date.
const FLAGS = [
  { key: 'flagPkh', program: 'PKH', header: 'PKH', aliases: ['BANSOS PKH', 'Penerima PKH'] },
  { key: 'flagBpnt', program: 'BPNT', header: 'BPNT', aliases: ['BANSOS BPNT', 'Penerima BPNT'] },
  { key: 'flagSembako', program: 'Sembako', header: 'Sembako', aliases: ['Penerima SEMBAKO', 'BANSOS SEMBAKO'] },
  { key: 'flagPbi', program: 'PBI-JKN', header: 'PBI-JKN', aliases: ['PBI JKN', 'PBI', 'Penerima PBI JKN', 'BANSOS PBI JKN'] },
] as const;

const columns = [
  column('nik', 'NIK', ['NOMOR NIK', 'NIK KTP', 'NIK Penerima', 'No NIK', 'nik'],
    'NIK penerima, 16 digit (isi NIK atau Nomor KK).', '6271035203150001'),
  column('kkNumber', 'Nomor KK', ['NOMOR KK', 'NOKK', 'NO_KK', 'No KK', 'No. KK', 'nomor_kartu_keluarga'],
    'Nomor KK keluarga penerima, 16 digit (isi NIK atau Nomor KK).', '6271030101150003'),
  column('name', 'Nama', ['NAMA PENERIMA', 'Nama Penerima', 'Nama Lengkap', 'nama'], 'Nama penerima (untuk pemeriksaan).', 'Siti Aminah'),
  column('program', 'Program', ['BANSOS', 'Jenis Bansos', 'Jenis Bantuan', 'Nama Program', 'Program Bantuan'],
    'Nama atau singkatan program di Sinergi, mis. PKH, BPNT, Sembako, PBI-JKN. Boleh diganti kolom penanda per program.', 'PKH'),
  column('period', 'Periode', ['TAHAP', 'Periode Penyaluran', 'Tahap Penyaluran', 'periode'],
    'Periode penyaluran seperti tertulis, mis. 2026-Q3, TAHAP 3 2026, Agustus 2026.', '2026-Q3'),
  column('deliveredOn', 'Tanggal Salur', ['Tanggal Penyaluran', 'Tgl Salur', 'Tgl Penyaluran', 'Tanggal Penerimaan', 'Tanggal Terima'],
    'Tanggal bantuan diterima, dd/mm/yyyy. Bila kosong: tanggal dalam periode, atau tanggal data file.', '15/08/2026'),
  column('valueRp', 'Nilai (Rp)', ['Nilai', 'Nominal', 'Nilai Bantuan', 'Nominal Bantuan', 'Jumlah Bantuan (Rp)'],
    'Nilai bantuan dalam rupiah, mis. 750000 atau Rp 750.000.', '750000'),
  column('quantity', 'Jumlah', ['Kuantitas', 'Jumlah Barang', 'Volume'], 'Jumlah barang dalam satuan program, mis. 10 (kg).', ''),
  ...FLAGS.map((f) =>
    column(f.key, f.header, f.aliases, `Penanda penerima ${f.program}: Ya/YA/1 bila menerima, Tidak/-/kosong bila tidak (pengganti kolom Program).`, ''),
  ),
] as const;

export const dinsosSource: SourceDefinition<DinsosRecord> = {
  key: 'dinsos',
  label: 'Dinas Sosial – penerima bantuan (DTKS/SIKS-NG)',
  description:
    'Satu baris per penyaluran: NIK atau Nomor KK penerima, program (nama atau singkatan seperti PKH, BPNT, Sembako, PBI-JKN), ' +
    'periode, tanggal salur, nilai dan jumlah. Menjadi intervensi program yang sesuai. Daftar penerima SIKS-NG/DTKS dengan kolom ' +
    'penanda per program (BANSOS PKH = YA, PBI JKN = YA) juga diterima: setiap program bertanda menjadi satu penyaluran bertanggal ' +
    'tanggal data file.',
  columns,
  parse(values, ctx) {
    const row = new RowReader(values, columns);
    const nik = row.get('nik', (t, l) => parseIdentifier(t, 'NIK', l));
    const kkNumber = row.get('kkNumber', (t, l) => parseIdentifier(t, 'KK', l));
    if (!row.text('nik') && !row.text('kkNumber')) {
      row.problem(row.mapped('nik') || !row.mapped('kkNumber') ? 'nik' : 'kkNumber', 'Kolom "NIK" atau "Nomor KK" wajib diisi');
    }
    const name = row.get('name', parseText(200));
    const periodLabel = row.text('period')?.replace(/\s+/g, ' ');
    const ownDate = row.get('deliveredOn', parseDate);
    const base: Omit<DinsosRecord, 'programId' | 'deliveredOn'> = {};
    assign(base, 'nik', nik);
    assign(base, 'kkNumber', kkNumber);
    assign(base, 'name', name);
    assign(base, 'periodLabel', periodLabel);

    const records: DinsosRecord[] = [];
    const fallbackDate = (periodLabel && dateInPeriod(periodLabel, ctx.sourceDate)) || ctx.sourceDate;
    const add = (ref: string, key: string, extra: Partial<DinsosRecord>) => {
      const r = resolveProgram(ref, ctx.programs);
      if ('problem' in r) return row.problem(key, r.problem);
      if (records.some((x) => x.programId === r.program.id)) return;
      records.push({ ...base, programId: r.program.id, deliveredOn: ownDate ?? fallbackDate, ...extra });
    };

    const program = row.text('program');
    const flagged = FLAGS.filter((f) => row.get(f.key, parseYesNo) === true);
    if (program !== undefined) {
      const extra: Partial<DinsosRecord> = {};
      assign(extra, 'valueRp', row.get('valueRp', parseRupiah));
      assign(extra, 'quantity', row.get('quantity', parsePositive));
      add(program, 'program', extra);
    } else if (row.mapped('program') || !FLAGS.some((f) => row.mapped(f.key))) {
      row.missing('program');
    }
    for (const f of flagged) add(f.program, f.key, {});
    return { records: rejected(row) ? [] : records, problems: row.problems };
  },
};

function parsePositive(text: string, label: string) {
  const p = parseDecimal(text, label);
  if ('value' in p && p.value === 0) return { problem: `${label} harus lebih dari 0` };
  return p;
}

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, nopember: 11, november: 11,
  des: 12, dec: 12, desember: 12, december: 12,
};
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A delivery date inside a period label: the file's data date when it falls inside the period,
 * otherwise the period's first day. Quarters ('2026-Q3', 'Triwulan III 2026', 'TAHAP 3 2026' –
 * PKH pays in four quarterly stages), months ('Agustus 2026', '08/2026', '2026-08') and years.
 * A label without a year takes the data date's year. Undefined when the label is not a period.
 */
export function dateInPeriod(label: string, sourceDate: string): string | undefined {
  const t = label.toLowerCase().replace(/[_,]/g, ' ').replace(/\s+/g, ' ').trim();
  const sourceYear = Number(sourceDate.slice(0, 4));
  let range: [string, string] | undefined;
  const quarter = (y: number, q: number): [string, string] => [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
  const month = (y: number, m: number): [string, string] => [iso(y, m, 1), iso(y, m, lastDay(y, m))];
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/.exec(t))) range = quarter(Number(m[1]), Number(m[2]));
  else if ((m = /^q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t))) range = quarter(Number(m[2]), Number(m[1]));
  else if ((m = /^(?:triwulan|tw|kuartal|tahap)\s*(?:ke\s*)?([1-4]|i{1,3}|iv)(?:\s*[-/]?\s*(?:tahun\s*)?(\d{4}))?$/.exec(t))) {
    range = quarter(m[2] ? Number(m[2]) : sourceYear, Number(m[1]) || ROMAN[m[1]!]!);
  } else if ((m = /^([a-z]+)\.?\s*[-/ ]?\s*(\d{4})?$/.exec(t)) && MONTHS[m[1]!]) {
    range = month(m[2] ? Number(m[2]) : sourceYear, MONTHS[m[1]!]!);
  } else if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    range = month(Number(m[1]), Number(m[2]));
  } else if ((m = /^(\d{1,2})[-/](\d{4})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    range = month(Number(m[2]), Number(m[1]));
  } else if ((m = /^(?:tahun\s*)?(\d{4})$/.exec(t))) {
    range = [iso(Number(m[1]), 1, 1), iso(Number(m[1]), 12, 31)];
  }
  if (!range) return undefined;
  return sourceDate >= range[0] && sourceDate <= range[1] ? sourceDate : range[0];
}
