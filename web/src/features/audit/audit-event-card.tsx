import { Anchor, Badge, Button, Card, Collapse, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { AuditEventItemFragment } from '../../gql/graphql';
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

export function AuditEventCard({ event: e }: { event: AuditEventItemFragment }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [open, { toggle }] = useDisclosure(false);
  const rows = changeRows(e.oldValues, e.newValues);
  const entityLabel = i18n.exists(`audit.entity.${e.entityType}`) ? t(`audit.entity.${e.entityType}`) : e.entityType;
  const link = LINKS[e.entityType];
  const shownIds = e.entityIds.slice(0, 20);
  return (
    <Card withBorder padding="xs" data-testid="audit-event">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Badge variant="filled" color={e.action === 'LOGIN_FAILED' ? 'red.9' : e.action === 'PII_READ' ? 'violet.9' : 'sinergi'}>
            {t(`auditAction.${e.action}`)}
          </Badge>
          <Text size="sm" fw={600}>{entityLabel}</Text>
        </Group>
        <Text size="xs" c="dimmed">{fmt.dateTime(e.occurredAt)}</Text>
      </Group>
      <Text size="sm">
        {t('audit.actor')}: {e.actor ? `${e.actor.displayName} (${e.actor.username})` : t('audit.system')}
        {e.role && ` · ${t(`roles.${e.role}`)}`}
        {e.organization && ` · ${e.organization.shortName ?? e.organization.name}`}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {shownIds.map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            {link ? <Anchor component={Link} to={link(id)} size="xs" ff="monospace">{id}</Anchor> : id}
          </span>
        ))}
        {e.entityIds.length > shownIds.length && ` ${t('audit.moreIds', { count: e.entityIds.length - shownIds.length })}`}
      </Text>
      {rows.length > 0 && (
        <>
          <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={open} mt={4} style={{ alignSelf: 'flex-start' }}>
            {open ? t('audit.hideDetails') : t('audit.showDetails', { count: rows.length })}
          </Button>
          <Collapse expanded={open}>
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
          </Collapse>
        </>
      )}
    </Card>
  );
}
