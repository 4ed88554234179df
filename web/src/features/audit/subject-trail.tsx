import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Empty, Loading } from '../../app/states';
import { apiError, describeError } from '../../lib/errors';
import { AuditEventCard } from './audit-event-card';

const TRAIL = graphql(`
  query SubjectAccessTrail($nik: String!) {
    subjectAccessTrail(nik: $nik) {
      ...AuditEventItem
    }
  }
`);

/** Everything the log holds about one person, for a subject-access request (UU PDP): who saw or changed it. */
export function SubjectTrail() {
  const { t } = useTranslation();
  const [nik, setNik] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [load, { data, loading, error, called }] = useLazyQuery(TRAIL, { fetchPolicy: 'network-only' });
  const info = apiError(error);
  const events = data?.subjectAccessTrail;

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
            setFieldError(null);
            void load({ variables: { nik: value } }).catch(() => undefined);
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('audit.nik')}
              description={t('audit.nikHint')}
              value={nik}
              onChange={(e) => setNik(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              error={fieldError ?? (info?.code === 'BAD_USER_INPUT' ? info.message : undefined)}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" loading={loading}>{t('audit.showTrail')}</Button>
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
        <Stack gap="xs" data-testid="subject-trail">
          <Text size="sm" c="dimmed">{t('common.total', { count: events.length })}</Text>
          {events.map((e) => <AuditEventCard key={e.id} event={e} />)}
        </Stack>
      ))}
    </Stack>
  );
}
