/**
 * "Impor data" (/impor): agencies' files into the registry. Tab "impor" walks one job through
 * upload -> column mapping -> dry run -> commit -> result, following the job's status as the server
 * reports it (background steps are polled every second); "riwayat" lists the jobs and opens one at
 * its step; "peninjauan" is the queue of uncertain matches, compared side by side and resolved.
 * The open tab and job live in the URL (?tab=…&job=…). The server enforces who may import what;
 * the page only hides what a role cannot use.
 */
import { useQuery } from '@apollo/client/react';
import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../app/states';
import { graphql } from '../../gql';
import { IMPORT_REVIEW_ROLES, mayUse, useUser } from '../auth/session';
import { ImportHistory } from './import-history';
import { ImportReviews } from './import-reviews';
import { ImportFlow } from './job-flow';

const IMPORT_SOURCES = graphql(`
  query ImportSources {
    importSources {
      ...ImportSourceItem
    }
  }
`);

type Tab = 'impor' | 'riwayat' | 'peninjauan';

export function ImportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const mayReview = IMPORT_REVIEW_ROLES.includes(user.role);
  const tabs: Tab[] = mayReview ? ['impor', 'riwayat', 'peninjauan'] : ['impor', 'riwayat'];
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'impor';
  const jobId = params.get('job');
  const sources = useQuery(IMPORT_SOURCES, { fetchPolicy: 'cache-first', skip: !mayUse(user.role, 'imports') });

  function go(next: { tab?: Tab; job?: string | null }) {
    const p = new URLSearchParams(params);
    const nextTab = next.tab ?? tab;
    if (nextTab === 'impor') p.delete('tab');
    else p.set('tab', nextTab);
    if (next.job !== undefined) {
      if (next.job) p.set('job', next.job);
      else p.delete('job');
    }
    setParams(p);
  }

  if (!mayUse(user.role, 'imports')) return <Alert color="yellow">{t('common.forbidden')}</Alert>;

  const list = sources.data?.importSources ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">{t('imports.title')}</Title>
      <Text size="sm" c="dimmed">{t('imports.intro')}</Text>
      <Tabs value={tab} onChange={(v) => go({ tab: (v as Tab | null) ?? 'impor' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="impor" data-testid="import-tab-flow">{t('imports.tab.flow')}</Tabs.Tab>
          <Tabs.Tab value="riwayat" data-testid="import-tab-history">{t('imports.tab.history')}</Tabs.Tab>
          {mayReview && <Tabs.Tab value="peninjauan" data-testid="import-tab-reviews">{t('imports.tab.reviews')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="impor" pt="md">
          {sources.loading && !sources.data ? (
            <Loading />
          ) : sources.error && !sources.data ? (
            <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />
          ) : (
            <ImportFlow
              jobId={jobId}
              sources={list}
              onOpenJob={(id) => go({ tab: 'impor', job: id })}
              onOpenReviews={mayReview ? () => go({ tab: 'peninjauan' }) : undefined}
              onNew={() => go({ tab: 'impor', job: null })}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          <ImportHistory sources={list} onOpen={(id) => go({ tab: 'impor', job: id })} />
        </Tabs.Panel>
        {mayReview && (
          <Tabs.Panel value="peninjauan" pt="md">
            <ImportReviews />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
