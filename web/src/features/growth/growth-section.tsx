import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasurePosition, Role, StuntingStatus } from '../../gql/graphql';
import { Empty, Loading } from '../../app/states';
import { ErrorBoundary } from '../../app/error-boundary';
import { useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { formatZ, growthPoints } from './growth-points';
import { MeasurementDialog, type RecordedMeasurement } from './measurement-dialog';

const GrowthChart = lazy(() => import('./growth-chart'));

/** Roles that record growth measurements (server policy `growth.record`). */
const GROWTH_RECORD_ROLES: readonly Role[] = ['ADMIN', 'AGENCY_STAFF'];

const STUNTING_COLOR: Record<StuntingStatus, string> = { NORMAL: 'teal.9', STUNTED: '#7a5200', SEVERELY_STUNTED: 'red.9' };

const DAYS_PER_MONTH = 30.4375;

export interface GrowthMeasurementRow {
  id: string;
  measuredOn: string;
  /** null for roles that see ages in whole years only */
  ageDays: number | null;
  heightCm: number;
  weightKg?: number | null;
  position: MeasurePosition;
  /** null for partners, who see the stunting status only */
  heightForAgeZ: number | null;
  stuntingStatus: StuntingStatus;
}

export interface GrowthChild {
  id: string;
  name: string;
  age: number;
  birthDate?: string | null;
  growthMeasurements: readonly GrowthMeasurementRow[];
}

/** Growth of each child under five: z-score chart, the same data as a table, and recording. */
export function GrowthSection({ householdId, members }: { householdId: string; members: readonly GrowthChild[] }) {
  const { t } = useTranslation();
  const children = members.filter((m) => m.age < 5);
  if (children.length === 0) return null;
  const title = t('growth.title');
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={4}>{title}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('growth.intro')}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {children.map((c) => <ChildGrowth key={c.id} householdId={householdId} child={c} />)}
      </SimpleGrid>
    </Paper>
  );
}

function ChildGrowth({ householdId, child }: { householdId: string; child: GrowthChild }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useUser();
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<RecordedMeasurement | null>(null);
  const [queued, setQueued] = useState(false);
  const measurements = child.growthMeasurements;
  const latest = measurements[measurements.length - 1];
  const z = (value: number | null) => (value === null ? '—' : t('evidence.zScoreValue', { value: formatZ(value, fmt.locale) }));
  const points = growthPoints(measurements);
  const chartTitle = t('growth.chartTitle', { name: child.name });

  return (
    <Card withBorder padding="sm" data-testid="child-growth">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Title order={3} size="h5">{child.name}</Title>
          <Text size="sm" c="dimmed">{t('household.ageYears', { count: child.age })}</Text>
        </div>
        {latest && (
          <Badge color={STUNTING_COLOR[latest.stuntingStatus]} variant="filled" style={{ flexShrink: 0 }}>
            {t(`stuntingStatus.${latest.stuntingStatus}`)}
          </Badge>
        )}
      </Group>
      {saved && (
        <Alert color="teal" role="status" mt="xs" p="xs" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSaved(null)}>
          {t('growth.saved', { z: z(saved.heightForAgeZ), status: t(`stuntingStatus.${saved.stuntingStatus}`) })}
        </Alert>
      )}
      {queued && (
        <Alert color="yellow" role="status" mt="xs" p="xs" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setQueued(false)}>
          {t('offline.queued')}
        </Alert>
      )}
      {latest ? (
        <Stack gap="xs" mt="xs">
          <Text size="sm">
            {latest.heightForAgeZ === null
              ? t('growth.latestStatus', { date: fmt.date(latest.measuredOn), height: fmt.number(latest.heightCm), status: t(`stuntingStatus.${latest.stuntingStatus}`) })
              : t('growth.latest', { date: fmt.date(latest.measuredOn), height: fmt.number(latest.heightCm), z: z(latest.heightForAgeZ) })}
          </Text>
          {/* Partners get no z-scores (they would give the birth date), so no chart either. */}
          {points.length > 0 && (
            <figure style={{ margin: 0 }} aria-label={chartTitle}>
              <ErrorBoundary fallback={<Text size="sm" c="dimmed">{t('growth.chartFailed')}</Text>}>
                <Suspense fallback={<Loading label={t('dashboard.chartLoading')} />}>
                  <GrowthChart points={points} title={chartTitle} />
                </Suspense>
              </ErrorBoundary>
            </figure>
          )}
          <details>
            <summary>{t('dashboard.tableAlt')}</summary>
            <Table.ScrollContainer minWidth={420}>
              <Table fz="xs" data-testid="growth-table">
                <Table.Caption>{chartTitle}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('growth.measuredOn')}</Table.Th>
                    <Table.Th>{t('growth.ageMonths')}</Table.Th>
                    <Table.Th>{t('growth.heightCm')}</Table.Th>
                    <Table.Th>{t('growth.weightKg')}</Table.Th>
                    <Table.Th>{t('growth.zScore')}</Table.Th>
                    <Table.Th>{t('evidence.field.stuntingStatus')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {measurements.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{fmt.date(m.measuredOn)}</Table.Td>
                      <Table.Td>{m.ageDays == null ? '—' : Math.floor(m.ageDays / DAYS_PER_MONTH)}</Table.Td>
                      <Table.Td>{fmt.number(m.heightCm)} ({t(`measurePosition.${m.position}`)})</Table.Td>
                      <Table.Td>{fmt.number(m.weightKg)}</Table.Td>
                      <Table.Td>{m.heightForAgeZ === null ? '—' : formatZ(m.heightForAgeZ, fmt.locale)}</Table.Td>
                      <Table.Td>{t(`stuntingStatus.${m.stuntingStatus}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </details>
        </Stack>
      ) : (
        <Empty>{t('growth.none')}</Empty>
      )}
      {GROWTH_RECORD_ROLES.includes(user.role) && (
        <>
          <Button
            size="xs"
            variant="light"
            mt="xs"
            onClick={() => setRecording(true)}
            aria-label={t('growth.recordFor', { name: child.name })}
          >
            {t('growth.record')}
          </Button>
          <MeasurementDialog
            opened={recording}
            onClose={() => setRecording(false)}
            child={{ ...child, measuredDates: measurements.map((m) => m.measuredOn) }}
            householdId={householdId}
            onSaved={(m) => { setQueued(false); setSaved(m); }}
            onQueued={() => { setSaved(null); setQueued(true); }}
          />
        </>
      )}
    </Card>
  );
}
