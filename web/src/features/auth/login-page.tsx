import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { apiError, describeError } from '../../lib/errors';
import { sessionEvents } from '../../lib/session-events';
import { LanguageSwitch } from '../../app/language-switch';
import { ME_QUERY, useMeQuery } from './session';

const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      user {
        ...CurrentUser
      }
    }
  }
`);

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useApolloClient();
  const me = useMeQuery();
  const expired = new URLSearchParams(location.search).has('sesi-berakhir');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [login, { loading, error }] = useMutation(LOGIN_MUTATION);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data?.me && !expired) return <Navigate to={from} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    try {
      const result = await login({ variables: { username: username.trim(), password } });
      const user = result.data?.login.user;
      if (!user) return;
      sessionEvents.reset();
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me: user } });
      void navigate(from, { replace: true });
    } catch {
      // shown from `error`
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" c="sinergi.8">{t('app.name')}</Title>
            <Text size="sm" c="dimmed">{t('app.tagline')}</Text>
          </div>
          <Title order={2} size="h3">{t('auth.heading')}</Title>
          <Text size="sm">{t('auth.intro')}</Text>
          {expired && (
            <Alert color="yellow" role="alert" title={t('auth.expired')}>{null}</Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {/* The login runs without a session: UNAUTHENTICATED here is a refused password, not an ended session. */}
              {apiError(error)?.code === 'UNAUTHENTICATED' ? t('auth.wrongCredentials') : t('auth.failed', { message: describeError(error, t) })}
            </Alert>
          )}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={touched && !username.trim() ? t('auth.required') : undefined}
            required
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={touched && !password ? t('auth.required') : undefined}
            required
          />
          <Button type="submit" loading={loading} fullWidth>
            {loading ? t('auth.submitting') : t('auth.submit')}
          </Button>
          <LanguageSwitch />
        </Stack>
        </form>
      </Paper>
    </Center>
  );
}
