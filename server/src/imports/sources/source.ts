import type { RowProblem, SourceKey, TemplateColumn } from '../import.types.js';
import type { ProgramRef } from '../programs.js';
import type { AreaResolver } from '../regions.js';
import { isBlank, isProblem, type Parsed } from '../values.js';

export interface ParseContext {
  areas: AreaResolver;
  programs: readonly ProgramRef[];
  /** The file's data date (ISO), default for rows without their own date. */
  sourceDate: string;
}

/** One cell of a row after mapping: the file's header and the trimmed text. */
export interface MappedValue {
  column: string;
  value: string;
}

/** Mapped cells of one row by template key; a key is absent when its column is not mapped. */
export type MappedRow = Partial<Record<string, MappedValue>>;

export interface SourceDefinition<R> {
  key: SourceKey;
  /** Indonesian, e.g. 'DTSEN – anggota keluarga (Data Tunggal Sosial Ekonomi Nasional)'. */
  label: string;
  /** Indonesian, one paragraph. */
  description: string;
  /** Sinergi template order; aliases carry the real layouts' headers. */
  columns: readonly TemplateColumn[];
  /** Records from one mapped row (several for SIKS-NG flag columns), or the row's problems. */
  parse(values: MappedRow, ctx: ParseContext): { records: R[]; problems: RowProblem[] };
}

export function column(
  key: string,
  header: string,
  aliases: readonly string[],
  description: string,
  example: string,
  required = false,
): TemplateColumn {
  return { key, header, aliases, required, description, example };
}

const COLUMN_INDEX = new WeakMap<readonly TemplateColumn[], Map<string, TemplateColumn>>();

/**
 * Reads one mapped row: converts cells with the value parsers and collects problems under the
 * file's header of the offending column (the template header when the column is not in the file).
 */
export class RowReader {
  readonly problems: RowProblem[] = [];
  private readonly byKey: Map<string, TemplateColumn>;

  constructor(
    private readonly values: MappedRow,
    columns: readonly TemplateColumn[],
  ) {
    // A source's columns are built once: their index once too, not once per row.
    let byKey = COLUMN_INDEX.get(columns);
    if (!byKey) COLUMN_INDEX.set(columns, (byKey = new Map(columns.map((c) => [c.key, c]))));
    this.byKey = byKey;
  }

  /** Whether the file has this column at all. */
  mapped(key: string): boolean {
    return this.values[key] !== undefined;
  }

  /** The cell's text, or undefined when the column is missing or the cell is blank. */
  text(key: string): string | undefined {
    const v = this.values[key]?.value.trim();
    return v === undefined || isBlank(v) ? undefined : v;
  }

  header(key: string): string {
    return this.values[key]?.column ?? this.label(key);
  }

  label(key: string): string {
    const c = this.byKey.get(key);
    if (!c) throw new Error(`unknown column ${key}`);
    return c.header;
  }

  problem(key: string, message: string, review?: boolean): void {
    this.problems.push({ column: this.header(key), message, ...(review ? { review } : {}) });
  }

  missing(key: string): void {
    this.problem(key, `Kolom "${this.label(key)}" wajib diisi`);
  }

  /** The parsed value; undefined when blank or refused (then a problem is recorded). */
  get<T>(key: string, parse: (text: string, label: string) => Parsed<T | null>): T | undefined {
    const raw = this.values[key]?.value;
    if (raw === undefined) return undefined;
    const p = parse(raw.trim(), this.label(key));
    if (isProblem(p)) {
      this.problem(key, p.problem, p.review);
      return undefined;
    }
    return p.value ?? undefined;
  }

  /** As `get`, with a 'wajib diisi' problem when the cell is blank or the column missing. */
  required<T>(key: string, parse: (text: string, label: string) => Parsed<T | null>): T | undefined {
    if (this.text(key) === undefined) {
      this.missing(key);
      return undefined;
    }
    return this.get(key, parse);
  }
}

/** Plain text (names, addresses), whitespace collapsed. */
export function parseText(maxLength: number) {
  return (text: string, label: string): Parsed<string | null> => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (isBlank(t)) return { value: null };
    if (t.length > maxLength) return { problem: `${label} terlalu panjang (maks. ${maxLength} karakter)` };
    return { value: t };
  };
}

/** Sets `record[key]` only when the value is defined: an import updates only the fields the source provides. */
export function assign<R, K extends keyof R>(record: R, key: K, value: R[K] | undefined): void {
  if (value !== undefined) record[key] = value;
}

/**
 * Whether the row is refused. Review problems (a damaged NIK) do not refuse the row: its records
 * come back with the damaged field left out, and the caller queues them for review.
 */
export function rejected(row: RowReader): boolean {
  return row.problems.some((p) => !p.review);
}
