import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImportFile, type OpenedFile, type ReadOptions } from './file-reader.js';
import { ImportFileError, type RawRow } from './import.types.js';

const KNOWN = new Set(['nik', 'no kk', 'nama', 'nisn', 'tanggal lahir', 'alamat', 'berat', 'keterangan', 'jenis kelamin', 'jk']);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-file-reader-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function writeXlsx(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function open(file: string, options: Partial<ReadOptions> = {}): Promise<OpenedFile> {
  return openImportFile(file, { fileName: path.basename(file), maxBytes: 10 * 1024 * 1024, knownHeaders: KNOWN, ...options });
}

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const all: RawRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('CSV', () => {
  it.each([
    ['comma', ',', 'NIK,Nama,Berat\n6271031234567890,Budi,"12,5"\n6271034101200002,Ani,9\n'],
    // Indonesian Excel: ';' with decimal commas and unquoted commas in text.
    ['semicolon', ';', 'NIK;Nama;Berat;Alamat\n6271031234567890;Budi;12,5;Jl. Mawar, No 5\n6271034101200002;Ani;9;Jl. Melati, No 1\n'],
    ['pipe', '|', 'NIK|Nama|Berat\n6271031234567890|Budi|12,5\n6271034101200002|Ani|9\n'],
    ['tab', '\t', 'NIK\tNama\tBerat\n6271031234567890\tBudi\t12,5\n6271034101200002\tAni\t9\n'],
  ])('sniffs the %s delimiter', async (name, delimiter, text) => {
    const file = await open(write(`${name}.csv`, text));
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter, headerLine: 1 });
    expect(file.headers.slice(0, 3)).toEqual(['NIK', 'Nama', 'Berat']);
    const rows = await collect(file.rows);
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(rows[0]!.cells.slice(0, 3)).toEqual(['6271031234567890', 'Budi', '12,5']);
    if (delimiter === ';') expect(rows[1]!.cells[3]).toBe('Jl. Melati, No 1');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const file = await open(write('bom.csv', '\ufeffNIK;Nama\n6271031234567890;Dédé\n'));
    expect(file.encoding).toBe('utf-8');
    expect(file.headers).toEqual(['NIK', 'Nama']);
    expect((await collect(file.rows))[0]!.cells).toEqual(['6271031234567890', 'Dédé']);
  });

  it('reads Windows-1252 when the file is not valid UTF-8', async () => {
    // é = E9, ² = B2, € = 80 in Windows-1252 (the last one differs from Latin-1).
    const bytes = Buffer.concat([
      Buffer.from('Nama;Keterangan\nJos', 'ascii'),
      Buffer.from([0xe9]),
      Buffer.from(';Luas 36 m', 'ascii'),
      Buffer.from([0xb2]),
      Buffer.from(' harga ', 'ascii'),
      Buffer.from([0x80]),
      Buffer.from('5\n', 'ascii'),
    ]);
    const file = await open(write('ansi.csv', bytes));
    expect(file.encoding).toBe('windows-1252');
    expect((await collect(file.rows))[0]!.cells).toEqual(['José', 'Luas 36 m² harga €5']);
  });

  it('reads quoted fields with delimiters, quotes and line breaks, numbering rows by their first line', async () => {
    const text = 'NIK,Nama,Alamat\r\n1,"Budi ""Bud"" S","Jl. Mawar,\r\nRT 01"\r\n\r\n2,Ani,"a\nb\nc"\r\n3,Eko,X\r\n';
    const rows = await collect((await open(write('quoted.csv', text))).rows);
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'Budi "Bud" S', 'Jl. Mawar,\r\nRT 01'] },
      { line: 5, cells: ['2', 'Ani', 'a\nb\nc'] },
      { line: 8, cells: ['3', 'Eko', 'X'] },
    ]);
  });

  it('skips title rows above the header, empty rows and trailing empty cells; trims cells and keeps text markers', async () => {
    const titles = [
      'DATA P3KE KABUPATEN KOTA PALANGKA RAYA;;;;;',
      'PROVINSI KALIMANTAN TENGAH;;;;;',
      ';;;;;',
      'Sumber: Kemenko PMK;;;;;',
      ...Array.from({ length: 8 }, (_, i) => `Catatan ${i + 1};;;;;`),
    ];
    const text = [...titles, 'NO;NIK;NAMA;ALAMAT;;', "1; '6271031234567890 ; Budi ;Jl. A;;", ';;;;;', '2;`6271034101200002;Ani;;;', ''].join('\n');
    const file = await open(write('p3ke.csv', text));
    expect(file.delimiter).toBe(';');
    expect(file.headerLine).toBe(13);
    expect(file.headers).toEqual(['NO', 'NIK', 'NAMA', 'ALAMAT']);
    expect(await collect(file.rows)).toEqual([
      { line: 14, cells: ['1', "'6271031234567890", 'Budi', 'Jl. A'] },
      { line: 16, cells: ['2', '`6271034101200002', 'Ani'] },
    ]);
  });

  it('combines a two-row header whose groups span empty cells', async () => {
    const text = ['Nama;NIK;Data Ayah;;Data Ibu;', ';;Nama;NIK;Nama;NIK', 'Budi;6271031234567890;Joko;6271030101800001;Sri;6271034101820002'].join('\n');
    const file = await open(write('groups.csv', text));
    expect(file.headers).toEqual(['Nama', 'NIK', 'Data Ayah Nama', 'Data Ayah NIK', 'Data Ibu Nama', 'Data Ibu NIK']);
    expect(file.headerLine).toBe(2);
    expect((await collect(file.rows)).map((row) => row.line)).toEqual([3]);
  });

  it('does not take a first data row for a header continuation', async () => {
    const text = ['Nama;NIK;Keterangan;', 'Budi;6271031234567890;;', 'Ani;6271034101200002;x'].join('\n');
    const file = await open(write('not-continuation.csv', text));
    expect(file.headerLine).toBe(1);
    expect(file.headers).toEqual(['Nama', 'NIK', 'Keterangan']);
  });

  it('guesses the format from the content, not the extension', async () => {
    const xlsx = await writeXlsx('real.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['NIK', 'Nama']);
      sheet.addRow(['6271031234567890', 'Budi']);
    });
    const renamed = write('named-as.csv', fs.readFileSync(xlsx));
    expect((await open(renamed)).format).toBe('xlsx');
    // Web applications export tab-separated text as ".xls".
    const textXls = await open(write('export.xls', 'NIK\tNama\n6271031234567890\tBudi\n'));
    expect(textXls).toMatchObject({ format: 'csv', delimiter: '\t' });
  });

  it('streams a 100,000-row file, and every iteration of rows reads it afresh', async () => {
    const file = path.join(dir, 'big.csv');
    const out = fs.createWriteStream(file);
    out.write('NIK;Nama;Alamat;Berat\n');
    for (let i = 0; i < 100_000; i++) out.write(`${6271030000000000 + i};Warga ${i};"Jl. Mawar; No ${i}";${(i % 300) / 10}\n`);
    await new Promise((resolve) => out.end(resolve));
    const opened = await open(file, { maxBytes: 100 * 1024 * 1024 });
    let count = 0;
    let last: RawRow | undefined;
    for await (const row of opened.rows) {
      count++;
      last = row;
    }
    expect(count).toBe(100_000);
    expect(last).toEqual({ line: 100_001, cells: ['6271030000099999', 'Warga 99999', 'Jl. Mawar; No 99999', '9.9'] });
    let again = 0;
    for await (const _ of opened.rows) if (++again === 10) break;
    expect(again).toBe(10);
  });
});

