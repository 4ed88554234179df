import { lazy, Suspense } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../app/states';
import { ErrorBoundary } from '../../app/error-boundary';
import { useUser } from '../auth/session';
import { AssignmentList } from '../assignments/assignments-page';
import { AuditLog } from '../audit/audit-page';
import { HouseholdsPage } from '../households/households-page';
import { ProgramList } from '../programs/programs-page';
import { WorkQueue } from './work-queue';

const DashboardPage = lazy(() => import('../dashboard/dashboard-page'));

/** `/`: what each role needs first. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const welcome = (
    <div>
      <Text size="sm" c="dimmed">{t('home.welcome', { name: user.displayName })} · {t(`roles.${user.role}`)} · {user.organization.shortName ?? user.organization.name}</Text>
    </div>
  );
  switch (user.role) {
    case 'ADMIN':
    case 'COORDINATOR':
      return (
        <Stack>
          {welcome}
          <ErrorBoundary>
            <Suspense fallback={<Loading label={t('dashboard.chartLoading')} />}>
              <DashboardPage />
            </Suspense>
          </ErrorBoundary>
        </Stack>
      );
    case 'AGENCY_STAFF':
      return (
        <Stack>
          {welcome}
          <Title order={1} size="h2">{t('nav.home')}</Title>
          <Title order={2} size="h3">{t('programs.mine')}</Title>
          <ProgramList filter={{ ownerId: user.organization.id }} />
          <WorkQueue first={10} />
        </Stack>
      );
    case 'NGO_PARTNER':
    case 'PRIVATE_PARTNER':
      return (
        <Stack>
          {welcome}
          <Title order={1} size="h2">{t('nav.home')}</Title>
          <AssignmentList status={['REQUESTED']} title={t('assignments.pending')} emptyText={t('assignments.noPending')} respond />
          <WorkQueue first={10} />
          <AssignmentList status={['ACCEPTED']} title={t('assignments.assigned')} emptyText={t('assignments.noAssigned')} />
        </Stack>
      );
    case 'AUDITOR':
      return (
        <Stack>
          {welcome}
          <Title order={1} size="h2">{t('audit.title')}</Title>
          <AuditLog />
        </Stack>
      );
    case 'KELURAHAN_OFFICER':
    default:
      return (
        <Stack>
          {welcome}
          <Group>
            <Button component={Link} variant="light" to="/rumah-tangga?verifikasi=UNVERIFIED&verifikasi=NEEDS_UPDATE">{t('home.verificationQueue')}</Button>
          </Group>
          <HouseholdsPage />
        </Stack>
      );
  }
}
