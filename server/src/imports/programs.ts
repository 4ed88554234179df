export interface ProgramRef {
  id: string;
  name: string;
  ownerId: string;
}

export type ProgramResolution = { program: ProgramRef } | { problem: string };

function key(text: string): string {
  return text.toLowerCase().replace(/[-_/.,:]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const GENERIC_WORD = /^(program|bantuan|bansos)\s+/;

/**
 * Short names a program is called by in agency files. 'Bantuan Pangan Non Tunai (BPNT) / Program
 * Sembako' → bpnt, sembako, bantuan pangan non tunai; 'Program Indonesia Pintar (PIP/KIP)' → pip,
 * kip. Strong names come from the parentheses and the '/'-separated parts; weak ones are the first
 * word of a compound abbreviation ('PBI-JKN' → pbi), used only when no strong name matches.
 */
const aliasCache = new Map<string, { strong: Set<string>; weak: Set<string> }>();

function aliases(name: string): { strong: Set<string>; weak: Set<string> } {
  const cached = aliasCache.get(name);
  if (cached) return cached;
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const m of name.matchAll(/\(([^)]*)\)/g)) {
    for (const part of m[1]!.split('/')) {
      const k = key(part);
      if (!k) continue;
      strong.add(k);
      if (k.includes(' ')) weak.add(k.split(' ')[0]!);
    }
  }
  const outside = name.replace(/\([^)]*\)/g, ' ');
  const parts = outside.split('/');
  if (parts.length > 1) {
    for (const part of parts) {
      const k = key(part);
      if (!k) continue;
      strong.add(k);
      strong.add(k.replace(GENERIC_WORD, ''));
    }
  }
  aliasCache.set(name, { strong, weak });
  return { strong, weak };
}

/**
 * A program by id, by its full name (case-insensitive) or by the short name agencies use ('PKH',
 * 'BPNT', 'Sembako', 'PBI-JKN', 'PBI JKN', 'PBI', 'KIP', 'PIP'). Several matches are a problem
 * naming the candidates; ownership is checked by the API's validators, not here.
 */
export function resolveProgram(ref: string, programs: readonly ProgramRef[]): ProgramResolution {
  const wanted = ref.trim();
  if (!wanted) return { problem: 'Program wajib diisi' };
  const byId = programs.find((p) => p.id === wanted);
  if (byId) return { program: byId };
  const k = key(wanted);
  for (const tier of [
    (p: ProgramRef) => key(p.name) === k,
    (p: ProgramRef) => aliases(p.name).strong.has(k),
    (p: ProgramRef) => aliases(p.name).weak.has(k),
  ]) {
    const hits = programs.filter(tier);
    if (hits.length === 1) return { program: hits[0]! };
    if (hits.length > 1) {
      return { problem: `Program "${wanted}" cocok dengan beberapa program: ${hits.map((p) => p.name).join('; ')}` };
    }
  }
  return { problem: `Program "${wanted}" tidak ditemukan` };
}
