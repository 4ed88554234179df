import { describe, expect, it } from 'vitest';
import { filterableAreas } from './area-options';

const AREAS = [
  { code: '62.71', level: 'KOTA', parent: null },
  { code: '62.71.01', level: 'KECAMATAN', parent: { code: '62.71' } },
  { code: '62.71.01.1001', level: 'KELURAHAN', parent: { code: '62.71.01' } },
  { code: '62.71.03', level: 'KECAMATAN', parent: { code: '62.71' } },
  { code: '62.71.03.1002', level: 'KELURAHAN', parent: { code: '62.71.03' } },
  { code: '62.71.03.1003', level: 'KELURAHAN', parent: { code: '62.71.03' } },
];

describe('filterableAreas', () => {
  it("offers a kelurahan officer only their kelurahan and its kecamatan", () => {
    const codes = filterableAreas(AREAS, { role: 'KELURAHAN_OFFICER', area: { code: '62.71.03.1002' } }).map((a) => a.code);
    expect(codes).toEqual(['62.71.03', '62.71.03.1002']);
  });

  it('offers city-wide roles every area, and an officer without an area none', () => {
    expect(filterableAreas(AREAS, { role: 'COORDINATOR', area: null })).toHaveLength(AREAS.length);
    expect(filterableAreas(AREAS, { role: 'KELURAHAN_OFFICER', area: null })).toEqual([]);
  });
});
