import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { outbox, useOnline, useOutboxEntries, useOutboxSync } from './offline';
import { WAITING, type OutboxEntry, type OutboxStatus } from './outbox';

const STATUS_COLOR: Record<OutboxStatus, string> = {
  pending: 'gray.7', sending: 'gray.7', saved: 'teal.9', alreadySaved: 'teal.9', refused: 'red.9', conflict: '#7a5200',
};

/** "Kotak keluar": what was recorded offline, and what the server answered for each entry. */
export function OutboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const online = useOnline();
  const entries = useOutboxEntries(user.id);
  const { sync, syncing } = useOutboxSync(user.id);
  const waiting = entries.filter((e) => WAITING.includes(e.status)).length;
  return (
    <Stack>
      <Title order={1} size="h2">{t('offline.title')}</Title>
      <Text size="sm" c="dimmed">{t('offline.intro')}</Text>
      {!online && <Alert color="yellow" role="status">{t('offline.offlineNow')}</Alert>}
      <Group>
        <Button onClick={() => void sync()} loading={syncing} disabled={!online || waiting === 0} data-testid="outbox-sync">
          {t('offline.syncNow')}
        </Button>
        {entries.length > waiting && (
          <Button variant="default" onClick={() => void outbox.clearFinished(user.id)}>{t('offline.clearFinished')}</Button>
        )}
      </Group>
      {entries.length === 0 ? (
        <Empty>{t('offline.empty')}</Empty>
      ) : (
        <Stack gap="xs" data-testid="outbox-entries">
          {entries.map((e) => <EntryCard key={e.id} entry={e} />)}
        </Stack>
      )}
    </Stack>
  );
}

/** One entry and what the server answered for it. */
export function EntryCard({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const existing = entry.result?.existing;
  const describe = (k: string, v: unknown) =>
    t(`offline.field.${k}`, { value: typeof v === 'number' ? fmt.number(v) : k === 'position' && typeof v === 'string' ? t(`measurePosition.${v}`) : String(v ?? '—'), defaultValue: `${k} ${String(v)}` });
  return (
    <Card withBorder padding="sm" data-testid="outbox-entry" data-status={entry.status}>
      {/* On a phone a long status goes under the text instead of squeezing it. */}
      <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
          <Text fw={600}>{t(`offline.kind.${entry.kind}`)}: {entry.summary}</Text>
          <Text size="xs" c="dimmed">{t('offline.recordedAt', { date: fmt.dateTime(entry.createdAt) })}</Text>
        </div>
        <Badge color={STATUS_COLOR[entry.status]} variant="filled" style={{ flexShrink: 0 }}>{t(`offline.status.${entry.status}`)}</Badge>
      </Group>
      {(entry.status === 'refused' || entry.status === 'conflict') && entry.result?.message && (
        <Text size="sm" mt={4}>{t('offline.reason', { message: entry.result.message })}</Text>
      )}
      {entry.status === 'conflict' && existing && Object.keys(existing).length > 0 && (
        <Text size="sm">{t('offline.existing', { values: Object.entries(existing).map(([k, v]) => describe(k, v)).join(', ') })}</Text>
      )}
      <Anchor component={Link} to={`/rumah-tangga/${entry.householdId}`} size="sm" mt={4}>{t('offline.household')}</Anchor>
    </Card>
  );
}
