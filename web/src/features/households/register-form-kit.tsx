import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useRef, useState, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { apiError, describeError } from '../../lib/errors';
import { fieldMessage } from '../../lib/forms';

/**
 * Runs a register mutation from a form: a refusal naming a field of the form (extensions.field,
 * `input.` left off) goes beside that field; anything else above the form. Resolves true when saved.
 */
export function useServerSubmit<T extends FieldValues>(
  setError: UseFormSetError<T>,
  isField: (path: string) => boolean,
  /** Server fields shown beside another form field (e.g. the household id found from the KK typed). */
  aliases: Record<string, string> = {},
) {
  const [formError, setFormError] = useState<unknown>(null);
  const inFlight = useRef(false);
  async function run(mutate: () => Promise<unknown>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setFormError(null);
    try {
      await mutate();
      return true;
    } catch (error) {
      const info = apiError(error);
      const raw = info?.field?.replace(/^input\./, '');
      const path = raw && (aliases[raw] ?? raw);
      if (info && path && (info.code === 'BAD_USER_INPUT' || info.code === 'CONFLICT') && isField(path)) {
        setError(path as Path<T>, { type: 'server', message: info.message.replace(`${info.field}: `, '') }, { shouldFocus: true });
      } else setFormError(error);
      return false;
    } finally {
      inFlight.current = false;
    }
  }
  return { run, formError };
}

/** The text under a field: the form's own keys translated, the server's message as it came. */
export function useFieldText() {
  const { t } = useTranslation();
  return (message: string | undefined) => fieldMessage(message, t, 'register');
}

export function FormShell({ formError, onSubmit, onCancel, submitting, label, children, testId }: {
  formError: unknown;
  onSubmit: (e: React.FormEvent) => void;
  onCancel: () => void;
  submitting: boolean;
  label: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit} aria-label={label} data-testid={testId}>
      <Stack gap="sm">
        {formError !== null && <Alert color="red" role="alert">{describeError(formError, t)}</Alert>}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={submitting} data-testid={`${testId}-submit`}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A dialog for one form: the whole screen on a phone, where a centred modal leaves no room for the keyboard. */
export function FormModal({ opened, onClose, title, children }: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" fullScreen={!!phone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && children}
    </Modal>
  );
}
