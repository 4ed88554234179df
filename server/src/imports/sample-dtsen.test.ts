import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoContext } from './demo-city.fixture.js';
import { openImportFile } from './file-reader.js';
import { writeDtsenSample } from './sample-dtsen.js';
import { SOURCES, knownHeaders, suggestMapping, type MappedRow } from './sources/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-sample-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the generated DTSEN sample', () => {
  it('reads back through the dtsen source without a single problem, every template column mapped', async () => {
    const file = path.join(dir, 'dtsen.csv');
    const written = await writeDtsenSample(file, { households: 150, seed: 7, today: '2026-09-30' });
    const opened = await openImportFile(file, { fileName: 'dtsen.csv', maxBytes: 50 * 1024 * 1024, knownHeaders: knownHeaders('dtsen') });
    expect(opened.delimiter).toBe(';');
    const mapping = suggestMapping('dtsen', opened.headers);
    expect(opened.headers.every((_, i) => Object.values(mapping).includes(i))).toBe(true);
    const ctx = demoContext();
    let rows = 0;
    const problems: string[] = [];
    for await (const row of opened.rows) {
      const values: MappedRow = {};
      for (const [key, column] of Object.entries(mapping)) if (column !== null) values[key] = { column: opened.headers[column]!, value: row.cells[column] ?? '' };
      const parsed = SOURCES.dtsen.parse(values, ctx);
      problems.push(...parsed.problems.map((p) => `${row.line} ${p.column}: ${p.message}`));
      rows += 1;
    }
    expect(problems).toEqual([]);
    expect(rows).toBe(written.persons);
    expect(written.households).toBe(150);
  });
});