describe('XLSX', () => {
  it('reads cached formula results, dates, serials, long numbers, rich text, hyperlinks, booleans and errors', async () => {
    const file = await writeXlsx('cells.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['NIK', 'Nama', 'Tanggal Lahir', 'Berat', 'Serial', 'Tautan', 'Aktif', 'Cek', 'Kecil']);
      sheet.addRow([
        6271031234567890,
        { richText: [{ text: 'Budi ' }, { font: { bold: true }, text: 'Santoso' }] },
        new Date(Date.UTC(2021, 4, 17)),
        { formula: 'ROUND(25/2,1)', result: 12.5 },
        46238,
        { text: 'profil', hyperlink: 'https://example.org/budi' },
        true,
        { error: '#N/A' },
        0.0000001,
      ]);
      const dated = sheet.getCell('J2');
      dated.value = { formula: 'C2+1', result: 44334 };
      dated.numFmt = 'dd/mm/yyyy';
    });
    const opened = await open(file);
    expect(opened).toMatchObject({ format: 'xlsx', sheetNames: ['Data'], sheet: 'Data', headerLine: 1 });
    expect(await collect(opened.rows)).toEqual([
      {
        line: 2,
        cells: ['6271031234567890', 'Budi Santoso', '2021-05-17', '12.5', '46238', 'profil', 'TRUE', '', '0.0000001', '2021-05-18'],
      },
    ]);
  });

  it('reads the first sheet by default and a chosen sheet by name', async () => {
    const file = await writeXlsx('sheets.xlsx', (workbook) => {
      const first = workbook.addWorksheet('Rekap');
      first.addRow(['NIK', 'Nama']);
      first.addRow(['6271031234567890', 'Budi']);
      const second = workbook.addWorksheet('Anggota');
      second.addRow(['NIK', 'Nama']);
      second.addRow(['6271034101200002', 'Ani']);
      second.addRow(['6271034101200003', 'Eko']);
    });
    const byDefault = await open(file);
    expect(byDefault).toMatchObject({ sheetNames: ['Rekap', 'Anggota'], sheet: 'Rekap' });
    expect((await collect(byDefault.rows)).map((row) => row.cells[1])).toEqual(['Budi']);
    const chosen = await open(file, { sheet: 'Anggota' });
    expect(chosen.sheet).toBe('Anggota');
    expect((await collect(chosen.rows)).map((row) => row.cells[1])).toEqual(['Ani', 'Eko']);
  });

  it('reads a Dapodik export: title rows, merged two-row header with groups, line breaks in headers', async () => {
    const file = await writeXlsx('dapodik.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.getCell('A1').value = 'Daftar Peserta Didik';
      sheet.getCell('A2').value = 'SD NEGERI 1 PALANGKA RAYA';
      sheet.getCell('A3').value = 'Kecamatan Pahandut, Kota Palangka Raya';
      const top = ['No', 'Nama', 'NISN', 'JK', 'Tanggal\nLahir', 'NIK', 'Data Ayah', '', '', 'Data Ibu', '', ''];
      const sub = ['', '', '', '', '', '', 'Nama', 'Tahun Lahir', 'NIK', 'Nama', 'Tahun Lahir', 'NIK'];
      sheet.getRow(5).values = top;
      sheet.getRow(6).values = sub;
      for (const column of 'ABCDEF') sheet.mergeCells(`${column}5:${column}6`);
      sheet.mergeCells('G5:I5');
      sheet.mergeCells('J5:L5');
      sheet.getRow(7).values = [1, 'BUDI', '0123456789', 'L', '17/05/2015', '6271031705150001', 'JOKO', 1980, '6271030101800001', 'SRI', 1982, '6271034101820002'];
    });
    const opened = await open(file);
    expect(opened.headerLine).toBe(6);
    expect(opened.headers).toEqual([
      'No',
      'Nama',
      'NISN',
      'JK',
      'Tanggal\nLahir',
      'NIK',
      'Data Ayah Nama',
      'Data Ayah Tahun Lahir',
      'Data Ayah NIK',
      'Data Ibu Nama',
      'Data Ibu Tahun Lahir',
      'Data Ibu NIK',
    ]);
    const rows = await collect(opened.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(7);
    expect(rows[0]!.cells.slice(6, 9)).toEqual(['JOKO', '1980', '6271030101800001']);
  });
});

