import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { geoArea } from 'd3-geo';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import { ChoroplethMap } from './coverage-choropleth';
import { type AreaGeometry, joinBoundaries, layoutMap, lowestCoverage, MAP_PADDING, rewindForD3 } from './coverage-geo';
import { CoverageMap, CoverageTileMap } from './coverage-map';
import { BIN_COLORS, coverageScale, householdsHref, legendCounts, NO_DATA_COLOR, type TileArea } from './coverage-scale';

// Squares of 0.05° in the lon/lat plane, counter-clockwise as RFC 7946 writes exterior rings.
const square = (lon: number, lat: number, d = 0.05) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const polygon = (lon: number, lat: number): AreaGeometry => ({ type: 'Polygon', coordinates: square(lon, lat) });

const AREAS: TileArea[] = [
  { code: '62.71.03.1002', name: 'Menteng', coveragePct: 85.5, parentCode: '62.71.03', parentName: 'Jekan Raya' },
  { code: '62.71.03.1001', name: 'Palangka', coveragePct: 12, parentCode: '62.71.03', parentName: 'Jekan Raya' },
  { code: '62.71.01.1001', name: 'Pahandut', coveragePct: null, parentCode: '62.71.01', parentName: 'Pahandut' },
  { code: '62.71.02.1001', name: 'Marang', coveragePct: 45, parentCode: '62.71.02', parentName: 'Bukit Batu' },
];
// Three kelurahan stacked north to south (the city is taller than wide); Marang has no boundary.
const ROWS = [
  { code: '62.71.03.1002', boundary: polygon(113.9, -2.25) },
  { code: '62.71.03.1001', boundary: polygon(113.9, -2.2) },
  { code: '62.71.01.1001', boundary: { type: 'MultiPolygon', coordinates: [square(113.9, -2.15), square(113.95, -2.1)] } },
  { code: '62.71.02.1001', boundary: null },
];

describe('choropleth logic', () => {
  it('rewinds rings to d3-geo order, so a kelurahan is not drawn as the rest of the globe', () => {
    const area = (g: AreaGeometry) => geoArea({ type: 'Polygon', coordinates: g.coordinates as number[][][] });
    const rfc = polygon(113.9, -2.2);
    expect(area(rfc)).toBeGreaterThan(12);
    const rewound = rewindForD3(rfc);
    expect(area(rewound)).toBeLessThan(1e-5);
    expect(rewindForD3(rewound)).toEqual(rewound);
    // A hole runs the other way round and is cut out.
    const outer = square(113.9, -2.2, 0.1)[0]!;
    const hole = square(113.92, -2.18, 0.02)[0]!;
    const whole = area(rewindForD3({ type: 'Polygon', coordinates: [outer] }));
    expect(area(rewindForD3({ type: 'Polygon', coordinates: [outer, hole] }))).toBeCloseTo(whole * 0.96, 9);
  });

  it('joins boundaries to coverage by code, in code order, and lists kelurahan without one', () => {
    const { features, withoutBoundary } = joinBoundaries(AREAS, ROWS);
    expect(features.map((f) => f.id)).toEqual(['62.71.01.1001', '62.71.03.1001', '62.71.03.1002']);
    expect(features[2]!.properties).toBe(AREAS[0]);
    expect(features[0]!.geometry.type).toBe('MultiPolygon');
    expect(withoutBoundary.map((a) => a.name)).toEqual(['Marang']);
    // A boundary that is not a polygon is left out rather than drawn wrong.
    expect(joinBoundaries(AREAS, [{ code: '62.71.03.1002', boundary: { type: 'Point', coordinates: [113.9, -2.2] } }]).features).toEqual([]);
  });

  it('fits the map to the width, with a height that follows the shape up to a cap', () => {
    const { features } = joinBoundaries(AREAS, ROWS);
    const extent = (layout: ReturnType<typeof layoutMap>) => {
      const numbers = layout.shapes.flatMap((s) => s.d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number));
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    };
    // The squares span 0.1° east–west and 0.2° north–south: twice as tall as wide.
    const narrow = layoutMap(features, 200);
    expect(narrow.width).toBe(200);
    expect(narrow.height).toBeCloseTo(2 * (200 - 2 * MAP_PADDING) + 2 * MAP_PADDING, -1);
    expect(extent(narrow)).toMatchObject({ x0: expect.closeTo(MAP_PADDING, 0), x1: expect.closeTo(200 - MAP_PADDING, 0) });
    // Wider: the height stops at the cap and the map is centred.
    const wide = layoutMap(features, 600);
    expect(wide.height).toBe(560);
    const e = extent(wide);
    expect(e.y0).toBeCloseTo(MAP_PADDING, 0);
    expect(e.y1).toBeCloseTo(560 - MAP_PADDING, 0);
    expect((e.x0 + e.x1) / 2).toBeCloseTo(300, 0);
    expect(e.x1 - e.x0).toBeCloseTo((560 - 2 * MAP_PADDING) / 2, -1);
    // North is up: Menteng (southernmost) lies below Palangka.
    const y = (code: string) => narrow.shapes.find((s) => s.code === code)!.centroid[1];
    expect(y('62.71.03.1002')).toBeGreaterThan(y('62.71.03.1001'));
  });

  it('counts kelurahan per legend bin, "no data" last, and picks the lowest coverage', () => {
    const scale = coverageScale(AREAS);
    const counts = legendCounts(scale, AREAS);
    expect(counts.map((c) => c.bin)).toEqual([...scale.bins, null]);
    expect(counts.map((c) => c.count)).toEqual([1, 0, 1, 0, 1, 1]);
    expect(lowestCoverage(AREAS, 2).map((a) => a.name)).toEqual(['Palangka', 'Marang']);
    expect(householdsHref('62.71.03.1002')).toBe('/rumah-tangga?kelurahan=62.71.03.1002');
  });
});

