import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { FocusAspect, ProgramFilter, ProgramListItemFragment, Role } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { todayWib, useFormat } from '../../i18n/format';
import { useUser } from '../auth/session';
import { ASPECTS, ProgramFormView, type ProgramValues } from './program-form';
import { evictRootFields } from '../../app/apollo';

/** Who may create and change programs (mirrors the server's `program.manage`; the server decides). */
const PROGRAM_MANAGERS: readonly Role[] = ['ADMIN', 'COORDINATOR'];

export const PROGRAM_LIST_ITEM = graphql(`
  fragment ProgramListItem on Program {
    id
    name
    description
    focusAspects
    strategy
    needTypes
    targetUnit
    targetSex
    targetMinAgeMonths
    targetMaxAgeMonths
    frequency
    startsOn
    endsOn
    quota
    budgetRp
    deliveryUnit
    owner {
      id
      name
      shortName
    }
  }
`);

const PROGRAMS = graphql(`
  query Programs($filter: ProgramFilter, $first: Int, $after: String) {
    programs(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...ProgramListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CREATE_PROGRAM = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      ...ProgramListItem
    }
  }
`);

const UPDATE_PROGRAM = graphql(`
  mutation UpdateProgram($input: UpdateProgramInput!) {
    updateProgram(input: $input) {
      ...ProgramListItem
    }
  }
`);

type ProgramStatus = 'RUNNING' | 'UPCOMING' | 'ENDED';

/** Whether a program runs on a day; a program has no other "active" switch than its period. */
export function programStatus(p: { startsOn: string; endsOn?: string | null }, today: string): ProgramStatus {
  if (p.startsOn > today) return 'UPCOMING';
  if (p.endsOn && p.endsOn < today) return 'ENDED';
  return 'RUNNING';
}

// Dark shades, filled: the light variants fail WCAG contrast for small badge text.
const STATUS_COLOR: Record<ProgramStatus, string> = { RUNNING: 'teal.9', UPCOMING: 'blue.9', ENDED: 'gray.7' };

function ProgramCard({ program: p, onEdit }: { program: ProgramListItemFragment; onEdit?: (p: ProgramListItemFragment) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = programStatus(p, todayWib());
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600}>{p.name}</Text>
        <Badge size="sm" variant="filled" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }}>{t(`programs.status.${status}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">{t('programs.owner')}: {p.owner.shortName ?? p.owner.name}</Text>
      <Group gap={4} my={6}>
        {p.focusAspects.map((a) => <Badge key={a} size="xs" variant="outline">{t(`programs.aspect.${a}`)}</Badge>)}
        {p.needTypes.map((n) => <Badge key={n} size="xs" variant="light">{t(`needType.${n}`)}</Badge>)}
      </Group>
      <Text size="sm">{t(`programs.strategy.${p.strategy}`)}</Text>
      <Text size="sm">{t('programs.form.targetUnit')}: {t(`programs.targetUnit.${p.targetUnit}`)} · {p.deliveryUnit}</Text>
      <Text size="sm">{t('programs.frequency')}: {t(`frequency.${p.frequency}`)}</Text>
      <Text size="sm">{t('programs.period')}: {fmt.date(p.startsOn)} – {p.endsOn ? fmt.date(p.endsOn) : '…'}</Text>
      <Text size="sm">{t('programs.quota')}: {p.quota == null ? t('programs.unlimited') : fmt.number(p.quota)}</Text>
      {p.budgetRp != null && <Text size="sm">{t('programs.budget')}: {fmt.rupiah(p.budgetRp)}</Text>}
      {onEdit && (
        <Button size="xs" variant="light" mt="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onEdit(p)} aria-label={t('programs.editNamed', { name: p.name })}>
          {t('programs.edit')}
        </Button>
      )}
    </Card>
  );
}

export function ProgramList({ filter, onEdit }: { filter?: ProgramFilter; onEdit?: (p: ProgramListItemFragment) => void }) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useQuery(PROGRAMS, { variables: { filter, first: 30 }, notifyOnNetworkStatusChange: true });
  const conn = data?.programs;
  if (loading && !conn) return <Loading />;
  if (error && !conn) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!conn || conn.edges.length === 0) return <Empty>{t('programs.empty')}</Empty>;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {conn.edges.map(({ node }) => <ProgramCard key={node.id} program={node} onEdit={onEdit} />)}
      </SimpleGrid>
      {conn.pageInfo.hasNextPage && (
        <Button variant="light" loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function ProgramFormContainer({ program, onDone, onCancel }: { program?: ProgramListItemFragment; onDone: () => void; onCancel: () => void }) {
  const user = useUser();
  const [create] = useMutation(CREATE_PROGRAM, { update: evictRootFields('programs'), refetchQueries: ['Programs'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_PROGRAM, { refetchQueries: ['Programs'] });

  async function submit(values: ProgramValues) {
    // Every field is sent: on an update a cleared optional field (null) removes the value.
    if (program) await update({ variables: { input: { id: program.id, ...values } } });
    else await create({ variables: { input: values } });
    onDone();
  }

  return (
    <ProgramFormView
      program={program ? { ...program, ownerId: program.owner.id, description: program.description ?? null, targetSex: program.targetSex ?? null, targetMinAgeMonths: program.targetMinAgeMonths ?? null, targetMaxAgeMonths: program.targetMaxAgeMonths ?? null, endsOn: program.endsOn ?? null, budgetRp: program.budgetRp ?? null, quota: program.quota ?? null } : undefined}
      defaultOwnerId={user.organization.id}
      submit={submit}
      onCancel={onCancel}
      today={todayWib()}
    />
  );
}

export function ProgramsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const manager = PROGRAM_MANAGERS.includes(user.role);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [aspect, setAspect] = useState<FocusAspect | null>(null);
  const [runningOnly, setRunningOnly] = useState(false);
  // `undefined`: closed; `null`: a new program; otherwise the program being edited.
  const [editing, setEditing] = useState<ProgramListItemFragment | null | undefined>(undefined);

  const filter: ProgramFilter = {
    ...(query ? { search: query } : {}),
    ...(aspect ? { focusAspects: [aspect] } : {}),
    ...(runningOnly ? { activeOn: todayWib() } : {}),
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('programs.title')}</Title>
        {manager && <Button onClick={() => setEditing(null)}>{t('programs.new')}</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput label={t('programs.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" />
        <Select
          label={t('programs.form.aspects')}
          data={ASPECTS.map((a) => ({ value: a, label: t(`programs.aspect.${a}`) }))}
          value={aspect}
          onChange={(v) => setAspect(v as FocusAspect | null)}
          clearable
          placeholder={t('common.all')}
        />
        <Switch label={t('programs.runningOnly')} checked={runningOnly} onChange={(e) => setRunningOnly(e.currentTarget.checked)} style={{ alignSelf: 'flex-end' }} mb={8} />
      </SimpleGrid>
      <ProgramList filter={filter} onEdit={manager ? setEditing : undefined} />
      <Modal
        opened={editing !== undefined}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        onClose={() => setEditing(undefined)}
        title={editing ? t('programs.editTitle') : t('programs.createTitle')}
        size="xl"
        fullScreen={isPhone}
      >
        {editing !== undefined && (
          <ProgramFormContainer program={editing ?? undefined} onDone={() => setEditing(undefined)} onCancel={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
  );
}