describe('refused files', () => {
  it('refuses a file over the size limit, naming the limit in MB', async () => {
    const file = write('large.csv', `NIK;Nama\n${'6271031234567890;Budi\n'.repeat(60_000)}`);
    const error = await refusal(open(file, { maxBytes: 1024 * 1024 }));
    expect(error.reason).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/^Berkas "large.csv" terlalu besar .* 1 MB\.$/);
  });

  it.each([
    ['zero bytes', ''],
    ['only empty lines', '\n\r\n;;;\n  \n'],
  ])('refuses an empty file (%s)', async (_name, content) => {
    const error = await refusal(open(write('empty.csv', content)));
    expect(error.reason).toBe('EMPTY_FILE');
    expect(error.message).toBe('Berkas "empty.csv" kosong.');
  });

  it('refuses a CSV or XLSX with a header but no data rows', async () => {
    const csv = await refusal(open(write('header-only.csv', 'JUDUL\nNIK;Nama\n;;\n')));
    expect(csv.reason).toBe('EMPTY_FILE');
    expect(csv.message).toContain('hanya berisi judul kolom');
    const xlsx = await writeXlsx('header-only.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Data Ayah', '', 'NIK', 'Nama']);
      sheet.addRow(['Nama', 'NIK']);
    });
    expect((await refusal(open(xlsx))).reason).toBe('EMPTY_FILE');
  });

  it('refuses binary garbage and corrupt workbooks as unreadable, in Indonesian', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const notText = await refusal(open(write('garbage.csv', garbage)));
    expect(notText.reason).toBe('UNREADABLE');
    expect(notText.message).toBe('Berkas "garbage.csv" tidak dapat dibaca sebagai CSV. Berkas mungkin rusak atau berformat lain.');

    const badZip = await refusal(open(write('bad.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), garbage]))));
    expect(badZip.reason).toBe('UNREADABLE');
    expect(badZip.message).toBe('Berkas "bad.xlsx" tidak dapat dibaca sebagai Excel (.xlsx): berkas rusak atau tidak utuh. Simpan ulang dari Excel, lalu unggah lagi.');

    const whole = await writeXlsx('whole.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['NIK', 'Nama']);
      for (let i = 0; i < 500; i++) sheet.addRow([`${6271030000000000 + i}`, `Warga ${i}`]);
    });
    const bytes = fs.readFileSync(whole);
    const truncated = await refusal(open(write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)))));
    expect(truncated.reason).toBe('UNREADABLE');
    expect(truncated.message).toMatch(/^Berkas "truncated.xlsx" tidak dapat dibaca sebagai Excel \(.xlsx\): berkas rusak/);
    // Complete zip, damaged compressed data inside.
    const damaged = Buffer.from(bytes);
    damaged.fill(0x55, 200, Math.floor(bytes.length * 0.6));
    const broken = await refusal(open(write('damaged.xlsx', damaged)));
    expect(broken.reason).toBe('UNREADABLE');
    expect(broken.message).toMatch(/^Berkas "damaged.xlsx" tidak dapat dibaca sebagai Excel \(.xlsx\): berkas rusak/);

    const fakeXlsx = await refusal(open(write('fake.xlsx', 'NIK;Nama\n1;2\n')));
    expect(fakeXlsx.message).toContain('bukan berkas Excel (.xlsx)');
  });

  it('refuses a legacy .xls workbook, asking for .xlsx or CSV', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const error = await refusal(open(write('lama.xls', ole)));
    expect(error.reason).toBe('UNREADABLE');
    expect(error.message).toContain('Excel lama (.xls)');
    expect(error.message).toContain('simpan sebagai .xlsx atau CSV');
  });

  it('refuses an unknown sheet, listing the sheets', async () => {
    const file = await writeXlsx('two-sheets.xlsx', (workbook) => {
      workbook.addWorksheet('Data').addRow(['NIK']);
      workbook.addWorksheet('Petunjuk').addRow(['x']);
    });
    const error = await refusal(open(file, { sheet: 'Lembar3' }));
    expect(error.reason).toBe('NO_SUCH_SHEET');
    expect(error.message).toBe('Lembar "Lembar3" tidak ada di berkas "two-sheets.xlsx". Lembar yang ada: "Data", "Petunjuk".');
  });

  it('refuses a file without a recognisable header row, naming expected headers', async () => {
    const text = ['Kode;Uraian;Jumlah', ...Array.from({ length: 40 }, (_, i) => `${i};Baris ${i};${i * 2}`)].join('\n');
    const error = await refusal(open(write('no-header.csv', text)));
    expect(error.reason).toBe('NO_HEADER');
    expect(error.message).toContain('Baris judul kolom tidak ditemukan di 30 baris pertama berkas "no-header.csv"');
    expect(error.message).toContain('"nik", "no kk", "nama"');
  });

  it('refuses, while rows are read, a CSV with an unclosed quote', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i};Warga ${i}`).join('\n');
    const opened = await open(write('unclosed.csv', `NIK;Nama\n${rows}\n10;"Ani\n11;Eko\n`));
    const error = await refusal(collect(opened.rows));
    expect(error.reason).toBe('UNREADABLE');
    expect(error.message).toContain('tanda kutip (") yang dibuka tetapi tidak ditutup');
  });
});

