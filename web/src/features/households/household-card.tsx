import { Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { HouseholdListItemFragment, PovertyStatus } from '../../gql/graphql';

export const HOUSEHOLD_LIST_ITEM = graphql(`
  fragment HouseholdListItem on Household {
    id
    kkNumber
    address
    welfareDecile
    povertyStatus
    verificationStatus
    updatedAt
    head {
      id
      name
    }
    area {
      id
      name
      parent {
        id
        name
      }
    }
    assignments {
      id
      status
      organization {
        id
        name
      }
    }
  }
`);

export const STATUS_COLOR: Record<PovertyStatus, string> = {
  EXTREME_POOR: 'red.9',
  POOR: '#a63c06',
  VULNERABLE: '#7a5200',
  NOT_POOR: 'gray.7',
  GRADUATED: 'teal.9',
};

export function PovertyBadge({ status }: { status: PovertyStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="filled" style={{ flexShrink: 0 }}>{t(`povertyStatus.${status}`)}</Badge>;
}

/** Referrals still in play (asked, accepted) or just declined, newest first: what a list should show. */
const SHOWN_REFERRALS = new Set(['REQUESTED', 'ACCEPTED', 'DECLINED']);

/** The household's referral status in a list: partner and status of each referral that still matters. */
export function ReferralStatus({ assignments }: { assignments: HouseholdListItemFragment['assignments'] }) {
  const { t } = useTranslation();
  const shown = assignments.filter((a) => SHOWN_REFERRALS.has(a.status)).slice(0, 3);
  if (!shown.length) return null;
  const list = shown.map((a) => t('referral.statusItem', { partner: a.organization.name, status: t(`assignmentStatus.${a.status}`) })).join(', ');
  return <Text size="sm" data-testid="referral-status">{t('referral.status', { list })}</Text>;
}

export function HouseholdCard({
  household,
  action,
  children,
}: {
  household: HouseholdListItemFragment;
  action?: React.ReactNode;
  /** Shown inside the card, below it (e.g. the household's need tags). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="household-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text component={Link} to={`/rumah-tangga/${household.id}`} fw={600} c="sinergi.8" style={{ wordBreak: 'break-word' }}>
            {household.head?.name ?? t('households.noHead')}
          </Text>
          <Text size="sm" c="dimmed">{t('households.kk')}: {household.kkNumber}</Text>
          <Text size="sm">{household.area.name}{household.area.parent ? `, ${household.area.parent.name}` : ''}</Text>
          {household.address && <Text size="sm" c="dimmed">{household.address}</Text>}
          <ReferralStatus assignments={household.assignments} />
        </div>
        <PovertyBadge status={household.povertyStatus} />
      </Group>
      <Group justify="space-between" mt="xs">
        <Text size="sm">{t('households.decile')}: {household.welfareDecile}</Text>
        {action}
      </Group>
      {children}
    </Card>
  );
}
