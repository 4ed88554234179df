import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { useUser } from '../auth/session';
import { todayWib } from '../../i18n/format';
import { apiError } from '../../lib/errors';
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
}

/** The modal with the delivery form; a new form instance (and key) each time it opens. */
export function DeliveryDialog({ opened, onClose, householdId, members, onLogged }: DeliveryDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delivery.title')} size="lg">
      {opened && <DeliveryFormContainer householdId={householdId} members={members} onDone={() => { onLogged?.(); onClose(); }} onCancel={onClose} />}
    </Modal>
  );
}

function DeliveryFormContainer({ householdId, members, onDone, onCancel }: { householdId: string; members: readonly DeliveryMemberOption[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const programs = useQuery(MY_PROGRAMS, {
    variables: { filter: { ownerId: user.organization.id, activeOn: todayWib() } },
    fetchPolicy: 'cache-and-network',
  });
  const [logIntervention] = useMutation(LOG_INTERVENTION, {
    refetchQueries: ['HouseholdDetail', 'WorkQueue'],
    awaitRefetchQueries: true,
  });

  async function submit(input: DeliveryInput): Promise<DeliverySubmitResult> {
    try {
      await logIntervention({ variables: { input } });
      onDone();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: apiError(error) ?? { message: String(error) } };
    }
  }

  if (programs.loading && !programs.data) return <Loading />;
  if (programs.error && !programs.data) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  const options = programs.data?.programs.edges.map((e) => e.node) ?? [];
  if (options.length === 0) return <Alert color="yellow">{t('delivery.noPrograms')}</Alert>;
  return <DeliveryFormView householdId={householdId} programs={options} members={members} submit={submit} onCancel={onCancel} />;
}
