// Kelurahan boundaries from a GeoJSON FeatureCollection: validation (pure) and the batched UPDATE
// that stores them. Callers run `importBoundaries` inside one transaction, so an import is all-or-nothing.

export type Position = number[];
export type BoundaryGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Boundary {
  code: string;
  geometry: BoundaryGeometry;
}

/** One problem of the input, located by its path (e.g. `geojson.features[3].geometry`). */
export interface BoundaryIssue {
  field: string;
  /** The feature's area code and name, when it has them. */
  feature: string | null;
  message: string;
}

export type BoundaryValidation = { ok: true; boundaries: Boundary[] } | { ok: false; issues: BoundaryIssue[] };

// Enough to fix a file in one pass, short enough for an error message.
const MAX_ISSUES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Invalid extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function checkPosition(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) throw new Invalid(path, 'a position is [longitude, latitude] (optionally an altitude)');
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) throw new Invalid(path, 'coordinates must be finite numbers');
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180) throw new Invalid(path, `longitude ${lon} is outside −180…180`);
  if (lat < -90 || lat > 90) throw new Invalid(path, `latitude ${lat} is outside −90…90`);
}

// RFC 7946 §3.1.6: a linear ring has four or more positions, the last equal to the first.
function checkRing(value: unknown, path: string): void {
  if (!Array.isArray(value)) throw new Invalid(path, 'a linear ring is an array of positions');
  value.forEach((p, i) => checkPosition(p, `${path}[${i}]`));
  if (value.length < 4) throw new Invalid(path, `a linear ring needs at least 4 positions, got ${value.length}`);
  const first = value[0] as number[];
  const last = value[value.length - 1] as number[];
  if (first.length !== last.length || first.some((n, i) => n !== last[i])) throw new Invalid(path, 'a linear ring must end where it starts');
}

function checkPolygon(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length === 0) throw new Invalid(path, 'a polygon is a non-empty array of linear rings');
  value.forEach((ring, i) => checkRing(ring, `${path}[${i}]`));
}

function checkGeometry(value: unknown, path: string): BoundaryGeometry {
  if (!isObject(value)) throw new Invalid(path, 'missing geometry');
  const coordinates = value['coordinates'];
  if (value['type'] === 'Polygon') {
    checkPolygon(coordinates, `${path}.coordinates`);
    return { type: 'Polygon', coordinates: coordinates as Position[][] };
  }
  if (value['type'] === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) throw new Invalid(`${path}.coordinates`, 'a MultiPolygon needs at least one polygon');
    coordinates.forEach((polygon, i) => checkPolygon(polygon, `${path}.coordinates[${i}]`));
    return { type: 'MultiPolygon', coordinates: coordinates as Position[][][] };
  }
  throw new Invalid(`${path}.type`, `geometry must be a Polygon or MultiPolygon, got ${JSON.stringify(value['type'] ?? null)}`);
}

/** The area code of a feature: `properties.kode` (the shared file), `properties.code`, or the feature id. */
function featureCode(feature: Record<string, unknown>, path: string): string {
  const properties = isObject(feature['properties']) ? feature['properties'] : {};
  const candidates = [properties['kode'], properties['code'], feature['id']].filter((c) => c !== undefined && c !== null);
  if (candidates.length === 0) throw new Invalid(path, 'a feature needs its area code in properties.kode, properties.code or id');
  const [code] = candidates;
  if (typeof code !== 'string' || !code.trim()) throw new Invalid(path, 'the area code must be a text such as 62.71.03.1002');
  if (candidates.some((c) => c !== code)) throw new Invalid(path, `id and properties disagree on the area code (${candidates.map(String).join(' ≠ ')})`);
  return code.trim();
}

/**
 * Checks a FeatureCollection of kelurahan boundaries: Polygon/MultiPolygon geometry with finite
 * lon/lat positions in range and closed rings, one feature per code, every code a known kelurahan.
 * Reports one issue per bad feature (up to MAX_ISSUES); geometry is returned as given.
 */
