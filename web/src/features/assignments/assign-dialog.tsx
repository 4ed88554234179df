import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { graphql } from '../../gql';
import type { NeedType } from '../../gql/graphql';
import { apiError, describeApiError, describeError, type ApiErrorInfo } from '../../lib/errors';
import { fieldMessage } from '../../lib/forms';

export const NEED_TYPES: NeedType[] = [
  'STUNTING', 'NUTRITION_RISK', 'HEALTH_INSURANCE', 'SCHOOLING', 'HOUSING', 'WATER', 'SANITATION', 'ELECTRICITY', 'INCOME', 'FOOD',
];
/** The server refers at most this many households in one request. */
export const MAX_BULK_ASSIGN = 500;

const PARTNERS = graphql(`
  query PartnerOrganizations {
    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR] }, first: 100) {
      edges {
        node {
          id
          name
          type
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
}
export type AssignResult = { ok: true; count: number } | { ok: false; error: ApiErrorInfo };

const FIELDS = ['organizationId', 'needType', 'note'] as const;
type Field = (typeof FIELDS)[number];

const schema = z.object({
  organizationId: z.string().min(1, 'assign.errors.organization'),
  needType: z.string().nullable(),
  note: z.string().max(2000, 'assign.errors.note'),
});
type FormValues = z.infer<typeof schema>;

export interface AssignFormViewProps {
  householdCount: number;
  partners: readonly { id: string; name: string }[];
  defaultNeedType?: NeedType | null;
  submit: (input: AssignInput) => Promise<AssignResult>;
  onCancel?: () => void;
}

/** Referral of one or more households to a partner; validates before sending, shows server errors by field. */
export function AssignFormView({ householdCount, partners, defaultNeedType = null, submit, onCancel }: AssignFormViewProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { control, handleSubmit, setError, formState: { errors } } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { organizationId: '', needType: defaultNeedType, note: '' },
  });
  const tooMany = householdCount > MAX_BULK_ASSIGN;

  const onSubmit = handleSubmit(async (values) => {
    if (sending || tooMany) return;
    setSending(true);
    setFormError(null);
    try {
      const result = await submit({
        organizationId: values.organizationId,
        needType: (values.needType as NeedType | null) || null,
        note: values.note.trim() || null,
      });
      if (!result.ok) {
        const last = result.error.field?.split('.')[1] ?? '';
        if ((FIELDS as readonly string[]).includes(last)) setError(last as Field, { message: result.error.message });
        else setFormError(describeApiError(result.error, t));
      }
    } finally {
      setSending(false);
    }
  });
  const message = (key?: string) => fieldMessage(key, t, 'assign');

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('assign.summary', { count: householdCount })}</Text>
        {tooMany && <Alert color="yellow" role="alert">{t('assign.tooMany', { max: MAX_BULK_ASSIGN })}</Alert>}
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Controller
          control={control}
          name="organizationId"
          render={({ field }) => (
            <Select
              label={t('assign.partner')}
              data={partners.map((p) => ({ value: p.id, label: p.name }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              searchable
              required
              error={message(errors.organizationId?.message)}
            />
          )}
        />
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
export function AssignDialog({ opened, householdIds, onClose, onDone }: {
  opened: boolean;
  householdIds: readonly string[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const partners = useQuery(PARTNERS, { skip: !opened });
  const [create] = useMutation(CREATE, { refetchQueries: ['Assignments', 'HouseholdDetail', 'Households'] });
  const list = partners.data?.organizations.edges.map((e) => e.node) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('assign.title')} size="lg">
      {partners.error ? (
        <Alert color="red" role="alert">{describeError(partners.error, t)}</Alert>
      ) : (
        <AssignFormView
          householdCount={householdIds.length}
          partners={list}
          onCancel={onClose}
          submit={async (input) => {
            try {
              const res = await create({ variables: { input: { ...input, householdIds: [...householdIds] } } });
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
