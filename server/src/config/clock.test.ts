import { afterEach, describe, expect, it, vi } from 'vitest';
import { cityDate, now, nowMs, parseInstant, today, useClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';

afterEach(() => {
  useClock(undefined);
  vi.restoreAllMocks();
});

describe('the application clock', () => {
  it('is the system clock when unset', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-06T08:00:00Z'));
    expect(now().toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(today()).toBe('2026-12-06');
  });

  it('takes 23:30 WIB as 16:30 UTC of the same day, and that day as today', () => {
    useClock(parseInstant('2027-06-30T23:30:00+07:00')!);
    expect(now().toISOString().slice(0, 16)).toBe('2027-06-30T16:30');
    expect(today()).toBe('2027-06-30');
  });

  it('takes 00:30 WIB as 17:30 UTC of the day before, and the WIB day as today', () => {
    useClock(parseInstant('2027-07-01T00:30:00+07:00')!);
    expect(now().toISOString().slice(0, 16)).toBe('2027-06-30T17:30');
    expect(today()).toBe('2027-07-01');
    expect(cityDate(new Date('2027-06-30T16:59:59.999Z'))).toBe('2027-06-30');
    expect(cityDate(new Date('2027-06-30T17:00:00Z'))).toBe('2027-07-01');
  });

  it('runs on from the instant it is set to, and setting the same instant again keeps it running', () => {
    const wall = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-06T08:00:00Z'));
    const start = parseInstant('2027-06-30T23:30:00+07:00')!;
    useClock(start);
    wall.mockReturnValue(Date.parse('2026-12-06T08:45:00Z'));
    expect(nowMs() - start.getTime()).toBe(45 * 60_000);
    expect(today()).toBe('2027-07-01'); // 00:15 WIB
    useClock(parseInstant('2027-06-30T16:30:00Z')!); // the same instant, spelt in UTC
    expect(nowMs() - start.getTime()).toBe(45 * 60_000);
    useClock(undefined);
    expect(now().toISOString()).toBe('2026-12-06T08:45:00.000Z');
  });
});

describe('SINERGI_CLOCK', () => {
  it('reads an ISO 8601 instant with its offset', () => {
    expect(loadConfig({}).SINERGI_CLOCK).toBeUndefined();
    expect(loadConfig({ SINERGI_CLOCK: '2027-06-30T23:30:00+07:00' }).SINERGI_CLOCK?.toISOString()).toBe('2027-06-30T16:30:00.000Z');
    expect(loadConfig({ SINERGI_CLOCK: '2027-06-30T16:30Z' }).SINERGI_CLOCK?.toISOString()).toBe('2027-06-30T16:30:00.000Z');
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of ['2027-06-30', '2027-06-30T23:30:00', 'tomorrow', '2027-02-30T00:00:00Z', '2027-06-30T24:30:00+07:00', '+3d']) {
      expect(() => loadConfig({ SINERGI_CLOCK: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ SINERGI_CLOCK: value })).toThrow('SINERGI_CLOCK');
    }
  });
});