export function validateBoundaries(input: unknown, kelurahanCodes: ReadonlySet<string>, root = 'geojson'): BoundaryValidation {
  if (!isObject(input) || input['type'] !== 'FeatureCollection') {
    return { ok: false, issues: [{ field: `${root}.type`, feature: null, message: 'expected a GeoJSON FeatureCollection' }] };
  }
  const features = input['features'];
  if (!Array.isArray(features) || features.length === 0) {
    return { ok: false, issues: [{ field: `${root}.features`, feature: null, message: 'expected a non-empty array of features' }] };
  }
  const issues: BoundaryIssue[] = [];
  const boundaries: Boundary[] = [];
  const seen = new Map<string, number>();
  for (const [i, feature] of features.entries()) {
    if (issues.length >= MAX_ISSUES) break;
    const path = `${root}.features[${i}]`;
    let code: string | null = null;
    try {
      if (!isObject(feature) || feature['type'] !== 'Feature') throw new Invalid(path, 'expected a GeoJSON Feature');
      code = featureCode(feature, path);
      if (!kelurahanCodes.has(code)) throw new Invalid(path, `no kelurahan has the code ${code}`);
      const earlier = seen.get(code);
      if (earlier !== undefined) throw new Invalid(path, `${code} already appears in features[${earlier}]`);
      seen.set(code, i);
      boundaries.push({ code, geometry: checkGeometry(feature['geometry'], `${path}.geometry`) });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const name = isObject(feature) && isObject(feature['properties']) && typeof feature['properties']['nama'] === 'string' ? feature['properties']['nama'] : null;
      issues.push({ field: error.path, feature: code && name ? `${code} ${name}` : code, message: error.message });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, boundaries };
}

export function describeIssue(issue: BoundaryIssue): string {
  return `${issue.field}${issue.feature ? ` (${issue.feature})` : ''}: ${issue.message}`;
}

export class BoundaryValidationError extends Error {
  override name = 'BoundaryValidationError';
  constructor(readonly issues: BoundaryIssue[]) {
    super(`Invalid boundaries: ${issues.map(describeIssue).join('; ')}`);
  }
}

/** Runs one SQL statement (`?` placeholders) in the caller's transaction and returns its rows. */
export type Execute = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface BoundaryImportSummary {
  /** Features in the collection. */
  features: number;
  /** Kelurahan whose stored boundary changed. */
  updated: Array<{ id: string; code: string }>;
  /** Features equal to the stored boundary (a re-import changes nothing). */
  unchanged: number;
  /** Codes of kelurahan that still have no boundary. */
  withoutBoundary: string[];
}

export const BOUNDARY_BATCH_SIZE = 200;

// One statement per batch: the batch travels as a single jsonb parameter. Equal boundaries are not
// rewritten, so a re-import touches no row.
const UPDATE_BOUNDARIES = `
  update area a set boundary = v.geometry, updated_at = now()
    from jsonb_to_recordset(?::jsonb) as v(code text, geometry jsonb)
   where a.code = v.code and a.level = 'KELURAHAN' and a.boundary is distinct from v.geometry
  returning a.id, a.code`;

export async function kelurahanCodes(execute: Execute): Promise<Set<string>> {
  const rows = await execute(`select code from area where level = 'KELURAHAN'`, []);
  return new Set(rows.map((r) => String(r['code'])));
}

/** Validates and stores; throws BoundaryValidationError before writing anything when the input is bad. */
export async function importBoundaries(execute: Execute, input: unknown, options: { root?: string; batchSize?: number } = {}): Promise<BoundaryImportSummary> {
  const validation = validateBoundaries(input, await kelurahanCodes(execute), options.root);
  if (!validation.ok) throw new BoundaryValidationError(validation.issues);
  const { boundaries } = validation;
  const batchSize = options.batchSize ?? BOUNDARY_BATCH_SIZE;
  const updated: BoundaryImportSummary['updated'] = [];
  for (let i = 0; i < boundaries.length; i += batchSize) {
    const rows = await execute(UPDATE_BOUNDARIES, [JSON.stringify(boundaries.slice(i, i + batchSize))]);
    updated.push(...rows.map((r) => ({ id: String(r['id']), code: String(r['code']) })));
  }
  updated.sort((a, b) => a.code.localeCompare(b.code));
  const missing = await execute(`select code from area where level = 'KELURAHAN' and boundary is null order by code`, []);
  return {
    features: boundaries.length,
    updated,
    unchanged: boundaries.length - updated.length,
    withoutBoundary: missing.map((r) => String(r['code'])),
  };
}
