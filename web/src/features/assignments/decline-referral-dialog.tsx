import { useTranslation } from 'react-i18next';
import { ReasonDialog } from './reason-form';

/**
 * A partner declines a referral: the reason is required (the server refuses a decline without one).
 * `submit` rejects with the API error when the decline was not saved.
 */
export function DeclineReferralDialog({ opened, onClose, submit }: {
  opened: boolean;
  onClose: () => void;
  submit: (note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('household.assign.declineTitle')}
      intro={t('household.assign.declineConfirm')}
      label={t('referral.decline.reason')}
      hint={t('referral.decline.reasonHint')}
      required={t('referral.decline.reasonRequired')}
      field="note"
      confirm={t('assignments.decline')}
      submit={submit}
    />
  );
}
