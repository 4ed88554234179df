import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { useUser } from '../auth/session';
import { todayWib } from '../../i18n/format';
import { apiError } from '../../lib/errors';
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
}

/** The modal with the delivery form; a new form instance (and key) each time it opens. */
export function DeliveryDialog({ opened, onClose, householdId, members, need, onLogged }: DeliveryDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delivery.title')} size="lg">
      {opened && (
        <DeliveryFormContainer
          householdId={householdId}
          members={members}
          need={need ?? null}
          onDone={(confirmation) => {
            onLogged?.(confirmation);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

function DeliveryFormContainer({
  householdId,
  members,
  need,
  onDone,
  onCancel,
}: {
  householdId: string;
  members: readonly DeliveryMemberOption[];
  need: DeliveryNeed | null;
  onDone: (confirmation: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const programs = useQuery(MY_PROGRAMS, {
    variables: { filter: { ownerId: user.organization.id, activeOn: todayWib() } },
    fetchPolicy: 'cache-and-network',
  });
  const [logIntervention] = useMutation(LOG_INTERVENTION, {
    refetchQueries: ['HouseholdDetail', 'WorkQueue', 'WorkQueueCounts'],
    awaitRefetchQueries: true,
  });

  async function submit(input: DeliveryInput): Promise<DeliverySubmitResult> {
    try {
      await logIntervention({ variables: { input } });
      const program = options.find((p) => p.id === input.programId);
      const member = members.find((m) => m.id === input.personId);
      onDone(t('delivery.saved', { program: program?.name ?? '', target: member ? ` · ${memberWithAge(member, t)}` : '' }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: apiError(error) ?? { message: String(error) } };
    }
  }

  const options = programs.data?.programs.edges.map((e) => e.node) ?? [];
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