function Households() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderMap(areas: TileArea[] = AREAS) {
  const { features, withoutBoundary } = joinBoundaries(areas, ROWS);
  return renderUi(
    <Routes>
      <Route path="/" element={<ChoroplethMap features={features} areas={areas} withoutBoundary={withoutBoundary} width={360} />} />
      <Route path="/rumah-tangga" element={<Households />} />
    </Routes>,
  );
}

describe('ChoroplethMap', () => {
  it('draws each kelurahan as a focusable link coloured by coverage, named with its coverage', () => {
    renderMap();
    const map = screen.getByRole('group', { name: 'Peta cakupan kebutuhan per kelurahan' });
    expect(map.getAttribute('width')).toBe('360');
    const menteng = within(map).getByRole('link', { name: 'Menteng: cakupan 85,5%' });
    expect(menteng.getAttribute('tabindex')).toBe('0');
    expect(menteng.getAttribute('href')).toBe('/rumah-tangga?kelurahan=62.71.03.1002');
    // 85,5% is the highest: the scale runs to 100% and Menteng is in its top bin.
    expect(menteng.querySelector('path')!.getAttribute('fill')).toBe(BIN_COLORS[4]!.color);
    expect(within(map).getByRole('link', { name: 'Pahandut: tanpa data cakupan' }).querySelector('path')!.getAttribute('fill')).toBe(NO_DATA_COLOR);
    expect(within(map).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByTestId('without-boundary').textContent).toContain('Marang');
  });

  it('shows a tooltip on keyboard focus and on hover', () => {
    renderMap();
    fireEvent.focus(screen.getByRole('link', { name: 'Palangka: cakupan 12%' }));
    const tip = screen.getByTestId('map-tooltip');
    expect(tip.textContent).toContain('Palangka');
    expect(tip.textContent).toContain('Kecamatan Jekan Raya');
    expect(tip.textContent).toContain('Cakupan: 12%');
    fireEvent.blur(screen.getByRole('link', { name: 'Palangka: cakupan 12%' }));
    expect(screen.queryByTestId('map-tooltip')).toBeNull();
    fireEvent.mouseMove(screen.getByRole('link', { name: 'Menteng: cakupan 85,5%' }), { clientX: 100, clientY: 100 });
    expect(screen.getByTestId('map-tooltip').textContent).toContain('Menteng');
  });

  it('opens the households of a kelurahan with Enter', () => {
    renderMap();
    fireEvent.keyDown(screen.getByRole('link', { name: 'Menteng: cakupan 85,5%' }), { key: 'Enter' });
    expect(screen.getByTestId('location').textContent).toBe('/rumah-tangga?kelurahan=62.71.03.1002');
  });

  it('opens the households of a kelurahan with a click', () => {
    renderMap();
    fireEvent.click(screen.getByRole('link', { name: 'Pahandut: tanpa data cakupan' }));
    expect(screen.getByTestId('location').textContent).toBe('/rumah-tangga?kelurahan=62.71.01.1001');
  });

  it('has a legend with the number of kelurahan per colour, and the lowest coverage as links', () => {
    renderMap();
    const legend = screen.getByRole('list', { name: 'Legenda cakupan' });
    expect(within(legend).getByText('0–20%: 1 kelurahan')).toBeTruthy();
    expect(within(legend).getByText('Tanpa data: 1 kelurahan')).toBeTruthy();
    const lowest = screen.getByRole('list', { name: 'Cakupan terendah' });
    expect(within(lowest).getAllByRole('link').map((a) => a.textContent)).toEqual(['Palangka', 'Marang', 'Menteng']);
  });

  it('fits the colours to low coverage, on the same scale as the tile grid', () => {
    // As in the demo city: nothing above 15%, so a 0–100% scale would paint every kelurahan alike.
    const lowPct: Record<string, number> = { Menteng: 13.4, Palangka: 1.5, Marang: 7 };
    const low = AREAS.map((a) => ({ ...a, coveragePct: lowPct[a.name] ?? null }));
    renderMap(low);
    const fill = (name: RegExp) => screen.getByRole('link', { name }).querySelector('path')!.getAttribute('fill');
    expect(fill(/^Menteng: cakupan 13,4%/)).toBe(BIN_COLORS[4]!.color);
    expect(fill(/^Palangka: cakupan 1,5%/)).toBe(BIN_COLORS[0]!.color);
    const legend = screen.getByRole('list', { name: 'Legenda cakupan' });
    expect(within(legend).getByText('12–15%: 1 kelurahan')).toBeTruthy();
    expect(within(legend).getByText('6–9%: 1 kelurahan')).toBeTruthy();
    expect(screen.getByTestId('legend-scale').textContent).toContain('0–15%');
    cleanup();

    renderUi(<CoverageTileMap areas={low} />);
    const tile = (name: string) => screen.getByRole('link', { name: new RegExp(`^${name}`) });
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(tile('Menteng').style.background).toBe(rgb(BIN_COLORS[4]!.color));
    expect(tile('Palangka').style.background).toBe(rgb(BIN_COLORS[0]!.color));
    expect(tile('Marang').style.background).toBe(rgb(BIN_COLORS[2]!.color));
  });
});

describe('CoverageMap', () => {
  it('shows the tile grid when no kelurahan has a boundary, without loading the choropleth', () => {
    renderUi(<CoverageMap areas={AREAS} withBoundaries={false} />);
    expect(screen.getAllByTestId('kelurahan-tile')).toHaveLength(4);
    expect(screen.queryByTestId('coverage-choropleth')).toBeNull();
  });
});
