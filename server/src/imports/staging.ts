import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/postgresql';
import { from as copyFrom } from 'pg-copy-streams';
import { roleMay } from '../auth/policy.js';
import { today } from '../config/clock.js';
import { ForbiddenError } from '../graphql/errors.js';
import { requireDate } from '../graphql/validate.js';
import { openImportFile } from './file-reader.js';
import { ImportFileError, normaliseHeader, type RawRow, type SourceKey } from './import.types.js';
import { inImportTransaction, type ImportActor } from './import-transaction.js';
import { refuseWithinFile, rowChecker, validationBasis } from './dry-run.js';
import { loadReferenceData } from './validation.js';
import { SOURCES, knownHeaders, suggestMapping } from './sources/index.js';

/** About 64 KiB of COPY text per write. */
const COPY_CHUNK_CHARS = 64 * 1024;

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

export interface StageRequest {
  source: SourceKey;
  /** The spooled file on disk. */
  path: string;
  fileName: string;
  sheet?: string;
  /** The date the agency's data describes (provenance; "an older source never overwrites a newer value"). */
  sourceDate?: string;
}

/** May the actor import this source at all? (Which rows: the validation and row-level security decide.) */
export function assertMayImport(actor: ImportActor, source: SourceKey): void {
  if (!roleMay(actor.viewer, `import.${source}`)) {
    throw new ForbiddenError(`Peran Anda tidak boleh mengimpor data ${SOURCES[source].label}`);
  }
}

/** The file's SHA-256, read as a stream (the job's identity for re-imports and resumption). */
export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// COPY text format: backslash, tab and line breaks escaped; \N is null. Most values have none of them:
// one test instead of four replacements.
const COPY_SPECIAL = /[\\\t\n\r]/;
const copyText = (value: string | null | undefined) =>
  value === null || value === undefined
    ? '\\N'
    : !COPY_SPECIAL.test(value)
      ? value
      : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/**
 * Reads the file once, streaming, and stores it as a job with one staged row per data line, in one
 * transaction: a file refused as a whole (size, format, headers, row count) writes nothing. Each row is
 * validated on the way in with the initial mapping (the dry run keeps these outcomes while their basis
 * holds), so a row is written once rather than staged, then rewritten with its outcome.
 * The column mapping starts from the one remembered for the source, else the suggestion by header name.
 */
