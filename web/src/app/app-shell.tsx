import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, AppShell, Avatar, Burger, Button, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { mayUse, ME_QUERY, UserProvider, useMeQuery, type NavKey } from '../features/auth/session';
import { offlineQueries } from '../features/offline/offline';
import { FIELD_ROLES } from '../features/offline/offline-queries';
import { OutboxBadge } from '../features/offline/outbox-badge';
import { sessionEvents } from '../lib/session-events';
import { LanguageSwitch } from './language-switch';
import { ErrorState, Loading } from './states';

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

const NAV: { key: NavKey; to: string }[] = [
  { key: 'home', to: '/' },
  { key: 'households', to: '/rumah-tangga' },
  { key: 'workQueue', to: '/antrian-kerja' },
  { key: 'assignments', to: '/penugasan' },
  { key: 'programs', to: '/program' },
  { key: 'imports', to: '/impor' },
  { key: 'analytics', to: '/analitik' },
  { key: 'indicators', to: '/indikator' },
  { key: 'audit', to: '/audit' },
  { key: 'organizations', to: '/admin/organisasi' },
  { key: 'users', to: '/admin/pengguna' },
  { key: 'apiHelp', to: '/api' },
  { key: 'apiTokens', to: '/token-api' },
];

export function useSessionExpired() {
  return useSyncExternalStore(sessionEvents.subscribe, sessionEvents.isExpired, sessionEvents.isExpired);
}

export function AuthenticatedShell() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const expired = useSessionExpired();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [logout, { loading: loggingOut }] = useMutation(LOGOUT);

  useEffect(() => close(), [location.pathname, close]);

  useEffect(() => {
    if (!expired) return;
    void client.clearStore().then(() => navigate('/masuk?sesi-berakhir=1', { replace: true, state: { from: location.pathname + location.search } }));
  }, [expired, client, navigate, location.pathname, location.search]);

  if (me.loading && !me.data) return <Loading label={t('auth.checking')} />;
  if (me.error && !me.data) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data?.me;
  if (!user) return <Navigate to="/masuk" replace state={{ from: location.pathname + location.search }} />;

  async function onLogout() {
    try {
      await logout();
    } finally {
      // Nothing the user was served stays on the device (their unsent outbox entries do, for their next login).
      await offlineQueries.clear().catch(() => undefined);
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me: null } });
      void navigate('/masuk', { replace: true });
    }
  }

  const links = NAV.filter((n) => mayUse(user.role, n.key));

  return (
    <UserProvider value={user}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
              <Text component={Link} to="/" fw={800} size="lg" c="sinergi.8" td="none">{t('app.name')}</Text>
              <OutboxBadge userId={user.id} />
            </Group>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <VisuallyHidden>{t('nav.userMenu')}</VisuallyHidden>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size="sm" color="sinergi" radius="xl" aria-hidden>{user.displayName.slice(0, 1).toUpperCase()}</Avatar>
                    <Stack gap={0} visibleFrom="xs">
                      <Text size="sm" fw={600} lh={1.2}>{user.displayName}</Text>
                      <Text size="xs" c="dimmed" lh={1.2}>{t(`roles.${user.role}`)}</Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.organization.name}</Menu.Label>
                <Menu.Label>{t('nav.language')}</Menu.Label>
                <div style={{ padding: '0 8px 8px' }}>
                  <LanguageSwitch />
                </div>
                <Menu.Divider />
                <Menu.Item onClick={() => void onLogout()} disabled={loggingOut} color="red">
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
          {/* AppShell.Navbar is the <nav> landmark already: one landmark, one label. */}
          <AppShell.Section grow component={ScrollArea}>
            <div>
              {links.map((n) => (
                <NavLink
                  key={n.key}
                  component={RouterNavLink}
                  to={n.to}
                  end={n.to === '/'}
                  label={t(`nav.${n.key}`)}
                />
              ))}
              {FIELD_ROLES.has(user.role) && <NavLink component={RouterNavLink} to="/kotak-keluar" label={t('offline.nav')} />}
              <NavLink component="a" href="/graphiql" label={t('nav.graphiql')} />
            </div>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" p="xs">{t('app.footer')}</Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
          {expired ? (
            <Alert color="yellow" role="alert">{t('auth.expired')}
              <Button size="xs" ml="sm" component={Link} to="/masuk?sesi-berakhir=1">{t('auth.submit')}</Button>
            </Alert>
          ) : (
            <Outlet />
          )}
        </AppShell.Main>
      </AppShell>
    </UserProvider>
  );
}
