import { GraphQLError } from 'graphql';

// The import's error report speaks Indonesian ("alasan"), naming the file's column. The rules are the
// API's own validators (shared with the mutations); their messages are translated here, pattern by
// pattern. A message without a translation falls back to a generic Indonesian sentence (never English),
// and alasan.test.ts feeds every validator's messages through this table.

type Rule = [RegExp, (...groups: string[]) => string];

const RULES: Rule[] = [
  [/^must be (\d+)–(\d+) characters$/, (min, max) => `harus ${min}–${max} karakter`],
  [/^must be at most (\d+) characters$/, (max) => `paling banyak ${max} karakter`],
  [/^must be between (\S+) and (\S+)$/, (min, max) => `harus antara ${min} dan ${max}`],
  [/^must be a whole number$/, () => 'harus bilangan bulat'],
  [/^must be a real date \(YYYY-MM-DD\)$/, () => 'bukan tanggal yang valid'],
  [/^must not be before (\S+)$/, (d) => `tidak boleh sebelum ${d}`],
  [/^must not be after (\S+)$/, (d) => `tidak boleh sesudah ${d}`],
  [/^must be a number from 001 to 999$/, () => 'harus angka 001 sampai 999'],
  [/^(NIK|KK) province code (\d+) does not exist$/, (w, c) => `kode provinsi ${c} pada ${w === 'KK' ? 'Nomor KK' : 'NIK'} tidak ada`],
  [/^(NIK|KK) kabupaten\/kota code 00 is not valid$/, (w) => `kode kabupaten/kota 00 pada ${w === 'KK' ? 'Nomor KK' : 'NIK'} tidak valid`],
  [/^(NIK|KK) kecamatan code 00 is not valid$/, (w) => `kode kecamatan 00 pada ${w === 'KK' ? 'Nomor KK' : 'NIK'} tidak valid`],
  [/^NIK must be 16 digits$/, () => 'NIK harus 16 digit'],
  [/^NIK birth date part is not a real date$/, () => 'bagian tanggal lahir pada NIK bukan tanggal yang valid'],
  [/^NIK serial must start at 0001$/, () => 'nomor urut NIK harus mulai dari 0001'],
  [/^birthDate must be a real YYYY-MM-DD date$/, () => 'tanggal lahir tidak valid'],
  [/^NIK birth date does not match birthDate$/, () => 'tanggal lahir atau jenis kelamin pada NIK tidak cocok dengan Tanggal Lahir/Jenis Kelamin'],
  [/^KK number must be 16 digits$/, () => 'Nomor KK harus 16 digit'],
  [/^KK issue date part is not a real date$/, () => 'bagian tanggal terbit pada Nomor KK bukan tanggal yang valid'],
  [/^KK serial must start at 0001$/, () => 'nomor urut KK harus mulai dari 0001'],
  [/^KK issue date is in the future$/, () => 'tanggal terbit pada Nomor KK di masa depan'],
  [/^only a woman aged 10–55 can be recorded as pregnant$/, () => 'hanya perempuan usia 10–55 tahun yang dapat dicatat hamil'],
  [/^latitude and longitude go together$/, () => 'lintang dan bujur harus diisi bersama'],
  [/^is before the child was born$/, () => 'sebelum tanggal lahir anak'],
  [/^growth is measured for children under five$/, () => 'pengukuran pertumbuhan hanya untuk anak di bawah lima tahun'],
  [/^a child under nine months is measured lying down$/, () => 'anak di bawah sembilan bulan diukur terlentang'],
  [/^is implausible for this age \(z = (\S+)\); check the measurement$/, (z) => `tidak masuk akal untuk usia ini (z = ${z}); periksa pengukurannya`],
  [/^is before the program starts \((\S+)\)$/, (d) => `sebelum program dimulai (${d})`],
  [/^is after the program ends \((\S+)\)$/, (d) => `sesudah program berakhir (${d})`],
  [/^this program is delivered to a person: choose the member$/, () => 'program ini untuk perorangan: NIK penerima wajib diisi'],
  [/^is younger than the program's minimum age \((\d+) months\)$/, (m) => `lebih muda dari usia minimum program (${m} bulan)`],
  [/^is older than the program's maximum age \((\d+) months\)$/, (m) => `lebih tua dari usia maksimum program (${m} bulan)`],
  [/^this program is for (MALE|FEMALE) members only$/, (s) => `program ini hanya untuk ${s === 'FEMALE' ? 'perempuan' : 'laki-laki'}`],
  [/^this program is delivered to the household as a whole$/, () => 'program ini untuk keluarga, bukan perorangan'],
  [/^Only the program owner's staff may record its interventions$/, () => 'program ini bukan milik organisasi Anda'],
];

/** The Indonesian reason for a validator's message. */
export function translateProblem(message: string): string {
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m) return render(...m.slice(1));
  }
  return 'nilai tidak valid';
}

/**
 * `"<column>": <reason>` for an error thrown by a shared validator. `columnOf` turns the validator's
 * field name (undefined when it named none) into the file's header.
 */
export function alasanOf(error: unknown, columnOf: (field: string | undefined) => string): string {
  if (error instanceof GraphQLError) {
    const field = error.extensions['field'] as string | undefined;
    const message = field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
    return `${quoteColumn(columnOf(field))}: ${translateProblem(message)}`;
  }
  throw error;
}

export const quoteColumn = (column: string) => `"${column.replace(/\s+/g, ' ').trim()}"`;
