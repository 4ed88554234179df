import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { useUser } from '../auth/session';
import { todayWib } from '../../i18n/format';
import { apiError } from '../../lib/errors';
import { isNetworkFailure, outbox } from '../offline/offline';
import { ErrorState, Loading } from '../../app/states';
import { memberWithAge } from '../households/member-age';
import type { NeedType } from '../../gql/graphql';
import { DeliveryFormView, programTargets, type DeliveryInput, type DeliveryMemberOption, type DeliverySubmitResult } from './delivery-form';

const MY_PROGRAMS = graphql(`
  query DeliveryPrograms($filter: ProgramFilter) {
    programs(filter: $filter, first: 100) {
      edges {
        node {
          id
          name
          targetUnit
          deliveryUnit
          targetMinAgeMonths
          targetMaxAgeMonths
          targetSex
          needTypes
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

/** The need a delivery form was opened from: its type, its member, and the programs that could serve it (best first) when known. */
export interface DeliveryNeed {
  label: string;
  type: NeedType;
  personId?: string | null;
  programIds?: readonly string[];
}

export interface DeliveryDialogProps {
  opened: boolean;
  onClose: () => void;
  householdId: string;
  members: readonly DeliveryMemberOption[];
  need?: DeliveryNeed | null;
  /** After a saved delivery, with a one-line confirmation to show where the user is looking. */
  onLogged?: (confirmation: string) => void;
  /** Recorded without a connection: kept in the outbox, sent when the connection returns. */
  onQueued?: () => void;
}

/** The modal with the delivery form; a new form instance (and key) each time it opens. */
export function DeliveryDialog({ opened, onClose, householdId, members, need, onLogged, onQueued }: DeliveryDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delivery.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && (
        <DeliveryFormContainer
          householdId={householdId}
          members={members}
          need={need ?? null}
          onDone={(confirmation) => {
            onLogged?.(confirmation);
            onClose();
          }}
          onQueued={() => {
            onQueued?.();
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

interface ContainerProps {
  householdId: string;
  members: readonly DeliveryMemberOption[];
  need: DeliveryNeed | null;
  onDone: (confirmation: string) => void;
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

function DeliveryFormContainer({ householdId, members, need, onDone, onQueued, onCancel }: ContainerProps) {
  const { t } = useTranslation();
  const user = useUser();
  const programs = useQuery(MY_PROGRAMS, {
    variables: programsVariables(user.organization.id),
    fetchPolicy: 'cache-and-network',
  });
  const options = programs.data?.programs.edges.map((e) => e.node) ?? [];
  const [logIntervention] = useMutation(LOG_INTERVENTION, {
    refetchQueries: ['HouseholdDetail', 'WorkQueue', 'WorkQueueCounts'],
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
      const program = options.find((p) => p.id === input.programId);
      const member = members.find((m) => m.id === input.personId);
      onDone(t('delivery.saved', { program: program?.name ?? '', target: member ? ` · ${memberWithAge(member, t)}` : '' }));
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
  // From a need: the best-fitting of its candidate programs that the user's organisation runs, else
  // the first of its running programs addressing the need and reaching the member (a person program first).
  const member = members.find((m) => m.id === need?.personId);
  const serving = need
    ? [...options]
        .filter((p) => p.needTypes.includes(need.type) && (p.targetUnit === 'HOUSEHOLD' || (member && programTargets(p, member))))
        .sort((a, b) => Number(b.targetUnit === 'PERSON') - Number(a.targetUnit === 'PERSON'))
    : [];
  const fromNeed = need?.programIds?.find((id) => options.some((p) => p.id === id)) ?? serving[0]?.id;
  return (
    <DeliveryFormView
      householdId={householdId}
      programs={options}
      members={members}
      defaultProgramId={fromNeed}
      defaultPersonId={need?.personId ?? undefined}
      needLabel={need?.label}
      submit={submit}
      onCancel={onCancel}
    />
  );
}
