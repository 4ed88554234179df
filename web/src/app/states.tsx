import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('common.error', { message: describeError(error, t) })}>
      {onRetry && (
        <Button size="xs" variant="light" color="red" onClick={onRetry}>{t('common.retry')}</Button>
      )}
    </Alert>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <Text c="dimmed" py="md">{children}</Text>;
}
