import { describe, expect, it } from 'vitest';
import i18next from '../../i18n/i18n';
import { memberWithAge } from './member-age';

describe('memberWithAge', () => {
  const id = i18next.getFixedT('id');
  const en = i18next.getFixedT('en');

  it('names a member with years, and months under two years', () => {
    expect(memberWithAge({ name: 'Rinaldo', age: 34, ageMonths: 410 }, id)).toBe('Rinaldo, 34 th');
    expect(memberWithAge({ name: 'Budi', age: 0, ageMonths: 7 }, id)).toBe('Budi, 7 bln');
    expect(memberWithAge({ name: 'Sari', age: 1, ageMonths: 23 }, id)).toBe('Sari, 23 bln');
    expect(memberWithAge({ name: 'Sari', age: 2, ageMonths: 24 }, id)).toBe('Sari, 2 th');
    expect(memberWithAge({ name: 'Budi', age: 0, ageMonths: 7 }, en)).toBe('Budi, 7 mo');
  });

  it('uses the years alone where the months are masked (partners)', () => {
    expect(memberWithAge({ name: 'Budi', age: 1, ageMonths: null }, id)).toBe('Budi, 1 th');
  });
});
