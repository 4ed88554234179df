import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ExportLanguage } from '../../gql/graphql';
import { Empty, Loading } from '../../app/states';
import { CsvSeparatorSelect, useCsvSeparator } from '../../lib/csv-separator';
import { DateField } from '../../lib/date-field';
import { downloadText } from '../../lib/download';
import { apiError, describeError } from '../../lib/errors';
import { AuditEventTable } from './audit-event-card';
import { wibPeriod } from './wib-period';

const TRAIL = graphql(`
  query SubjectAccessTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO) {
    subjectAccessTrail(nik: $nik, from: $from, to: $to) {
      ...AuditEventItem
    }
  }
`);

const EXPORT_TRAIL = graphql(`
  mutation ExportSubjectTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO, $language: ExportLanguage, $separator: CsvSeparator) {
    exportSubjectTrail(nik: $nik, from: $from, to: $to, language: $language, separator: $separator) {
      filename
      contentType
      csv
      rowCount
    }
  }
`);

/** Everything the log holds about one person, for a subject-access request (UU PDP): who saw or changed it, and when. */
export function SubjectTrail() {
  const { t, i18n } = useTranslation();
  const [nik, setNik] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [separator, setSeparator] = useCsvSeparator();
  const [shown, setShown] = useState<{ nik: string; from: string; to: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [load, { data, loading, error, called }] = useLazyQuery(TRAIL, { fetchPolicy: 'network-only' });
  const [runExport, exported] = useMutation(EXPORT_TRAIL);
  const info = apiError(error);
  const events = data?.subjectAccessTrail;
  const rangeInvalid = !!from && !!to && to < from;

  async function exportCsv() {
    if (!shown) return;
    const language: ExportLanguage = i18n.language.startsWith('en') ? 'EN' : 'ID';
    const res = await runExport({ variables: { nik: shown.nik, ...wibPeriod(shown.from, shown.to), language, separator } }).catch(() => null);
    const file = res?.data?.exportSubjectTrail;
    if (file) downloadText(file.csv, file.filename, file.contentType);
  }

  return (
    <Stack>
      <Paper withBorder p="sm">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const value = nik.replace(/\s/g, '');
            if (!/^\d{16}$/.test(value)) {
              setFieldError(t('audit.nikInvalid'));
              return;
            }
            if (rangeInvalid) return;
            setFieldError(null);
            setShown({ nik: value, from, to });
            void load({ variables: { nik: value, ...wibPeriod(from, to) } }).catch(() => undefined);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('audit.nik')}
              description={t('audit.nikHint')}
              value={nik}
              onChange={(e) => setNik(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              error={fieldError ?? (info?.code === 'BAD_USER_INPUT' ? info.message : undefined)}
              data-testid="trail-nik"
            />
            <DateField label={t('audit.from')} value={from} onChange={setFrom} max={to} clearable data-testid="trail-from" />
            <DateField
              label={t('audit.to')}
              value={to}
              onChange={setTo}
              min={from}
              clearable
              error={rangeInvalid ? t('audit.rangeInvalid') : undefined}
              data-testid="trail-to"
            />
          </SimpleGrid>
          <Group mt="sm" justify="flex-end">
            <Button type="submit" loading={loading} data-testid="trail-show">{t('audit.showTrail')}</Button>
          </Group>
        </form>
      </Paper>
      {loading && <Loading />}
      {info?.code === 'NOT_FOUND' && <Alert color="yellow" role="status">{t('audit.nikNotFound')}</Alert>}
      {error && info?.code !== 'NOT_FOUND' && info?.code !== 'BAD_USER_INPUT' && (
        <Alert color="red" role="alert">{describeError(error, t)}</Alert>
      )}
      {called && events && (events.length === 0 ? (
        <Empty>{t('audit.trailEmpty')}</Empty>
      ) : (
        <Stack gap="xs">
          <Paper withBorder p="sm">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <CsvSeparatorSelect value={separator} onChange={setSeparator} />
              <Button variant="light" onClick={() => void exportCsv()} loading={exported.loading} data-testid="trail-export">
                {t('audit.exportTrail')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>{t('audit.exportTrailHint')}</Text>
            {exported.error && <Alert color="red" role="alert" mt="xs">{describeError(exported.error, t)}</Alert>}
            {exported.data && (
              <Text size="sm" role="status" mt="xs">
                {t('audit.exported', { count: exported.data.exportSubjectTrail.rowCount, file: exported.data.exportSubjectTrail.filename })}
              </Text>
            )}
          </Paper>
          <Text size="sm" c="dimmed">{t('common.total', { count: events.length })}</Text>
          <AuditEventTable events={events} testId="subject-trail" />
        </Stack>
      ))}
    </Stack>
  );
}
