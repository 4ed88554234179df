import { useMutation } from '@apollo/client/react';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { RecordGrowthMeasurementMutation } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { isNetworkFailure, outbox } from '../offline/offline';
import { MeasurementFormView, type MeasuredChild, type MeasurementInput } from './measurement-form';

const RECORD_GROWTH_MEASUREMENT = graphql(`
  mutation RecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {
    recordGrowthMeasurement(input: $input) {
      id
      measuredOn
      ageDays
      heightCm
      weightKg
      position
      heightForAgeZ
      stuntingStatus
    }
  }
`);

export type RecordedMeasurement = RecordGrowthMeasurementMutation['recordGrowthMeasurement'];

export interface MeasurementDialogProps {
  opened: boolean;
  onClose: () => void;
  child: MeasuredChild & { id: string };
  householdId: string;
  onSaved: (m: RecordedMeasurement) => void;
  /** Recorded without a connection: kept in the outbox, sent when the connection returns. */
  onQueued: () => void;
}

/** The modal with the measurement form; a new form each time it opens. */
export function MeasurementDialog({ opened, onClose, child, householdId, onSaved, onQueued }: MeasurementDialogProps) {
  const { t } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  // The page is reloaded before the dialog closes, so the chart and the needs (stunting) already show
  // the new point; the work queue (another page) reloads when next shown.
  const [record] = useMutation(RECORD_GROWTH_MEASUREMENT, {
    refetchQueries: ['HouseholdDetail'],
    awaitRefetchQueries: true,
    update: (cache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'myWorkQueue' }),
  });

  // The entry keeps the form's idempotency key: if an attempt did reach the server, the resend is "already saved".
  async function queue(input: MeasurementInput) {
    await outbox.add({
      id: input.idempotencyKey,
      userId: user.id,
      kind: 'measurement',
      input: { personId: child.id, ...input },
      householdId,
      summary: `${child.name}, ${fmt.number(input.heightCm)} cm`,
      createdAt: new Date().toISOString(),
    });
    onQueued();
    onClose();
  }

  async function submit(input: MeasurementInput): Promise<unknown> {
    try {
      if (!navigator.onLine) {
        await queue(input);
        return null;
      }
      const result = await record({ variables: { input: { personId: child.id, ...input } } });
      if (result.data) onSaved(result.data.recordGrowthMeasurement);
      onClose();
      return null;
    } catch (error) {
      if (!isNetworkFailure(error)) return error;
      // The request may have reached the server: the resend under the same key is answered "already saved".
      try {
        await queue(input);
        return null;
      } catch {
        return error;
      }
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('growth.recordTitle', { name: child.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <MeasurementFormView child={child} submit={submit} onCancel={onClose} />}
    </Modal>
  );
}
