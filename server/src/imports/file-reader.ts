import fs from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import { ImportFileError, normaliseHeader, type RawRow } from './import.types.js';

// Reads an uploaded CSV or XLSX file (spooled to disk) row by row, finds its header row below any
// title rows and combines two-row headers. Nothing here holds the whole file in memory.

export interface ReadOptions {
  /** Original file name, for the format guess and messages. */
  fileName: string;
  /** XLSX: sheet name to read; default the first sheet. */
  sheet?: string;
  /** Refuse files larger than this (bytes). */
  maxBytes: number;
  /** Normalised (see normaliseHeader) header names of the chosen source, to find the header row among title rows. */
  knownHeaders: ReadonlySet<string>;
}

export interface OpenedFile {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ',' | ';' | '|' | '\t';
  /** XLSX: all sheets in workbook order. */
  sheetNames?: string[];
  /** XLSX: the sheet read. */
  sheet?: string;
  /** 1-based line/row of the (last) header row. */
  headerLine: number;
  /** As in the file (two-row headers combined as "<group> <sub>"), trimmed. */
  headers: string[];
  /**
   * Data rows after the header, streamed. Each iteration reads the file afresh (nothing stays open between
   * iterations), so a dry run and the commit can both iterate it. Throws ImportFileError('UNREADABLE') when
   * the file turns out broken further down.
   */
  rows: AsyncIterable<RawRow>;
}

type Delimiter = ',' | ';' | '|' | '\t';
type RowSource = () => AsyncGenerator<RawRow>;

const DELIMITERS: readonly Delimiter[] = [',', ';', '|', '\t'];
/** Rows searched for the header row (title rows above it are skipped). */
const HEADER_SCAN_ROWS = 30;
/** Bytes looked at to sniff the delimiter and spot binary content. */
const SNIFF_BYTES = 64 * 1024;
/** A longer CSV record is a broken file (typically an unclosed quote swallowing the rest). */
const MAX_RECORD_CHARS = 1024 * 1024;

export async function openImportFile(filePath: string, options: ReadOptions): Promise<OpenedFile> {
  const { fileName } = options;
  const size = (await stat(filePath)).size;
  if (size > options.maxBytes) {
    throw new ImportFileError(
      'FILE_TOO_LARGE',
      `Berkas "${fileName}" terlalu besar (${megabytes(size)} MB). Ukuran berkas paling besar ${megabytes(options.maxBytes)} MB.`,
    );
  }
  if (size === 0) throw emptyFile(fileName);
  const head = await readHead(filePath, SNIFF_BYTES);
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ImportFileError(
      'UNREADABLE',
      `Berkas "${fileName}" berformat Excel lama (.xls) yang tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV, kemudian unggah lagi.`,
    );
  }
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    // A cut-off upload lacks the zip's closing directory; refusing it here also spares exceljs, which
    // leaves its temp files behind when a zip breaks off.
    if (!(await hasZipEnd(filePath, size))) throw brokenWorkbook(fileName);
    return openXlsx(filePath, options);
  }
  if (/\.xls[xm]$/i.test(fileName)) {
    throw new ImportFileError('UNREADABLE', `Berkas "${fileName}" bukan berkas Excel (.xlsx) yang sah. Periksa berkasnya atau simpan ulang dari Excel.`);
  }
  return openCsv(filePath, head, options);
}

// ---------------------------------------------------------------- CSV

async function openCsv(filePath: string, head: Buffer, options: ReadOptions): Promise<OpenedFile> {
  const { fileName } = options;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFileError(
      'UNREADABLE',
      `Berkas "${fileName}" tersimpan sebagai teks Unicode (UTF-16) yang tidak didukung. Simpan sebagai "CSV UTF-8" atau .xlsx, kemudian unggah lagi.`,
    );
  }
  if (looksBinary(head)) throw unreadable(fileName);
  const encoding = (await isUtf8(filePath)) ? 'utf-8' : 'windows-1252';
  const sample = new TextDecoder(encoding).decode(head).replace(/^\ufeff/, '');
  const delimiter = sniffDelimiter(sample);
  const source = csvSource(filePath, fileName, encoding, delimiter);
  const header = await locateHeader(source, options);
  return { format: 'csv', encoding, delimiter, ...header, rows: rowsAfter(source, header.headerLine) };
}

