import { describe, expect, it } from 'vitest';
import {
  columnInputs, draftOf, duplicateMappings, isRunning, parseDisplayDate, percentDone, sameDraft, stepOf, templateUrl, unmappedRequired,
  uploadError, valuesDiffer, type ColumnMapping,
} from './import-helpers';

const mapping: ColumnMapping[] = [
  { key: 'nik', header: 'NIK', required: true, column: 0, fileHeader: 'NIK' },
  { key: 'nama', header: 'Nama', required: true, column: null, fileHeader: null },
  { key: 'rt', header: 'RT', required: false, column: null, fileHeader: null },
];

describe('stepOf', () => {
  it('puts each status at its step, a failure back where it failed', () => {
    expect(stepOf({ status: 'UPLOADED' })).toBe(1);
    expect(stepOf({ status: 'VALIDATING' })).toBe(2);
    expect(stepOf({ status: 'VALIDATED', validatedAt: '2025-03-01T00:00:00Z' })).toBe(2);
    expect(stepOf({ status: 'COMMITTING' })).toBe(3);
    expect(stepOf({ status: 'COMMITTED' })).toBe(4);
    expect(stepOf({ status: 'FAILED', validatedAt: null })).toBe(2);
    expect(stepOf({ status: 'FAILED', validatedAt: '2025-03-01T00:00:00Z' })).toBe(3);
  });

  it('polls only while the server works', () => {
    expect(['UPLOADED', 'VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED'].filter((s) => isRunning(s as never))).toEqual([
      'VALIDATING',
      'COMMITTING',
    ]);
  });
});

describe('parseDisplayDate', () => {
  it('reads dd/mm/yyyy into an ISO date', () => {
    expect(parseDisplayDate('31/03/2025')).toBe('2025-03-31');
    expect(parseDisplayDate(' 1/2/2024 ')).toBe('2024-02-01');
    expect(parseDisplayDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDisplayDate('05.11.2023')).toBe('2023-11-05');
  });

  it("is '' for an empty field and null for what is not a calendar date", () => {
    expect(parseDisplayDate('  ')).toBe('');
    expect(parseDisplayDate('29/02/2023')).toBeNull();
    expect(parseDisplayDate('31/04/2025')).toBeNull();
    expect(parseDisplayDate('12/13/2025')).toBeNull();
    expect(parseDisplayDate('2025-03-31')).toBeNull();
    expect(parseDisplayDate('kemarin')).toBeNull();
  });
});

describe('mapping draft', () => {
  it('round-trips the job mapping into the mutation input', () => {
    const draft = draftOf(mapping);
    expect(draft).toEqual({ nik: '0', nama: '', rt: '' });
    expect(columnInputs({ ...draft, nama: '3' })).toEqual([
      { key: 'nik', column: 0 },
      { key: 'nama', column: 3 },
      { key: 'rt', column: null },
    ]);
  });

  it('lists required columns left unmapped, not optional ones', () => {
    expect(unmappedRequired(mapping, draftOf(mapping)).map((m) => m.key)).toEqual(['nama']);
    expect(unmappedRequired(mapping, { nik: '0', nama: '1', rt: '' })).toEqual([]);
  });

  it('finds a file column mapped twice', () => {
    expect(duplicateMappings({ nik: '0', nama: '0', rt: '' })).toEqual(['nama']);
    expect(duplicateMappings({ nik: '0', nama: '1', rt: '' })).toEqual([]);
  });

  it('compares drafts with a missing key as unused', () => {
    expect(sameDraft({ nik: '0', rt: '' }, { nik: '0' })).toBe(true);
    expect(sameDraft({ nik: '0' }, { nik: '1' })).toBe(false);
  });
});

describe('percentDone', () => {
  it('is a whole percent within 0..100, 0 before the total is known', () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(360_000, 360_000)).toBe(100);
    expect(percentDone(5, 4)).toBe(100);
  });
});

describe('valuesDiffer', () => {
  it('flags a different value the file gives', () => {
    expect(valuesDiffer('SITI AMINAH', 'Siti Aminah')).toBe(false);
    expect(valuesDiffer('Siti  Aminah ', 'siti aminah')).toBe(false);
    expect(valuesDiffer('Siti Aminah', 'Siti Amina')).toBe(true);
    expect(valuesDiffer('1990-01-02', null)).toBe(true);
  });

  it('does not flag a field the file does not carry', () => {
    expect(valuesDiffer(null, 'Siti')).toBe(false);
    expect(valuesDiffer('', 'Siti')).toBe(false);
  });
});

describe('uploadError', () => {
  it("takes the server's code and Indonesian message", () => {
    const body = JSON.stringify({ error: { code: 'BAD_USER_INPUT', message: 'Berkas kosong' } });
    expect(uploadError(400, body)).toEqual({ code: 'BAD_USER_INPUT', message: 'Berkas kosong' });
  });

  it('falls back to the HTTP status when the body is not the JSON error', () => {
    expect(uploadError(413, '<html>Request Entity Too Large</html>')).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '' });
    expect(uploadError(403, '')).toEqual({ code: 'FORBIDDEN', message: '' });
    expect(uploadError(0, '')).toEqual({ code: 'NETWORK', message: '' });
    expect(uploadError(502, 'Bad gateway')).toEqual({ code: 'HTTP_502', message: '' });
  });
});

describe('templateUrl', () => {
  it('uses the lowercase source key', () => {
    expect(templateUrl('DINKES', 'xlsx')).toBe('/import/templates/dinkes.xlsx');
    expect(templateUrl('DTSEN', 'csv')).toBe('/import/templates/dtsen.csv');
  });
});
