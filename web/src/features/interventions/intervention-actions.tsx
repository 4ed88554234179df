import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { InterventionStatus } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { useUser } from '../auth/session';
import { Confirmation } from '../deliveries/confirmation';
import { CancelInterventionForm, DeliverInterventionForm, type DeliverValues } from './intervention-forms';
import { interventionActions } from './intervention-policy';

const ADVANCE_INTERVENTION = graphql(`
  mutation AdvanceIntervention($input: AdvanceInterventionInput!) {
    advanceIntervention(input: $input) {
      id
      status
      version
      deliveredOn
      verifiedAt
      quantity
      valueRp
      note
      updatedAt
    }
  }
`);

const CANCEL_INTERVENTION = graphql(`
  mutation CancelIntervention($id: ID!, $reason: String!) {
    cancelIntervention(id: $id, reason: $reason) {
      id
      status
      version
      cancelledAt
      cancelReason
      updatedAt
    }
  }
`);

const CORRECT_INTERVENTION = graphql(`
  mutation CorrectIntervention($input: CorrectInterventionInput!) {
    correctIntervention(input: $input) {
      id
      version
      deliveredOn
      quantity
      valueRp
      note
      updatedAt
    }
  }
`);

// A status change can serve or unserve a need: the page reloads its needs, and the work queue
// (another page) is dropped from the cache so it reloads when next shown.
const REFRESH = {
  refetchQueries: ['HouseholdDetail'],
  update: (cache: ApolloCache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'myWorkQueue' }),
};

export interface ActionableIntervention {
  id: string;
  version: number;
  status: InterventionStatus;
  quantity?: number | null;
  valueRp?: number | null;
  note?: string | null;
  deliveredOn?: string | null;
  createdAt?: string | null;
  loggedBy?: { id: string } | null;
  program: { name: string; deliveryUnit: string; owner: { id: string } };
}

/** The status changes the user may make to one intervention of the timeline. */
export function InterventionActions({ intervention }: { intervention: ActionableIntervention }) {
  const { t } = useTranslation();
  const user = useUser();
  const client = useApolloClient();
  const allowed = interventionActions(user, intervention);
  const [dialog, setDialog] = useState<'deliver' | 'correct' | 'cancel' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [quickError, setQuickError] = useState<unknown>(null);
  const [advance, { loading: advancing }] = useMutation(ADVANCE_INTERVENTION, REFRESH);
  const [cancel] = useMutation(CANCEL_INTERVENTION, REFRESH);
  const [correct] = useMutation(CORRECT_INTERVENTION, REFRESH);

  if (!allowed.start && !allowed.deliver && !allowed.verify && !allowed.correct && !allowed.cancel && !saved) return null;
  const program = intervention.program.name;

  async function quick(status: 'IN_PROGRESS' | 'VERIFIED') {
    setQuickError(null);
    try {
      await advance({ variables: { input: { id: intervention.id, version: intervention.version, status } } });
    } catch (e) {
      setQuickError(e);
    }
  }

  async function reload() {
    try {
      await client.refetchQueries({ include: ['HouseholdDetail'] });
      setQuickError(null);
    } catch (e) {
      setQuickError(e);
    }
  }

  async function deliver(values: DeliverValues): Promise<unknown> {
    try {
      await advance({ variables: { input: { id: intervention.id, version: intervention.version, status: 'DELIVERED', ...values } } });
      setDialog(null);
      return null;
    } catch (e) {
      return e;
    }
  }

  async function correctWith(values: DeliverValues): Promise<unknown> {
    try {
      await correct({ variables: { input: { id: intervention.id, version: intervention.version, ...values } } });
      setDialog(null);
      setSaved(t('delivery.corrected'));
      return null;
    } catch (e) {
      return e;
    }
  }

  async function cancelWith(reason: string): Promise<unknown> {
    try {
      await cancel({ variables: { id: intervention.id, reason } });
      setDialog(null);
      return null;
    } catch (e) {
      return e;
    }
  }

  const quickInfo = apiError(quickError);
  return (
    <>
      <Group gap={6} mt={6} role="group" aria-label={t('intervention.actionsFor', { program })}>
        {allowed.start && (
          <Button size="compact-sm" variant="light" loading={advancing} onClick={() => void quick('IN_PROGRESS')}>
            {t('intervention.start')}
          </Button>
        )}
        {allowed.deliver && (
          <Button size="compact-sm" variant="light" disabled={advancing} onClick={() => setDialog('deliver')}>
            {t('intervention.deliver')}
          </Button>
        )}
        {allowed.verify && (
          <Button size="compact-sm" loading={advancing} onClick={() => void quick('VERIFIED')}>
            {t('intervention.verify')}
          </Button>
        )}
        {allowed.correct && (
          <Button size="compact-sm" variant="light" disabled={advancing} onClick={() => { setSaved(null); setDialog('correct'); }} data-testid="intervention-correct">
            {t('delivery.correct')}
          </Button>
        )}
        {allowed.cancel && (
          <Button size="compact-sm" variant="subtle" color="red" c="red.9" disabled={advancing} onClick={() => setDialog('cancel')}>
            {t('intervention.cancel')}
          </Button>
        )}
      </Group>
      {saved && <Confirmation onClose={() => setSaved(null)}>{saved}</Confirmation>}
      {quickInfo && (
        <Alert color={quickInfo.code === 'CONFLICT' ? 'yellow' : 'red'} role="alert" mt={6} p="xs">
          <Text size="sm">{quickInfo.code === 'CONFLICT' ? t('intervention.conflict') : describeError(quickError, t)}</Text>
          {quickInfo.code === 'CONFLICT' && (
            <Button size="compact-xs" variant="light" mt={4} onClick={() => void reload()}>{t('household.reload')}</Button>
          )}
        </Alert>
      )}
      <Modal opened={dialog === 'deliver'} onClose={() => setDialog(null)} title={t('intervention.deliverTitle', { program })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog === 'deliver' && (
          <DeliverInterventionForm intervention={intervention} submit={deliver} onCancel={() => setDialog(null)} onReload={reload} />
        )}
      </Modal>
      <Modal opened={dialog === 'correct'} onClose={() => setDialog(null)} title={t('delivery.correctTitle', { program })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog === 'correct' && (
          <DeliverInterventionForm intervention={intervention} submit={correctWith} onCancel={() => setDialog(null)} onReload={reload} correction />
        )}
      </Modal>
      <Modal opened={dialog === 'cancel'} onClose={() => setDialog(null)} title={t('intervention.cancelTitle', { program })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog === 'cancel' && <CancelInterventionForm submit={cancelWith} onCancel={() => setDialog(null)} />}
      </Modal>
    </>
  );
}