/** Control characters other than tab, line breaks, form feed and Ctrl-Z mean this is no text file. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control++;
  }
  return control > head.length / 100;
}

/** Whole-file strict UTF-8 check, streamed; Excel's "CSV" (not "CSV UTF-8") is Windows-1252. */
async function isUtf8(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * The delimiter that splits the first records most consistently: the best candidate's count per record
 * times the number of records having exactly that count. Counting outside quotes, and rewarding
 * consistency, keeps a `;` file with decimal commas (`12,5`) a `;` file.
 */
function sniffDelimiter(sample: string): Delimiter {
  const counts = DELIMITERS.map(() => [] as number[]);
  let current = DELIMITERS.map(() => 0);
  let quoted = false;
  let records = 0;
  const endRecord = () => {
    if (current.some((n) => n > 0)) current.forEach((n, i) => counts[i]!.push(n));
    current = DELIMITERS.map(() => 0);
    records++;
  };
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') {
      endRecord();
      if (records >= HEADER_SCAN_ROWS * 2) break;
    } else if (!quoted) {
      const i = DELIMITERS.indexOf(ch as Delimiter);
      if (i >= 0) current[i]!++;
    }
  }
  endRecord();
  let best: Delimiter = ',';
  let bestScore = 0;
  DELIMITERS.forEach((delimiter, i) => {
    const frequency = new Map<number, number>();
    for (const n of counts[i]!) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [n, records] of frequency) {
      if (n * records > bestScore) {
        bestScore = n * records;
        best = delimiter;
      }
    }
  });
  return best;
}

function csvSource(filePath: string, fileName: string, encoding: 'utf-8' | 'windows-1252', delimiter: Delimiter): RowSource {
  return async function* () {
    const parser = parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      raw: true,
    });
    const input = fs.createReadStream(filePath);
    // Errors surface through the parser's iteration below.
    if (encoding === 'utf-8') pipeline(input, parser, () => {});
    else pipeline(input, windows1252ToUtf8(), parser, () => {});
    // csv-parse miscounts lines after a quoted CRLF, so count the record's own raw text.
    let linesBefore = 0;
    try {
      for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
        const leadingBreaks = lineBreaks(/^[\r\n]*/.exec(raw)![0]);
        const line = linesBefore + leadingBreaks + 1;
        linesBefore += lineBreaks(raw);
        const cells = tidyCells(record);
        if (cells) yield { line, cells };
      }
    } catch (error) {
      throw csvFailure(error, fileName);
    } finally {
      parser.destroy();
      input.destroy();
    }
  };
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function windows1252ToUtf8(): Transform {
  const decoder = new TextDecoder('windows-1252');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
  });
}

function csvFailure(error: unknown, fileName: string): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const at = line ? ` (sekitar baris ${line})` : '';
    if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
      return new ImportFileError(
        'UNREADABLE',
        `Berkas "${fileName}" tidak dapat dibaca: ada tanda kutip (") yang dibuka tetapi tidak ditutup${at}. Periksa isi kolom di baris tersebut.`,
      );
    }
    return new ImportFileError('UNREADABLE', `Berkas "${fileName}" tidak dapat dibaca sebagai CSV${at}. Periksa berkasnya atau simpan ulang dari Excel.`);
  }
  return unreadable(fileName);
}

// ---------------------------------------------------------------- XLSX

interface StreamedWorkbook {
  model?: { sheets?: { name: string }[] };
}
interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  /** exceljs internal: the sheet's XML, a read stream of a temp file when the sheet was spooled. */
  iterator?: unknown;
}
/** What the first pass over a workbook learns about its sheets. */
interface SheetChoice {
  sheetNames?: string[];
  sheet?: string;
}

async function openXlsx(filePath: string, options: ReadOptions): Promise<OpenedFile> {
  const choice: SheetChoice = {};
  const source = xlsxSource(filePath, options, choice);
  const header = await locateHeader(source, options);
  return { format: 'xlsx', sheetNames: choice.sheetNames, sheet: choice.sheet, ...header, rows: rowsAfter(source, header.headerLine) };
}

/**
 * Rows of the chosen sheet. Sheet names are known once the reader reaches the first worksheet (exceljs
 * and Excel write the workbook part before or spool the sheets until it is read), so the first pass
 * settles the choice.
 */
