import { useQuery } from '@apollo/client/react';
import { Alert, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { todayWib, useFormat } from '../../i18n/format';
import { DateField } from '../../lib/date-field';
import { OrganizationSelect } from '../../lib/server-select';
import type { OrganizationType } from '../../gql/graphql';
import { wibPeriod } from './wib-period';

const REPORT = graphql(`
  query PartnerUsageReport($organizationId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    partnerUsageReport(organizationId: $organizationId, from: $from, to: $to) {
      readRequests
      subjectsViewed
      recordsChanged
      events {
        action
        entityType
        events
      }
    }
  }
`);


const PARTNER_TYPES: OrganizationType[] = ['NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'];

/** What a partner's users looked at and changed: the oversight view the partnership agreements promise. */
export function PartnerUsage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const today = todayWib();
  const [org, setOrg] = useState<string | null>(null);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const rangeValid = !!from && !!to && from <= to;
  const report = useQuery(REPORT, {
    variables: { organizationId: org ?? '', ...(wibPeriod(from || today, to || today) as { from: string; to: string }) },
    skip: !org || !rangeValid,
  });
  const r = report.data?.partnerUsageReport;

  return (
    <Stack>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <OrganizationSelect
            label={t('audit.partner')}
            types={PARTNER_TYPES}
            value={org}
            onChange={setOrg}
            placeholder={t('audit.choosePartnerSearch')}
            data-testid="usage-partner"
          />
          <DateField label={t('audit.from')} value={from} onChange={setFrom} max={to} />
          <DateField label={t('audit.to')} value={to} onChange={setTo} min={from} error={rangeValid ? undefined : t('audit.rangeInvalid')} />
        </SimpleGrid>
      </Paper>
      {!org && <Empty>{t('audit.choosePartnerHint')}</Empty>}
      {report.loading && !r && <Loading />}
      {report.error && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <Stack gap="sm" data-testid="partner-usage">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {([
              ['readRequests', r.readRequests],
              ['subjectsViewed', r.subjectsViewed],
              ['recordsChanged', r.recordsChanged],
            ] as const).map(([key, value]) => (
              <Paper key={key} withBorder p="sm">
                <Text size="xs" c="dimmed">{t(`audit.usage.${key}`)}</Text>
                <Text fw={700} size="xl">{fmt.number(value)}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          {r.events.length === 0 ? (
            <Alert color="gray">{t('audit.usage.none')}</Alert>
          ) : (
            <Table withTableBorder striped>
              <Table.Caption>{t('audit.usage.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entityType')}</Table.Th>
                  <Table.Th ta="right">{t('audit.usage.events')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.events.map((e) => (
                  <Table.Tr key={`${e.action}-${e.entityType}`}>
                    <Table.Td>{t(`auditAction.${e.action}`)}</Table.Td>
                    <Table.Td>{i18n.exists(`audit.entity.${e.entityType}`) ? t(`audit.entity.${e.entityType}`) : e.entityType}</Table.Td>
                    <Table.Td ta="right">{fmt.number(e.events)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
