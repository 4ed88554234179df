import { Anchor, Badge, Paper, Progress, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJobDetailFragment, ImportStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { percentDone } from './import-helpers';

const STATUS_COLOR: Record<ImportStatus, string> = {
  UPLOADED: 'gray',
  VALIDATING: 'blue',
  VALIDATED: 'cyan',
  COMMITTING: 'blue',
  COMMITTED: 'green',
  FAILED: 'red',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="light" data-status={status}>{t(`imports.status.${status}`)}</Badge>;
}

/** Rows done of the total, as a bar and as "x dari y baris"; the bar reports real row numbers to assistive tech. */
export function RowProgress({ done, total, label, testId }: { done: number; total: number; label: string; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = t('imports.progress.rows', { done: f.number(done), total: f.number(total) });
  return (
    <div>
      <Text size="sm" fw={600} mb={4} id={`${testId}-label`}>{label}</Text>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-labelledby={`${testId}-label`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid={testId}
      >
        <Progress.Section value={percentDone(done, total)} withAria={false} animated />
      </Progress.Root>
      <Text size="sm" mt={4} aria-hidden>{text}</Text>
    </div>
  );
}

export interface Count {
  key: string;
  label: string;
  value: number;
  color?: string;
}

/** Counts as small tiles: two per line on a phone. */
export function CountTiles({ counts, testId }: { counts: Count[]; testId: string }) {
  const f = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length > 4 ? 5 : 4 }} spacing="xs" data-testid={testId}>
      {counts.map((c) => (
        <Paper key={c.key} withBorder p="xs" data-count={c.key}>
          <Text size="xs" c="dimmed">{c.label}</Text>
          <Text fw={700} size="lg" c={c.value > 0 ? c.color : undefined} data-value={c.value}>{f.number(c.value)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function RowErrorsTable({ errors }: { errors: ImportJobDetailFragment['firstErrors'] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped verticalSpacing="xs" data-testid="import-row-errors">
        <Table.Caption>{t('imports.dryRun.firstErrors', { count: errors.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('imports.dryRun.line')}</Table.Th>
            <Table.Th>{t('imports.dryRun.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={`${e.line}-${i}`}>
              <Table.Td>{e.line}</Table.Td>
              <Table.Td>{e.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ErrorReportLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={url} download data-testid="import-error-report">{t('imports.errorReport')}</Anchor>
  );
}