function xlsxSource(filePath: string, options: ReadOptions, choice: SheetChoice): RowSource {
  const { fileName } = options;
  return async function* () {
    const input = fs.createReadStream(filePath);
    // Styles are needed to tell date cells from numbers.
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    const worksheets = (workbook as AsyncIterable<StreamedWorksheet>)[Symbol.asyncIterator]();
    let spooled = false;
    let current: StreamedWorksheet | undefined;
    try {
      for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
        const worksheet = (current = next.value);
        spooled ||= worksheet.iterator instanceof fs.ReadStream;
        choice.sheet ??= chooseSheet((workbook as unknown as StreamedWorkbook).model?.sheets ?? [], options, choice);
        if (worksheet.name !== choice.sheet) {
          closeSpooled(worksheet);
          continue;
        }
        for await (const row of worksheet) {
          const cells = tidyCells(rowCells(row));
          if (cells) yield { line: row.number, cells };
        }
        return;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw brokenWorkbook(fileName);
    } finally {
      if (spooled) {
        if (current) closeSpooled(current);
        // The zip is read to its end already; letting exceljs go on closes and removes the sheets' temp files.
        for (let next = await worksheets.next().catch(() => undefined); next && !next.done; next = await worksheets.next().catch(() => undefined)) {
          closeSpooled(next.value);
        }
      }
      input.destroy();
    }
    throw new ImportFileError('UNREADABLE', `Berkas "${fileName}" tidak berisi lembar kerja Excel yang dapat dibaca. Simpan ulang sebagai .xlsx atau CSV.`);
  };
}

/**
 * exceljs spools worksheets that precede the shared strings (as Excel and exceljs write them) to temp
 * files and removes each once the reader moves past it. A sheet left unread would keep its read stream
 * open, or fail to open it once the file is gone.
 */
function closeSpooled(worksheet: StreamedWorksheet): void {
  const stream = worksheet.iterator;
  if (!(stream instanceof fs.ReadStream)) return;
  stream.on('error', () => {});
  stream.destroy();
}

function chooseSheet(sheets: readonly { name: string }[], options: ReadOptions, choice: SheetChoice): string {
  const names = sheets.map((sheet) => sheet.name);
  choice.sheetNames = names;
  if (options.sheet === undefined) {
    if (names[0] === undefined) throw unreadable(options.fileName);
    return names[0];
  }
  const wanted = options.sheet.trim();
  const found = names.find((name) => name === wanted) ?? names.find((name) => name.trim().toLowerCase() === wanted.toLowerCase());
  if (found === undefined) {
    throw new ImportFileError(
      'NO_SUCH_SHEET',
      `Lembar "${options.sheet}" tidak ada di berkas "${options.fileName}". Lembar yang ada: ${names.map((name) => `"${name}"`).join(', ')}.`,
    );
  }
  return found;
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(cells, (text) => text ?? '');
}

/** Text of a cell as the user sees it, except numbers in full (no exponent) and dates as ISO. */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('error' in value) return '';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // The streaming reader leaves a formula's date result as its serial number.
    if (typeof result === 'number' && isDateFormat(numFmt)) return isoDate(excelSerialToDate(result));
    return cellText(result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  return '';
}

/** Date/time number formats (as exceljs decides for plain cells): y, m, d, h, s outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /[ymdhs]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** Decimal text without exponent: a 16-digit NIK typed as a number comes out as its digits. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponent] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// ---------------------------------------------------------------- header row

interface Header {
  headerLine: number;
  headers: string[];
}

/** Finds the header row (and its continuation row) in the first rows; refuses files without data rows. */
async function locateHeader(source: RowSource, options: ReadOptions): Promise<Header> {
  const scanned: RawRow[] = [];
  let headerAt = -1;
  for await (const row of source()) {
    scanned.push(row);
    if (headerAt < 0) {
      if (isHeaderRow(row.cells, options.knownHeaders)) headerAt = scanned.length - 1;
      else if (scanned.length >= HEADER_SCAN_ROWS) break;
    } else if (scanned.length - headerAt > 2) {
      break; // the header, a possible continuation row and one data row
    }
  }
  if (scanned.length === 0) throw emptyFile(options.fileName);
  if (headerAt < 0) {
    const expected = [...options.knownHeaders].slice(0, 6).map((name) => `"${name}"`);
    throw new ImportFileError(
      'NO_HEADER',
      `Baris judul kolom tidak ditemukan di ${HEADER_SCAN_ROWS} baris pertama berkas "${options.fileName}". ` +
        `Pastikan berkas memakai judul kolom templat${expected.length ? `, antara lain ${expected.join(', ')}` : ''}.`,
    );
  }
  const top = scanned[headerAt]!;
  const next = scanned[headerAt + 1];
  let header: Header = { headerLine: top.line, headers: top.cells };
  let dataAt = headerAt + 1;
  if (next && isContinuation(top.cells, next.cells)) {
    header = { headerLine: next.line, headers: combineHeaders(top.cells, next.cells) };
    dataAt++;
  }
  if (dataAt >= scanned.length) {
    throw new ImportFileError('EMPTY_FILE', `Berkas "${options.fileName}" hanya berisi judul kolom, tanpa baris data.`);
  }
  return header;
}

