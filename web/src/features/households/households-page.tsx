import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert, Anchor, Badge, Button, Checkbox, Collapse, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text,
  TextInput, Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { ExportLanguage, HouseholdFilter, HouseholdOrder, NeedStatus, NeedType, PovertyStatus, VerificationStatus } from '../../gql/graphql';
import { Empty, ErrorState, Loading } from '../../app/states';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { filterableAreas } from '../../lib/area-options';
import { CsvSeparatorSelect, useCsvSeparator } from '../../lib/csv-separator';
import { downloadText } from '../../lib/download';
import { ProgramSelect } from '../../lib/server-select';
import { AssignDialog, NEED_TYPES } from '../assignments/assign-dialog';
import { HOUSEHOLD_EDIT_ROLES, useUser } from '../auth/session';
import { HouseholdCard, PovertyBadge, ReferralStatus } from './household-card';

const HOUSEHOLDS_QUERY = graphql(`
  query Households($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {
    households(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      edges {
        cursor
        node {
          ...HouseholdListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AREAS_QUERY = graphql(`
  query Areas {
    areas {
      id
      code
      name
      level
      parent {
        id
        code
      }
    }
  }
`);

const EXPORT = graphql(`
  mutation ExportHouseholds($filter: HouseholdFilter, $orderBy: HouseholdOrder, $language: ExportLanguage, $separator: CsvSeparator) {
    exportHouseholds(filter: $filter, orderBy: $orderBy, language: $language, separator: $separator) {
      filename
      contentType
      csv
      rowCount
    }
  }
`);

const NEED_STATUSES: NeedStatus[] = ['UNMET', 'PLANNED', 'SERVED'];
const STATUSES: PovertyStatus[] = ['EXTREME_POOR', 'POOR', 'VULNERABLE', 'NOT_POOR', 'GRADUATED'];
const VERIFICATION: VerificationStatus[] = ['UNVERIFIED', 'VERIFIED', 'NEEDS_UPDATE'];
const SORTS = {
  updated: { field: 'UPDATED_AT', direction: 'DESC' },
  decile: { field: 'WELFARE_DECILE', direction: 'ASC' },
  kk: { field: 'KK_NUMBER', direction: 'ASC' },
} as const satisfies Record<string, HouseholdOrder>;
type SortKey = keyof typeof SORTS;

function intParam(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Filters as kept in the URL query string. */
export function filterFromParams(params: URLSearchParams): HouseholdFilter {
  const filter: HouseholdFilter = {};
  const area = params.get('kelurahan') ?? params.get('kecamatan');
  if (area) filter.areaCode = area;
  const status = params.getAll('status').filter((s): s is PovertyStatus => (STATUSES as string[]).includes(s));
  if (status.length) filter.povertyStatus = status;
  const min = intParam(params.get('desilMin'));
  const max = intParam(params.get('desilMax'));
  if (min !== undefined) filter.decileMin = min;
  if (max !== undefined) filter.decileMax = max;
  const verification = params.getAll('verifikasi').filter((s): s is VerificationStatus => (VERIFICATION as string[]).includes(s));
  if (verification.length) filter.verificationStatus = verification;
  const needType = params.getAll('kebutuhan').filter((s): s is NeedType => (NEED_TYPES as string[]).includes(s));
  if (needType.length) filter.needType = needType;
  const needStatus = params.getAll('statusKebutuhan').filter((s): s is NeedStatus => (NEED_STATUSES as string[]).includes(s));
  if (needStatus.length) filter.needStatus = needStatus;
  const program = params.get('program');
  if (program) filter.programId = program;
  const q = params.get('q')?.trim();
  if (q) filter.search = q;
  return filter;
}

/** How many filters of the URL are set (the collapsed filter button shows it). */
export function activeFilterCount(params: URLSearchParams): number {
  return new Set(
    [...params.keys()].filter((k) => k !== 'urut' && params.getAll(k).some((v) => v !== '')),
  ).size;
}

const REFERRERS = new Set(['ADMIN', 'COORDINATOR']);

export function HouseholdsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sortKey = (params.get('urut') ?? 'updated') as SortKey;
  const orderBy = SORTS[sortKey] ?? SORTS.updated;
  const [search, setSearch] = useState(params.get('q') ?? '');
  useEffect(() => setSearch(params.get('q') ?? ''), [params]);
  const user = useUser();
  const mayRefer = REFERRERS.has(user.role);
  const [filtersOpen, filtersToggle] = useDisclosure(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assignOpen, setAssignOpen] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  // A new view starts a new selection: bulk actions apply to what is on screen.
  useEffect(() => setSelected(new Set()), [params]);

  const areas = useQuery(AREAS_QUERY);
  const [runExport, { loading: exporting }] = useMutation(EXPORT);
  const [separator, setSeparator] = useCsvSeparator();
  const { data, loading, error, fetchMore, refetch } = useQuery(HOUSEHOLDS_QUERY, {
    variables: { filter, orderBy, first: 20 },
    notifyOnNetworkStatusChange: true,
  });

  function update(changes: Record<string, string | string[] | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      next.delete(k);
      if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
      else if (v) next.set(k, v);
    }
    setParams(next, { replace: true });
  }

  async function exportCsv() {
    setNotice(null);
    try {
      const language: ExportLanguage = i18n.language.startsWith('en') ? 'EN' : 'ID';
      const res = await runExport({ variables: { filter, orderBy, language, separator } });
      const file = res.data!.exportHouseholds;
      downloadText(file.csv, file.filename, file.contentType);
      setNotice({ ok: true, text: t('households.exported', { count: file.rowCount, value: fmt.number(file.rowCount) }) });
    } catch (e) {
      setNotice({ ok: false, text: describeError(e, t) });
    }
  }

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const offered = filterableAreas(areas.data?.areas ?? [], user);
  const kecamatan = offered.filter((a) => a.level === 'KECAMATAN');
  const selectedKec = params.get('kecamatan');
  const kelurahan = offered.filter((a) => a.level === 'KELURAHAN' && (!selectedKec || a.parent?.code === selectedKec));
  const conn = data?.households;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const allSelected = rows.length > 0 && rows.every((h) => selected.has(h.id));
  const filterCount = activeFilterCount(params);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">{t('households.title')}</Title>
        <Group gap="xs">
          {isPhone && (
            <Button variant="default" onClick={filtersToggle.toggle} aria-expanded={filtersOpen} aria-controls="household-filters">
              {t('households.filters')}{filterCount > 0 && <Badge ml={6} size="sm" circle>{filterCount}</Badge>}
            </Button>
          )}
          <CsvSeparatorSelect compact value={separator} onChange={setSeparator} w={isPhone ? 150 : 290} />
          {HOUSEHOLD_EDIT_ROLES.includes(user.role) && (
            <Button component={Link} to="/rumah-tangga/baru" data-testid="register-open">{t('register.open')}</Button>
          )}
          <Button variant="light" onClick={() => void exportCsv()} loading={exporting} disabled={!conn || conn.totalCount === 0}>
            {t('households.export')}
          </Button>
        </Group>
      </Group>
      <Collapse expanded={!isPhone || filtersOpen} id="household-filters">
      <Paper withBorder p="sm" component="section" aria-label={t('households.filters')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() || null });
          }}
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <TextInput label={t('households.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} onBlur={() => update({ q: search.trim() || null })} name="q" />
            <Select
              label={t('households.kecamatan')}
              data={kecamatan.map((a) => ({ value: a.code, label: a.name }))}
              value={selectedKec}
              onChange={(v) => update({ kecamatan: v, kelurahan: null })}
              clearable
              searchable
              placeholder={t('common.all')}
            />
            <Select
              label={t('households.kelurahan')}
              data={kelurahan.map((a) => ({ value: a.code, label: a.name }))}
              value={params.get('kelurahan')}
              onChange={(v) => update({ kelurahan: v })}
              clearable
              searchable
              placeholder={t('common.all')}
            />
            <MultiSelect
              label={t('households.status')}
              data={STATUSES.map((s) => ({ value: s, label: t(`povertyStatus.${s}`) }))}
              value={params.getAll('status')}
              onChange={(v) => update({ status: v })}
              clearable
              placeholder={params.getAll('status').length ? undefined : t('common.all')}
            />
            <MultiSelect
              label={t('household.verification')}
              data={VERIFICATION.map((s) => ({ value: s, label: t(`verificationStatus.${s}`) }))}
              value={params.getAll('verifikasi')}
              onChange={(v) => update({ verifikasi: v })}
              clearable
              placeholder={params.getAll('verifikasi').length ? undefined : t('common.all')}
            />
            <MultiSelect
              label={t('households.needType')}
              data={NEED_TYPES.map((n) => ({ value: n, label: t(`needType.${n}`) }))}
              value={params.getAll('kebutuhan')}
              onChange={(v) => update({ kebutuhan: v })}
              clearable
              placeholder={params.getAll('kebutuhan').length ? undefined : t('common.all')}
            />
            <MultiSelect
              label={t('households.needStatus')}
              data={NEED_STATUSES.map((n) => ({ value: n, label: t(`needStatus.${n}`) }))}
              value={params.getAll('statusKebutuhan')}
              onChange={(v) => update({ statusKebutuhan: v })}
              clearable
              placeholder={params.getAll('statusKebutuhan').length ? undefined : t('common.all')}
            />
            <ProgramSelect
              label={t('households.program')}
              value={params.get('program')}
              onChange={(v) => update({ program: v })}
              clearable
              placeholder={t('common.all')}
            />
            <NumberInput label={t('households.decileMin')} min={1} max={10} value={params.get('desilMin') ?? ''} onChange={(v) => update({ desilMin: v === '' ? null : String(v) })} />
            <NumberInput label={t('households.decileMax')} min={1} max={10} value={params.get('desilMax') ?? ''} onChange={(v) => update({ desilMax: v === '' ? null : String(v) })} />
            <Select
              label={t('households.sort')}
              data={[
                { value: 'updated', label: t('households.sortUpdated') },
                { value: 'decile', label: t('households.sortDecile') },
                { value: 'kk', label: t('households.sortKk') },
              ]}
              value={sortKey}
              onChange={(v) => update({ urut: v === 'updated' ? null : v })}
              allowDeselect={false}
            />
            <Group align="flex-end" gap="xs">
              <Button type="submit">{t('common.apply')}</Button>
              <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.reset')}</Button>
            </Group>
          </SimpleGrid>
        </form>
      </Paper>
      </Collapse>

      {notice && (
        <Alert color={notice.ok ? 'teal' : 'red'} role={notice.ok ? 'status' : 'alert'} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {mayRefer && selected.size > 0 && (
        <Paper withBorder p="xs" bg="sinergi.0">
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite">{t('households.selected', { count: selected.size })}</Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>{t('households.clearSelection')}</Button>
              <Button size="xs" onClick={() => setAssignOpen(true)}>{t('households.assignSelected')}</Button>
            </Group>
          </Group>
        </Paper>
      )}
      {mayRefer && (
        <AssignDialog
          opened={assignOpen}
          householdIds={[...selected]}
          onClose={() => setAssignOpen(false)}
          onDone={(count) => {
            setAssignOpen(false);
            setSelected(new Set());
            setNotice({ ok: true, text: t('households.assigned', { count }) });
          }}
        />
      )}

      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {conn && <Text size="sm" c="dimmed" aria-live="polite">{t(conn.totalCountIsExact ? 'households.count' : 'households.countMore', { value: fmt.number(conn.totalCount) })}</Text>}
      {loading && !conn && <Loading />}
      {conn && rows.length === 0 && <Empty>{t('households.empty')}</Empty>}
      {rows.length > 0 && (isPhone ? (
        <Stack gap="xs">
          {rows.map((h) => (
            <HouseholdCard
              key={h.id}
              household={h}
              action={mayRefer ? (
                <Checkbox
                  label={t('households.select')}
                  aria-label={t('households.selectOne', { name: h.head?.name ?? h.kkNumber })}
                  checked={selected.has(h.id)}
                  onChange={(e) => toggle(h.id, e.currentTarget.checked)}
                />
              ) : undefined}
            />
          ))}
        </Stack>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {mayRefer && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('households.selectPage')}
                      checked={allSelected}
                      indeterminate={!allSelected && rows.some((h) => selected.has(h.id))}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        rows.forEach((h) => toggle(h.id, on));
                      }}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('households.head')}</Table.Th>
                <Table.Th>{t('households.kk')}</Table.Th>
                <Table.Th>{t('households.area')}</Table.Th>
                <Table.Th>{t('households.status')}</Table.Th>
                <Table.Th>{t('households.decile')}</Table.Th>
                <Table.Th>{t('household.assignments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((h) => (
                <Table.Tr key={h.id} bg={selected.has(h.id) ? 'var(--mantine-color-sinergi-0)' : undefined}>
                  {mayRefer && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('households.selectOne', { name: h.head?.name ?? h.kkNumber })}
                        checked={selected.has(h.id)}
                        onChange={(e) => toggle(h.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/rumah-tangga/${h.id}`}>{h.head?.name ?? t('households.noHead')}</Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{h.kkNumber}</Table.Td>
                  <Table.Td>{h.area.name}{h.area.parent ? `, ${h.area.parent.name}` : ''}</Table.Td>
                  <Table.Td><PovertyBadge status={h.povertyStatus} /></Table.Td>
                  <Table.Td>{h.welfareDecile}</Table.Td>
                  <Table.Td><ReferralStatus assignments={h.assignments} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {conn?.pageInfo.hasNextPage && (
        <Button
          variant="light"
          loading={loading}
          onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
