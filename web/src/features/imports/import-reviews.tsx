import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, ErrorState, Loading } from '../../app/states';
import { graphql } from '../../gql';
import type { ImportReviewDecision, ImportReviewItemFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { describeError } from '../../lib/errors';
import { valuesDiffer } from './import-helpers';

export const IMPORT_REVIEW_ITEM = graphql(`
  fragment ImportReviewItem on ImportReview {
    id
    jobId
    fileName
    line
    kind
    kindLabel
    detail
    status
    values {
      label
      incoming
      existing
    }
    householdId
    createdAt
    resolvedAt
  }
`);

const IMPORT_REVIEWS = graphql(`
  query ImportReviews($status: ImportReviewStatus!, $first: Int!) {
    importReviews(status: $status, first: $first) {
      ...ImportReviewItem
    }
  }
`);

const RESOLVE_IMPORT_REVIEW = graphql(`
  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {
    resolveImportReview(id: $id, decision: $decision) {
      ...ImportReviewItem
    }
  }
`);

const DECISIONS: { decision: ImportReviewDecision; testId: string; variant: 'filled' | 'default' | 'subtle' }[] = [
  { decision: 'MERGE', testId: 'review-merge', variant: 'filled' },
  { decision: 'KEEP_NEW', testId: 'review-keep-new', variant: 'default' },
  { decision: 'DISMISS', testId: 'review-dismiss', variant: 'subtle' },
];

function ReviewCompare({ review, onResolved }: { review: ImportReviewItemFragment; onResolved: (decision: ImportReviewDecision) => void }) {
  const { t } = useTranslation();
  const [resolve, { loading }] = useMutation(RESOLVE_IMPORT_REVIEW, { refetchQueries: ['ImportReviews'], awaitRefetchQueries: true });
  const [pending, setPending] = useState<ImportReviewDecision | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function decide(decision: ImportReviewDecision) {
    setError(null);
    setPending(decision);
    try {
      await resolve({ variables: { id: review.id, decision } });
      onResolved(decision);
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="review-compare" data-review-id={review.id}>
      <Stack gap="sm">
        <Title order={2} size="h4">{review.kindLabel}</Title>
        <Text size="sm">{review.detail}</Text>
        <Text size="xs" c="dimmed">{t('imports.review.fromFile', { file: review.fileName, line: review.line })}</Text>
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing="xs" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.review.field')}</Table.Th>
                <Table.Th>{t('imports.review.incoming')}</Table.Th>
                <Table.Th>{t('imports.review.existing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.values.map((v) => {
                const differs = valuesDiffer(v.incoming, v.existing);
                return (
                  <Table.Tr key={v.label} data-differs={differs || undefined} bg={differs ? 'yellow.1' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={differs ? 700 : 400} span>{v.label}</Text>
                      {differs && <Badge size="xs" ml={6} color="orange" variant="light">{t('imports.review.differs')}</Badge>}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{v.incoming ?? '—'}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{v.existing ?? '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {review.householdId && (
          <Anchor component={Link} to={`/rumah-tangga/${review.householdId}`} size="sm">{t('imports.review.openHousehold')}</Anchor>
        )}
        {error != null && <Alert color="red" role="alert">{describeError(error, t)}</Alert>}
        <Group gap="xs">
          {DECISIONS.map((d) => (
            <Button
              key={d.decision}
              variant={d.variant}
              onClick={() => void decide(d.decision)}
              loading={pending === d.decision}
              disabled={loading && pending !== d.decision}
              data-testid={d.testId}
            >
              {t(`imports.review.decision.${d.decision}`)}
            </Button>
          ))}
        </Group>
        <Text size="xs" c="dimmed">{t('imports.review.decisionHint')}</Text>
      </Stack>
    </Paper>
  );
}

/** Uncertain matches from imports: pick one, compare the file's record with Sinergi's, decide. */
export function ImportReviews() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, loading, error, refetch } = useQuery(IMPORT_REVIEWS, {
    variables: { status: 'OPEN', first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<{ line: number; file: string; decision: ImportReviewDecision } | null>(null);
  const reviews = data?.importReviews;

  if (loading && !reviews) return <Loading />;
  if (error && !reviews) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const selected = reviews?.find((r) => r.id === selectedId) ?? null;

  return (
    <Stack>
      <Text size="sm">{t('imports.review.intro')}</Text>
      {done && (
        <Alert color="green" role="status" data-testid="review-done" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {t('imports.review.done', { file: done.file, line: done.line, decision: t(`imports.review.decision.${done.decision}`) })}
        </Alert>
      )}
      {!reviews || reviews.length === 0 ? (
        <Empty>{t('imports.review.empty')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs" data-testid="review-list">
            {reviews.map((r) => (
              // A button holds phrasing content only: spans shown as blocks.
              <UnstyledButton
                key={r.id}
                onClick={() => setSelectedId(r.id)}
                aria-pressed={r.id === selectedId}
                data-testid="review-item"
                data-review-id={r.id}
                p="xs"
                bg={r.id === selectedId ? 'sinergi.0' : undefined}
                style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
              >
                <Group component="span" gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Text component="span" size="sm" fw={600}>{r.kindLabel}</Text>
                  <Text component="span" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{f.date(r.createdAt)}</Text>
                </Group>
                <Text component="span" size="sm" lineClamp={2}>{r.detail}</Text>
                <Text component="span" display="block" size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('imports.review.fromFile', { file: r.fileName, line: r.line })}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
          {selected ? (
            <ReviewCompare
              key={selected.id}
              review={selected}
              onResolved={(decision) => {
                setSelectedId(null);
                setDone({ line: selected.line, file: selected.fileName, decision });
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">{t('imports.review.choose')}</Text>
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
