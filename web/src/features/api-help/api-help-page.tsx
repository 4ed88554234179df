import { Alert, Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const TOKEN_MUTATION = `mutation {
  createApiToken(input: { name: "ekspor dasbor", readOnly: true, expiresInDays: 90 }) {
    token
    apiToken { id tokenPrefix expiresAt }
  }
}`;

export function ApiHelpPage() {
  const { t } = useTranslation();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const curl = `curl ${origin}/graphql \\
  -H 'content-type: application/json' \\
  -H 'authorization: Bearer <TOKEN>' \\
  -d '{"query":"{ me { username role } households(first: 5) { totalCount edges { node { id kkNumber povertyStatus } } } }"}'`;
  return (
    <Stack maw={820}>
      <Title order={1} size="h2">{t('apiHelp.title')}</Title>
      <Text>{t('apiHelp.intro')}</Text>
      <Alert color="sinergi" variant="light">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('apiHelp.tokensPage')}</Text>
          <Button component={Link} to="/token-api" size="xs">{t('apiHelp.openTokens')}</Button>
        </Stack>
      </Alert>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text>{t('apiHelp.step1')}</Text>
          <Code block tabIndex={0}>{TOKEN_MUTATION}</Code>
          <Text>{t('apiHelp.step2')}</Text>
          <Code block tabIndex={0}>{curl}</Code>
          <Text>{t('apiHelp.step3')}</Text>
          <Button component="a" href="/graphiql" style={{ alignSelf: 'flex-start' }}>{t('apiHelp.openIde')}</Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
