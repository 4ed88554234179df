import { Box, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBoundary } from '../../app/error-boundary';
import { Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { coverageColor, coverageScale, groupByKecamatan, householdsHref, legendCounts, legendLabels, NO_DATA_COLOR, type CoverageScale, type TileArea } from './coverage-scale';

// d3-geo and the boundaries are fetched only when there is a map to draw.
const CoverageChoropleth = lazy(() => import('./coverage-choropleth'));

/** The legend with how many kelurahan each colour has, and a note when the scale stops short of 100%. */
export function CoverageLegend({ scale, areas }: { scale: CoverageScale; areas: readonly TileArea[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = legendCounts(scale, areas);
  const labels = [...legendLabels(scale, (n) => fmt.number(n)), t('dashboard.noData')];
  return (
    <Stack gap={4}>
      <Group gap="sm" component="ul" aria-label={t('dashboard.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="coverage-legend">
        {counts.map(({ bin, count }, i) => (
          <Group key={bin?.from ?? 'no-data'} gap={4} component="li" wrap="nowrap">
            <Box w={16} h={16} bg={bin?.color ?? NO_DATA_COLOR} style={{ borderRadius: 3, border: '1px solid #adb5bd', flexShrink: 0 }} aria-hidden />
            <Text size="xs">{t('dashboard.legendItem', { label: labels[i], count })}</Text>
          </Group>
        ))}
      </Group>
      {scale.ceiling < 100 && (
        <Text size="xs" c="dimmed" data-testid="legend-scale">
          {t('dashboard.legendScale', { ceiling: fmt.percent(scale.ceiling), max: fmt.percent(scale.max) })}
        </Text>
      )}
    </Stack>
  );
}

/** The map's card: title, a hint on how to read it, then the map. */
export function MapFrame({ hint, children }: { hint: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="map-title">
      <Title order={2} size="h4" id="map-title">{t('dashboard.map')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{hint}</Text>
      {children}
    </Paper>
  );
}

/** Tile-grid map: one tile per kelurahan, grouped by kecamatan, coloured by coverage. */
export function CoverageTileMap({ areas }: { areas: readonly TileArea[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const groups = groupByKecamatan(areas);
  const scale = coverageScale(areas);
  return (
    <MapFrame hint={t('dashboard.mapHint')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="coverage-map">
        {groups.map((g) => (
          <Stack key={g.code} gap={4}>
            <Text size="sm" fw={700}>{g.name}</Text>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing={4}>
              {g.items.map((a) => {
                const c = coverageColor(scale, a.coveragePct);
                return (
                  <UnstyledButton
                    key={a.code}
                    component={Link}
                    to={householdsHref(a.code)}
                    data-testid="kelurahan-tile"
                    style={{ background: c.fill, color: c.text, borderRadius: 6, padding: '6px 8px', minHeight: 52 }}
                  >
                    <Text size="xs" fw={600} lh={1.2} c="inherit">{a.name}</Text>
                    <Text size="xs" c="inherit">{a.coveragePct == null ? t('dashboard.noData') : fmt.percent(a.coveragePct)}</Text>
                  </UnstyledButton>
                );
              })}
            </SimpleGrid>
          </Stack>
        ))}
      </SimpleGrid>
      <Box mt="sm"><CoverageLegend scale={scale} areas={areas} /></Box>
    </MapFrame>
  );
}

/**
 * The coverage map of the coordinator: a choropleth when kelurahan boundaries have been imported,
 * otherwise (or when the map cannot load) the tile grid.
 */
export function CoverageMap({ areas, withBoundaries }: { areas: readonly TileArea[]; withBoundaries: boolean }) {
  const { t } = useTranslation();
  if (!withBoundaries) return <CoverageTileMap areas={areas} />;
  return (
    <ErrorBoundary fallback={<CoverageTileMap areas={areas} />}>
      <Suspense fallback={<MapFrame hint={t('dashboard.mapGeoHint')}><Loading label={t('dashboard.mapLoading')} /></MapFrame>}>
        <CoverageChoropleth areas={areas} />
      </Suspense>
    </ErrorBoundary>
  );
}
