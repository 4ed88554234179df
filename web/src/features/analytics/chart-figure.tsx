import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Suspense, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Loading } from '../../app/states';
import { ErrorBoundary } from '../../app/error-boundary';
import { todayWib, useFormat } from '../../i18n/format';
import { downloadBlob, downloadText } from '../../lib/download';
import { formatCell, csvTable, type Dataset } from './datasets';
import { buildCsv, chartToPng, exportFilename } from './export';

interface ChartFigureProps {
  /** Prefix of the element ids. */
  id: string;
  title: string;
  /** Base of the exported file names, in the page language. */
  fileName: string;
  dataset: Dataset;
  /** A sentence under the title: the finding the chart shows. */
  summary?: ReactNode;
  emptyText?: string;
  /** Controls of the chart (sort, level). */
  controls?: ReactNode;
  /** The chart, lazily loaded. */
  children: ReactNode;
}

/**
 * A chart as a `<figure>`: caption, the chart (a tab stop, see charts.tsx), a data table alternative
 * with the same rows, and CSV/PNG downloads of that data and that drawing.
 */
export function ChartFigure({ id, title, fileName, dataset, summary, emptyText, controls, children }: ChartFigureProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [showTable, setShowTable] = useState(false);
  const [pngError, setPngError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const empty = dataset.rows.length === 0;
  const captionId = `${id}-caption`;
  const tableId = `${id}-table`;

  function exportCsv() {
    const { headers, rows } = csvTable(dataset);
    downloadText(buildCsv(headers, rows), exportFilename(fileName, todayWib(), 'csv'), 'text/csv;charset=utf-8');
  }

  async function exportPng() {
    setPngError(null);
    // The chart's own surface (legend icons are small SVGs of their own, outside the wrapper's direct children).
    const svg = chartRef.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
    if (!svg) {
      setPngError(t('analytics.figure.pngNotReady'));
      return;
    }
    setExporting(true);
    try {
      const blob = await chartToPng(svg, { title, legend: dataset.series, fontFamily: getComputedStyle(svg).fontFamily || 'sans-serif' });
      downloadBlob(blob, exportFilename(fileName, todayWib(), 'png'));
    } catch (e) {
      setPngError(t('analytics.figure.pngFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={captionId} data-testid={`figure-${id}`}>
      <Stack gap="sm">
        <figcaption>
          <Title order={2} size="h4" id={captionId}>{title}</Title>
          {summary && <Text size="sm" c="dimmed" mt={4}>{summary}</Text>}
        </figcaption>
        {controls}
        {empty ? (
          <Empty>{emptyText ?? t('analytics.empty')}</Empty>
        ) : (
          <div ref={chartRef}>
            <ErrorBoundary>
              <Suspense fallback={<Loading label={t('analytics.figure.chartLoading')} />}>{children}</Suspense>
            </ErrorBoundary>
          </div>
        )}
        {!empty && showTable && (
          <Table.ScrollContainer minWidth={Math.min(960, dataset.columns.length * 120)}>
            <Table id={tableId} striped fz="sm" aria-labelledby={captionId}>
              <Table.Thead>
                <Table.Tr>
                  {dataset.columns.map((c) => (
                    <Table.Th key={c.key} scope="col" ta={c.kind === 'text' || c.kind === 'month' ? 'left' : 'right'}>{c.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dataset.rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {dataset.columns.map((c) =>
                      c.key === dataset.category ? (
                        <Table.Th key={c.key} scope="row" fw={500}>{formatCell(c.kind, r[c.key] ?? null, fmt)}</Table.Th>
                      ) : (
                        <Table.Td key={c.key} ta={c.kind === 'text' || c.kind === 'month' ? 'left' : 'right'}>{formatCell(c.kind, r[c.key] ?? null, fmt)}</Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pngError && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setPngError(null)} closeButtonLabel={t('common.close')}>
            {pngError}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setShowTable((v) => !v)} aria-expanded={showTable} aria-controls={tableId} disabled={empty}>
            {showTable ? t('analytics.figure.hideTable') : t('analytics.figure.showTable')}
          </Button>
          <Button size="xs" variant="light" onClick={exportCsv} disabled={empty} aria-label={t('analytics.figure.csvOf', { title })}>
            {t('analytics.figure.csv')}
          </Button>
          <Button size="xs" variant="light" onClick={() => void exportPng()} loading={exporting} disabled={empty} aria-label={t('analytics.figure.pngOf', { title })}>
            {t('analytics.figure.png')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
