import { describe, expect, it } from 'vitest';
import { serializeError } from './logger.js';

const NIK = '6271044209090001';

/** An error shaped as MikroORM raises a failed PostgreSQL statement (knex message, pg fields, appended detail). */
function databaseError(pgMessage: string, fields: Record<string, string>, statement = 'update "person" set "occupation" = $1 where "id" = $2') {
  let message = `${statement} - ${pgMessage}`;
  if (fields['detail']) message += `\n - detail: ${fields['detail']}`;
  if (fields['hint']) message += `\n - hint: ${fields['hint']}`;
  return Object.assign(new Error(message), { routine: 'ereport', severity: 'ERROR', ...fields });
}

describe('serializeError', () => {
  it("keeps PostgreSQL's message, codes and object names, never the statement, detail, hint or where", () => {
    const error = databaseError('duplicate key value violates unique constraint "person_nik_key"', {
      code: '23505',
      table: 'person',
      constraint: 'person_nik_key',
      detail: `Key (nik)=(${NIK}) already exists.`,
      hint: `Try another than ${NIK}`,
      where: `SQL statement "insert into person values ('${NIK}')"`,
    });
    const out = serializeError(error);
    expect(out).toMatchObject({ message: '[statement] - duplicate key value violates unique constraint "person_nik_key"', code: '23505', table: 'person', constraint: 'person_nik_key' });
    const text = JSON.stringify(out);
    for (const leak of [NIK, 'occupation', 'Key (nik)', 'Try another', 'SQL statement']) expect(text).not.toContain(leak);
  });

  it('takes quoted values out of the message and withholds a message that imitates the appended detail', () => {
    const quoted = serializeError(databaseError('invalid input syntax for type uuid: "Siti Aminah"', { code: '22P02' }));
    expect(quoted['message']).toBe('[statement] - invalid input syntax for type uuid: [value]');
    const imitation = databaseError('value too long', { code: '22001' }, `insert into person (name) values ('x\n - detail: Siti Aminah ${NIK}')`);
    expect(JSON.stringify(serializeError(imitation))).not.toMatch(/Siti Aminah|\d{6,}/);
  });

  it('redacts long digit runs in any error, its stack and its causes', () => {
    const error = new Error(`no household for KK ${NIK}`, { cause: new Error(`lookup of ${NIK} failed`) });
    const text = JSON.stringify(serializeError(error));
    expect(text).not.toContain(NIK);
    expect(text).toContain('no household for KK [number]');
    expect(text).toContain('lookup of [number] failed');
  });
});
