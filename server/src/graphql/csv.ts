import { stringify } from 'csv-stringify/sync';
import { registerEnumType } from 'type-graphql';

export enum CsvSeparator {
  COMMA = 'COMMA',
  /** What Excel expects under Indonesian regional settings, where the comma is the decimal mark. */
  SEMICOLON = 'SEMICOLON',
}
registerEnumType(CsvSeparator, { name: 'CsvSeparator', description: 'Field separator of a CSV export' });

/**
 * A CSV file for spreadsheet programs: UTF-8 with a byte-order mark, CRLF line ends, and text that starts
 * with = + - @ escaped (names and addresses are typed by people and must not become formulas).
 */
export function toCsv(rows: unknown[][], separator: CsvSeparator = CsvSeparator.COMMA): string {
  return '\uFEFF' + stringify(rows, { record_delimiter: 'windows', escape_formulas: true, delimiter: separator === CsvSeparator.SEMICOLON ? ';' : ',' });
}
