import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCursor, sealCursor, useCursorKey, type CursorScope } from './cursor.js';

const scope: CursorScope = { list: 'households', args: [{ areaCode: '62.71.01', povertyStatus: ['POOR'] }, 'h.kk_number', 'asc'], userId: 'u1' };

describe('sealed cursors', () => {
  it('open with the same scope, whatever the order or absent members of the filter', () => {
    const cursor = sealCursor(['6271031234560001', 'id-1'], scope);
    const same: CursorScope = { ...scope, args: [{ povertyStatus: ['POOR'], search: null, areaCode: '62.71.01' }, 'h.kk_number', 'asc'] };
    expect(openCursor(cursor, 2, same)).toEqual(['6271031234560001', 'id-1']);
  });

  it('hide the length of the sort value', () => {
    expect(sealCursor(['a', 'id'], scope).length).toBe(sealCursor(['a'.repeat(30), 'id'], scope).length);
  });

  it('survive a restart with a configured key, and open under no other key', () => {
    const secret = randomBytes(32).toString('base64');
    useCursorKey(secret);
    const cursor = sealCursor([3, 'id-2'], scope);
    useCursorKey(randomBytes(32).toString('base64'));
    expect(() => openCursor(cursor, 2, scope)).toThrow(/after/);
    useCursorKey(secret);
    expect(openCursor(cursor, 2, scope)).toEqual([3, 'id-2']);
  });

  it('refuse another arity, scope or user', () => {
    const cursor = sealCursor([null, 'id-3'], scope);
    expect(() => openCursor(cursor, 3, scope)).toThrow(/after/);
    expect(() => openCursor(cursor, 2, { ...scope, list: 'programs' })).toThrow(/after/);
    expect(() => openCursor(cursor, 2, { ...scope, userId: 'u2' })).toThrow(/after/);
    expect(() => openCursor(cursor, 2, { ...scope, userId: null })).toThrow(/after/);
  });
});
