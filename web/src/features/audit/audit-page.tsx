import { useQuery } from '@apollo/client/react';
import { Button, MultiSelect, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditAction, AuditEventFilter } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { DateField } from '../../lib/date-field';
import { AUDIT_EVENTS, AuditEventTable, ENTITY_TYPES } from './audit-event-card';
import { PartnerUsage } from './partner-usage';
import { SubjectTrail } from './subject-trail';
import { wibPeriod } from './wib-period';

const ACTIONS: AuditAction[] = ['CREATE', 'UPDATE', 'DELETE', 'PII_READ', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'EXPORT', 'IMPORT'];

export function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = useMemo<AuditEventFilter>(() => {
    const f: AuditEventFilter = {};
    const actions = params.getAll('aksi').filter((a): a is AuditAction => (ACTIONS as string[]).includes(a));
    if (actions.length) f.action = actions;
    const type = params.get('entitas');
    if (type) f.entityType = type;
    const id = params.get('id');
    if (id) f.entityId = id;
    return { ...f, ...wibPeriod(params.get('dari') ?? '', params.get('sampai') ?? '') };
  }, [params]);
  const { data, loading, error, fetchMore, refetch } = useQuery(AUDIT_EVENTS, { variables: { filter, first: 25 }, notifyOnNetworkStatusChange: true });
  const conn = data?.auditEvents;

  function set(k: string, v: string | string[] | null) {
    const next = new URLSearchParams(params);
    next.delete(k);
    if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
    else if (v) next.set(k, v);
    setParams(next, { replace: true });
  }

  return (
    <Stack>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <MultiSelect label={t('audit.action')} data={ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))} value={params.getAll('aksi')} onChange={(v) => set('aksi', v)} clearable />
          <Select
            label={t('audit.entityType')}
            data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
            value={params.get('entitas')}
            onChange={(v) => set('entitas', v)}
            clearable
            placeholder={t('common.all')}
          />
          <TextInput label={t('audit.entityId')} defaultValue={params.get('id') ?? ''} onBlur={(e) => set('id', e.currentTarget.value.trim() || null)} />
          <DateField label={t('audit.from')} value={params.get('dari')} onChange={(v) => set('dari', v || null)} max={params.get('sampai')} clearable />
          <DateField label={t('audit.to')} value={params.get('sampai')} onChange={(v) => set('sampai', v || null)} min={params.get('dari')} clearable />
        </SimpleGrid>
      </Paper>
      {conn && <Text size="sm" c="dimmed">{t('common.total', { count: conn.totalCount })}</Text>}
      {loading && !conn && <Loading />}
      {error && !conn && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && conn.edges.length === 0 && <Empty>{t('audit.empty')}</Empty>}
      {conn && conn.edges.length > 0 && <AuditEventTable events={conn.edges.map((e) => e.node)} testId="audit-log" />}
      {conn?.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

const TABS = ['log', 'subjek', 'mitra'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'log';
  return (
    <Stack>
      <Title order={1} size="h2">{t('audit.title')}</Title>
      <Tabs
        value={tab}
        onChange={(v) => {
          // The log's filters stay in the URL while another tab is open.
          const next = new URLSearchParams(params);
          if (v && v !== 'log') next.set('tab', v);
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="log">{t('audit.tabLog')}</Tabs.Tab>
          <Tabs.Tab value="subjek">{t('audit.tabSubject')}</Tabs.Tab>
          <Tabs.Tab value="mitra">{t('audit.tabPartner')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="sm"><AuditLog /></Tabs.Panel>
        <Tabs.Panel value="subjek" pt="sm"><SubjectTrail /></Tabs.Panel>
        <Tabs.Panel value="mitra" pt="sm"><PartnerUsage /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
