import { describe, expect, it } from 'vitest';
import { UsageError } from '../config/cli.js';
import { parseCliArgs } from './cli.js';
import { DEFAULT_HOUSEHOLDS, DEMO_SEED } from './demo-city.js';

describe('seed cli arguments', () => {
  it('defaults to the demo size and seed', () => {
    expect(parseCliArgs([])).toEqual({ households: DEFAULT_HOUSEHOLDS, seed: DEMO_SEED, verbose: false, help: false });
  });

  it('reads --households and --seed in both spellings, ignoring a forwarded "--"', () => {
    expect(parseCliArgs(['--households', '1000000', '--seed', '7'])).toMatchObject({ households: 1_000_000, seed: 7 });
    expect(parseCliArgs(['--', '--households=250'])).toMatchObject({ households: 250 });
  });

  it('refuses anything but a positive integer household count', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '', '1e3']) {
      expect(() => parseCliArgs(['--households', bad]), bad).toThrow(UsageError);
    }
    expect(() => parseCliArgs(['--seed', 'x'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseCliArgs(['extra'])).toThrow(UsageError);
  });
});
