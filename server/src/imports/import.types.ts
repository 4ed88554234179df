// Shared shapes of the import pipeline: file reader -> source mapping -> validation -> merge.

export const SOURCE_KEYS = ['dtsen', 'dinsos', 'dinkes', 'disdik'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** One data row of a file. `line` is the 1-based line (CSV) or row number (XLSX) in the file. */
export interface RawRow {
  line: number;
  /** Cell texts by column index, trimmed; '' for empty. XLSX dates as ISO yyyy-mm-dd, numbers as plain digits (no exponent). */
  cells: string[];
}

/** Why a file is refused as a whole (nothing is written). `message` is Indonesian. */
export class ImportFileError extends Error {
  constructor(
    readonly reason: 'FILE_TOO_LARGE' | 'EMPTY_FILE' | 'UNREADABLE' | 'NO_HEADER' | 'UNKNOWN_HEADERS' | 'NO_SUCH_SHEET' | 'TOO_MANY_ROWS',
    message: string,
  ) {
    super(message);
  }
}

/** Lowercase, underscores and line breaks as spaces, whitespace collapsed, trimmed. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** One column of a source's template. */
export interface TemplateColumn {
  /** Stable key used in mappings and parsed values, e.g. 'nik'. */
  key: string;
  /** Header in Sinergi's own Indonesian template, e.g. 'NIK'. */
  header: string;
  /** Headers of the real agency layouts that mean this column (any case/spacing), e.g. 'NOMOR NIK', 'nik_ktp'. */
  aliases: readonly string[];
  required: boolean;
  /** Indonesian description for the README and the template's second sheet. */
  description: string;
  example: string;
}

/** Area reference data the mapping resolves region codes and names against. */
export interface AreaRef {
  id: string;
  /** Dotted Kemendagri code, e.g. 62.71.03.1002. */
  code: string;
  name: string;
  level: 'CITY' | 'KECAMATAN' | 'KELURAHAN';
}

/** A problem with one field of a row: `column` is the file's header, `message` Indonesian. */
export interface RowProblem {
  column: string;
  message: string;
  /** When true the row goes to the review queue instead of being rejected (e.g. NIK in E-notation). */
  review?: boolean;
}
