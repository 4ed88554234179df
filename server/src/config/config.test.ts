import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('security configuration', () => {
  it('trusts no proxy, secures cookies over https and keeps tokens 90 days by default', () => {
    const c = loadConfig({});
    expect(c.TRUST_PROXY).toBe(false);
    expect(c.COOKIE_SECURE).toBe('auto');
    expect(c.API_TOKEN_MAX_DAYS).toBe(90);
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses, subnets and presets', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.1']);
  });

  it('refuses a TRUST_PROXY, COOKIE_SECURE or API_TOKEN_MAX_DAYS it cannot honour, naming the variable', () => {
    for (const [name, value] of [
      ['TRUST_PROXY', 'proxy.example'],
      ['TRUST_PROXY', '10.0.0.0/33'],
      ['COOKIE_SECURE', 'yes'],
      ['API_TOKEN_MAX_DAYS', '0'],
      ['API_TOKEN_MAX_DAYS', '3651'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });
});
