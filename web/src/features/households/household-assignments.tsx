import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { AssignmentStatus, NeedType, Role } from '../../gql/graphql';
import { Empty } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { apiError, describeError } from '../../lib/errors';
import { AssignDialog } from '../assignments/assign-dialog';
import { useUser } from '../auth/session';

const RESPOND_HOUSEHOLD_ASSIGNMENT = graphql(`
  mutation RespondHouseholdAssignment($id: ID!, $accept: Boolean!, $note: String) {
    respondToAssignment(id: $id, accept: $accept, note: $note) {
      id
      status
      responseNote
      respondedAt
      version
    }
  }
`);

/** Roles that refer households to partners (server policy `assignment.refer`). */
const REFER_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR'];

interface HouseholdAssignment {
  id: string;
  status: AssignmentStatus;
  needType?: NeedType | null;
  note?: string | null;
  responseNote?: string | null;
  requestedAt: string;
  organization: { id: string; name: string };
}

/** Referrals of this household: the list, a new referral (coordinators) and the partner's answer. */
export function HouseholdAssignments({ householdId, assignments }: { householdId: string; assignments: readonly HouseholdAssignment[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState(false);
  const [declining, setDeclining] = useState<HouseholdAssignment | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [respond, { loading: responding }] = useMutation(RESPOND_HOUSEHOLD_ASSIGNMENT, {
    refetchQueries: ['HouseholdDetail'],
    // The partner's lists on other pages change with the answer; they reload when next shown.
    update: (cache) => {
      for (const fieldName of ['assignments', 'households', 'myWorkQueue']) cache.evict({ id: 'ROOT_QUERY', fieldName });
    },
  });
  const title = t('household.assignments');
  const ownRequest = (a: HouseholdAssignment) => a.status === 'REQUESTED' && a.organization.id === user.organization.id;
  const partner = user.role === 'NGO_PARTNER' || user.role === 'PRIVATE_PARTNER';

  async function accept(a: HouseholdAssignment) {
    try {
      await respond({ variables: { id: a.id, accept: true } });
      setMessage({ ok: true, text: t('assignments.accepted') });
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, t) });
    }
  }

  async function decline(note: string): Promise<unknown> {
    if (!declining) return null;
    try {
      await respond({ variables: { id: declining.id, accept: false, note: note || null } });
      // A declined household leaves the partner's scope: its page would read "not found".
      void navigate('/penugasan');
      return null;
    } catch (e) {
      return e;
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">{title}</Title>
        {REFER_ROLES.includes(user.role) && (
          <Button size="xs" variant="light" onClick={() => setAssigning(true)}>{t('household.assign.open')}</Button>
        )}
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} mb="xs" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      {assignments.length === 0 ? <Empty>{t('household.noAssignments')}</Empty> : (
        <Stack gap="sm">
          {assignments.map((a) => (
            <div key={a.id} data-testid="household-assignment">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>{a.organization.name}</Text>
                  <Text size="xs" c="dimmed">
                    {a.needType ? `${t(`needType.${a.needType}`)} · ` : ''}{t('assignments.requestedAt', { date: fmt.date(a.requestedAt) })}
                  </Text>
                  {a.note && <Text size="xs">{t('assignments.note', { note: a.note })}</Text>}
                  {a.responseNote && <Text size="xs">{t('household.assign.response', { note: a.responseNote })}</Text>}
                </div>
                <Badge variant="light" style={{ flexShrink: 0 }}>{t(`assignmentStatus.${a.status}`)}</Badge>
              </Group>
              {partner && ownRequest(a) && (
                <Group mt={6} gap="xs">
                  <Button size="compact-sm" onClick={() => void accept(a)} loading={responding}>{t('assignments.accept')}</Button>
                  <Button size="compact-sm" variant="default" onClick={() => setDeclining(a)} disabled={responding}>{t('assignments.decline')}</Button>
                </Group>
              )}
            </div>
          ))}
        </Stack>
      )}
      {REFER_ROLES.includes(user.role) && (
        <AssignDialog
          opened={assigning}
          householdIds={[householdId]}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            setMessage({ ok: true, text: t('household.assign.saved') });
          }}
        />
      )}
      <Modal opened={declining !== null} onClose={() => setDeclining(null)} title={t('household.assign.declineTitle')}>
        {declining && <DeclineForm submit={decline} onCancel={() => setDeclining(null)} />}
      </Modal>
    </Paper>
  );
}

function DeclineForm({ submit, onCancel }: { submit: (note: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const info = apiError(error);
  const noteError = info?.code === 'BAD_USER_INPUT' && info.field === 'note' ? info.message.replace('note: ', '') : undefined;
  return (
    <form
      noValidate
      aria-label={t('household.assign.declineTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (sending) return;
        setSending(true);
        setError(null);
        void submit(note.trim()).then((err) => {
          setError(err);
          setSending(false);
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('household.assign.declineConfirm')}</Text>
        {error !== null && !noteError && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
        <Textarea label={t('household.assign.declineNote')} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={noteError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('intervention.keep')}</Button>
          <Button type="submit" color="red.9" loading={sending}>{t('assignments.decline')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
