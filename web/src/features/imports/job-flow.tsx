import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Stepper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../app/states';
import { graphql } from '../../gql';
import type { ImportJobDetailFragment, ImportSourceItemFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import {
  columnInputs, draftOf, duplicateMappings, isRunning, sameDraft, stepOf, unmappedRequired, type FlowStep, type MappingDraft,
} from './import-helpers';
import { CountTiles, ErrorReportLink, ImportStatusBadge, RowErrorsTable, RowProgress } from './import-parts';
import { UploadStep } from './upload-step';

export const IMPORT_JOB_DETAIL = graphql(`
  fragment ImportJobDetail on ImportJob {
    ...ImportJobSummary
    format
    sheet
    headers
    mapping {
      key
      header
      required
      column
      fileHeader
    }
    message
    duplicateOf {
      id
      fileName
      createdAt
    }
    firstErrors(first: 20) {
      line
      reason
    }
    errorReportUrl
  }
`);

const IMPORT_JOB = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobDetail
    }
  }
`);

const SET_IMPORT_MAPPING = graphql(`
  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {
    setImportMapping(jobId: $jobId, columns: $columns) {
      ...ImportJobDetail
    }
  }
`);

const VALIDATE_IMPORT = graphql(`
  mutation ValidateImport($jobId: ID!) {
    validateImport(jobId: $jobId) {
      ...ImportJobDetail
    }
  }
`);

const COMMIT_IMPORT = graphql(`
  mutation CommitImport($jobId: ID!) {
    commitImport(jobId: $jobId) {
      ...ImportJobDetail
    }
  }
`);

const POLL_MS = 1000;

function MappingStep({ job, source, onValidated }: { job: ImportJobDetailFragment; source?: ImportSourceItemFragment; onValidated: () => void }) {
  const { t } = useTranslation();
  const saved = draftOf(job.mapping);
  const [draft, setDraft] = useState<MappingDraft>(saved);
  const savedKey = JSON.stringify(saved);
  // A saved mapping (or a refetched job) becomes the new starting point.
  useEffect(() => setDraft(JSON.parse(savedKey) as MappingDraft), [job.id, savedKey]);
  const [save, saving] = useMutation(SET_IMPORT_MAPPING);
  const [validate, validating] = useMutation(VALIDATE_IMPORT);
  const [error, setError] = useState<unknown>(null);

  const dirty = !sameDraft(draft, saved);
  const missing = unmappedRequired(job.mapping, draft);
  const duplicates = new Set(duplicateMappings(draft));
  const describe = (key: string) => source?.columns.find((c) => c.key === key)?.description;
  const options = [
    { value: '', label: t('imports.mapping.unused') },
    ...job.headers.map((h, i) => ({ value: String(i), label: h.trim() || t('imports.mapping.untitled', { n: i + 1 }) })),
  ];

  async function onSave() {
    setError(null);
    try {
      await save({ variables: { jobId: job.id, columns: columnInputs(draft) } });
    } catch (e) {
      setError(e);
    }
  }

  async function onDryRun() {
    setError(null);
    try {
      if (dirty) await save({ variables: { jobId: job.id, columns: columnInputs(draft) } });
      await validate({ variables: { jobId: job.id } });
      onValidated();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack>
      <Text size="sm">{t('imports.mapping.intro')}</Text>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing="xs" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.mapping.templateColumn')}</Table.Th>
              <Table.Th>{t('imports.mapping.fileColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.mapping.map((m) => (
              <Table.Tr key={m.key}>
                <Table.Td>
                  <Text size="sm" fw={600} span id={`mapping-label-${m.key}`}>{m.header}</Text>
                  {m.required && <Badge size="xs" ml={6} color="red" variant="light">{t('imports.mapping.required')}</Badge>}
                  {describe(m.key) && <Text size="xs" c="dimmed">{describe(m.key)}</Text>}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-labelledby={`mapping-label-${m.key}`}
                    data={options}
                    value={draft[m.key] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setDraft((d) => ({ ...d, [m.key]: value }));
                    }}
                    error={duplicates.has(m.key) ? t('imports.mapping.duplicate') : undefined}
                    data-testid={`mapping-${m.key}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {missing.length > 0 && (
        <Alert color="yellow" data-testid="mapping-missing">
          {t('imports.mapping.missing', { columns: missing.map((m) => m.header).join(', ') })}
        </Alert>
      )}
      {error != null && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
      <Group>
        <Button variant="default" onClick={() => void onSave()} loading={saving.loading} disabled={!dirty} data-testid="save-mapping">
          {t('imports.mapping.save')}
        </Button>
        <Button
          onClick={() => void onDryRun()}
          loading={validating.loading}
          disabled={missing.length > 0 || saving.loading}
          data-testid="dry-run"
        >
          {t('imports.dryRun.start')}
        </Button>
      </Group>
      {!dirty && job.validatedAt && <Text size="xs" c="dimmed">{t('imports.mapping.rerun')}</Text>}
    </Stack>
  );
}

