import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiError, describeError } from '../../lib/errors';

export interface CreateTokenInput {
  name: string;
  readOnly: boolean;
  expiresInDays: number;
}

// Every token expires; 90 days is the server's default maximum (API_TOKEN_MAX_DAYS).
const EXPIRY_DAYS = ['7', '30', '90'] as const;

const schema = z.object({
  name: z.string().trim().min(1, 'apiTokens.errors.name').max(100, 'apiTokens.errors.name'),
  readOnly: z.boolean(),
  expiry: z.enum(EXPIRY_DAYS),
});
type FormValues = z.input<typeof schema>;

/** The secret of a new token, with the warning that it is never shown again. */
function TokenShownOnce({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" role="alert" title={t('apiTokens.shownOnceTitle')}>
        {t('apiTokens.shownOnce', { name })}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code fz="sm" style={{ flex: 1, overflowWrap: 'anywhere' }} data-testid="new-token" aria-label={t('apiTokens.secretOf', { name })}>
          {token}
        </Code>
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('apiTokens.copied') : t('apiTokens.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">{t('apiTokens.usage')}</Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('apiTokens.done')}</Button>
      </Group>
    </Stack>
  );
}

export interface CreateTokenViewProps {
  /** Creates the token; resolves with its secret, rejects with the API error. */
  submit: (input: CreateTokenInput) => Promise<{ token: string }>;
}

/** "Buat token": a form, then the new secret shown once until dismissed. */
export function CreateTokenView({ submit }: CreateTokenViewProps) {
  const { t } = useTranslation();
  const inFlight = useRef(false);
  // Kept only in this component's state: dismissing it (or leaving the page) forgets the secret.
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const { control, register, handleSubmit, setError, reset, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', readOnly: true, expiry: '90' },
  });
  const nameError = formState.errors.name?.message;

  const onSubmit = handleSubmit(async (v) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const name = v.name.trim();
      const { token } = await submit({ name, readOnly: v.readOnly, expiresInDays: Number(v.expiry) });
      setCreated({ name, token });
      reset();
    } catch (error) {
      const info = apiError(error);
      if (info?.code === 'BAD_USER_INPUT' && info.field === 'input.name') {
        setError('name', { type: 'server', message: info.message }, { shouldFocus: true });
      } else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="create-token-title">{t('apiTokens.createTitle')}</Title>
        {created ? (
          <TokenShownOnce name={created.name} token={created.token} onDone={() => setCreated(null)} />
        ) : (
          <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('apiTokens.createTitle')}>
            <Stack gap="sm">
              {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
              <TextInput
                label={t('apiTokens.name')}
                description={t('apiTokens.nameHint')}
                required
                {...register('name')}
                error={nameError ? (nameError.startsWith('apiTokens.') ? t(nameError) : nameError) : undefined}
              />
              <Controller
                control={control}
                name="expiry"
                render={({ field }) => (
                  <Select
                    label={t('apiTokens.expiresIn')}
                    data={EXPIRY_DAYS.map((d) => ({ value: d, label: t('apiTokens.days', { count: Number(d) }) }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? '90')}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
              />
              <Controller
                control={control}
                name="readOnly"
                render={({ field }) => (
                  <Switch
                    label={t('apiTokens.readOnly')}
                    description={t('apiTokens.readOnlyHint')}
                    checked={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.checked)}
                  />
                )}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={formState.isSubmitting}>{t('apiTokens.create')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
