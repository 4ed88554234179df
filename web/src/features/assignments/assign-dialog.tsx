import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, Loader, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { graphql } from '../../gql';
import type { AssignmentStatus, ConsentMethod, LawfulBasis, NeedType } from '../../gql/graphql';
import { todayWib, useFormat } from '../../i18n/format';
import { DateField, dateFieldProps } from '../../lib/date-field';
import { apiError, describeApiError, describeError, type ApiErrorInfo } from '../../lib/errors';
import { fieldMessage } from '../../lib/forms';
import { OPTION_PAGE } from '../../lib/server-select';

export const NEED_TYPES: NeedType[] = [
  'STUNTING', 'NUTRITION_RISK', 'HEALTH_INSURANCE', 'SCHOOLING', 'HOUSING', 'WATER', 'SANITATION', 'ELECTRICITY', 'INCOME', 'FOOD',
];
/** UU 27/2022 Pasal 20 ayat 2, (a) to (f). */
export const LAWFUL_BASES: LawfulBasis[] = ['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'PUBLIC_TASK', 'LEGITIMATE_INTEREST'];
const CONSENT_METHODS: ConsentMethod[] = ['VERBAL', 'WRITTEN', 'THUMBPRINT'];
/** The server refers at most this many households in one request. */
export const MAX_BULK_ASSIGN = 500;

const PARTNERS = graphql(`
  query PartnerOrganizations($search: String, $servesNeed: NeedType, $first: Int) {
    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR], search: $search, servesNeed: $servesNeed }, first: $first) {
      edges {
        node {
          id
          name
          type
          programNeedTypes
        }
      }
    }
  }
`);

const CONSENT_MEMBERS = graphql(`
  query ReferralConsentMembers($id: ID!) {
    household(id: $id) {
      id
      members {
        id
        name
        relation
      }
    }
  }
`);

const EXISTING = graphql(`
  query ExistingReferral($householdId: ID!) {
    assignments(filter: { householdId: $householdId }, first: 50) {
      edges {
        node {
          id
          status
          needType
          requestedAt
          organization {
            id
            name
          }
          household {
            id
            head {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateAssignments($input: CreateAssignmentInput!) {
    createAssignments(input: $input) {
      id
      status
    }
  }
`);

export interface AssignInput {
  organizationId: string;
  needType: NeedType | null;
  note: string | null;
  lawfulBasis: LawfulBasis;
  /** With CONSENT: who of the (single) household consented, on what day, how. */
  consent: { givenById: string; givenOn: string; method: ConsentMethod } | null;
}
export type AssignResult = { ok: true; count: number } | { ok: false; error: ApiErrorInfo };

export interface Partner {
  id: string;
  name: string;
  programNeedTypes?: readonly NeedType[];
}

/** The open referral a CONFLICT names, as the dialog shows it. */
export interface ExistingReferral {
  id: string;
  householdId: string;
  householdName: string | null;
  partnerName: string;
  status: AssignmentStatus;
  needType?: NeedType | null;
  requestedAt: string;
}

/** Where an existing referral is shown: its household's page, at the referral (no identifier in the URL). */
export const referralHref = (householdId: string, referralId: string) => `/rumah-tangga/${householdId}#rujukan-${referralId}`;

const FIELDS = ['organizationId', 'needType', 'note', 'lawfulBasis', 'givenById', 'givenOn', 'method'] as const;
type Field = (typeof FIELDS)[number];

const schema = z
  .object({
    organizationId: z.string().min(1, 'assign.errors.organization'),
    needType: z.string().nullable(),
    note: z.string().max(2000, 'assign.errors.note'),
    lawfulBasis: z.string().min(1, 'assign.errors.lawfulBasis'),
    givenById: z.string(),
    givenOn: z.string(),
    method: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.lawfulBasis !== 'CONSENT') return;
    if (!v.givenById) ctx.addIssue({ code: 'custom', path: ['givenById'], message: 'assign.errors.givenBy' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.givenOn) || v.givenOn > todayWib()) ctx.addIssue({ code: 'custom', path: ['givenOn'], message: 'assign.errors.givenOn' });
    if (!v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: 'assign.errors.method' });
  });
