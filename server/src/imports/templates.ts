import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { TemplateColumn } from './import.types.js';

// Downloadable import templates: Sinergi's own headers and one example row, readable back by openImportFile.

/** UTF-8 with BOM and ';' (what Indonesian Excel opens as columns), header row and one example row. */
export function templateCsv(columns: readonly TemplateColumn[]): string {
  return stringify([columns.map((column) => column.header), columns.map((column) => column.example)], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
  });
}

/**
 * Sheet "Data": bold frozen header row and an example row, identifier columns (NIK, KK, NISN) formatted as
 * text so Excel keeps all 16 digits and leading zeros. Sheet "Petunjuk": what each column means.
 */
export async function templateXlsx(columns: readonly TemplateColumn[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  workbook.creator = 'Sinergi';

  const data = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((column) => ({
    key: column.key,
    width: Math.min(40, Math.max(12, column.header.length + 2, column.example.length + 2)),
    style: isIdentifier(column) ? { numFmt: '@' } : {},
  }));
  data.addRow(columns.map((column) => column.header)).font = { bold: true };
  data.addRow(columns.map((column) => column.example));

  const guide = workbook.addWorksheet('Petunjuk');
  guide.columns = [{ width: 28 }, { width: 8 }, { width: 80 }, { width: 24, style: { numFmt: '@' } }];
  guide.addRow([title]).font = { bold: true, size: 14 };
  guide.addRow(['Kolom', 'Wajib', 'Keterangan', 'Contoh']).font = { bold: true };
  for (const column of columns) {
    guide.addRow([column.header, column.required ? 'Ya' : 'Tidak', column.description, column.example]).alignment = { wrapText: true, vertical: 'top' };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function isIdentifier(column: TemplateColumn): boolean {
  const key = column.key.toLowerCase();
  return key.includes('nik') || key.includes('kk') || key.includes('nisn');
}
