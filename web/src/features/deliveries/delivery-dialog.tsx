import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { useUser } from '../auth/session';
import { todayWib } from '../../i18n/format';
import { apiError } from '../../lib/errors';
import { isNetworkFailure, outbox } from '../offline/offline';
import { ErrorState, Loading } from '../../app/states';
import { DeliveryFormView, type DeliveryInput, type DeliveryMemberOption, type DeliverySubmitResult } from './delivery-form';

const MY_PROGRAMS = graphql(`
  query DeliveryPrograms($filter: ProgramFilter) {
    programs(filter: $filter, first: 100) {
      edges {
        node {
          id
          name
          targetUnit
          deliveryUnit
        }
      }
    }
  }
`);

const LOG_INTERVENTION = graphql(`
  mutation LogIntervention($input: LogInterventionInput!) {
    logIntervention(input: $input) {
      id
      status
      deliveredOn
    }
  }
`);

export interface DeliveryDialogProps {
  opened: boolean;
  onClose: () => void;
  householdId: string;
  members: readonly DeliveryMemberOption[];
  onLogged?: () => void;
  /** Recorded without a connection: kept in the outbox, sent when the connection returns. */
  onQueued?: () => void;
}

/** The modal with the delivery form; a new form instance (and key) each time it opens. */
export function DeliveryDialog({ opened, onClose, householdId, members, onLogged, onQueued }: DeliveryDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delivery.title')} size="lg">
      {opened && (
        <DeliveryFormContainer
          householdId={householdId}
          members={members}
          onDone={() => { onLogged?.(); onClose(); }}
          onQueued={() => { onQueued?.(); onClose(); }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

interface ContainerProps {
  householdId: string;
  members: readonly DeliveryMemberOption[];
  onDone: () => void;
  onQueued: () => void;
  onCancel: () => void;
}

function programsVariables(organizationId: string) {
  return { filter: { ownerId: organizationId, activeOn: todayWib() } };
}

/** Loads the delivery form's programs with the page, so the form opens without a connection too. */
export function usePrefetchDeliveryPrograms(enabled: boolean) {
  const user = useUser();
  useQuery(MY_PROGRAMS, { variables: programsVariables(user.organization.id), skip: !enabled, fetchPolicy: 'cache-first' });
}

function DeliveryFormContainer({ householdId, members, onDone, onQueued, onCancel }: ContainerProps) {
  const { t } = useTranslation();
  const user = useUser();
  const programs = useQuery(MY_PROGRAMS, {
    variables: programsVariables(user.organization.id),
    fetchPolicy: 'cache-and-network',
  });
  const options = programs.data?.programs.edges.map((e) => e.node) ?? [];
  const [logIntervention] = useMutation(LOG_INTERVENTION, {
    refetchQueries: ['HouseholdDetail', 'WorkQueue'],
    awaitRefetchQueries: true,
  });

  // Offline, the entry keeps the form's idempotency key: if an attempt did reach the server, the resend is "already saved".
  async function queue(input: DeliveryInput) {
    const program = options.find((p) => p.id === input.programId);
    const member = members.find((m) => m.id === input.personId);
    await outbox.add({
      id: input.idempotencyKey,
      userId: user.id,
      kind: 'delivery',
      input: { ...input },
      householdId,
      summary: [program?.name, member?.name].filter(Boolean).join(' · '),
      createdAt: new Date().toISOString(),
    });
    onQueued();
  }

  async function submit(input: DeliveryInput): Promise<DeliverySubmitResult> {
    try {
      if (!navigator.onLine) {
        await queue(input);
        return { ok: true };
      }
      await logIntervention({ variables: { input } });
      onDone();
      return { ok: true };
    } catch (error) {
      if (isNetworkFailure(error)) {
        try {
          await queue(input);
          return { ok: true };
        } catch {
          // Fall through: the form shows the network error.
        }
      }
      return { ok: false, error: apiError(error) ?? { message: String(error) } };
    }
  }

  if (programs.loading && !programs.data) return <Loading />;
  if (programs.error && !programs.data) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  if (options.length === 0) return <Alert color="yellow">{t('delivery.noPrograms')}</Alert>;
  return <DeliveryFormView householdId={householdId} programs={options} members={members} submit={submit} onCancel={onCancel} />;
}