function isHeaderRow(cells: readonly string[], known: ReadonlySet<string>): boolean {
  const filled = cells.filter((cell) => cell !== '');
  const matches = filled.filter((cell) => known.has(normaliseHeader(cell))).length;
  return matches >= 1 && matches >= Math.min(2, Math.ceil(filled.length / 2));
}

/**
 * For each column, the index of the group header cell spanning it, or -1. A group cell is followed by
 * empty header cells (the rest of a merged range) or by cells repeating its text.
 */
function groupSpans(top: readonly string[], width: number): number[] {
  const owner = new Array<number>(width).fill(-1);
  for (let start = 0; start < width; start++) {
    const text = top[start] ?? '';
    if (text === '') continue;
    let end = start + 1;
    while (end < width && ((top[end] ?? '') === '' || top[end] === text)) end++;
    if (end - start < 2) continue;
    for (let column = start; column < end; column++) owner[column] = start;
    start = end - 1;
  }
  return owner;
}

const DATA_LIKE = /^[\d\s.,:/+-]+$/;

/** The row under the header is a sub-header: no data-looking cells, and text only under empty or group cells. */
function isContinuation(top: readonly string[], next: readonly string[]): boolean {
  const width = Math.max(top.length, next.length);
  const owner = groupSpans(top, width);
  let underGroup = 0;
  for (let column = 0; column < next.length; column++) {
    const text = next[column]!;
    if (text === '') continue;
    if (DATA_LIKE.test(text)) return false;
    if (owner[column]! >= 0) underGroup++;
    else if ((top[column] ?? '') !== '') return false;
  }
  return underGroup > 0;
}

function combineHeaders(top: readonly string[], next: readonly string[]): string[] {
  const width = Math.max(top.length, next.length);
  const owner = groupSpans(top, width);
  const headers = Array.from({ length: width }, (_, column) => {
    const group = owner[column]! >= 0 ? top[owner[column]!]! : (top[column] ?? '');
    const sub = next[column] ?? '';
    return group && sub ? `${group} ${sub}` : group || sub;
  });
  return tidyCells(headers) ?? [];
}

// ---------------------------------------------------------------- shared

function rowsAfter(source: RowSource, headerLine: number): AsyncIterable<RawRow> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const row of source()) if (row.line > headerLine) yield row;
    },
  };
}

/** Trimmed cells without trailing empty ones; undefined when the row is empty. */
function tidyCells(cells: readonly string[]): string[] | undefined {
  const trimmed = cells.map((cell) => cell.trim());
  let length = trimmed.length;
  while (length > 0 && trimmed[length - 1] === '') length--;
  return length > 0 ? trimmed.slice(0, length) : undefined;
}

async function readHead(filePath: string, bytes: number, position = 0): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment. */
async function hasZipEnd(filePath: string, size: number): Promise<boolean> {
  const length = Math.min(size, 22 + 0xffff);
  const tail = await readHead(filePath, length, size - length);
  return tail.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) >= 0;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 });
}

function emptyFile(fileName: string): ImportFileError {
  return new ImportFileError('EMPTY_FILE', `Berkas "${fileName}" kosong.`);
}

function brokenWorkbook(fileName: string): ImportFileError {
  return new ImportFileError(
    'UNREADABLE',
    `Berkas "${fileName}" tidak dapat dibaca sebagai Excel (.xlsx): berkas rusak atau tidak utuh. Simpan ulang dari Excel, lalu unggah lagi.`,
  );
}

function unreadable(fileName: string): ImportFileError {
  const kind = path.extname(fileName).toLowerCase() === '.csv' ? 'CSV' : 'CSV atau Excel (.xlsx)';
  return new ImportFileError('UNREADABLE', `Berkas "${fileName}" tidak dapat dibaca sebagai ${kind}. Berkas mungkin rusak atau berformat lain.`);
}
