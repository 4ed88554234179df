import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from './default-query';

describe('the GraphiQL starter text', () => {
  it('prints no password (anyone may open /graphiql) and speaks Indonesian first', () => {
    expect(DEFAULT_QUERY).not.toMatch(/sinergi-demo/);
    expect(DEFAULT_QUERY.indexOf('Masuk')).toBeGreaterThan(-1);
    expect(DEFAULT_QUERY.indexOf('Masuk')).toBeLessThan(DEFAULT_QUERY.indexOf('English'));
  });
});
