import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A password the administrator must pass on now: it is not kept anywhere the portal can show again. */
export function PasswordShownOnce({ username, password, onDone }: { username: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" role="alert" title={t('users.shownOnceTitle')}>
        {t('users.shownOnce', { username })}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code fz="md" style={{ flex: 1, overflowWrap: 'anywhere' }} data-testid="shown-password" aria-label={t('users.newPasswordOf', { username })}>
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('users.copied') : t('users.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">{t('users.loginWith', { username })}</Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('users.done')}</Button>
      </Group>
    </Stack>
  );
}