type FormValues = z.infer<typeof schema>;

/** A server field such as input.consents.0.givenOn → the form's field name. */
function formField(field: string | undefined): Field | null {
  const last = field?.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as Field) : null;
}

export interface AssignFormViewProps {
  householdCount: number;
  /** The partners the server answered for the typed text and chosen need. */
  partners: readonly Partner[];
  /** Asks the server again when the typed partner text or the chosen need changes. */
  onPartnerQuery?: (query: { search: string; needType: NeedType | null }) => void;
  partnersLoading?: boolean;
  /** Members of the household, when one household is referred: who may give the consent. */
  members?: readonly { id: string; name: string }[];
  defaultNeedType?: NeedType | null;
  submit: (input: AssignInput) => Promise<AssignResult>;
  /** Names the open referral a CONFLICT points at (the dialog looks it up). */
  findExisting?: (error: ApiErrorInfo) => Promise<ExistingReferral | null>;
  onCancel?: () => void;
}

/** Referral of one or more households to a partner; validates before sending, shows server errors by field. */
export function AssignFormView({ householdCount, partners, onPartnerQuery, partnersLoading = false, members, defaultNeedType = null, submit, findExisting, onCancel }: AssignFormViewProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingReferral | null>(null);
  const [sending, setSending] = useState(false);
  // A consent is one household's: a bulk referral rests on another ground.
  const single = householdCount === 1;
  const { control, handleSubmit, setError, watch, formState: { errors } } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { organizationId: '', needType: defaultNeedType, note: '', lawfulBasis: single ? 'CONSENT' : '', givenById: '', givenOn: todayWib(), method: '' },
  });
  const tooMany = householdCount > MAX_BULK_ASSIGN;
  const needType = watch('needType') as NeedType | null;
  const lawfulBasis = watch('lawfulBasis');
  // The chosen partner stays an option while the user's text asks the server for others.
  const [chosen, setChosen] = useState<Partner | null>(null);
  const [partnerText, setPartnerText] = useState('');

  const onSubmit = handleSubmit(async (values) => {
    if (sending || tooMany) return;
    setSending(true);
    setFormError(null);
    setExisting(null);
    try {
      const basis = values.lawfulBasis as LawfulBasis;
      const result = await submit({
        organizationId: values.organizationId,
        needType: (values.needType as NeedType | null) || null,
        note: values.note.trim() || null,
        lawfulBasis: basis,
        consent: basis === 'CONSENT' ? { givenById: values.givenById, givenOn: values.givenOn, method: values.method as ConsentMethod } : null,
      });
      if (!result.ok) {
        const field = formField(result.error.field);
        if (result.error.code === 'CONFLICT' && result.error.existingId && findExisting) {
          const found = await findExisting(result.error);
          if (found) setExisting(found);
          else setFormError(describeApiError(result.error, t));
        } else if (field && result.error.code === 'BAD_USER_INPUT') setError(field, { message: result.error.message });
        else setFormError(describeApiError(result.error, t));
      }
    } finally {
      setSending(false);
    }
  });
  const message = (key?: string) => fieldMessage(key, t, 'assign');

  // Partners whose running programs address the chosen need come first, under their own heading.
  const option = (p: Partner) => ({
    value: p.id,
    label: p.programNeedTypes?.length ? t('assign.partnerPrograms', { name: p.name, needs: p.programNeedTypes.map((n) => t(`needType.${n}`)).join(', ') }) : p.name,
  });
  const chosenLabel = chosen ? option(chosen).label : null;
  useEffect(() => {
    // The chosen option's label fills the box: that is not a new search.
    onPartnerQuery?.({ search: partnerText === chosenLabel ? '' : partnerText.trim(), needType });
  }, [partnerText, chosenLabel, needType, onPartnerQuery]);
  const listed = chosen && !partners.some((p) => p.id === chosen.id) ? [chosen, ...partners] : partners;
  const serving = needType ? listed.filter((p) => p.programNeedTypes?.includes(needType)) : [];
  const others = needType ? listed.filter((p) => !p.programNeedTypes?.includes(needType)) : listed;
  const partnerData = needType
    ? [
        ...(serving.length ? [{ group: t('assign.servingNeed', { need: t(`needType.${needType}`) }), items: serving.map(option) }] : []),
        ...(others.length ? [{ group: t('assign.otherPartners'), items: others.map(option) }] : []),
      ]
    : others.map(option);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('assign.summary', { count: householdCount })}</Text>
        {tooMany && <Alert color="yellow" role="alert">{t('assign.tooMany', { max: MAX_BULK_ASSIGN })}</Alert>}
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        {existing && (
          <Alert color="red" role="alert" data-testid="referral-conflict">
            <Text size="sm">
              {t('assign.conflict', {
                household: existing.householdName ?? t('households.noHead'),
                partner: existing.partnerName,
                status: t(`assignmentStatus.${existing.status}`),
                date: fmt.date(existing.requestedAt),
              })}
            </Text>
            {/* The link may lead to the page under this dialog: the dialog gives way. */}
            <Anchor component={Link} to={referralHref(existing.householdId, existing.id)} onClick={onCancel} size="sm" data-testid="referral-conflict-link">
              {t('assign.openExisting')}
            </Anchor>
          </Alert>
        )}
        <Controller
          control={control}
          name="needType"
          render={({ field }) => (
            <Select
              label={t('assign.needType')}
              description={t('assign.needTypeHint')}
              data={NEED_TYPES.map((n) => ({ value: n, label: t(`needType.${n}`) }))}
              value={field.value}
              onChange={field.onChange}
              clearable
              error={message(errors.needType?.message)}
            />
          )}
        />
        <Controller
          control={control}
          name="organizationId"
          render={({ field }) => (
            <Select
              label={t('assign.partner')}
              description={needType ? t('assign.partnerHintNeed') : t('assign.partnerHint')}
              data={partnerData}
              value={field.value || null}
              onChange={(v) => {
                setChosen(listed.find((p) => p.id === v) ?? null);
                field.onChange(v ?? '');
              }}
              searchable
              searchValue={partnerText}
              onSearchChange={setPartnerText}
              // The server already searched: show its answer as it is.
              filter={onPartnerQuery ? ({ options }) => options : undefined}
              nothingFoundMessage={partnersLoading ? t('common.loading') : t('picker.noMatches')}
              rightSection={partnersLoading ? <Loader size="xs" /> : undefined}
              comboboxProps={{ withinPortal: true }}
              data-testid="partner-select"
              required
              error={message(errors.organizationId?.message)}
            />
          )}
        />
        <Controller
          control={control}
          name="lawfulBasis"
          render={({ field }) => (
            <Select
              label={t('assign.lawfulBasis')}
              description={single ? t('assign.lawfulBasisHint') : t('assign.lawfulBasisBulkHint')}
              data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`lawfulBasis.${b}`), disabled: b === 'CONSENT' && !single }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              required
              error={message(errors.lawfulBasis?.message)}
              data-testid="lawful-basis"
            />
          )}
        />
        {lawfulBasis === 'CONSENT' && (
          <>
            <Controller
              control={control}
              name="givenById"
              render={({ field }) => (
                <Select
                  label={t('assign.givenBy')}
                  data={(members ?? []).map((m) => ({ value: m.id, label: m.name }))}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  required
                  error={message(errors.givenById?.message)}
                />
              )}
            />
            <Controller
              control={control}
              name="givenOn"
              render={({ field }) => (
                <DateField {...dateFieldProps(field)} label={t('assign.givenOn')} max={todayWib()} required error={message(errors.givenOn?.message)} data-testid="consent-date" />
              )}
            />
            <Controller
              control={control}
              name="method"
              render={({ field }) => (
                <Radio.Group label={t('assign.method')} required value={field.value} onChange={field.onChange} error={message(errors.method?.message)}>
                  <Group gap="md" mt={4}>
                    {CONSENT_METHODS.map((m) => <Radio key={m} value={m} label={t(`consentMethod.${m}`)} />)}
                  </Group>
                </Radio.Group>
              )}
            />
          </>
        )}
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Textarea label={t('assign.note')} rows={2} {...field} error={message(errors.note?.message)} />
          )}
        />
        <Group justify="flex-end" gap="xs">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={sending} disabled={tooMany}>{t('assign.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The referral dialog wired to the API; `onDone` gets the number of households referred. */
export function AssignDialog({ opened, householdIds, defaultNeedType, onClose, onDone }: {
  opened: boolean;
  householdIds: readonly string[];
  defaultNeedType?: NeedType | null;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [partnerQuery, setPartnerQuery] = useState<{ search: string; needType: NeedType | null }>({ search: '', needType: defaultNeedType ?? null });
  const [query] = useDebouncedValue(partnerQuery, 300);
  const search = query.search || null;
  const partners = useQuery(PARTNERS, { variables: { search, first: OPTION_PAGE }, skip: !opened });
  // Partners serving the need are asked for apart, so that a page of others never hides them.
  const serving = useQuery(PARTNERS, { variables: { search, servesNeed: query.needType, first: OPTION_PAGE }, skip: !opened || !query.needType });
  const single = householdIds.length === 1 ? householdIds[0]! : null;
  const members = useQuery(CONSENT_MEMBERS, { variables: { id: single ?? '' }, skip: !opened || !single });
  const [lookUp] = useLazyQuery(EXISTING, { fetchPolicy: 'network-only' });
  const [create] = useMutation(CREATE, { refetchQueries: ['Assignments', 'HouseholdDetail', 'Households'] });
  const servingList = query.needType ? (serving.data?.organizations.edges.map((e) => e.node) ?? []) : [];
  const list = [...servingList, ...(partners.data?.organizations.edges.map((e) => e.node) ?? []).filter((p) => !servingList.some((s) => s.id === p.id))];

  async function findExisting(error: ApiErrorInfo): Promise<ExistingReferral | null> {
    // The CONFLICT names the household by its position in the request.
    const index = Number(error.field?.split('.').pop());
    const householdId = householdIds[Number.isInteger(index) ? index : 0];
    if (!householdId) return null;
    const res = await lookUp({ variables: { householdId } });
    const found = res.data?.assignments.edges.map((e) => e.node).find((a) => a.id === error.existingId);
    return found
      ? {
          id: found.id,
          householdId: found.household.id,
          householdName: found.household.head?.name ?? null,
          partnerName: found.organization.name,
          status: found.status,
          needType: found.needType,
          requestedAt: found.requestedAt,
        }
      : null;
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('assign.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {partners.error ? (
        <Alert color="red" role="alert">{describeError(partners.error, t)}</Alert>
      ) : (
        <AssignFormView
          householdCount={householdIds.length}
          partners={list}
          onPartnerQuery={setPartnerQuery}
          partnersLoading={partners.loading || serving.loading}
          members={members.data?.household?.members ?? []}
          defaultNeedType={defaultNeedType}
          onCancel={onClose}
          findExisting={findExisting}
          submit={async ({ consent, ...input }) => {
            try {
              const res = await create({
                variables: {
                  input: {
                    ...input,
                    householdIds: [...householdIds],
                    ...(consent && single ? { consents: [{ householdId: single, ...consent }] } : {}),
                  },
                },
              });
              const count = res.data?.createAssignments.length ?? 0;
              onDone(count);
              return { ok: true, count };
            } catch (e) {
              return { ok: false, error: apiError(e)! };
            }
          }}
        />
      )}
    </Modal>
  );
}
