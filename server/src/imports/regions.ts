import type { AreaRef } from './import.types.js';

export type AreaResolution = { area: AreaRef } | { problem: string; review?: boolean };

/** 6271031002, 62.71.03.1002 or 627103.1002 → 62.71.03.1002; null when not 10 digits. */
export function dottedKelurahanCode(code: string): string | null {
  const digits = code.trim().replace(/^['`]+/, '').replace(/[\s.\-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}

// Agency files write names in capitals with administrative prefixes: 'KEL. MENTENG', 'DESA X', 'KEC. JEKAN RAYA'.
const KELURAHAN_PREFIX = /^(kelurahan|kel|desa|ds)(\s|\.|$)+/;
const KECAMATAN_PREFIX = /^(kecamatan|kec)(\s|\.|$)+/;

function baseName(name: string): string {
  return name.toLowerCase().replace(/[.,]/g, ' ').replace(/[-_/]+/g, ' ').replace(/\s+/g, ' ').trim();
}
export function normaliseKelurahanName(name: string): string {
  return baseName(name.toLowerCase().replace(/\./g, '. ').trim().replace(KELURAHAN_PREFIX, ''));
}
export function normaliseKecamatanName(name: string): string {
  return baseName(name.toLowerCase().replace(/\./g, '. ').trim().replace(KECAMATAN_PREFIX, ''));
}

/** Resolves a row's kelurahan from a Kemendagri code or from names, against the city's areas. */
export class AreaResolver {
  private readonly byCode = new Map<string, AreaRef>();
  private readonly byName = new Map<string, AreaRef[]>();
  private readonly kecamatanByCode = new Map<string, AreaRef>();

  constructor(areas: readonly AreaRef[]) {
    for (const a of areas) {
      if (a.level === 'KECAMATAN') this.kecamatanByCode.set(a.code, a);
      if (a.level !== 'KELURAHAN') continue;
      this.byCode.set(a.code, a);
      const key = normaliseKelurahanName(a.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), a]);
    }
  }

  /** The kecamatan holding a kelurahan (its code is the kelurahan code's first three parts). */
  kecamatanOf(kelurahan: AreaRef): AreaRef | undefined {
    return this.kecamatanByCode.get(kelurahan.code.split('.').slice(0, 3).join('.'));
  }

  resolveKelurahan(input: { code?: string; name?: string; kecamatanName?: string }): AreaResolution {
    const code = input.code?.trim();
    if (code) {
      const dotted = dottedKelurahanCode(code);
      if (!dotted) return { problem: `Kode wilayah "${code}" tidak valid (10 digit kode kelurahan Kemendagri, mis. 62.71.03.1002)` };
      const area = this.byCode.get(dotted);
      return area ? { area } : { problem: `Kode wilayah ${dotted} tidak ada di wilayah kota` };
    }
    const name = input.name?.trim();
    if (!name) return { problem: 'Kelurahan wajib diisi (kode wilayah atau nama kelurahan)' };
    const candidates = this.byName.get(normaliseKelurahanName(name)) ?? [];
    if (candidates.length === 0) return { problem: `Kelurahan "${name}" tidak ditemukan di wilayah kota` };
    const kecamatanName = input.kecamatanName?.trim();
    if (!kecamatanName) {
      if (candidates.length === 1) return { area: candidates[0]! };
      return {
        problem: `Kelurahan "${name}" ada di beberapa kecamatan (${this.kecamatanNames(candidates)}); isi kolom Kecamatan`,
        review: true,
      };
    }
    const wanted = normaliseKecamatanName(kecamatanName);
    const inKecamatan = candidates.filter((a) => {
      const kec = this.kecamatanOf(a);
      return kec !== undefined && normaliseKecamatanName(kec.name) === wanted;
    });
    if (inKecamatan.length === 1) return { area: inKecamatan[0]! };
    return {
      problem: `Kelurahan "${name}" tidak ada di Kecamatan "${kecamatanName}" (ada di ${this.kecamatanNames(candidates)})`,
      review: true,
    };
  }

  private kecamatanNames(areas: AreaRef[]): string {
    return areas.map((a) => this.kecamatanOf(a)?.name ?? a.code).join(', ');
  }
}
