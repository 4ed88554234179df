import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DemoCity } from '../seed/demo-city.js';
import type { CodeList } from './values.js';
import { DISABILITY, EDUCATION, ELECTRICITY, FLOOR, JKN, OWNERSHIP, RELATION, ROOF, SANITATION, WALL, WATER } from './sources/code-lists.js';

// A DTSEN roster file of the demo generator's households, written the way agencies send it (template
// headers, labels, dd/mm/yyyy, semicolons, BOM): the input of `pnpm bench:import` and of the tests that
// need a large file. A seed other than the demo's gives families the demo city does not have.

export const SAMPLE_HEADER = [
  'Nomor KK', 'NIK', 'Nama', 'Jenis Kelamin', 'Tanggal Lahir', 'Hubungan dengan Kepala Keluarga', 'Kode Kelurahan', 'Alamat', 'RT', 'RW',
  'Desil', 'Jenis Lantai', 'Jenis Dinding', 'Jenis Atap', 'Sumber Air Minum', 'Fasilitas BAB', 'Sumber Penerangan',
  'Status Kepemilikan Rumah', 'Pendidikan Terakhir', 'Pekerjaan', 'Status JKN', 'Disabilitas',
];

/** The first label a code list reads back as `value`. */
function labelOf<T>(list: CodeList<T>, value: T | null | undefined): string {
  if (value === null || value === undefined) return '';
  return list.entries.find((e) => e.value === value)?.labels[0] ?? '';
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Writes `households` families (about 3.6 members each) and returns the counts. Streams: a million rows
 * never sit in memory.
 */
export async function writeDtsenSample(file: string, options: { households: number; seed: number; today?: string }) {
  const city = new DemoCity(options);
  const codes = new Map(city.areas().map((a) => [a.id, a.code]));
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\ufeff${SAMPLE_HEADER.join(';')}\r\n`);
  let households = 0;
  let persons = 0;
  for (const batch of city.householdBatches()) {
    const byHousehold = new Map(batch.households.map((h) => [h.id, h]));
    for (const p of batch.persons) {
      const h = byHousehold.get(p.household_id)!;
      const row = [
        h.kk_number, p.nik, p.name, p.sex === 'MALE' ? 'L' : 'P', dmy(p.birth_date), labelOf(RELATION, p.relation as never),
        codes.get(h.area_id)!, h.address, h.rt, h.rw, String(h.welfare_decile), labelOf(FLOOR, h.floor_type as never),
        labelOf(WALL, h.wall_type as never), labelOf(ROOF, h.roof_type as never), labelOf(WATER, h.drinking_water as never),
        labelOf(SANITATION, h.sanitation as never), labelOf(ELECTRICITY, h.electricity as never), labelOf(OWNERSHIP, h.home_ownership as never),
        labelOf(EDUCATION, p.education_level as never), p.occupation ?? '', labelOf(JKN, p.jkn_status as never), labelOf(DISABILITY, p.disability as never),
      ];
      await write(`${row.map(cell).join(';')}\r\n`);
      persons += 1;
    }
    households += batch.households.length;
  }
  out.end();
  await once(out, 'finish');
  return { households, persons };
}
