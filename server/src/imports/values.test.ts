import { describe, expect, it } from 'vitest';
import { codeList, parseDate, parseDecimal, parseIdentifier, parseInteger, parseRupiah, parseYesNo } from './values.js';

describe('parseDate', () => {
  it.each([
    ['2023-07-04', '2023-07-04'],
    ['1980-12-31', '1980-12-31'],
    ['2023-07-04 00:00:00', '2023-07-04'],
    ['2023-07-04T00:00:00.000Z', '2023-07-04'],
    ['04/07/2023', '2023-07-04'],
    ['4/7/2023', '2023-07-04'],
    ['31/12/1980 0:00', '1980-12-31'],
    ['5/8/2026 13:45:10', '2026-08-05'],
    ['04-07-2023', '2023-07-04'],
    ['04.07.2023', '2023-07-04'],
    ['29/02/2024', '2024-02-29'],
    ['20230704', '2023-07-04'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text, 'Tanggal Lahir')).toEqual({ value: iso });
  });

  it('reads Excel serial numbers in the 1900 date system', () => {
    // Excel's DATE(2024,1,1) is 45292; 46238 is 946 days later.
    expect(parseDate('45292', 'Tanggal')).toEqual({ value: '2024-01-01' });
    expect(parseDate('46238', 'Tanggal')).toEqual({ value: '2026-08-04' });
    expect(parseDate('61', 'Tanggal')).toEqual({ value: '1900-03-01' });
    expect(parseDate('1', 'Tanggal')).toEqual({ value: '1900-01-01' });
    expect(parseDate('59', 'Tanggal')).toEqual({ value: '1900-02-28' });
  });

  it.each(['', '-', '0', '8888', '9999', '  '])('treats %j as empty', (text) => {
    expect(parseDate(text, 'Tanggal')).toEqual({ value: null });
  });

  it.each(['31/02/2020', '2020-13-01', '00/01/2020', '29/02/2023', '60', '80001', '12/2020', 'kemarin', '2023-7-4-1', '20231304'])(
    'refuses %s',
    (text) => {
      const r = parseDate(text, 'Tanggal Lahir');
      expect(r).toHaveProperty('problem');
      expect((r as { problem: string }).problem).toContain('Tanggal Lahir');
    },
  );

  it('refuses a bare year instead of reading it as a serial', () => {
    expect(parseDate('2021', 'Tanggal Lahir')).toEqual({ problem: 'Tanggal Lahir "2021" hanya berisi tahun; isi tanggal lengkap' });
  });
});

describe('parseDecimal', () => {
  it.each([
    ['7,8', 7.8],
    ['7.8', 7.8],
    ['67', 67],
    [' 12,50 ', 12.5],
    ['9,8 kg', 9.8],
    ['78.5 cm', 78.5],
  ])('reads %j', (text, value) => {
    expect(parseDecimal(text, 'Berat')).toEqual({ value });
  });

  it('is empty for blanks and dashes', () => {
    expect(parseDecimal('', 'Berat')).toEqual({ value: null });
    expect(parseDecimal('-', 'Berat')).toEqual({ value: null });
  });

  it.each(['1.234,5', '7,8,1', 'abc', '-3', '7 8'])('refuses %j (one decimal separator only)', (text) => {
    expect(parseDecimal(text, 'Berat')).toEqual({ problem: `Berat "${text}" bukan angka yang valid (contoh: 7,8 atau 7.8)` });
  });
});

describe('parseInteger', () => {
  it('reads whole numbers, also from numeric cells', () => {
    expect(parseInteger('3', 'Desil')).toEqual({ value: 3 });
    expect(parseInteger('03', 'Desil')).toEqual({ value: 3 });
    expect(parseInteger('3.0', 'Desil')).toEqual({ value: 3 });
    expect(parseInteger('3,5', 'Desil')).toHaveProperty('problem');
  });
});

