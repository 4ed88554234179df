import { normaliseHeader, type SourceKey } from '../import.types.js';
import { dinkesSource } from './dinkes.js';
import { dinsosSource } from './dinsos.js';
import { disdikSource } from './disdik.js';
import { dtsenSource } from './dtsen.js';

export type { MappedRow, MappedValue, ParseContext, SourceDefinition } from './source.js';
export type { DtsenRecord } from './dtsen.js';
export type { DinsosRecord } from './dinsos.js';
export type { DinkesRecord } from './dinkes.js';
export type { DisdikRecord } from './disdik.js';

export const SOURCES = {
  dtsen: dtsenSource,
  dinsos: dinsosSource,
  dinkes: dinkesSource,
  disdik: disdikSource,
} as const;

/**
 * The form headers are compared in: `normaliseHeader` plus punctuation as spaces, so that
 * 'No. KK' = 'No KK', 'Desa / Kelurahan' = 'Desa/Kelurahan' and 'Berat (kg)' = 'berat kg'.
 */
export function headerKey(header: string): string {
  return normaliseHeader(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Normalised template headers and aliases (both `normaliseHeader` and `headerKey` forms). */
export function knownHeaders(source: SourceKey): Set<string> {
  const known = new Set<string>();
  for (const c of SOURCES[source].columns) {
    for (const h of [c.header, ...c.aliases]) {
      known.add(normaliseHeader(h));
      known.add(headerKey(h));
    }
  }
  return known;
}

/**
 * Template key → index of the file column that means it, or null. Each template column takes the
 * first unused file column equal (by `headerKey`) to its template header, else to its aliases in
 * order; every file column is used once. Matching is exact, never by substring, so that a
 * Dapodik 'Data Ayah NIK' never stands in for the student's 'NIK'.
 */
export function suggestMapping(source: SourceKey, headers: string[]): Record<string, number | null> {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  const columns = SOURCES[source].columns;
  // Template headers first across all columns, so that an alias of one column ('Nama' of the
  // dinkes 'Nama Anak') never takes a file column that is another column's own header.
  for (const c of columns) mapping[c.key] = null;
  for (const pass of [(c: (typeof columns)[number]) => [c.header], (c: (typeof columns)[number]) => c.aliases]) {
    for (const c of columns) {
      if (mapping[c.key] !== null) continue;
      for (const candidate of pass(c)) {
        const want = headerKey(candidate);
        const index = keys.findIndex((k, i) => k === want && !used.has(i));
        if (index >= 0) {
          mapping[c.key] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}
