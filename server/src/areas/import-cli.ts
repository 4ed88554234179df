// `pnpm import:boundaries [file]`: stores kelurahan boundaries from a GeoJSON FeatureCollection into the
// configured database (DATABASE_OWNER_URL / DATABASE_URL, or the embedded PostgreSQL), as the table owner.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsage, runIfMain, UsageError } from '../config/cli.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../db/orm.js';
import { BoundaryFileError, DEFAULT_BOUNDARY_FILE, importBoundaryFile } from './boundary-file.js';
import { BoundaryValidationError, describeIssue } from './boundary-import.js';

const USAGE = `Usage: pnpm import:boundaries [file]

Stores kelurahan boundaries from a GeoJSON FeatureCollection (Polygon/MultiPolygon in lon/lat; the
Kemendagri code in properties.kode, properties.code or the feature id). All features or none.
  file            GeoJSON file (default ${DEFAULT_BOUNDARY_FILE})
  --verbose       also print the embedded PostgreSQL log
  -h, --help      show this help`;


export interface ImportCliOptions {
  file: string;
  verbose: boolean;
  help: boolean;
}

/** A relative file is taken from where the user ran pnpm (INIT_CWD), not from the package folder. */
export function parseImportArgs(argv: readonly string[], cwd: string): ImportCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      // pnpm may forward a lone "--" separator; it carries no meaning here.
      args: argv.filter((a) => a !== '--'),
      options: { verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`give one file, got ${parsed.positionals.length}`);
  const [file] = parsed.positionals;
  return {
    file: file ? path.resolve(cwd, file) : DEFAULT_BOUNDARY_FILE,
    verbose: parsed.values.verbose ?? false,
    help: parsed.values.help ?? false,
  };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const options = parseOrUsage(() => parseImportArgs(argv, process.env['INIT_CWD'] ?? process.cwd()), USAGE);
  if (typeof options === 'number') return options;

  const config = loadConfig();
  console.log(`Importing kelurahan boundaries from ${options.file}…`);
  const db = await createDatabase(config, options.verbose ? (line) => console.error(`[postgres] ${line}`) : undefined);
  try {
    // As the owner, like the seed: no session, and the import writes its own audit event.
    const summary = await db.asOwner((owner) => importBoundaryFile(owner.em.getKnex(), options.file));
    console.log(`${summary.features} features: ${summary.updated.length} kelurahan updated, ${summary.unchanged} unchanged.`);
    if (summary.withoutBoundary.length) console.log(`Still without a boundary: ${summary.withoutBoundary.join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof BoundaryValidationError) {
      console.error(`Nothing imported; fix these features:\n${error.issues.map((i) => `  ${describeIssue(i)}`).join('\n')}`);
      return 1;
    }
    if (error instanceof BoundaryFileError) {
      console.error(`Nothing imported: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

runIfMain(import.meta.url, () => main());
