import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, describeError } from '../../lib/errors';

interface ReasonFormProps {
  intro: string;
  label: string;
  hint?: string;
  required: string;
  /** The server's name for the reason, to show its error beside the box. */
  field: string;
  confirm: string;
  /** Saves the reason; a rejection (the API error) is shown in the form, which stays open. */
  submit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

/** The reason form in a dialog, mounted only while open so that every opening starts empty. */
export function ReasonDialog({ opened, title, onClose, ...form }: Omit<ReasonFormProps, 'onCancel'> & {
  opened: boolean;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <ReasonForm {...form} onCancel={onClose} />}
    </Modal>
  );
}

/** A confirmation that needs a written reason (declining a referral, a withdrawn consent), checked as the server does. */
export function ReasonForm({ intro, label, hint, required, field, confirm, submit, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const info = apiError(error);
  const serverError = info?.code === 'BAD_USER_INPUT' && info.field === field ? info.message : undefined;
  return (
    <form
      noValidate
      aria-label={confirm}
      onSubmit={(e) => {
        e.preventDefault();
        if (sending) return;
        const text = reason.trim();
        setMissing(!text);
        if (!text) return;
        setSending(true);
        setError(null);
        void submit(text).then(() => null, (err: unknown) => err).then((err) => {
          setError(err);
          setSending(false);
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        {error !== null && !serverError && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
        <Textarea
          label={label}
          description={hint}
          required
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? required : serverError}
          data-testid="reason-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('intervention.keep')}</Button>
          <Button type="submit" color="red.9" loading={sending}>{confirm}</Button>
        </Group>
      </Stack>
    </form>
  );
}