export async function stageFile(orm: MikroORM, actor: ImportActor, request: StageRequest, limits: ImportLimits): Promise<string> {
  assertMayImport(actor, request.source);
  const sourceDate = requireDate('sourceDate', request.sourceDate ?? today(), { min: '2000-01-01', max: today() });
  const { size } = await stat(request.path);
  const file = await openImportFile(request.path, {
    fileName: request.fileName,
    sheet: request.sheet,
    maxBytes: limits.maxBytes,
    knownHeaders: knownHeaders(request.source),
  });
  const hash = await sha256(request.path);
  const id = randomUUID();
  return inImportTransaction(orm, actor, null, async (_em, trx) => {
    const mapping = await initialMapping(trx, request.source, file.headers);
    if (!Object.values(mapping).some((column) => column !== null)) {
      throw new ImportFileError(
        'UNKNOWN_HEADERS',
        `Tidak ada kolom yang dikenali untuk sumber ${request.source}. Unduh templatnya di /import/templates/${request.source}.xlsx.`,
      );
    }
    const reference = await loadReferenceData(trx);
    const basis = { source: request.source, mapping, headers: file.headers, source_date: sourceDate };
    const check = rowChecker(basis, actor, reference);
    await trx('import_job').insert({
      id,
      source: request.source,
      file_name: request.fileName.slice(0, 255) || 'berkas',
      file_sha256: hash,
      file_bytes: size,
      format: file.format,
      sheet: file.sheet ?? null,
      headers: JSON.stringify(file.headers),
      mapping: JSON.stringify(mapping),
      source_date: sourceDate,
      status: 'UPLOADED',
      staged_validation: validationBasis(basis, actor, reference),
      created_by_id: actor.viewer.userId,
      organization_id: actor.viewer.organizationId,
    });
    const connection = (await trx.client.acquireConnection()) as { query(stream: unknown): NodeJS.WritableStream };
    let rows = 0;
    const lines = Readable.from(
      (async function* () {
        // Lines go to COPY in chunks of about 64 KiB: a stream write (and a CopyData message) per line is slow.
        let chunk = '';
        for await (const row of file.rows as AsyncIterable<RawRow>) {
          rows += 1;
          if (rows > limits.maxRows) {
            throw new ImportFileError('TOO_MANY_ROWS', `Berkas berisi lebih dari ${limits.maxRows.toLocaleString('id-ID')} baris data; bagi menjadi beberapa berkas.`);
          }
          const o = check(row.cells);
          const records = 'records' in o ? JSON.stringify(o.records) : null;
          const groupKey = 'groupKey' in o ? o.groupKey : null;
          const reason = 'reason' in o ? o.reason : null;
          chunk += `${row.line}\t${copyText(JSON.stringify(row.cells))}\t${o.status}\t${copyText(records)}\t${copyText(groupKey)}\t${copyText(reason)}\n`;
          if (chunk.length >= COPY_CHUNK_CHARS) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      })(),
    );
    // The COPY lasts as long as reading and validating the file (bounded by IMPORT_MAX_MB/ROWS), not a
    // request's statement: the request timeout does not apply to it.
    await trx.raw('set local statement_timeout = 0');
    // COPY cannot write a table under row-level security: into a temporary table, then one insert.
    await trx.raw(
      'create temporary table import_upload (line integer not null, cells jsonb not null, status text not null, records jsonb, group_key text, reason text) on commit drop',
    );
    await pipeline(lines, connection.query(copyFrom('copy import_upload (line, cells, status, records, group_key, reason) from stdin')) as NodeJS.WritableStream);
    if (rows === 0) throw new ImportFileError('EMPTY_FILE', 'Berkas tidak berisi baris data di bawah judul kolom.');
    // Duplicates inside the file, in SQL over the upload (memory stays flat), before the rows are stored.
    await refuseWithinFile(trx, basis, { upload: 'import_upload' });
    await trx.raw(
      'insert into import_row (job_id, line, cells, status, records, group_key, reason) select ?, line, cells, status, records, group_key, reason from import_upload',
      [id],
    );
    await trx('import_job').where({ id }).update({ rows_total: rows });
    return id;
  });
}

/** Template key -> column index: the remembered mapping where its headers are in this file, else the suggestion. */
async function initialMapping(trx: Knex.Transaction, source: SourceKey, headers: string[]): Promise<Record<string, number | null>> {
  const suggested = suggestMapping(source, headers);
  const remembered = await trx('import_mapping').where({ source }).first('columns');
  if (!remembered) return suggested;
  const byHeader = new Map(headers.map((h, i) => [normaliseHeader(h), i]));
  const used = new Set<number>();
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(suggested)) {
    const header = (remembered.columns as Record<string, string | null>)[key];
    const column = header ? byHeader.get(header) : undefined;
    out[key] = column !== undefined && !used.has(column) ? column : null;
    if (out[key] !== null) used.add(out[key]!);
  }
  for (const [key, column] of Object.entries(suggested)) {
    if (out[key] === null && column !== null && !used.has(column)) {
      out[key] = column;
      used.add(column);
    }
  }
  return out;
}

/** Remembers the mapping by header name, for the next file of the source. */
export async function rememberMapping(trx: Knex.Transaction, actor: ImportActor, source: SourceKey, headers: string[], mapping: Record<string, number | null>) {
  const columns = Object.fromEntries(Object.entries(mapping).map(([key, column]) => [key, column === null ? null : normaliseHeader(headers[column] ?? '')]));
  await trx('import_mapping')
    .insert({ source, columns: JSON.stringify(columns), updated_by_id: actor.viewer.userId, updated_at: trx.fn.now() })
    .onConflict('source')
    .merge(['columns', 'updated_by_id', 'updated_at']);
}
