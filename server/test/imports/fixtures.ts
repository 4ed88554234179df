import { makeKk, makeNik } from '../../src/households/identity-numbers.js';

// Import files as the agencies send them: generated per test from the demo registry plus new people,
// with the deliberate errors, duplicates and conflicts whose outcome each test states.

export type Cells = (string | number)[];

/** CSV text the way Indonesian Excel saves it: semicolons, CRLF, quotes where needed, optional BOM. */
export function csv(rows: Cells[], options: { delimiter?: string; bom?: boolean } = {}): string {
  const d = options.delimiter ?? ';';
  const quote = (v: string | number) => {
    const s = String(v);
    return s.includes(d) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${options.bom ? '\ufeff' : ''}${rows.map((r) => r.map(quote).join(d)).join('\r\n')}\r\n`;
}

export const DTSEN_HEADER = [
  'Nomor KK', 'NIK', 'Nama', 'Jenis Kelamin', 'Tanggal Lahir', 'Hubungan dengan Kepala Keluarga', 'Kode Kelurahan',
  'Alamat', 'RT', 'RW', 'Desil', 'Jenis Lantai', 'Sumber Air Minum',
];

/** dd/mm/yyyy of an ISO date. */
export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface NewFamily {
  kk: string;
  rows: Cells[];
  niks: string[];
}

const FAMILY_NAMES = [
  ['Yohanes Ambun', 'Marta Lilis', 'Kristian Jaya'],
  ['Budi Santoso', 'Rina Wati', 'Dimas Putra'],
  ['Hendrik Liong', 'Sari Murni', 'Agus Pratama'],
  ['Ilham Nugraha', 'Dewi Kartika', 'Fajar Ramadhan'],
  ['Tambun Bungai', 'Nyai Undang', 'Damang Batu'],
  ['Rahmat Hidayat', 'Siti Aisyah', 'Rizky Maulana'],
  ['Paulus Riwut', 'Elisabeth Ina', 'Markus Tingang'],
];

/** A family not in the registry: head, spouse and a child, in Menteng (62.71.03.1002) unless told. */
export function newFamily(serial: number, options: { area?: string; address?: string; decile?: number } = {}): NewFamily {
  const area = options.area ?? '62.71.03.1002';
  const region = area.replace(/\./g, '').slice(0, 6);
  const kk = makeKk({ regionCode: region, issueDate: '2019-05-14', serial: 7000 + serial });
  // Names and birth dates differ per family: alike ones would rightly be held as near duplicates.
  const [head, spouse, child] = FAMILY_NAMES[serial % FAMILY_NAMES.length]!;
  const year = serial % 15;
  const people = [
    { name: head, sex: 'MALE' as const, birthDate: `${1970 + year}-02-11`, relation: 'Kepala Keluarga' },
    { name: spouse, sex: 'FEMALE' as const, birthDate: `${1972 + year}-07-23`, relation: 'Istri' },
    { name: child, sex: 'MALE' as const, birthDate: `${2008 + year}-03-09`, relation: 'Anak' },
  ];
  const niks = people.map((p, i) => makeNik({ regionCode: region, sex: p.sex, birthDate: p.birthDate, serial: 7000 + serial * 3 + i }));
  const rows = people.map((p, i) => [
    kk, niks[i]!, p.name, p.sex === 'MALE' ? 'L' : 'P', dmy(p.birthDate), p.relation, area,
    options.address ?? `Jl. Rajawali ${serial}`, '3', '12', options.decile ?? 1, 'Tanah', 'Sumur Tidak Terlindung',
  ]);
  return { kk, rows, niks };
}
