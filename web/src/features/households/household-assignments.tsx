import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { AssignmentStatus, ConsentMethod, LawfulBasis, NeedType, Role } from '../../gql/graphql';
import { Empty } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { AssignDialog } from '../assignments/assign-dialog';
import { DeclineReferralDialog } from '../assignments/decline-referral-dialog';
import { ReasonDialog } from '../assignments/reason-form';
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

const WITHDRAW_CONSENT = graphql(`
  mutation WithdrawReferralConsent($id: ID!, $reason: String!) {
    withdrawReferralConsent(id: $id, reason: $reason) {
      id
      status
      closedAt
      consentWithdrawnAt
      consentWithdrawalNote
      version
    }
  }
`);

/** Roles that refer households to partners (server policy `assignment.refer`) and record a withdrawn consent. */
const REFER_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR'];

interface HouseholdAssignment {
  id: string;
  status: AssignmentStatus;
  needType?: NeedType | null;
  note?: string | null;
  responseNote?: string | null;
  requestedAt: string;
  lawfulBasis?: LawfulBasis | null;
  consentGivenOn?: string | null;
  consentMethod?: ConsentMethod | null;
  consentGivenBy?: { id: string; name: string } | null;
  consentWithdrawnAt?: string | null;
  consentWithdrawalNote?: string | null;
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
  const [withdrawing, setWithdrawing] = useState<HouseholdAssignment | null>(null);
  const [withdraw] = useMutation(WITHDRAW_CONSENT, { refetchQueries: ['HouseholdDetail'] });
  // A link to one referral (e.g. from a refused second referral) lands on it.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.startsWith('#rujukan-')) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [hash, assignments.length]);
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

  async function decline(note: string) {
    if (!declining) return;
    await respond({ variables: { id: declining.id, accept: false, note } });
    // A declined household leaves the partner's scope: its page would read "not found".
    void navigate('/penugasan');
  }

  async function recordWithdrawal(reason: string) {
    if (!withdrawing) return;
    await withdraw({ variables: { id: withdrawing.id, reason } });
    setWithdrawing(null);
    setMessage({ ok: true, text: t('referral.consent.withdrawSaved') });
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={title} id="rujukan">
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
            <div
              key={a.id}
              id={`rujukan-${a.id}`}
              data-testid="household-assignment"
              data-current={hash === `#rujukan-${a.id}` || undefined}
              style={hash === `#rujukan-${a.id}` ? { outline: '2px solid var(--mantine-color-sinergi-6)', outlineOffset: 4, borderRadius: 4 } : undefined}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>{a.organization.name}</Text>
                  <Text size="xs" c="dimmed">
                    {a.needType ? `${t(`needType.${a.needType}`)} · ` : ''}{t('assignments.requestedAt', { date: fmt.date(a.requestedAt) })}
                  </Text>
                  {a.note && <Text size="xs">{t('assignments.note', { note: a.note })}</Text>}
                  {a.responseNote && <Text size="xs">{t('household.assign.response', { note: a.responseNote })}</Text>}
                  <ConsentLine a={a} />
                </div>
                <Badge variant="light" style={{ flexShrink: 0 }}>{t(`assignmentStatus.${a.status}`)}</Badge>
              </Group>
              {partner && ownRequest(a) && (
                <Group mt={6} gap="xs">
                  <Button size="compact-sm" onClick={() => void accept(a)} loading={responding}>{t('assignments.accept')}</Button>
                  <Button size="compact-sm" variant="default" onClick={() => setDeclining(a)} disabled={responding}>{t('assignments.decline')}</Button>
                </Group>
              )}
              {REFER_ROLES.includes(user.role) && a.lawfulBasis === 'CONSENT' && !a.consentWithdrawnAt && (
                <Button size="compact-sm" variant="subtle" color="red" c="red.9" mt={6} onClick={() => setWithdrawing(a)} data-testid="withdraw-consent">
                  {t('referral.consent.withdraw')}
                </Button>
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
      <DeclineReferralDialog opened={declining !== null} onClose={() => setDeclining(null)} submit={decline} />
      <ReasonDialog
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('referral.consent.withdrawTitle')}
        intro={t('referral.consent.withdrawIntro')}
        label={t('referral.consent.withdrawReason')}
        required={t('referral.consent.withdrawReasonRequired')}
        field="reason"
        confirm={t('referral.consent.withdraw')}
        submit={recordWithdrawal}
      />
    </Paper>
  );
}

/** The ground a referral rests on: who consented, when and how, or the legal basis; and a withdrawal. */
function ConsentLine({ a }: { a: HouseholdAssignment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!a.lawfulBasis) return null;
  return (
    <>
      <Text size="xs" c="dimmed" data-testid="referral-consent">
        {a.lawfulBasis === 'CONSENT' && a.consentMethod && a.consentGivenOn
          ? t('referral.consent.given', { method: t(`consentMethod.${a.consentMethod}`), name: a.consentGivenBy?.name ?? '—', date: fmt.date(a.consentGivenOn) })
          : t('referral.consent.basis', { basis: t(`lawfulBasis.${a.lawfulBasis}`) })}
      </Text>
      {a.consentWithdrawnAt && (
        <Text size="xs" c="red.9">{t('referral.consent.withdrawn', { date: fmt.date(a.consentWithdrawnAt), reason: a.consentWithdrawalNote ?? '' })}</Text>
      )}
    </>
  );
}
