import { Anchor, Badge, Button, Card, Collapse, Group, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { AuditEventItemFragment, DisclosureTier } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { fieldLabel, valueLabel } from '../field-labels/field-labels';

export const AUDIT_EVENT_ITEM = graphql(`
  fragment AuditEventItem on AuditEvent {
    id
    occurredAt
    role
    action
    entityType
    entityIds
    oldValues
    newValues
    requestId
    disclosureTier
    subjects {
      id
      kind
      name
    }
    actor {
      id
      displayName
      username
    }
    organization {
      id
      name
      shortName
    }
  }
`);

/** A page of the audit log; the audit page and a household's trail filter it. */
export const AUDIT_EVENTS = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...AuditEventItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ENTITY_TYPES = [
  'Household', 'Person', 'PersonalData', 'Intervention', 'GrowthMeasurement', 'PovertyAssessment', 'Assignment', 'Program',
  'IndicatorValue', 'Organization', 'User', 'ApiToken', 'Area',
] as const;

/** Records with a page of their own in the portal. */
const LINKS: Record<string, (id: string) => string> = {
  Household: (id) => `/rumah-tangga/${id}`,
};

/** One row per field: what it was and what it became (only what the event recorded). */
export function changeRows(oldValues: Record<string, unknown> | null | undefined, newValues: Record<string, unknown> | null | undefined) {
  const keys = [...new Set([...Object.keys(oldValues ?? {}), ...Object.keys(newValues ?? {})])].sort();
  return keys.map((field) => ({ field, before: show(oldValues?.[field]), after: show(newValues?.[field]) }));
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function useEntityLabel() {
  const { t, i18n } = useTranslation();
  return (type: string) => (i18n.exists(`audit.entity.${type}`) ? t(`audit.entity.${type}`) : type);
}

/** FULL for government roles, masked for partners: what the response showed of the people it named. */
export function TierBadge({ tier }: { tier: DisclosureTier }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={tier === 'FULL' ? 'orange.9' : 'teal.9'} data-testid="disclosure-tier">
      {t(`audit.tier.${tier}`)}
    </Badge>
  );
}

/**
 * The people and households an event names, by name (households link to their page); records that
 * are not people (or that the viewer may not see) stay ids.
 */
export function EventSubjects({ event: e }: { event: AuditEventItemFragment }) {
  const { t } = useTranslation();
  const named = new Set(e.subjects.map((s) => s.id));
  const link = LINKS[e.entityType];
  const otherIds = e.entityIds.filter((id) => !named.has(id));
  const shownIds = otherIds.slice(0, 20);
  return (
    <Text size="xs" style={{ wordBreak: 'break-word' }} data-testid="audit-subjects">
      {e.subjects.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 && ', '}
          {s.kind === 'HOUSEHOLD' ? (
            <Anchor component={Link} to={`/rumah-tangga/${s.id}`} size="xs" underline="always">{t('audit.householdOf', { name: s.name })}</Anchor>
          ) : (
            s.name
          )}
        </Fragment>
      ))}
      {shownIds.length > 0 && (
        <Text span size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {e.subjects.length > 0 && ' · '}
          {shownIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              {link ? <Anchor component={Link} to={link(id)} size="xs" ff="monospace" underline="always">{id}</Anchor> : id}
            </span>
          ))}
          {otherIds.length > shownIds.length && ` ${t('audit.moreIds', { count: otherIds.length - shownIds.length })}`}
        </Text>
      )}
    </Text>
  );
}

function ChangeTable({ event: e }: { event: AuditEventItemFragment }) {
  const { t, i18n } = useTranslation();
  const rows = changeRows(e.oldValues, e.newValues);
  return (
    <>
      <Table fz="xs" withTableBorder mt={4} style={{ tableLayout: 'fixed', wordBreak: 'break-word' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.field}>
              <Table.Td>{fieldLabel(r.field, t, i18n)}</Table.Td>
              <Table.Td>{valueLabel(e.entityType, r.field, r.before, t, i18n)}</Table.Td>
              <Table.Td>{valueLabel(e.entityType, r.field, r.after, t, i18n)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {e.requestId && <Text size="xs" c="dimmed">{t('audit.requestId')}: {e.requestId}</Text>}
    </>
  );
}

function EventRow({ event: e }: { event: AuditEventItemFragment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const entityLabel = useEntityLabel();
  const [open, { toggle }] = useDisclosure(false);
  const changes = changeRows(e.oldValues, e.newValues).length;
  return (
    <>
      <Table.Tr data-testid="audit-event">
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.occurredAt)}</Table.Td>
        <Table.Td>
          <Badge variant="filled" color={e.action === 'LOGIN_FAILED' ? 'red.9' : e.action === 'PII_READ' ? 'violet.9' : 'sinergi'}>
            {t(`auditAction.${e.action}`)}
          </Badge>
          <Text size="xs">{entityLabel(e.entityType)}</Text>
        </Table.Td>
        <Table.Td><EventSubjects event={e} /></Table.Td>
        <Table.Td>
          <Text size="xs">{e.actor ? `${e.actor.displayName} (${e.actor.username})` : t('audit.system')}</Text>
          <Text size="xs" c="dimmed">
            {[e.role && t(`roles.${e.role}`), e.organization && (e.organization.shortName ?? e.organization.name)].filter(Boolean).join(' · ')}
          </Text>
        </Table.Td>
        <Table.Td>{e.disclosureTier ? <TierBadge tier={e.disclosureTier} /> : <Text size="xs" c="dimmed">—</Text>}</Table.Td>
        <Table.Td>
          {changes > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={open}>
              {open ? t('audit.hideDetails') : t('audit.showDetails', { count: changes })}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}><ChangeTable event={e} /></Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Events as a table an auditor reads: when, what, whom it concerns, who, and how much was disclosed. */
export function AuditEventTable({ events, testId }: { events: readonly AuditEventItemFragment[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.whenWib')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.subjects')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.tierColumn')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => <EventRow key={e.id} event={e} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AuditEventCard({ event: e }: { event: AuditEventItemFragment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const entityLabel = useEntityLabel();
  const [open, { toggle }] = useDisclosure(false);
  const rows = changeRows(e.oldValues, e.newValues);
  return (
    <Card withBorder padding="xs" data-testid="audit-event">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Badge variant="filled" color={e.action === 'LOGIN_FAILED' ? 'red.9' : e.action === 'PII_READ' ? 'violet.9' : 'sinergi'}>
            {t(`auditAction.${e.action}`)}
          </Badge>
          <Text size="sm" fw={600}>{entityLabel(e.entityType)}</Text>
        </Group>
        <Text size="xs" c="dimmed">{fmt.dateTime(e.occurredAt)}</Text>
      </Group>
      <Text size="sm">
        {t('audit.actor')}: {e.actor ? `${e.actor.displayName} (${e.actor.username})` : t('audit.system')}
        {e.role && ` · ${t(`roles.${e.role}`)}`}
        {e.organization && ` · ${e.organization.shortName ?? e.organization.name}`}
      </Text>
      <Group gap="xs" wrap="wrap">
        <EventSubjects event={e} />
        {e.disclosureTier && <TierBadge tier={e.disclosureTier} />}
      </Group>
      {rows.length > 0 && (
        <>
          <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={open} mt={4} style={{ alignSelf: 'flex-start' }}>
            {open ? t('audit.hideDetails') : t('audit.showDetails', { count: rows.length })}
          </Button>
          <Collapse expanded={open}>
            <ChangeTable event={e} />
          </Collapse>
        </>
      )}
    </Card>
  );
}
