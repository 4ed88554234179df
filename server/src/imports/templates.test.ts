import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImportFile } from './file-reader.js';
import { normaliseHeader, type RawRow, type TemplateColumn } from './import.types.js';
import { templateCsv, templateXlsx } from './templates.js';

const COLUMNS: readonly TemplateColumn[] = [
  { key: 'no_kk', header: 'No KK', aliases: ['nomor kk'], required: true, description: 'Nomor Kartu Keluarga, 16 angka.', example: '6271030101200001' },
  { key: 'nik', header: 'NIK', aliases: ['nik_ktp'], required: true, description: 'Nomor Induk Kependudukan, 16 angka.', example: '6271031705150001' },
  { key: 'nama', header: 'Nama Lengkap', aliases: ['nama'], required: true, description: 'Nama sesuai KK; boleh memakai "tanda kutip"; atau titik koma.', example: 'Budi; "Bud" Santoso' },
  { key: 'nisn', header: 'NISN', aliases: [], required: false, description: 'Nomor Induk Siswa Nasional, 10 angka.', example: '0123456789' },
  { key: 'tanggal_lahir', header: 'Tanggal Lahir', aliases: [], required: true, description: 'Format dd/mm/yyyy.', example: '17/05/2015' },
  { key: 'berat', header: 'Berat (kg)', aliases: [], required: false, description: 'Berat badan dalam kilogram.', example: '12,5' },
];
const KNOWN = new Set(COLUMNS.map((column) => normaliseHeader(column.header)));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-templates-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const opened = await openImportFile(file, { fileName: name, maxBytes: 1024 * 1024, knownHeaders: KNOWN });
  const rows: RawRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { opened, rows };
}

describe('CSV template', () => {
  it('is UTF-8 with BOM, semicolon-separated, CRLF, with the header row and the example row', () => {
    const csv = templateCsv(COLUMNS);
    expect(csv.startsWith('\ufeffNo KK;NIK;Nama Lengkap;NISN;Tanggal Lahir;Berat (kg)\r\n')).toBe(true);
    expect(csv.endsWith('6271030101200001;6271031705150001;"Budi; ""Bud"" Santoso";0123456789;17/05/2015;12,5\r\n')).toBe(true);
  });

  it('reads back through openImportFile', async () => {
    const { opened, rows } = await readBack('template.csv', templateCsv(COLUMNS));
    expect(opened).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerLine: 1 });
    expect(opened.headers).toEqual(COLUMNS.map((column) => column.header));
    expect(rows).toEqual([{ line: 2, cells: COLUMNS.map((column) => column.example) }]);
  });
});

describe('XLSX template', () => {
  it('has a bold frozen header, text-formatted identifier columns and a guide sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await templateXlsx(COLUMNS, 'Templat Impor DTSEN');
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'Petunjuk']);
    expect(workbook.title).toBe('Templat Impor DTSEN');

    const data = workbook.getWorksheet('Data')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(1).values).toEqual([undefined, ...COLUMNS.map((column) => column.header)]);
    expect(data.getCell('A1').font).toMatchObject({ bold: true });
    const textFormat = COLUMNS.map((_, i) => data.getColumn(i + 1).numFmt ?? null);
    expect(textFormat).toEqual(['@', '@', null, '@', null, null]);
    expect(data.getCell('B2').value).toBe('6271031705150001');
    expect(data.getCell('B2').numFmt).toBe('@');
    expect(data.getCell('D2').value).toBe('0123456789');

    const guide = workbook.getWorksheet('Petunjuk')!;
    expect(guide.getCell('A1').value).toBe('Templat Impor DTSEN');
    expect(guide.getRow(2).values).toEqual([undefined, 'Kolom', 'Wajib', 'Keterangan', 'Contoh']);
    expect(guide.getRow(3).values).toEqual([undefined, 'No KK', 'Ya', 'Nomor Kartu Keluarga, 16 angka.', '6271030101200001']);
    expect(guide.getRow(6).values).toEqual([undefined, 'NISN', 'Tidak', 'Nomor Induk Siswa Nasional, 10 angka.', '0123456789']);
    expect(guide.rowCount).toBe(2 + COLUMNS.length);
  });

  it('reads back through openImportFile, first sheet by default', async () => {
    const { opened, rows } = await readBack('template.xlsx', await templateXlsx(COLUMNS, 'Templat Impor DTSEN'));
    expect(opened).toMatchObject({ format: 'xlsx', sheetNames: ['Data', 'Petunjuk'], sheet: 'Data', headerLine: 1 });
    expect(opened.headers).toEqual(COLUMNS.map((column) => column.header));
    expect(rows).toEqual([{ line: 2, cells: COLUMNS.map((column) => column.example) }]);
  });
});