function DryRunStep({ job, onEditMapping }: { job: ImportJobDetailFragment; onEditMapping: () => void }) {
  const { t } = useTranslation();
  const [commit, committing] = useMutation(COMMIT_IMPORT);
  const [validate, validating] = useMutation(VALIDATE_IMPORT);
  const [error, setError] = useState<unknown>(null);

  if (job.status === 'VALIDATING') {
    return <RowProgress done={job.rowsDone} total={job.rowsTotal} label={t('imports.dryRun.running')} testId="validate-progress" />;
  }

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  }

  const checked = job.status === 'VALIDATED';
  return (
    <Stack>
      {checked && <Text size="sm">{t('imports.dryRun.nothingWritten')}</Text>}
      {checked && (
        <CountTiles
          testId="dry-run-summary"
          counts={[
            { key: 'rowsTotal', label: t('imports.count.rowsTotal'), value: job.rowsTotal },
            { key: 'validRows', label: t('imports.count.validRows'), value: job.validRows, color: 'green.9' },
            { key: 'rejected', label: t('imports.count.rejected'), value: job.rejected, color: 'red.9' },
            { key: 'inReview', label: t('imports.count.inReview'), value: job.inReview, color: 'orange.9' },
          ]}
        />
      )}
      {checked && <RowErrorsTable errors={job.firstErrors} />}
      {checked && <ErrorReportLink url={job.errorReportUrl} />}
      {error != null && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
      <Group>
        <Button variant="default" onClick={onEditMapping}>{t('imports.mapping.edit')}</Button>
        {job.status === 'FAILED' && (
          <Button variant="default" loading={validating.loading} onClick={() => void run(() => validate({ variables: { jobId: job.id } }))}>
            {t('imports.dryRun.again')}
          </Button>
        )}
        <Button
          onClick={() => void run(() => commit({ variables: { jobId: job.id } }))}
          loading={committing.loading}
          disabled={!checked || job.validRows + job.inReview === 0}
          data-testid="commit"
        >
          {t('imports.commit.start', { count: job.validRows })}
        </Button>
      </Group>
    </Stack>
  );
}

function CommitStep({ job }: { job: ImportJobDetailFragment }) {
  const { t } = useTranslation();
  const [validate, validating] = useMutation(VALIDATE_IMPORT);
  const [error, setError] = useState<unknown>(null);
  if (job.status === 'COMMITTING') {
    return <RowProgress done={job.rowsDone} total={job.rowsTotal} label={t('imports.commit.running')} testId="import-progress" />;
  }
  // A commit that failed: its batches are all-or-nothing, so a fresh dry run and commit finish the job.
  return (
    <Stack>
      {error != null && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={validating.loading}
          onClick={() => void validate({ variables: { jobId: job.id } }).catch(setError)}
        >
          {t('imports.dryRun.again')}
        </Button>
      </Group>
    </Stack>
  );
}

function ResultStep({ job, onOpenJob, onOpenReviews, onNew }: {
  job: ImportJobDetailFragment;
  onOpenJob: (id: string) => void;
  onOpenReviews?: () => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack data-testid="import-result">
      <Text fw={600}>{t('imports.result.title', { date: f.dateTime(job.committedAt) })}</Text>
      <CountTiles
        testId="import-result-counts"
        counts={[
          { key: 'inserted', label: t('imports.count.inserted'), value: job.inserted, color: 'green.9' },
          { key: 'updated', label: t('imports.count.updated'), value: job.updated, color: 'blue.9' },
          { key: 'unchanged', label: t('imports.count.unchanged'), value: job.unchanged },
          { key: 'rejected', label: t('imports.count.rejected'), value: job.rejected, color: 'red.9' },
          { key: 'inReview', label: t('imports.count.inReview'), value: job.inReview, color: 'orange.9' },
        ]}
      />
      {job.message && <Alert color="blue" data-testid="import-message">{job.message}</Alert>}
      {job.duplicateOf && (
        <Text size="sm">
          {t('imports.result.duplicateOf', { file: job.duplicateOf.fileName, date: f.dateTime(job.duplicateOf.createdAt) })}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => onOpenJob(job.duplicateOf!.id)}>{t('imports.result.openEarlier')}</Anchor>
        </Text>
      )}
      <ErrorReportLink url={job.errorReportUrl} />
      <Group>
        {job.inReview > 0 && onOpenReviews && <Button variant="default" onClick={onOpenReviews}>{t('imports.result.openReviews')}</Button>}
        <Button variant="light" onClick={onNew}>{t('imports.newImport')}</Button>
      </Group>
    </Stack>
  );
}

