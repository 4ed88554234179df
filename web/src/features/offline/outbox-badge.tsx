import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAutoSync, useOnline, useOutboxEntries } from './offline';
import { WAITING } from './outbox';

/** In the header: offline, and how many entries wait to be sent (a link to the outbox). Syncs on its own. */
export function OutboxBadge({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  useAutoSync(userId);
  const waiting = useOutboxEntries(userId).filter((e) => WAITING.includes(e.status)).length;
  return (
    <Group gap={6} wrap="nowrap">
      {!online && (
        <Badge color="#7a5200" variant="filled" title={t('offline.offlineLabel')} data-testid="offline-badge">{t('offline.offlineBadge')}</Badge>
      )}
      {waiting > 0 && (
        <Badge
          component={Link}
          to="/kotak-keluar"
          // Dark enough for white text (WCAG AA); the longer explanation as a tooltip.
          color="#9c3a06"
          variant="filled"
          style={{ cursor: 'pointer' }}
          title={t('offline.badgeLabel', { count: waiting })}
          data-testid="outbox-badge"
        >
          {t('offline.badge', { count: waiting })}
        </Badge>
      )}
    </Group>
  );
}
