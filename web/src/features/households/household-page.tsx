import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { HouseholdDetailQuery, InterventionStatus, NeedStatus } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { apiError } from '../../lib/errors';
import { ASSESSMENT_ROLES, DELIVERY_ROLES, HOUSEHOLD_EDIT_ROLES, mayUse, useUser } from '../auth/session';
import { Confirmation } from '../deliveries/confirmation';
import { DeliveryDialog, usePrefetchDeliveryPrograms, type DeliveryNeed } from '../deliveries/delivery-dialog';
import { useOnline, useOutboxEntries, useSavedAt } from '../offline/offline';
import { WAITING } from '../offline/outbox';
import { GrowthSection } from '../growth/growth-section';
import { InterventionActions } from '../interventions/intervention-actions';
import { describeEvidence } from '../needs/evidence';
import { HouseholdAssignments } from './household-assignments';
import { HouseholdAuditTrail } from './household-audit';
import { HouseholdEditDialog } from './household-edit';
import { PovertyBadge } from './household-card';
import { formatAge, memberWithAge } from './member-age';
import { FormerMembers, MemberActions, RegisterActions } from './register-actions';

const HOUSEHOLD_QUERY = graphql(`
  query HouseholdDetail($id: ID!) {
    household(id: $id) {
      id
      kkNumber
      address
      rt
      rw
      welfareDecile
      povertyStatus
      verificationStatus
      monthlyExpenditurePerCapita
      version
      updatedAt
      area {
        id
        name
        code
        parent {
          id
          name
        }
      }
      floorType
      wallType
      roofType
      drinkingWater
      sanitation
      electricity
      homeOwnership
      formerMembers {
        id
        name
        relation
        leftOn
        leftReason
        leftNote
      }
      members {
        id
        name
        nik
        nikPending
        sex
        relation
        age
        ageMonths
        birthDate
        birthYear
        jknStatus
        version
        employmentStatus
        schoolEnrolled
        pregnant
        growthMeasurements {
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
      needs {
        id
        type
        status
        evidence
        person {
          id
          name
        }
        servedBy {
          program {
            id
            name
          }
        }
        candidatePrograms {
          quotaLeft
          program {
            id
            name
            owner {
              id
              name
              shortName
            }
          }
        }
      }
      interventions {
        id
        status
        plannedOn
        deliveredOn
        quantity
        valueRp
        note
        version
        verifiedAt
        cancelReason
        createdAt
        program {
          id
          name
          deliveryUnit
          owner {
            id
          }
        }
        person {
          id
          name
        }
        organization {
          id
          name
          shortName
        }
        loggedBy {
          id
          displayName
        }
      }
      assignments {
        id
        status
        needType
        note
        responseNote
        requestedAt
        lawfulBasis
        consentGivenOn
        consentMethod
        consentGivenBy {
          id
          name
        }
        consentWithdrawnAt
        consentWithdrawalNote
        organization {
          id
          name
        }
      }
      assessments {
        id
        assessedOn
        welfareDecile
        povertyStatus
        previousDecile
        previousStatus
        reason
        assessedBy {
          id
          displayName
        }
      }
    }
  }
`);

type HouseholdData = NonNullable<HouseholdDetailQuery['household']>;

const NEED_COLOR: Record<NeedStatus, string> = { UNMET: 'red.9', PLANNED: '#7a5200', SERVED: 'teal.9' };
const INTERVENTION_COLOR: Record<InterventionStatus, string> = {
  PLANNED: 'gray.7', IN_PROGRESS: '#7a5200', DELIVERED: 'sinergi.8', VERIFIED: 'teal.9', CANCELLED: 'red.9',
};

