import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiError, describeError } from '../../lib/errors';
import { generatePassword, PASSWORD_MAX, PASSWORD_MIN } from './password';
import { PasswordShownOnce } from './password-shown-once';

const schema = z.object({
  newPassword: z.string().min(PASSWORD_MIN, 'users.errors.password').max(PASSWORD_MAX, 'users.errors.password'),
});
type FormValues = z.input<typeof schema>;

export interface ResetPasswordViewProps {
  username: string;
  /** Sets the password; rejects with the API error. */
  submit: (newPassword: string) => Promise<unknown>;
  onClose: () => void;
}

/** Sets a new password for a user, then shows it once so the administrator can pass it on. */
export function ResetPasswordView({ username, submit, onClose }: ResetPasswordViewProps) {
  const { t } = useTranslation();
  const inFlight = useRef(false);
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { newPassword: generatePassword() },
  });
  const message = formState.errors.newPassword?.message;

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      await submit(newPassword);
      setDone(newPassword);
    } catch (error) {
      const info = apiError(error);
      if (info?.code === 'BAD_USER_INPUT' && info.field === 'newPassword') {
        setError('newPassword', { type: 'server', message: info.message }, { shouldFocus: true });
      } else setFormError(error);
    } finally {
      inFlight.current = false;
    }
  });

  if (done) return <PasswordShownOnce username={username} password={done} onDone={onClose} />;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('users.resetTitle')}>
      <Stack gap="sm">
        {formError != null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        <Text size="sm">{t('users.resetIntro', { username })}</Text>
        <TextInput
          label={t('users.newPassword')}
          required
          autoComplete="new-password"
          ff="monospace"
          rightSectionWidth={96}
          rightSection={
            <Button size="compact-xs" variant="default" onClick={() => setValue('newPassword', generatePassword(), { shouldValidate: true })}>
              {t('users.generate')}
            </Button>
          }
          {...register('newPassword')}
          error={message ? (message.startsWith('users.') ? t(message) : message) : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={formState.isSubmitting}>{t('users.resetSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
