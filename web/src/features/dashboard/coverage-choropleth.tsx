// Loaded only through React.lazy (coverage-map.tsx): d3-geo stays out of the initial bundle.
import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Grid, List, Paper, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../app/states';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { joinBoundaries, layoutMap, lowestCoverage, type MapFeature } from './coverage-geo';
import { CoverageLegend, CoverageTileMap, MapFrame } from './coverage-map';
import { coverageColor, coverageScale, householdsHref, type TileArea } from './coverage-scale';

// The geometry is asked for here only, so the dashboard's own query stays light.
const BOUNDARIES = graphql(`
  query CoverageBoundaries {
    areas(level: KELURAHAN) {
      id
      code
      boundary
    }
  }
`);

/** Until the container is measured (and in tests without layout), the map is drawn this wide and scaled by CSS. */
const DEFAULT_WIDTH = 600;

export default function CoverageChoropleth({ areas }: { areas: readonly TileArea[] }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(BOUNDARIES);
  const joined = useMemo(() => joinBoundaries(areas, data?.areas ?? []), [areas, data]);
  if (loading && !data) {
    return <MapFrame hint={t('dashboard.mapGeoHint')}><Loading label={t('dashboard.mapLoading')} /></MapFrame>;
  }
  // The product works without boundaries: the tile grid needs none.
  if (error || joined.features.length === 0) return <CoverageTileMap areas={areas} />;
  return (
    <MapFrame hint={t('dashboard.mapGeoHint')}>
      <ChoroplethMap features={joined.features} areas={areas} withoutBoundary={joined.withoutBoundary} />
    </MapFrame>
  );
}

interface Active {
  code: string;
  /** Tooltip anchor in SVG pixels: the pointer, or the centroid when focused by keyboard */
  x: number;
  y: number;
}

/** The SVG map with its legend and the kelurahan with the lowest coverage beside it. */
export function ChoroplethMap({
  features,
  areas,
  withoutBoundary,
  width,
}: {
  features: readonly MapFeature[];
  areas: readonly TileArea[];
  withoutBoundary: readonly TileArea[];
  /** Fixed width (tests); otherwise the container's */
  width?: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { ref, width: measured } = useElementSize();
  const mapWidth = width ?? (measured > 0 ? Math.floor(measured) : DEFAULT_WIDTH);
  const layout = useMemo(() => layoutMap(features, mapWidth), [features, mapWidth]);
  // Fitted to all kelurahan, those without a boundary too: the same scale as the tile grid's.
  const scale = useMemo(() => coverageScale(areas), [areas]);
  const svg = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<Active | null>(null);
  const activeShape = active && layout.shapes.find((s) => s.code === active.code);

  const coverageText = (a: TileArea) => (a.coveragePct == null ? t('dashboard.noData') : fmt.percent(a.coveragePct));
  const label = (a: TileArea) =>
    a.coveragePct == null ? t('dashboard.mapAreaNoData', { name: a.name }) : t('dashboard.mapAreaLabel', { name: a.name, coverage: fmt.percent(a.coveragePct) });

  const open = (code: string) => navigate(householdsHref(code));
  const onClick = (e: MouseEvent, code: string) => {
    // Let the browser handle new-tab and new-window clicks on the link.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open(code);
  };
  const onKeyDown = (e: KeyboardEvent, code: string) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    open(code);
  };
  const pointer = (e: MouseEvent, code: string) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return;
    const ratio = box.width > 0 ? layout.width / box.width : 1;
    setActive({ code, x: (e.clientX - box.left) * ratio, y: (e.clientY - box.top) * ratio });
  };

  const lowest = lowestCoverage(areas, 5);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Box ref={ref} pos="relative" data-testid="coverage-choropleth">
          <svg
            ref={svg}
            role="group"
            aria-label={t('dashboard.mapLabel')}
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={{ display: 'block', maxWidth: '100%', height: 'auto', margin: '0 auto' }}
          >
            {layout.shapes.map((s) => (
              <a
                key={s.code}
                href={householdsHref(s.code)}
                tabIndex={0}
                aria-label={label(s.area)}
                data-code={s.code}
                data-testid="kelurahan-shape"
                onClick={(e) => onClick(e, s.code)}
                onKeyDown={(e) => onKeyDown(e, s.code)}
                onMouseMove={(e) => pointer(e, s.code)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive({ code: s.code, x: s.centroid[0], y: s.centroid[1] })}
                onBlur={() => setActive(null)}
              >
                <path d={s.d} fill={coverageColor(scale, s.area.coveragePct).fill} fillRule="evenodd" stroke="#ffffff" strokeWidth={0.75} />
              </a>
            ))}
            {/* The active kelurahan's outline on top of its neighbours, without changing the tab order. */}
            {activeShape && <path d={activeShape.d} fill="none" stroke="#212529" strokeWidth={2.5} pointerEvents="none" aria-hidden />}
          </svg>
          {active && activeShape && (
            <Paper
              shadow="sm"
              withBorder
              p={6}
              aria-hidden
              data-testid="map-tooltip"
              style={{
                position: 'absolute',
                // Kept inside the map so it never widens a phone screen.
                left: `${(Math.min(Math.max(active.x, 90), layout.width - 90) / layout.width) * 100}%`,
                top: `${(active.y / layout.height) * 100}%`,
                transform: 'translate(-50%, calc(-100% - 10px))',
                pointerEvents: 'none',
                whiteSpace: 'nowrap',
              }}
            >
              <Text size="sm" fw={700}>{activeShape.area.name}</Text>
              {activeShape.area.parentName && <Text size="xs" c="dimmed">{t('dashboard.mapKecamatan', { name: activeShape.area.parentName })}</Text>}
              <Text size="xs">{t('dashboard.mapCoverage', { coverage: coverageText(activeShape.area) })}</Text>
            </Paper>
          )}
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <CoverageLegend scale={scale} areas={areas} />
          {lowest.length > 0 && (
            <div>
              <Text size="sm" fw={700} id="map-lowest">{t('dashboard.mapLowest')}</Text>
              <List size="sm" spacing={2} aria-labelledby="map-lowest">
                {lowest.map((a) => (
                  <List.Item key={a.code}>
                    <Anchor component={Link} to={householdsHref(a.code)} size="sm">{a.name}</Anchor>{' '}
                    <Text span size="sm" c="dimmed">{fmt.percent(a.coveragePct)}</Text>
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {withoutBoundary.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="without-boundary">
              {t('dashboard.mapWithoutBoundary', { names: withoutBoundary.map((a) => a.name).join(', ') })}
            </Text>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
