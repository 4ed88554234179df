// Pure logic of the choropleth: joining boundaries to coverage, fitting the projection to the
// container, and the kelurahan with the lowest coverage. Imported only by the lazy map chunk (it pulls in d3-geo).
import { type ExtendedFeature, type ExtendedFeatureCollection, geoMercator, geoPath } from 'd3-geo';
import type { TileArea } from './coverage-scale';

type Position = number[];
export type AreaGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** What the boundaries query answers per kelurahan. */
export interface BoundaryRow {
  code: string;
  boundary?: Record<string, unknown> | null;
}

export type MapFeature = ExtendedFeature<AreaGeometry, TileArea> & { id: string };

// Twice the signed area of a ring in the lon/lat plane: negative when it runs clockwise.
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
  return signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();
}

const rewindPolygon = (rings: Position[][]) => rings.map((ring, i) => orient(ring, i === 0));

/**
 * d3-geo reads rings on the sphere: an exterior ring must run clockwise, holes counter-clockwise.
 * GeoJSON files often follow RFC 7946 (the opposite), which d3 would draw as the whole globe minus
 * the kelurahan; so every ring is put in d3's order. Kelurahan are small enough for planar winding.
 */
export function rewindForD3(geometry: AreaGeometry): AreaGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) };
}

function isAreaGeometry(value: unknown): value is AreaGeometry {
  const g = value as { type?: unknown; coordinates?: unknown } | null | undefined;
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates) && g.coordinates.length > 0;
}

/** Kelurahan with a boundary as map features (by code), and those without one. */
export function joinBoundaries(areas: readonly TileArea[], rows: readonly BoundaryRow[]): { features: MapFeature[]; withoutBoundary: TileArea[] } {
  const geometry = new Map(rows.filter((r) => isAreaGeometry(r.boundary)).map((r) => [r.code, r.boundary as unknown as AreaGeometry]));
  const features: MapFeature[] = [];
  const withoutBoundary: TileArea[] = [];
  for (const area of [...areas].sort((a, b) => a.code.localeCompare(b.code))) {
    const g = geometry.get(area.code);
    if (g) features.push({ type: 'Feature', id: area.code, properties: area, geometry: rewindForD3(g) });
    else withoutBoundary.push(area);
  }
  return { features, withoutBoundary };
}

export interface MapShape {
  code: string;
  area: TileArea;
  /** SVG path data */
  d: string;
  /** Where a tooltip points, in SVG pixels */
  centroid: [number, number];
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: MapShape[];
}

export const MAP_PADDING = 8;

/**
 * Fits a Mercator projection of the features to the given width; the height follows the city's
 * shape, capped at `maxHeight` (a tall city is then narrower and centred).
 */
export function layoutMap(features: readonly MapFeature[], width: number, maxHeight = 560): MapLayout {
  const collection: ExtendedFeatureCollection<MapFeature> = { type: 'FeatureCollection', features: [...features] };
  const projection = geoMercator();
  const path = geoPath(projection);
  projection.fitSize([1000, 1000], collection);
  const [[x0, y0], [x1, y1]] = path.bounds(collection);
  const aspect = x1 > x0 ? (y1 - y0) / (x1 - x0) : 1;
  const inner = Math.max(1, width - 2 * MAP_PADDING);
  const height = Math.round(Math.min(maxHeight, inner * aspect + 2 * MAP_PADDING));
  projection.fitExtent([[MAP_PADDING, MAP_PADDING], [width - MAP_PADDING, height - MAP_PADDING]], collection);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    shapes: features.map((f) => {
      const [cx, cy] = path.centroid(f);
      return { code: f.id, area: f.properties, d: path(f) ?? '', centroid: [round(cx), round(cy)] };
    }),
  };
}

/** The kelurahan with the lowest coverage, for the list beside the map (kelurahan without data left out). */
export function lowestCoverage(areas: readonly TileArea[], n: number): TileArea[] {
  return areas
    .filter((a) => a.coveragePct != null)
    .sort((a, b) => a.coveragePct! - b.coveragePct! || a.code.localeCompare(b.code))
    .slice(0, n);
}
