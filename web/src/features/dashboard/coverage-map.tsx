import { Box, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { COVERAGE_BINS, coverageColor, groupByKecamatan, legendLabels, NO_DATA_COLOR, type TileArea } from './coverage-scale';

export function CoverageLegend() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = legendLabels((n) => fmt.number(n));
  return (
    <Group gap="sm" component="ul" aria-label={t('dashboard.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="coverage-legend">
      {COVERAGE_BINS.map((b, i) => (
        <Group key={b.from} gap={4} component="li">
          <Box w={16} h={16} bg={b.color} style={{ borderRadius: 3 }} aria-hidden />
          <Text size="xs">{labels[i]}</Text>
        </Group>
      ))}
      <Group gap={4} component="li">
        <Box w={16} h={16} bg={NO_DATA_COLOR} style={{ borderRadius: 3, border: '1px solid #adb5bd' }} aria-hidden />
        <Text size="xs">{t('dashboard.noData')}</Text>
      </Group>
    </Group>
  );
}

/** Tile-grid map: one tile per kelurahan, grouped by kecamatan, coloured by coverage. */
export function CoverageTileMap({ areas }: { areas: readonly TileArea[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const groups = groupByKecamatan(areas);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="map-title">
      <Title order={2} size="h4" id="map-title">{t('dashboard.map')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('dashboard.mapHint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="coverage-map">
        {groups.map((g) => (
          <Stack key={g.code} gap={4}>
            <Text size="sm" fw={700}>{g.name}</Text>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing={4}>
              {g.items.map((a) => {
                const c = coverageColor(a.coveragePct);
                return (
                  <UnstyledButton
                    key={a.code}
                    component={Link}
                    to={`/rumah-tangga?kelurahan=${encodeURIComponent(a.code)}`}
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
      <Box mt="sm"><CoverageLegend /></Box>
    </Paper>
  );
}
