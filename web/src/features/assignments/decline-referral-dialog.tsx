import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from './reason-form';

/**
 * A partner declines a referral: the reason is required (the server refuses a decline without one).
 * `submit` resolves to the API error, or null when the decline was saved.
 */
export function DeclineReferralDialog({ opened, onClose, submit }: {
  opened: boolean;
  onClose: () => void;
  submit: (note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('household.assign.declineTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && (
        <ReasonForm
          intro={t('household.assign.declineConfirm')}
          label={t('referral.decline.reason')}
          hint={t('referral.decline.reasonHint')}
          required={t('referral.decline.reasonRequired')}
          field="note"
          confirm={t('assignments.decline')}
          submit={submit}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
