import {
  Alert, Anchor, Badge, Button, Collapse, Group, Input, NativeSelect, Paper, Progress, Stack, Table, Text, TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ImportSourceItemFragment } from '../../gql/graphql';
import { describeApiError, type ApiErrorInfo } from '../../lib/errors';
import { UploadError, uploadImportFile } from './import-api';
import { parseDisplayDate, templateUrl } from './import-helpers';

export const IMPORT_SOURCE_ITEM = graphql(`
  fragment ImportSourceItem on ImportSourceInfo {
    source
    key
    label
    description
    mayImport
    columns {
      key
      header
      required
      description
      example
    }
  }
`);

function TemplateColumns({ source }: { source: ImportSourceItemFragment }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened} style={{ alignSelf: 'flex-start' }}>
        {opened ? t('imports.source.hideColumns') : t('imports.source.showColumns', { count: source.columns.length })}
      </Button>
      <Collapse expanded={opened}>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.source.column')}</Table.Th>
                <Table.Th>{t('imports.source.description')}</Table.Th>
                <Table.Th>{t('imports.source.example')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {source.columns.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <Text size="sm" fw={600} span>{c.header}</Text>
                    {c.required && <Badge size="xs" ml={6} color="red" variant="light">{t('imports.mapping.required')}</Badge>}
                  </Table.Td>
                  <Table.Td>{c.description}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace" span>{c.example}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </>
  );
}

/** Step 1: the source, the data date, the sheet and the file; the upload creates the job. */
export function UploadStep({ sources, onUploaded }: { sources: ImportSourceItemFragment[]; onUploaded: (jobId: string) => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const allowed = sources.filter((s) => s.mayImport);
  const [key, setKey] = useState(allowed.length === 1 ? allowed[0]!.key : '');
  const [dateText, setDateText] = useState('');
  const [sheet, setSheet] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<ApiErrorInfo | null>(null);

  if (allowed.length === 0) return <Alert color="yellow">{t('imports.source.noneAllowed')}</Alert>;

  const source = allowed.find((s) => s.key === key);
  const sourceDate = parseDisplayDate(dateText);
  const uploading = sent !== null;

  async function upload() {
    if (!source || !file || sourceDate === null) return;
    setError(null);
    setSent(0);
    try {
      const id = await uploadImportFile({
        source: source.source,
        file,
        sourceDate: sourceDate || undefined,
        sheet: sheet.trim() || undefined,
        onProgress: (loaded, total) => setSent(total > 0 ? Math.floor((loaded / total) * 100) : 0),
      });
      onUploaded(id);
    } catch (e) {
      setError(e instanceof UploadError ? e.info : { code: 'NETWORK', message: '' });
    } finally {
      setSent(null);
    }
  }

  return (
    <Stack>
      <NativeSelect
        label={t('imports.source.label')}
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        data={[{ value: '', label: t('imports.source.choose'), disabled: true }, ...allowed.map((s) => ({ value: s.key, label: s.label }))]}
        data-testid="import-source"
        required
      />
      {source && (
        <Paper withBorder p="sm" data-testid="import-source-info">
          <Stack gap="xs">
            <Text size="sm">{source.description}</Text>
            <Group gap="md">
              <Text size="sm" fw={600}>{t('imports.source.template')}</Text>
              <Anchor href={templateUrl(source.source, 'csv')} download size="sm" data-testid="template-csv">
                {t('imports.source.templateCsv')}
              </Anchor>
              <Anchor href={templateUrl(source.source, 'xlsx')} download size="sm" data-testid="template-xlsx">
                {t('imports.source.templateXlsx')}
              </Anchor>
            </Group>
            <TemplateColumns source={source} />
          </Stack>
        </Paper>
      )}
      <Input.Wrapper label={t('imports.file.label')} description={t('imports.file.hint')} required id={fileId}>
        <input
          id={fileId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
        />
      </Input.Wrapper>
      <TextInput
        label={t('imports.date.label')}
        description={t('imports.date.hint')}
        placeholder={t('imports.date.placeholder')}
        inputMode="numeric"
        value={dateText}
        onChange={(e) => setDateText(e.currentTarget.value)}
        error={sourceDate === null ? t('imports.date.invalid') : undefined}
        data-testid="import-source-date"
        maw={320}
      />
      <TextInput
        label={t('imports.sheet.label')}
        description={t('imports.sheet.hint')}
        value={sheet}
        onChange={(e) => setSheet(e.currentTarget.value)}
        data-testid="import-sheet"
        maw={320}
      />
      {uploading && (
        <Progress.Root size="sm" role="progressbar" aria-label={t('imports.file.uploading')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={sent} data-testid="upload-progress">
          <Progress.Section value={sent} withAria={false} />
        </Progress.Root>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="upload-error">
          {describeApiError(error, t) || (error.code === 'PAYLOAD_TOO_LARGE' ? t('imports.file.tooLarge') : t('imports.file.failed'))}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void upload()} loading={uploading} disabled={!source || !file || sourceDate === null} data-testid="import-upload">
          {t('imports.file.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