export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const { data, loading, error, refetch } = useQuery(HOUSEHOLD_QUERY, { variables: { id } });
  const [deliveryOpen, delivery] = useDisclosure(false);
  const [deliveryNeed, setDeliveryNeed] = useState<DeliveryNeed | null>(null);
  const [editOpen, edit] = useDisclosure(false);
  // A household just registered arrives with its confirmation.
  const location = useLocation();
  const arrival = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrival);
  usePrefetchDeliveryPrograms(DELIVERY_ROLES.includes(user.role));
  const online = useOnline();
  const savedAt = useSavedAt('HouseholdDetail', { id }, online);
  const waiting = useOutboxEntries(user.id).filter((e) => e.householdId === id && WAITING.includes(e.status)).length;
  const fmt = useFormat();
  const { hash } = location;
  const loaded = !!data?.household;
  // A link to one record (e.g. "see the existing delivery") lands on it once the page has its data.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [loaded, hash]);

  if (loading && !data) return <Loading />;
  // An address with a malformed id (the server refuses it as bad input) names no household.
  const failure = apiError(error);
  const malformedId = failure?.code === 'BAD_USER_INPUT' && failure.field === 'id';
  if (error && !data && !malformedId) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const h = data?.household;
  if (!h) {
    return (
      <Stack align="flex-start" data-testid="household-not-found">
        <Title order={1} size="h2">{t('common.notFound')}</Title>
        <Text>{t('household.notFound')}</Text>
        <Button component={Link} to="/rumah-tangga" variant="light">{t('household.back')}</Button>
      </Stack>
    );
  }
  const head = h.members.find((m) => m.relation === 'HEAD');

  return (
    <Stack>
      <Anchor component={Link} to="/rumah-tangga" size="sm">← {t('household.back')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{head?.name ?? t('households.noHead')}</Title>
          <Text c="dimmed" ff="monospace">{t('households.kk')}: {h.kkNumber}</Text>
        </div>
        <Group gap="xs">
          {DELIVERY_ROLES.includes(user.role) && <Button onClick={() => { setDeliveryNeed(null); setNotice(null); delivery.open(); }}>{t('delivery.title')}</Button>}
          {HOUSEHOLD_EDIT_ROLES.includes(user.role) && <Button variant="default" onClick={edit.open}>{t('household.edit')}</Button>}
          <RegisterActions household={h} register={HOUSEHOLD_EDIT_ROLES.includes(user.role)} assess={ASSESSMENT_ROLES.includes(user.role)} onSaved={setNotice} />
        </Group>
      </Group>
      {savedAt && <Alert color="yellow" role="status" data-testid="offline-copy">{t('offline.copyShown', { date: fmt.dateTime(savedAt) })}</Alert>}
      {waiting > 0 && (
        <Alert color="orange" role="status">
          {t('offline.waitingHere', { count: waiting })} <Anchor component={Link} to="/kotak-keluar">{t('offline.title')}</Anchor>
        </Alert>
      )}
      {notice && <Confirmation onClose={() => setNotice(null)}>{notice}</Confirmation>}
      <Summary h={h} />
      <Members h={h} onSaved={setNotice} />
      {h.formerMembers.length > 0 && <FormerMembers members={h.formerMembers} />}
      <GrowthSection householdId={h.id} members={h.members} />
      <Needs
        h={h}
        onDeliver={
          DELIVERY_ROLES.includes(user.role)
            ? (need) => {
                setDeliveryNeed(need);
                setNotice(null);
                delivery.open();
              }
            : undefined
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Interventions h={h} />
        <Stack>
          <HouseholdAssignments householdId={h.id} assignments={h.assignments} />
          <Assessments h={h} />
        </Stack>
      </SimpleGrid>
      {mayUse(user.role, 'audit') && <HouseholdAuditTrail householdId={h.id} />}
      <DeliveryDialog
        opened={deliveryOpen}
        onClose={delivery.close}
        householdId={h.id}
        members={h.members}
        need={deliveryNeed}
        onLogged={setNotice}
        onQueued={() => setNotice(t('offline.queued'))}
      />
      {HOUSEHOLD_EDIT_ROLES.includes(user.role) && (
        <HouseholdEditDialog opened={editOpen} onClose={edit.close} onSaved={() => setNotice(t('household.editSaved'))} household={h} />
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

function Summary({ h }: { h: HouseholdData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows: [string, React.ReactNode][] = [
    [t('households.status'), <PovertyBadge key="s" status={h.povertyStatus} />],
    [t('households.decile'), h.welfareDecile],
    [t('households.area'), `${h.area.name}${h.area.parent ? `, ${h.area.parent.name}` : ''}`],
    [t('households.address'), h.address ?? <Text span c="dimmed" size="sm">{t('household.addressHidden')}</Text>],
    [t('household.rtrw'), h.rt || h.rw ? `${h.rt ?? '—'}/${h.rw ?? '—'}` : '—'],
    [t('household.expenditure'), fmt.rupiah(h.monthlyExpenditurePerCapita)],
    [t('household.verification'), t(`verificationStatus.${h.verificationStatus}`)],
  ];
  return (
    <Section title={t('household.summary')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text size="sm" component="div">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

function Members({ h, onSaved }: { h: HouseholdData; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const editor = HOUSEHOLD_EDIT_ROLES.includes(user.role);
  const nik = (m: HouseholdData['members'][number]) =>
    m.nikPending ? <Badge color="#7a5200" variant="light" data-testid="nik-pending">{t('register.nikPendingBadge')}</Badge> : m.nik;
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 48em)');
  return (
    <Section title={t('household.members')}>
      {h.members.length === 0 ? <Empty>{t('common.empty')}</Empty> : isPhone ? (
        <Stack gap="xs">
          {h.members.map((m) => (
            <Card key={m.id} withBorder padding="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{m.name}</Text>
                {editor && <MemberActions member={m} members={h.members} onSaved={onSaved} />}
              </Group>
              <Text size="sm">{t(`relation.${m.relation}`)} · {t(`sex.${m.sex}`)} · {formatAge(m, t)}</Text>
              <Text size="sm" ff="monospace" component="div">{t('household.nik')}: {nik(m)}</Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('household.name')}</Table.Th>
              <Table.Th>{t('household.nik')}</Table.Th>
              <Table.Th>{t('household.relation')}</Table.Th>
              <Table.Th>{t('household.age')}</Table.Th>
              <Table.Th>{t('household.birthDate')}</Table.Th>
              <Table.Th>{t('household.jkn')}</Table.Th>
              {editor && <Table.Th><VisuallyHidden>{t('register.actions')}</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {h.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td ff="monospace">{nik(m)}</Table.Td>
                <Table.Td>{t(`relation.${m.relation}`)}</Table.Td>
                <Table.Td>{formatAge(m, t)}</Table.Td>
                {/* Partners get the birth year only. */}
                <Table.Td>{m.birthDate ? fmt.date(m.birthDate) : m.birthYear}</Table.Td>
                <Table.Td>{t(`jkn.${m.jknStatus}`)}</Table.Td>
                {editor && <Table.Td><MemberActions member={m} members={h.members} onSaved={onSaved} /></Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function Needs({ h, onDeliver }: { h: HouseholdData; onDeliver?: (need: DeliveryNeed) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  return (
    <Section title={t('household.needs')}>
      {h.needs.length === 0 ? <Empty>{t('household.noNeeds')}</Empty> : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {h.needs.map((n) => (
            <Card key={n.id} withBorder padding="sm" data-testid="need-card">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t(`needType.${n.type}`)}</Text>
                <Badge color={NEED_COLOR[n.status]} variant="filled" style={{ flexShrink: 0 }}>{t(`needStatus.${n.status}`)}</Badge>
              </Group>
              {n.person && <Text size="sm">{t('household.person', { name: memberWithAge(h.members.find((m) => m.id === n.person!.id) ?? n.person, t) })}</Text>}
              <Text size="xs" fw={600} mt={4}>{t('household.evidence')}</Text>
              <List size="xs" spacing={0} c="dimmed" data-testid="need-evidence">
                {describeEvidence(n.evidence, t, fmt).map((e) => (
                  <List.Item key={e.key}>{e.label}: {e.value}</List.Item>
                ))}
              </List>
              {n.servedBy && <Text size="sm" mt={4}>{t('household.servedBy', { program: n.servedBy.program.name })}</Text>}
              {n.status !== 'SERVED' && (
                <>
                  <Text size="xs" fw={600} mt="xs">{t('household.candidates')}</Text>
                  {n.candidatePrograms.length === 0 ? (
                    <Text size="xs" c="dimmed">{t('household.noCandidates')}</Text>
                  ) : (
                    <List size="xs" spacing={2}>
                      {n.candidatePrograms.slice(0, 4).map((c) => (
                        <List.Item key={c.program.id}>
                          {c.program.name} ({c.program.owner.shortName ?? c.program.owner.name})
                          {c.quotaLeft != null && ` · ${t('household.quotaLeft', { count: c.quotaLeft })}`}
                        </List.Item>
                      ))}
                    </List>
                  )}
                  {onDeliver && n.status === 'UNMET' && n.candidatePrograms.some((c) => c.program.owner.id === user.organization.id) && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      mt="xs"
                      data-testid="need-deliver"
                      onClick={() => {
                        const member = h.members.find((m) => m.id === n.person?.id);
                        onDeliver({
                          label: member ? `${t(`needType.${n.type}`)} · ${memberWithAge(member, t)}` : t(`needType.${n.type}`),
                          type: n.type,
                          personId: n.person?.id ?? null,
                          programIds: n.candidatePrograms.filter((c) => c.program.owner.id === user.organization.id).map((c) => c.program.id),
                        });
                      }}
                    >
                      {t('delivery.title')}
                    </Button>
                  )}
                </>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}

function Interventions({ h }: { h: HouseholdData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('household.interventions')}>
      {h.interventions.length === 0 ? <Empty>{t('household.noInterventions')}</Empty> : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="intervention-timeline">
          {h.interventions.map((i) => (
            <Timeline.Item
              key={i.id}
              id={`intervensi-${i.id}`}
              tabIndex={-1}
              data-testid="intervention-item"
              color={INTERVENTION_COLOR[i.status]}
              title={<Text fw={600} size="sm">{i.program.name}</Text>}
            >
              <Group gap={6}>
                <Badge size="sm" variant="filled" color={INTERVENTION_COLOR[i.status]}>{t(`interventionStatus.${i.status}`)}</Badge>
                <Text size="sm">{fmt.date(i.deliveredOn ?? i.plannedOn)}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {i.organization.shortName ?? i.organization.name}
                {i.person && ` · ${i.person.name}`}
                {i.quantity != null && ` · ${t('household.quantity', { value: `${fmt.number(i.quantity)} ${i.program.deliveryUnit}` })}`}
                {i.valueRp != null && ` · ${fmt.rupiah(i.valueRp)}`}
              </Text>
              {i.note && <Text size="sm">{i.note}</Text>}
              {i.cancelReason && <Text size="sm">{t('intervention.cancelReason', { reason: i.cancelReason })}</Text>}
              {(i.loggedBy || i.verifiedAt) && (
                <Text size="xs" c="dimmed">
                  {[
                    i.loggedBy && t('household.loggedBy', { name: i.loggedBy.displayName }),
                    i.verifiedAt && t('intervention.verifiedAt', { date: fmt.date(i.verifiedAt) }),
                  ].filter(Boolean).join(' · ')}
                </Text>
              )}
              <InterventionActions intervention={i} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

function Assessments({ h }: { h: HouseholdData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('household.assessments')}>
      {h.assessments.length === 0 ? <Empty>{t('household.noAssessments')}</Empty> : (
        <Stack gap="xs">
          {h.assessments.map((a) => (
            <div key={a.id}>
              <Group gap="xs">
                <Text size="sm" fw={600}>{fmt.date(a.assessedOn)}</Text>
                <PovertyBadge status={a.povertyStatus} />
                <Text size="sm">
                  {a.previousDecile != null ? t('household.decileChange', { from: a.previousDecile, to: a.welfareDecile }) : `${t('households.decile')} ${a.welfareDecile}`}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">{a.reason}{a.assessedBy && ` · ${t('household.assessedBy', { name: a.assessedBy.displayName })}`}</Text>
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}
