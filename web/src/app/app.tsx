import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { PortalDatesProvider } from '../lib/dates-provider';
import { LoginPage } from '../features/auth/login-page';
import { createApolloClient } from './apollo';
import { AuthenticatedShell } from './app-shell';
import { ErrorBoundary } from './error-boundary';
import { NotFoundPage } from './not-found-page';
import { Loading } from './states';
import { cssVariablesResolver, theme } from './theme';

// Heavy parts are separate chunks: GraphiQL + Monaco, and the analytics charts.
const GraphiQLPage = lazy(() => import('../features/graphiql/graphiql-page'));
const AnalyticsPage = lazy(() => import('../features/analytics/analytics-page'));
// Pages are split too, so the login page and shell load fast on a phone.
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const HouseholdsPage = lazy(() => import('../features/households/households-page').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => import('../features/households/household-page').then((m) => ({ default: m.HouseholdPage })));
const RegisterHouseholdPage = lazy(() => import('../features/households/register-household-page').then((m) => ({ default: m.RegisterHouseholdPage })));
const WorkQueuePage = lazy(() => import('../features/home/work-queue').then((m) => ({ default: m.WorkQueuePage })));
const AssignmentsPage = lazy(() => import('../features/assignments/assignments-page').then((m) => ({ default: m.AssignmentsPage })));
const ProgramsPage = lazy(() => import('../features/programs/programs-page').then((m) => ({ default: m.ProgramsPage })));
const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const ApiHelpPage = lazy(() => import('../features/api-help/api-help-page').then((m) => ({ default: m.ApiHelpPage })));
const IndicatorsPage = lazy(() => import('../features/indicators/indicators-page').then((m) => ({ default: m.IndicatorsPage })));
const OrganizationsPage = lazy(() => import('../features/organizations/organizations-page').then((m) => ({ default: m.OrganizationsPage })));
const UsersPage = lazy(() => import('../features/users/users-page').then((m) => ({ default: m.UsersPage })));
const ImportsPage = lazy(() => import('../features/imports/imports-page').then((m) => ({ default: m.ImportsPage })));
const OutboxPage = lazy(() => import('../features/offline/outbox-page').then((m) => ({ default: m.OutboxPage })));
const ApiTokensPage = lazy(() => import('../features/api-tokens/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

const router = createBrowserRouter([
  { path: '/masuk', element: <LoginPage /> },
  { path: '/graphiql', element: <Lazy><GraphiQLPage /></Lazy> },
  {
    path: '/',
    element: <AuthenticatedShell />,
    errorElement: <NotFoundPage />,
    children: [
      { index: true, element: <Lazy><HomePage /></Lazy> },
      { path: 'rumah-tangga', element: <Lazy><HouseholdsPage /></Lazy> },
      { path: 'rumah-tangga/baru', element: <Lazy><RegisterHouseholdPage /></Lazy> },
      { path: 'rumah-tangga/:id', element: <Lazy><HouseholdPage /></Lazy> },
      { path: 'antrian-kerja', element: <Lazy><WorkQueuePage /></Lazy> },
      { path: 'penugasan', element: <Lazy><AssignmentsPage /></Lazy> },
      { path: 'program', element: <Lazy><ProgramsPage /></Lazy> },
      { path: 'analitik', element: <Lazy><AnalyticsPage /></Lazy> },
      { path: 'impor', element: <Lazy><ImportsPage /></Lazy> },
      { path: 'audit', element: <Lazy><AuditPage /></Lazy> },
      { path: 'api', element: <Lazy><ApiHelpPage /></Lazy> },
      { path: 'indikator', element: <Lazy><IndicatorsPage /></Lazy> },
      { path: 'admin/organisasi', element: <Lazy><OrganizationsPage /></Lazy> },
      { path: 'admin/pengguna', element: <Lazy><UsersPage /></Lazy> },
      { path: 'token-api', element: <Lazy><ApiTokensPage /></Lazy> },
      { path: 'kotak-keluar', element: <Lazy><OutboxPage /></Lazy> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const client = createApolloClient();

function DocumentTitle() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  }, [t]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <PortalDatesProvider>
        <ApolloProvider client={client}>
          <DocumentTitle />
          <RouterProvider router={router} />
        </ApolloProvider>
      </PortalDatesProvider>
    </MantineProvider>
  );
}