/** The steps for one job, which follow its status as the server reports it. */
function JobSteps({ job, sources, onOpenJob, onOpenReviews, onNew }: {
  job: ImportJobDetailFragment;
  sources: ImportSourceItemFragment[];
  onOpenJob: (id: string) => void;
  onOpenReviews?: () => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const narrow = useMediaQuery('(max-width: 48em)');
  // The user may step back to the mapping while nothing runs and nothing was written.
  const [override, setOverride] = useState<FlowStep | null>(null);
  const mayRemap = !isRunning(job.status) && !job.committedAt && job.status !== 'COMMITTED';
  const step = override !== null && mayRemap ? override : stepOf(job);
  const source = sources.find((s) => s.source === job.source);
  useEffect(() => setOverride(null), [job.status]);

  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="import-job-file">{job.fileName}</Text>
            <Text size="sm" c="dimmed">
              {[source?.label ?? job.source, job.sheet && t('imports.job.sheet', { sheet: job.sheet }), t('imports.job.sourceDate', { date: f.date(job.sourceDate) })]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Group gap="xs">
            <ImportStatusBadge status={job.status} />
            <Button size="xs" variant="subtle" onClick={onNew}>{t('imports.newImport')}</Button>
          </Group>
        </Group>
        {job.message && job.status !== 'COMMITTED' && (
          <Alert mt="sm" color={job.status === 'FAILED' ? 'red' : 'blue'} role={job.status === 'FAILED' ? 'alert' : undefined} data-testid="import-message">
            {job.message}
          </Alert>
        )}
      </Paper>
      <Stepper
        active={step}
        onStepClick={(i) => setOverride(i as FlowStep)}
        orientation={narrow ? 'vertical' : 'horizontal'}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={t('imports.step.upload')} allowStepSelect={false} />
        <Stepper.Step label={t('imports.step.mapping')} allowStepSelect={mayRemap && step > 1}>
          <MappingStep job={job} source={source} onValidated={() => setOverride(null)} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.step.dryRun')} allowStepSelect={mayRemap && step > 2} loading={job.status === 'VALIDATING'}>
          <DryRunStep job={job} onEditMapping={() => setOverride(1)} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.step.commit')} allowStepSelect={false} loading={job.status === 'COMMITTING'}>
          <CommitStep job={job} />
        </Stepper.Step>
        <Stepper.Completed>
          <ResultStep job={job} onOpenJob={onOpenJob} onOpenReviews={onOpenReviews} onNew={onNew} />
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

function JobLoader({ jobId, ...rest }: {
  jobId: string;
  sources: ImportSourceItemFragment[];
  onOpenJob: (id: string) => void;
  onOpenReviews?: () => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(IMPORT_JOB, {
    variables: { id: jobId },
    fetchPolicy: 'cache-and-network',
  });
  const job = data?.importJob;
  const running = job ? isRunning(job.status) : false;
  // The server works in the background: ask every second while it does, and stop as soon as it is done.
  useEffect(() => {
    if (!running) return;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!job) {
    return (
      <Alert color="yellow" title={t('imports.job.notFound')}>
        <Button size="xs" variant="light" onClick={rest.onNew}>{t('imports.newImport')}</Button>
      </Alert>
    );
  }
  return <JobSteps job={job} {...rest} />;
}

/** The import flow: upload when no job is open, otherwise the open job at its step. */
export function ImportFlow({ jobId, sources, onOpenJob, onOpenReviews, onNew }: {
  jobId: string | null;
  sources: ImportSourceItemFragment[];
  onOpenJob: (id: string) => void;
  onOpenReviews?: () => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  if (jobId) return <JobLoader key={jobId} jobId={jobId} sources={sources} onOpenJob={onOpenJob} onOpenReviews={onOpenReviews} onNew={onNew} />;
  return (
    <Stack>
      <Stepper active={0} orientation={narrow ? 'vertical' : 'horizontal'} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.step.upload')}>
          <UploadStep sources={sources} onUploaded={onOpenJob} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.step.mapping')} />
        <Stepper.Step label={t('imports.step.dryRun')} />
        <Stepper.Step label={t('imports.step.commit')} />
      </Stepper>
    </Stack>
  );
}
