import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import busboy from 'busboy';
import cookieParser from 'cookie-parser';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { resolveViewer } from '../auth/auth.service.js';
import type { Viewer } from '../auth/viewer.js';
import { requestConnection } from '../db/query-discipline.js';
import type { Database } from '../db/orm.js';
import { setClock } from '../graphql/request-transaction.js';
import { ImportFileError, SOURCE_KEYS, type SourceKey } from './import.types.js';
import { inImportTransaction, type ImportActor } from './import-transaction.js';
import type { ImportRunner } from './import-runner.js';
import { stageFile } from './staging.js';
import { templateCsv, templateXlsx } from './templates.js';
import { SOURCES } from './sources/index.js';
import { requestToken } from '../http/request-token.js';

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

/** The viewer of a session cookie or bearer token, looked up in a transaction of its own. */
async function viewerOf(db: Database, req: Request): Promise<Viewer | null> {
  const token = requestToken(req);
  if (!token) return null;
  return requestConnection.exit(() =>
    db.orm.em.fork().transactional(async (em) => {
      await setClock(em);
      return resolveViewer(em, token);
    }),
  );
}

/**
 * Plain HTTP beside /graphql: the upload that starts an import (multipart, same session or token, the
 * import's size limit), the templates, and a job's error report.
 */
export function importRoutes(db: Database, runner: ImportRunner, log: Logger): Router {
  const router = express.Router();
  const limits = runner.settings;

  router.get('/import/templates/:file', async (req, res) => {
    const m = /^(dtsen|dinsos|dinkes|disdik)\.(csv|xlsx)$/.exec(req.params['file'] ?? '');
    if (!m) return fail(res, 404, 'NOT_FOUND', `Templat tidak ada. Sumber: ${SOURCE_KEYS.join(', ')}; format .csv atau .xlsx.`);
    const source = SOURCES[m[1] as SourceKey];
    res.setHeader('content-disposition', `attachment; filename="templat-${m[1]}.${m[2]}"`);
    if (m[2] === 'csv') {
      res.type('text/csv; charset=utf-8').send(templateCsv(source.columns));
    } else {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await templateXlsx(source.columns, source.label));
    }
  });

  router.post('/import/jobs', cookieParser(), async (req, res) => {
    const viewer = await viewerOf(db, req);
    if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    if (viewer.readOnly) return fail(res, 403, 'FORBIDDEN', 'Token API ini hanya untuk membaca.');
    if (!req.is('multipart/form-data')) return fail(res, 400, 'BAD_USER_INPUT', 'Kirim berkas sebagai multipart/form-data (bagian "file").');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sinergi-import-'));
    try {
      const upload = await receive(req, dir, limits.maxBytes);
      if (upload.tooLarge) return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Berkas melebihi batas ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`);
      if (!upload.file) return fail(res, 400, 'BAD_USER_INPUT', 'Bagian "file" (berkas CSV atau XLSX) tidak ada.');
      const source = upload.fields['source'];
      if (!source || !(SOURCE_KEYS as readonly string[]).includes(source)) {
        return fail(res, 400, 'BAD_USER_INPUT', `"source" harus salah satu dari: ${SOURCE_KEYS.join(', ')}.`);
      }
      const actor: ImportActor = { viewer, requestId: res.locals['requestId'] as string, ip: req.ip ?? null };
      const id = await stageFile(
        db.orm,
        actor,
        { source: source as SourceKey, path: upload.file.path, fileName: upload.file.name, sheet: upload.fields['sheet'] || undefined, sourceDate: upload.fields['sourceDate'] || undefined },
        limits,
      );
      res.status(201).json({ id });
    } catch (error) {
      if (error instanceof ImportFileError) return fail(res, error.reason === 'FILE_TOO_LARGE' ? 413 : 400, 'BAD_USER_INPUT', error.message);
      if (error instanceof GraphQLError) {
        const code = String(error.extensions['code']);
        return fail(res, code === 'FORBIDDEN' ? 403 : 400, code, error.message);
      }
      log.error({ err: error, requestId: res.locals['requestId'] }, 'import upload failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Berkas tidak dapat diproses karena kesalahan sistem.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  router.get('/import/jobs/:id/errors.csv', cookieParser(), async (req, res) => {
    const viewer = await viewerOf(db, req);
    if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    const id = String(req.params['id'] ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(id)) return fail(res, 404, 'NOT_FOUND', 'Impor tidak ditemukan.');
    const actor: ImportActor = { viewer, requestId: res.locals['requestId'] as string, ip: req.ip ?? null };
    // One transaction, as the viewer: row-level security decides which jobs' reports they may read.
    await inImportTransaction(db.orm, actor, null, async (_em, trx) => {
      const job = (await trx('import_job').where({ id }).first('headers', 'file_name')) as { headers: string[]; file_name: string } | undefined;
      if (!job) return fail(res, 404, 'NOT_FOUND', 'Impor tidak ditemukan.');
      res.type('text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="laporan-kesalahan-${job.file_name.replace(/[^\w.-]+/g, '_')}.csv"`);
      // Semicolons and a BOM: Excel with Indonesian settings opens it as columns, accents intact.
      res.write(`\ufeff${stringify([['baris', ...job.headers, 'alasan']], { delimiter: ';' })}`);
      let after = 0;
      for (;;) {
        const rows = (await trx('import_row').where({ job_id: id, status: 'REJECTED' }).andWhere('line', '>', after).orderBy('line').limit(2000).select('line', 'cells', 'reason')) as {
          line: number;
          cells: string[];
          reason: string;
        }[];
        if (!rows.length) break;
        res.write(stringify(rows.map((r) => [r.line, ...job.headers.map((_, i) => r.cells[i] ?? ''), r.reason]), { delimiter: ';' }));
        after = rows[rows.length - 1]!.line;
      }
      res.end();
    });
  });

  return router;
}

interface Upload {
  fields: Record<string, string>;
  file?: { path: string; name: string };
  tooLarge: boolean;
}

/** Spools the multipart body's one file to `dir` (never more than maxBytes + 1) and collects its fields. */
function receive(req: Request, dir: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const out: Upload = { fields: {}, tooLarge: false };
    const writes: Promise<void>[] = [];
    let parser;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: maxBytes + 1 } });
    } catch (error) {
      reject(error);
      return;
    }
    parser.on('field', (name, value) => {
      out.fields[name] = value.trim();
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const file = path.join(dir, randomUUID());
      out.file = { path: file, name: path.basename(info.filename || 'berkas') };
      stream.on('limit', () => {
        out.tooLarge = true;
      });
      writes.push(pipeline(stream, createWriteStream(file)));
    });
    parser.on('error', reject);
    parser.on('close', () => {
      Promise.all(writes).then(() => resolve(out), reject);
    });
    req.pipe(parser);
  });
}
