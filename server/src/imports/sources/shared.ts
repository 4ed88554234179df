// Parsers and columns several sources share.
import type { Parsed } from '../values.js';
import { isBlank, parseInteger } from '../values.js';
import type { ParseContext } from './source.js';
import { RowReader } from './source.js';

/** RT/RW as three digits: '1', '01', 'RT 001' → '001'; '0' is empty. */
export function parseRtRw(text: string, label: string): Parsed<string | null> {
  const t = text.trim().replace(/^(rt|rw)\.?\s*/i, '');
  if (isBlank(t) || /^0+$/.test(t)) return { value: null };
  if (!/^\d{1,3}$/.test(t)) return { problem: `${label} "${text.trim()}" harus angka 1–999` };
  return { value: t.padStart(3, '0') };
}

/** Welfare decile 1–10. */
export function parseDecile(text: string, label: string): Parsed<number | null> {
  const p = parseInteger(text, label);
  if ('value' in p && p.value !== null && (p.value < 1 || p.value > 10)) return { problem: `${label} harus 1–10 ("${text.trim()}")` };
  return p;
}

/**
 * The row's kelurahan from the code column or the kelurahan (+ kecamatan) name columns.
 * Returns the area id; records a problem under the code or name column when it cannot, unless
 * `mode` is 'quiet' (the row is matched by NIK and the area only helps name matching).
 */
export function readArea(
  row: RowReader,
  ctx: ParseContext,
  keys: { code?: string; name: string; kecamatan: string },
  mode: 'required' | 'optional' | 'quiet',
): string | undefined {
  const code = keys.code ? row.text(keys.code) : undefined;
  const name = row.text(keys.name);
  if (code === undefined && name === undefined) {
    if (mode === 'required') row.missing(keys.code && !row.mapped(keys.name) ? keys.code : keys.name);
    return undefined;
  }
  const kecamatanName = row.text(keys.kecamatan);
  const r = ctx.areas.resolveKelurahan(code !== undefined ? { code } : { name: name!, ...(kecamatanName ? { kecamatanName } : {}) });
  if ('area' in r) return r.area.id;
  if (mode !== 'quiet') row.problem(code !== undefined ? keys.code! : keys.name, r.problem, r.review);
  return undefined;
}
