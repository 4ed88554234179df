import { useQuery } from '@apollo/client/react';
import { Anchor, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../app/states';
import { graphql } from '../../gql';
import type { ImportSourceItemFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { isRunning } from './import-helpers';
import { ImportStatusBadge } from './import-parts';

export const IMPORT_JOB_SUMMARY = graphql(`
  fragment ImportJobSummary on ImportJob {
    id
    source
    fileName
    status
    sourceDate
    rowsTotal
    rowsDone
    validRows
    inserted
    updated
    unchanged
    rejected
    inReview
    createdByName
    createdAt
    validatedAt
    committedAt
  }
`);

const IMPORT_JOBS = graphql(`
  query ImportJobs($first: Int!) {
    importJobs(first: $first) {
      ...ImportJobSummary
    }
  }
`);

/** The latest jobs; a job's file name opens it in the flow at its step. */
export function ImportHistory({ sources, onOpen }: { sources: ImportSourceItemFragment[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(IMPORT_JOBS, {
    variables: { first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const jobs = data?.importJobs;
  const anyRunning = jobs?.some((j) => isRunning(j.status)) ?? false;
  useEffect(() => {
    if (!anyRunning) return;
    startPolling(2000);
    return () => stopPolling();
  }, [anyRunning, startPolling, stopPolling]);

  if (loading && !jobs) return <Loading />;
  if (error && !jobs) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!jobs || jobs.length === 0) return <Empty>{t('imports.history.empty')}</Empty>;
  const label = (source: string) => sources.find((s) => s.source === source)?.label ?? source;

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.history.date')}</Table.Th>
            <Table.Th>{t('imports.history.source')}</Table.Th>
            <Table.Th>{t('imports.history.file')}</Table.Th>
            <Table.Th>{t('imports.history.by')}</Table.Th>
            <Table.Th>{t('imports.history.status')}</Table.Th>
            <Table.Th ta="right">{t('imports.count.rowsTotal')}</Table.Th>
            <Table.Th ta="right">{t('imports.count.inserted')}</Table.Th>
            <Table.Th ta="right">{t('imports.count.updated')}</Table.Th>
            <Table.Th ta="right">{t('imports.count.rejected')}</Table.Th>
            <Table.Th ta="right">{t('imports.count.inReview')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((j) => (
            <Table.Tr key={j.id} data-testid="import-job-row" data-job-id={j.id}>
              <Table.Td>{f.dateTime(j.createdAt)}</Table.Td>
              <Table.Td>{label(j.source)}</Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(j.id)} style={{ overflowWrap: 'anywhere', textAlign: 'left' }}>
                  {j.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>{j.createdByName ?? <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td><ImportStatusBadge status={j.status} /></Table.Td>
              <Table.Td ta="right">{f.number(j.rowsTotal)}</Table.Td>
              <Table.Td ta="right">{f.number(j.inserted)}</Table.Td>
              <Table.Td ta="right">{f.number(j.updated)}</Table.Td>
              <Table.Td ta="right">{f.number(j.rejected)}</Table.Td>
              <Table.Td ta="right">{f.number(j.inReview)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
