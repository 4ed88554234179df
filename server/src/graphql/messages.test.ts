import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from './errors.js';
import { languageOf } from './language.js';
import { MESSAGES, parametersOf, problem, problemOf, render, type Reason } from './messages.js';

const REASONS = Object.keys(MESSAGES) as Reason[];
const sample = (reason: Reason) => Object.fromEntries(parametersOf(reason, 'en').map((name, i) => [name, `p${i}`]));

describe('the error catalogue', () => {
  it('has every code in Indonesian and English, with the same parameters', () => {
    for (const reason of REASONS) {
      expect(reason).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(MESSAGES[reason].id.trim(), reason).not.toBe('');
      expect(MESSAGES[reason].en.trim(), reason).not.toBe('');
      expect(parametersOf(reason, 'id'), reason).toEqual(parametersOf(reason, 'en'));
    }
  });

  it('gives each Indonesian text its own words (not the English one copied)', () => {
    for (const reason of REASONS.filter((r) => r !== 'BOUNDARY_INVALID')) {
      expect(MESSAGES[reason].id, reason).not.toBe(MESSAGES[reason].en);
    }
  });

  it('recognises each English message written before the catalogue as its own code', () => {
    const generic = new Set<Reason>(['INVALID_VALUE', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'BOUNDARY_INVALID']);
    for (const reason of REASONS.filter((r) => !generic.has(r))) {
      const params = sample(reason);
      const found = problemOf(render({ reason, params }, 'en'));
      // Codes with the same English text (FORBIDDEN/ROLE_FORBIDDEN) resolve to the first of them.
      expect(found && MESSAGES[found.reason].en, reason).toBe(MESSAGES[reason].en);
      if (found?.reason === reason) expect(found.params).toEqual(params);
    }
  });

  it('renders parameters, with status values in Indonesian', () => {
    expect(render(problem('STATUS_TRANSITION', { from: 'REQUESTED', to: 'CLOSED' }), 'id')).toBe('tidak dapat berpindah dari status Diminta ke Ditutup');
    expect(render(problem('STATUS_TRANSITION', { from: 'REQUESTED', to: 'CLOSED' }), 'en')).toBe('cannot move from REQUESTED to CLOSED');
    expect(render(problem('TEXT_LENGTH', { min: 1, max: 50 }), 'id')).toBe('harus 1–50 karakter');
  });

  it('has a message for every literal message the server throws', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const rendered = REASONS.flatMap((reason) => (['en', 'id'] as const).map((lang) => render({ reason, params: sample(reason) }, lang)));
    const thrown = /new (?:BadUserInputError\([^,()]+(?:\([^()]*\))?,|ConflictError\(|ForbiddenError\()\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
    const uncatalogued: string[] = [];
    let count = 0;
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      for (const [, , literal] of source.matchAll(thrown)) {
        count++;
        // A template literal's ${...} parts stand for any parameter value.
        const parts = literal!.split(/\$\{[^}]*\}/).map((p) => p.replace(/\\(.)/g, '$1'));
        const pattern = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&')).join('.*')}$`);
        const known = [parts.join('7'), parts.join('')].some((text) => problemOf(text)) || rendered.some((text) => pattern.test(text));
        if (!known) uncatalogued.push(`${file}: ${literal}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(uncatalogued).toEqual([]);
  });
});

describe('the error classes', () => {
  it('keep the older constructors, finding the code of their message', () => {
    const bad = new BadUserInputError('input.nik', 'NIK must be 16 digits');
    expect(bad.message).toBe('input.nik: NIK must be 16 digits');
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NIK_FORMAT', field: 'input.nik' });
    expect(new BadUserInputError('input.name', 'must be 1–50 characters').problem).toEqual({ reason: 'TEXT_LENGTH', params: { min: '1', max: '50' } });
    expect(new ConflictError('This household already has an open referral to this partner', { existingId: 'a' }).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REFERRAL_ALREADY_OPEN',
      existingId: 'a',
    });
    expect(new NotFoundError('Household', 'id').extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'HOUSEHOLD_NOT_FOUND', field: 'id' });
    expect(new NotFoundError('Spaceship').extensions['reason']).toBe('NOT_FOUND');
    expect(new ForbiddenError().extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_FORBIDDEN' });
    expect(new BadUserInputError('x', 'something nobody catalogued').extensions['reason']).toBe('INVALID_VALUE');
  });

  it('take a catalogued problem, rendering the English message from it', () => {
    const bad = new BadUserInputError('input.birthDate', problem('DATE_TOO_LATE', { date: '2026-05-01' }));
    expect(bad.message).toBe('input.birthDate: must not be after 2026-05-01');
    expect(bad.extensions['reason']).toBe('DATE_TOO_LATE');
    expect(new ForbiddenError(problem('READ_ONLY_TOKEN')).message).toBe('This API token is read-only');
  });
});

describe('the request language', () => {
  it('is Indonesian unless English comes first', () => {
    expect(languageOf(undefined)).toBe('id');
    expect(languageOf('')).toBe('id');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(languageOf('fr,en;q=0.5,id;q=0.7')).toBe('id');
    expect(languageOf('de')).toBe('id');
    expect(languageOf('en;q=0,id')).toBe('id');
  });
});