describe('parseRupiah', () => {
  it.each([
    ['1500000', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['Rp 300.000', 300_000],
    ['Rp300.000,-', 300_000],
    ['Rp. 750.000', 750_000],
    ['1.500.000,00', 1_500_000],
    ['1,500,000.50', 1_500_000.5],
    ['IDR 200000', 200_000],
    ['200 000', 200_000],
  ])('reads %j', (text, value) => {
    expect(parseRupiah(text, 'Nilai (Rp)')).toEqual({ value });
  });

  it.each(['1.50.000', 'tiga ratus ribu', '1,500.000.00'])('refuses %j', (text) => {
    expect(parseRupiah(text, 'Nilai (Rp)')).toHaveProperty('problem');
  });
});

describe('parseIdentifier', () => {
  it('strips spaces, dots and Excel text marks', () => {
    expect(parseIdentifier("'6271035203150001", 'NIK')).toEqual({ value: '6271035203150001' });
    expect(parseIdentifier('`6271035203150001', 'NIK')).toEqual({ value: '6271035203150001' });
    expect(parseIdentifier('6271 0352 0315 0001', 'NIK')).toEqual({ value: '6271035203150001' });
    expect(parseIdentifier('6271.0352.0315.0001', 'KK')).toEqual({ value: '6271035203150001' });
  });

  it('sends E-notation to review: Excel destroyed the last digits', () => {
    const r = parseIdentifier('6.27103E+15', 'NIK');
    expect(r).toMatchObject({ review: true });
    expect((r as { problem: string }).problem).toMatch(/^NIK "6\.27103E\+15" rusak: Excel .* menghapus digit terakhirnya/);
    expect(parseIdentifier('6,27103520315E+15', 'KK')).toMatchObject({ review: true });
  });

  it('refuses a wrong length or letters', () => {
    expect(parseIdentifier('627103520315000', 'NIK', 'NIK')).toEqual({ problem: 'NIK harus 16 digit ("627103520315000" berisi 15 digit)' });
    expect(parseIdentifier('62710352031500011', 'KK', 'Nomor KK')).toEqual({
      problem: 'Nomor KK harus 16 digit ("62710352031500011" berisi 17 digit)',
    });
    expect(parseIdentifier('62710352O3150001', 'NIK')).toEqual({ problem: 'NIK "62710352O3150001" hanya boleh berisi angka' });
  });

  it('restores the leading zeros a numeric cell took from a NISN', () => {
    expect(parseIdentifier('0009321234', 'NISN')).toEqual({ value: '0009321234' });
    expect(parseIdentifier('9321234', 'NISN')).toEqual({ value: '0009321234' });
    expect(parseIdentifier('123456', 'NISN')).toHaveProperty('problem');
  });

  it('is empty for blank, dash and zero cells', () => {
    for (const t of ['', '-', '0']) expect(parseIdentifier(t, 'NIK')).toEqual({ value: null });
  });
});

describe('parseYesNo', () => {
  it.each(['Ya', 'YA', 'Y', '1', 'TRUE', 'true'])('%s is yes', (t) => expect(parseYesNo(t, 'PKH')).toEqual({ value: true }));
  it.each(['Tidak', 'T', '-', '0', 'FALSE', '', 'TIDAK'])('%j is no', (t) => expect(parseYesNo(t, 'PKH')).toEqual({ value: false }));
  it('refuses anything else', () => {
    expect(parseYesNo('mungkin', 'PKH')).toEqual({ problem: 'PKH "mungkin" tidak dikenal (Ya/Tidak)' });
  });
});

describe('codeList', () => {
  const list = codeList<'A' | 'B'>('Satu/Dua', [
    { value: 'A', codes: [1], labels: ['Istri / Suami'] },
    { value: 'B', codes: [2], labels: ['Anak-anak'] },
    { value: null, codes: [9], labels: ['Lainnya'] },
  ]);

  it('matches labels regardless of case, spacing and punctuation', () => {
    expect(list.parse('ISTRI/SUAMI', 'X')).toEqual({ value: 'A' });
    expect(list.parse('istri  suami', 'X')).toEqual({ value: 'A' });
    expect(list.parse('Anak Anak', 'X')).toEqual({ value: 'B' });
  });

  it('matches numeric codes with leading zeros, from numeric cells and with a label after them', () => {
    expect(list.parse('02', 'X')).toEqual({ value: 'B' });
    expect(list.parse('2.0', 'X')).toEqual({ value: 'B' });
    expect(list.parse('1 - Istri/Suami', 'X')).toEqual({ value: 'A' });
    expect(list.parse('2. Anak', 'X')).toEqual({ value: 'B' });
  });

  it('gives null for answers the model cannot hold and for blanks', () => {
    expect(list.parse('Lainnya', 'X')).toEqual({ value: null });
    expect(list.parse('9', 'X')).toEqual({ value: null });
    expect(list.parse('', 'X')).toEqual({ value: null });
  });

  it('names the field and the accepted values for unknown ones', () => {
    expect(list.parse('7', 'Hubungan')).toEqual({ problem: 'Hubungan "7" tidak dikenal (Satu/Dua)' });
  });

  it('answers a text seen before the same way, under the label it is asked with', () => {
    // Answers are remembered per (label, text): a second column with the same text keeps its own name.
    expect(list.parse('7', 'Hubungan')).toEqual({ problem: 'Hubungan "7" tidak dikenal (Satu/Dua)' });
    expect(list.parse('7', 'SHDK')).toEqual({ problem: 'SHDK "7" tidak dikenal (Satu/Dua)' });
    expect(list.parse(' 7 ', 'SHDK')).toEqual({ problem: 'SHDK "7" tidak dikenal (Satu/Dua)' });
    for (let i = 0; i < 5000; i++) expect(list.parse(`x${i}`, 'L')).toEqual({ problem: `L "x${i}" tidak dikenal (Satu/Dua)` });
    expect(list.parse('ISTRI/SUAMI', 'X')).toEqual({ value: 'A' });
  });
});
