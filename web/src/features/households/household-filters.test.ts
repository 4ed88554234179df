import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterFromParams } from './households-page';

describe('household list filters in the URL', () => {
  it('maps every URL parameter to the API filter, dropping unknown values', () => {
    const params = new URLSearchParams(
      'kecamatan=62.71.03&kelurahan=62.71.03.1002&status=EXTREME_POOR&status=BOGUS&desilMin=1&desilMax=3' +
        '&verifikasi=VERIFIED&kebutuhan=WATER&kebutuhan=FOOD&kebutuhan=NOPE&statusKebutuhan=UNMET&program=p1&q=%20Siti%20&urut=decile',
    );
    expect(filterFromParams(params)).toEqual({
      areaCode: '62.71.03.1002',
      povertyStatus: ['EXTREME_POOR'],
      decileMin: 1,
      decileMax: 3,
      verificationStatus: ['VERIFIED'],
      needType: ['WATER', 'FOOD'],
      needStatus: ['UNMET'],
      programId: 'p1',
      search: 'Siti',
    });
  });

  it('uses the kecamatan when no kelurahan is chosen, and nothing for an empty URL', () => {
    expect(filterFromParams(new URLSearchParams('kecamatan=62.71.01'))).toEqual({ areaCode: '62.71.01' });
    expect(filterFromParams(new URLSearchParams(''))).toEqual({});
  });

  it('counts the filters set, not the sort order or repeated values', () => {
    expect(activeFilterCount(new URLSearchParams('urut=kk'))).toBe(0);
    expect(activeFilterCount(new URLSearchParams('kebutuhan=WATER&kebutuhan=FOOD&q=x&urut=kk'))).toBe(2);
  });
});