describe('resources', () => {
  /** exceljs's temp files (tmp-<pid>-…) on disk and open in this process. */
  function spooledFiles(): { onDisk: number; open: number } {
    const prefix = `tmp-${process.pid}-`;
    const onDisk = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(prefix)).length;
    const open = fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return path.basename(fs.readlinkSync(`/proc/self/fd/${fd}`)).startsWith(prefix);
      } catch {
        return false;
      }
    }).length;
    return { onDisk, open };
  }

  it.runIf(fs.existsSync('/proc/self/fd'))('leaves no temp file of a workbook behind, whether its rows are read, broken off or never read', async () => {
    const file = await writeXlsx('three-sheets.xlsx', (workbook) => {
      for (const name of ['Satu', 'Dua', 'Tiga']) {
        const sheet = workbook.addWorksheet(name);
        sheet.addRow(['NIK', 'Nama']);
        for (let i = 0; i < 200; i++) sheet.addRow([`${6271030000000000 + i}`, `${name} ${i}`]);
      }
    });
    const before = spooledFiles();
    for (const sheet of ['Satu', 'Dua', 'Tiga']) {
      const opened = await open(file, { sheet });
      expect(await collect(opened.rows)).toHaveLength(200);
      for await (const row of opened.rows) if (row.line === 5) break;
    }
    await open(file);
    await refusal(open(file, { sheet: 'Empat' }));
    const bytes = fs.readFileSync(file);
    await refusal(open(write('cut.xlsx', bytes.subarray(0, bytes.length - 100))));
    await new Promise((resolve) => setTimeout(resolve, 50)); // let destroyed streams close their descriptors
    expect(spooledFiles()).toEqual(before);
  });
});
