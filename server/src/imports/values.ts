// Cell value parsers for the import sources. Each takes the trimmed cell text and the field's
// Indonesian label (for messages) and returns `{ value }` or `{ problem, review? }`:
// - `value: null` means the cell is empty (or an "unknown" sentinel such as '-' or 8888), so the
//   field is left out of the record and the existing value stays;
// - `problem` is an Indonesian message naming the field; `review: true` sends the row to the
//   review queue instead of rejecting it (the value exists but was damaged, e.g. by Excel).

export type Parsed<T> = { value: T } | { problem: string; review?: boolean };

export function isProblem<T>(p: Parsed<T>): p is { problem: string; review?: boolean } {
  return 'problem' in p;
}

/** Empty or a placeholder agencies write for "no data". */
export function isBlank(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  return t === '' || /^-+$/.test(t) || /^(null|n\/a|#n\/a)$/i.test(t);
}

// --- dates ------------------------------------------------------------------------------------

const DATE_SENTINELS = new Set(['0', '8888', '9999', '88888888', '99999999', '0000-00-00', '00/00/0000', '00-00-0000']);
// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the non-existent 1900-02-29.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 80_000;

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIME = String.raw`(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const DMY_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);

/**
 * A date as ISO yyyy-mm-dd: ISO (with an optional time), dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy
 * (one or two digit day and month, optional time), yyyymmdd, or an Excel serial number (all digits,
 * 1..80000, not a plausible year). Sentinels 0, 8888, 9999 and '-' are empty.
 */
export function parseDate(text: string, label: string): Parsed<string | null> {
  const t = text.trim();
  if (isBlank(t) || DATE_SENTINELS.has(t)) return { value: null };
  const invalid = { problem: `${label} "${t}" bukan tanggal yang valid (format dd/mm/yyyy atau yyyy-mm-dd)` };
  let m = ISO_DATE.exec(t);
  if (m) return wrap(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), invalid);
  m = DMY_DATE.exec(t);
  if (m) return wrap(isoOf(Number(m[4]), Number(m[3]), Number(m[1])), invalid);
  m = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(t);
  if (m) return wrap(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), invalid);
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n >= 1800 && n <= 2200) return { problem: `${label} "${t}" hanya berisi tahun; isi tanggal lengkap` };
    if (n >= 1 && n <= MAX_EXCEL_SERIAL && n !== 60) {
      // Serials below 60 lie before Excel's phantom 29 February 1900.
      const ms = EXCEL_EPOCH_MS + (n < 60 ? n + 1 : n) * 86_400_000;
      return { value: new Date(ms).toISOString().slice(0, 10) };
    }
  }
  return invalid;
}

function wrap(value: string | null, invalid: { problem: string }): Parsed<string | null> {
  return value === null ? invalid : { value };
}

// --- numbers ----------------------------------------------------------------------------------

/**
 * A measurement with one decimal separator, comma or dot (`7,8`, `7.8`, `67`), optionally with a
 * unit (`7,8 kg`). Thousands separators are not expected in measurements and are refused.
 */
export function parseDecimal(text: string, label: string): Parsed<number | null> {
  const t = text.trim().replace(/\s*(kg|cm|gr?|m)$/i, '');
  if (isBlank(t)) return { value: null };
  if (!/^\d+(?:[.,]\d+)?$|^[.,]\d+$/.test(t)) {
    return { problem: `${label} "${text.trim()}" bukan angka yang valid (contoh: 7,8 atau 7.8)` };
  }
  return { value: Number(t.replace(',', '.')) };
}

/** A whole number such as a decile or a count; `3.0` from a numeric cell is accepted. */
export function parseInteger(text: string, label: string): Parsed<number | null> {
  const t = text.trim();
  if (isBlank(t)) return { value: null };
  const m = /^(\d+)(?:[.,]0+)?$/.exec(t);
  if (!m) return { problem: `${label} "${t}" harus bilangan bulat` };
  return { value: Number(m[1]) };
}

/**
 * An amount in Rupiah: `1.500.000`, `1,500,000`, `Rp 300.000`, `Rp300.000,-`, `1.500.000,00`,
 * `1500000`. A separator followed by exactly three digits groups thousands; one or two trailing
 * digits after the last separator are cents.
 */
export function parseRupiah(text: string, label: string): Parsed<number | null> {
  let t = text.trim().replace(/^(rp\.?|idr)\s*/i, '').replace(/\s+/g, '').replace(/[.,]-$/, '');
  if (isBlank(t)) return { value: null };
  const invalid = { problem: `${label} "${text.trim()}" bukan nilai rupiah yang valid (contoh: 300000 atau Rp 300.000)` };
  let cents = 0;
  const fraction = /^(.*\d)[.,](\d{1,2})$/.exec(t);
  if (fraction) {
    t = fraction[1]!;
    cents = Number(fraction[2]!.padEnd(2, '0')) / 100;
  }
  if (/^\d+$/.test(t)) return { value: Number(t) + cents };
  if (/^\d{1,3}(\.\d{3})+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t)) return { value: Number(t.replace(/[.,]/g, '')) + cents };
  return invalid;
}

// --- identifiers ------------------------------------------------------------------------------

export type IdentifierKind = 'NIK' | 'KK' | 'NISN';
const ID_LENGTH: Record<IdentifierKind, number> = { NIK: 16, KK: 16, NISN: 10 };

/**
 * NIK, KK (16 digits) or NISN (10 digits) as text: spaces, dots, dashes and a leading `'` or
 * backtick (Excel's "keep as text" marks) are removed. E-notation (`6.27103E+15`) means Excel
 * stored the number in 15 significant digits and the last digits are gone: review, never match.
 * A NISN of 7 to 9 digits lost its leading zeros in a numeric cell and is padded back.
 */
export function parseIdentifier(text: string, kind: IdentifierKind, label: string = kind): Parsed<string | null> {
  const raw = text.trim();
  if (isBlank(raw) || /^0+$/.test(raw)) return { value: null };
  const t = raw.replace(/^['`‘’]+/, '').replace(/[\s.\-]/g, '');
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(raw.replace(/^['`]+/, '').replace(/\s/g, ''))) {
    return {
      problem: `${label} "${raw}" rusak: Excel menyimpannya sebagai angka dan menghapus digit terakhirnya; format kolom sebagai Teks dan isi ulang`,
      review: true,
    };
  }
  if (!/^\d+$/.test(t)) return { problem: `${label} "${raw}" hanya boleh berisi angka` };
  const length = ID_LENGTH[kind];
  if (kind === 'NISN' && t.length >= 7 && t.length < length) return { value: t.padStart(length, '0') };
  if (t.length !== length) return { problem: `${label} harus ${length} digit ("${raw}" berisi ${t.length} digit)` };
  return { value: t };
}

// --- yes/no -----------------------------------------------------------------------------------

const YES = new Set(['ya', 'y', 'yes', 'iya', '1', 'true', 'benar', 'ada', 'v', '✓', '√', 'penerima']);
const NO = new Set(['tidak', 't', 'tdk', 'no', 'n', '0', 'false', 'salah', 'bukan', 'kosong', 'tidak ada', 'bukan penerima']);

/** `Ya`/`Y`/`1`/`TRUE` → true; `Tidak`/`T`/`-`/`0`/`FALSE`/empty → false. */
export function parseYesNo(text: string, label: string): Parsed<boolean> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (isBlank(t) || NO.has(t)) return { value: false };
  if (YES.has(t)) return { value: true };
  return { problem: `${label} "${text.trim()}" tidak dikenal (Ya/Tidak)` };
}

// --- code lists -------------------------------------------------------------------------------

/** Lowercase, accents and punctuation as spaces, whitespace collapsed: 'Istri / Suami' = 'istri/suami'. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9<>=+]+/g, ' ')
    .trim();
}

export interface CodeEntry<T> {
  /** The enum value, or null for an answer the model cannot hold ('Lainnya' floor): left unset. */
  value: T | null;
  /** Numeric codes of the agency layouts (DTSEN `id_*` columns). */
  codes?: readonly number[];
  labels: readonly string[];
}

export interface CodeList<T> {
  /** Accepted values for messages, e.g. 'L/P'. */
  readonly hint: string;
  readonly entries: readonly CodeEntry<T>[];
  parse(text: string, label: string): Parsed<T | null>;
}

/**
 * A lookup of numeric codes and labels. Labels match after `normaliseLabel`; codes match with or
 * without leading zeros; a cell such as `2 - Istri/Suami` or `3. Anak` matches by its code.
 */
export function codeList<T>(hint: string, entries: readonly CodeEntry<T>[]): CodeList<T> {
  const byLabel = new Map<string, T | null>();
  const byCode = new Map<number, T | null>();
  for (const e of entries) {
    for (const l of e.labels) {
      const key = normaliseLabel(l);
      if (byLabel.has(key) && byLabel.get(key) !== e.value) throw new Error(`duplicate label ${l}`);
      byLabel.set(key, e.value);
    }
    for (const c of e.codes ?? []) {
      if (byCode.has(c)) throw new Error(`duplicate code ${c}`);
      byCode.set(c, e.value);
    }
  }
  // A column holds few distinct answers: each (label, text) is looked up once (normaliseLabel is costly
  // per cell). Bounded, for a column of free text mapped to a code list by mistake.
  const seen = new Map<string, Parsed<T | null>>();
  const lookup = (text: string, label: string): Parsed<T | null> => {
    const t = text.trim();
    if (isBlank(t)) return { value: null };
    const found = (v: T | null | undefined): Parsed<T | null> | undefined => (v === undefined ? undefined : { value: v });
    const numeric = /^0*(\d+)(?:[.,]0+)?$/.exec(t);
    const hit =
      (numeric ? found(byCode.get(Number(numeric[1]))) : undefined) ??
      found(byLabel.get(normaliseLabel(t))) ??
      found(byCode.get(Number(/^(\d+)\s*[.):-]\s*\S/.exec(t)?.[1] ?? NaN)));
    return hit ?? { problem: `${label} "${t}" tidak dikenal (${hint})` };
  };
  return {
    hint,
    entries,
    parse(text, label) {
      const key = `${label}\u0000${text}`;
      let parsed = seen.get(key);
      if (parsed === undefined) {
        parsed = lookup(text, label);
        if (seen.size < 4096) seen.set(key, parsed);
      }
      return parsed;
    },
  };
}
