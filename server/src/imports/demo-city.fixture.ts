// The demo city's areas and programs as the import sources see them (for the pure unit tests).
import { CITY, KECAMATAN, KELURAHAN, PROGRAMS, areaId, programId } from '../seed/reference-data.js';
import type { AreaRef } from './import.types.js';
import type { ProgramRef } from './programs.js';
import { AreaResolver } from './regions.js';
import type { ParseContext } from './sources/index.js';

export const DEMO_AREAS: AreaRef[] = [
  { id: areaId(CITY.code), code: CITY.code, name: CITY.name, level: 'CITY' },
  ...KECAMATAN.map((k): AreaRef => ({ id: areaId(k.code), code: k.code, name: k.name, level: 'KECAMATAN' })),
  ...KELURAHAN.map((k): AreaRef => ({ id: areaId(k.code), code: k.code, name: k.name, level: 'KELURAHAN' })),
];

export const DEMO_PROGRAMS: ProgramRef[] = PROGRAMS.map((p) => ({ id: programId(p.key), name: p.name, ownerId: p.ownerKey }));

export const MENTENG = areaId('62.71.03.1002');
export const PKH = programId('pkh');
export const BPNT = programId('bpnt');
export const PBI_JKN = DEMO_PROGRAMS.find((p) => p.name.includes('(PBI-JKN)'))!.id;

export function demoContext(sourceDate = '2026-09-30'): ParseContext {
  return { areas: new AreaResolver(DEMO_AREAS), programs: DEMO_PROGRAMS, sourceDate };
}
