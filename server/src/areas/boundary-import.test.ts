import { describe, expect, it } from 'vitest';
import { BoundaryValidationError, describeIssue, validateBoundaries } from './boundary-import.js';
import { UsageError } from '../config/cli.js';
import { parseImportArgs } from './import-cli.js';
import { DEFAULT_BOUNDARY_FILE } from './boundary-file.js';

const KELURAHAN = new Set(['62.71.03.1001', '62.71.03.1002', '62.71.01.1001']);
const square = (lon = 113.89, lat = -2.25, d = 0.01) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const feature = (code: string, geometry: unknown = { type: 'Polygon', coordinates: square() }, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { kode: code, nama: 'Menteng' },
  geometry,
  ...extra,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function issuesOf(input: unknown) {
  const result = validateBoundaries(input, KELURAHAN);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('validateBoundaries', () => {
  it('accepts Polygon and MultiPolygon features and returns their geometry as given', () => {
    const multi = { type: 'MultiPolygon', coordinates: [square(113.9, -2.2), square(113.95, -2.2)] };
    const result = validateBoundaries(collection(feature('62.71.03.1002'), feature('62.71.03.1001', multi)), KELURAHAN);
    expect(result).toEqual({
      ok: true,
      boundaries: [
        { code: '62.71.03.1002', geometry: { type: 'Polygon', coordinates: square() } },
        { code: '62.71.03.1001', geometry: multi },
      ],
    });
  });

  it('reads the code from properties.kode, properties.code or the feature id, and refuses when they disagree', () => {
    const geometry = { type: 'Polygon', coordinates: square() };
    for (const f of [
      { type: 'Feature', id: '62.71.03.1002', properties: null, geometry },
      { type: 'Feature', properties: { code: '62.71.03.1002' }, geometry },
      { type: 'Feature', id: '62.71.03.1002', properties: { kode: '62.71.03.1002' }, geometry },
    ]) {
      expect(validateBoundaries(collection(f), KELURAHAN)).toMatchObject({ ok: true, boundaries: [{ code: '62.71.03.1002' }] });
    }
    expect(issuesOf(collection(feature('62.71.03.1002', geometry, { id: '62.71.03.1001' })))[0]!.message).toMatch(/disagree/);
    expect(issuesOf(collection({ type: 'Feature', properties: {}, geometry }))[0]!.message).toMatch(/area code/);
    expect(issuesOf(collection({ type: 'Feature', id: 7, properties: {}, geometry }))[0]!.message).toMatch(/text/);
  });

  it('names unknown codes and codes that are not kelurahan', () => {
    const issues = issuesOf(collection(feature('62.71.03.1002'), feature('62.71.09.1001'), feature('62.71.03')));
    expect(issues.map(describeIssue)).toEqual([
      'geojson.features[1] (62.71.09.1001 Menteng): no kelurahan has the code 62.71.09.1001',
      'geojson.features[2] (62.71.03 Menteng): no kelurahan has the code 62.71.03',
    ]);
  });

  it('refuses a code twice', () => {
    expect(issuesOf(collection(feature('62.71.03.1002'), feature('62.71.03.1002')))).toEqual([
      { field: 'geojson.features[1]', feature: '62.71.03.1002 Menteng', message: '62.71.03.1002 already appears in features[0]' },
    ]);
  });

  it('refuses other geometry types, missing geometry and non-features', () => {
    expect(issuesOf(collection(feature('62.71.03.1002', { type: 'Point', coordinates: [113.9, -2.2] })))[0]).toMatchObject({
      field: 'geojson.features[0].geometry.type',
      message: 'geometry must be a Polygon or MultiPolygon, got "Point"',
    });
    expect(issuesOf(collection(feature('62.71.03.1002', null)))[0]).toMatchObject({ field: 'geojson.features[0].geometry', message: 'missing geometry' });
    expect(issuesOf(collection({ type: 'Polygon', coordinates: square() }))[0]).toMatchObject({ field: 'geojson.features[0]', message: 'expected a GeoJSON Feature' });
    expect(issuesOf(collection(feature('62.71.03.1002', { type: 'MultiPolygon', coordinates: [] })))[0]!.field).toBe('geojson.features[0].geometry.coordinates');
  });

  it('refuses positions that are not finite lon/lat in range, pointing at the position', () => {
    const bad = (position: unknown) => {
      const ring = [...square()[0]!] as unknown[];
      ring[2] = position;
      return issuesOf(collection(feature('62.71.03.1002', { type: 'Polygon', coordinates: [ring] })))[0]!;
    };
    expect(bad([181, -2.2])).toMatchObject({ field: 'geojson.features[0].geometry.coordinates[0][2]', message: 'longitude 181 is outside −180…180' });
    expect(bad([113.9, -90.5]).message).toBe('latitude -90.5 is outside −90…90');
    expect(bad([113.9, Number.NaN]).message).toBe('coordinates must be finite numbers');
    expect(bad([113.9, '-2.2']).message).toBe('coordinates must be finite numbers');
    expect(bad([113.9]).message).toMatch(/longitude, latitude/);
    expect(validateBoundaries(collection(feature('62.71.03.1002', { type: 'Polygon', coordinates: [[[113.9, -2.2, 10], [114, -2.2, 10], [114, -2.1, 10], [113.9, -2.2, 10]]] })), KELURAHAN).ok).toBe(true);
  });

  it('refuses rings that are open or too short', () => {
    const open = [[[113.9, -2.2], [114, -2.2], [114, -2.1], [113.95, -2.1]]];
    expect(issuesOf(collection(feature('62.71.03.1002', { type: 'Polygon', coordinates: open })))[0]).toMatchObject({
      field: 'geojson.features[0].geometry.coordinates[0]',
      message: 'a linear ring must end where it starts',
    });
    const short = [[[113.9, -2.2], [114, -2.2], [113.9, -2.2]]];
    expect(issuesOf(collection(feature('62.71.03.1002', { type: 'Polygon', coordinates: short })))[0]!.message).toMatch(/at least 4 positions/);
    expect(issuesOf(collection(feature('62.71.03.1002', { type: 'Polygon', coordinates: [] })))[0]!.message).toMatch(/non-empty array of linear rings/);
  });

  it('refuses anything but a non-empty FeatureCollection', () => {
    expect(issuesOf({ type: 'Feature' })).toEqual([{ field: 'geojson.type', feature: null, message: 'expected a GeoJSON FeatureCollection' }]);
    expect(issuesOf(null)[0]!.field).toBe('geojson.type');
    expect(issuesOf(collection())[0]).toMatchObject({ field: 'geojson.features', message: 'expected a non-empty array of features' });
  });

  it('reports one issue per bad feature, at most 20, under the given root', () => {
    const many = Array.from({ length: 30 }, (_, i) => feature(`62.71.09.${1001 + i}`));
    const result = validateBoundaries(collection(...many), KELURAHAN, 'batas.geojson');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(20);
    expect(result.issues[0]!.field).toBe('batas.geojson.features[0]');
    expect(new BoundaryValidationError(result.issues).message).toMatch(/^Invalid boundaries: batas\.geojson\.features\[0\] \(62\.71\.09\.1001 Menteng\)/);
  });
});

describe('import:boundaries arguments', () => {
  it('defaults to the shared file and resolves a given file from where pnpm was run', () => {
    expect(parseImportArgs([], '/home/x')).toEqual({ file: DEFAULT_BOUNDARY_FILE, verbose: false, help: false });
    expect(DEFAULT_BOUNDARY_FILE.endsWith('/shared/data/geo/palangka-raya-kelurahan.geojson')).toBe(true);
    expect(parseImportArgs(['--', 'batas.geojson'], '/home/x').file).toBe('/home/x/batas.geojson');
    expect(parseImportArgs(['/data/b.geojson', '--verbose'], '/home/x')).toMatchObject({ file: '/data/b.geojson', verbose: true });
    expect(() => parseImportArgs(['a', 'b'], '/')).toThrow(UsageError);
    expect(() => parseImportArgs(['--bogus'], '/')).toThrow(UsageError);
  });
});
