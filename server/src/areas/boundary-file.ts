import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from '@mikro-orm/knex';
import { type BoundaryImportSummary, type Execute, importBoundaries } from './boundary-import.js';

/**
 * The kelurahan boundaries shared beside the repository (`../shared/data/geo`, from the repository
 * root), used in development, tests and the demo. They are read from there, never copied in.
 */
export const DEFAULT_BOUNDARY_FILE = fileURLToPath(new URL('../../../../shared/data/geo/palangka-raya-kelurahan.geojson', import.meta.url));

export class BoundaryFileError extends Error {
  override name = 'BoundaryFileError';
}

function readGeoJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new BoundaryFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BoundaryFileError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Imports a GeoJSON file of kelurahan boundaries as the owner of the tables (CLI, demo start, test
 * template), in one transaction with its audit event. Throws BoundaryValidationError, writing
 * nothing, when a feature is invalid.
 */
export async function importBoundaryFile(knex: Knex, file: string): Promise<BoundaryImportSummary> {
  const input = readGeoJson(file);
  const source = path.basename(file);
  return knex.transaction(async (trx) => {
    const execute: Execute = async (sql, params) => (await trx.raw(sql, params as Knex.RawBinding[])).rows;
    const summary = await importBoundaries(execute, input, { root: source });
    await trx('audit_event').insert({
      action: 'IMPORT',
      entity_type: 'Area',
      entity_ids: summary.updated.map((u) => u.id),
      new_values: JSON.stringify({ boundaries: summary.features, updated: summary.updated.length, unchanged: summary.unchanged, source }),
    });
    return summary;
  });
}

/** Imports DEFAULT_BOUNDARY_FILE when it exists; null when it does not (the map then shows tiles). */
export async function importDefaultBoundaries(knex: Knex): Promise<BoundaryImportSummary | null> {
  if (!fs.existsSync(DEFAULT_BOUNDARY_FILE)) return null;
  return importBoundaryFile(knex, DEFAULT_BOUNDARY_FILE);
}
