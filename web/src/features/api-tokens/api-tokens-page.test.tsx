import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import { MyApiTokensDocument, RevokeApiTokenDocument, type ApiTokenItemFragment } from '../../gql/graphql';
import { ApiTokensPage } from './api-tokens-page';

const token = (over: Partial<ApiTokenItemFragment>): ApiTokenItemFragment & { __typename: 'ApiToken' } => ({
  __typename: 'ApiToken',
  id: 't1',
  name: 'ekspor dasbor',
  tokenPrefix: 'snt_4f9c2a',
  readOnly: true,
  createdAt: '2026-10-01T02:00:00.000Z',
  // Far beyond any day the suite runs: the token reads as active.
  expiresAt: '9999-12-31T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

function renderPage(tokens: ApiTokenItemFragment[], extraMocks: NonNullable<ComponentProps<typeof MockedProvider>['mocks']> = []) {
  const mocks = [{ request: { query: MyApiTokensDocument }, result: { data: { myApiTokens: tokens } } }, ...extraMocks];
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>
        <MemoryRouter>
          <ApiTokensPage />
        </MemoryRouter>
      </MockedProvider>
    </MantineProvider>,
  );
}

describe('ApiTokensPage', () => {
  it('says when there are no tokens', async () => {
    renderPage([]);
    expect(await screen.findByText('Anda belum memiliki token API.')).toBeTruthy();
  });

  it('lists the tokens, and revokes an active one only after confirmation', async () => {
    const active = token({});
    const revoked = token({ id: 't2', name: 'skrip lama', tokenPrefix: 'snt_99aa00', readOnly: false, revokedAt: '2026-10-05T00:00:00.000Z' });
    const revoke = {
      request: { query: RevokeApiTokenDocument, variables: { id: 't1' } },
      result: { data: { revokeApiToken: { ...active, revokedAt: '2026-11-20T03:00:00.000Z' } } },
    };
    renderPage([active, revoked], [revoke]);
    expect(await screen.findByText('snt_4f9c2a…')).toBeTruthy();
    expect(screen.getByText('snt_99aa00…')).toBeTruthy();
    // A revoked token has no revoke button.
    expect(screen.queryByRole('button', { name: 'Cabut token skrip lama' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Cabut token ekspor dasbor' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/langsung berhenti bekerja/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cabut' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cabut token ekspor dasbor' })).toBeNull());
    expect(screen.getAllByText('Dicabut')).toHaveLength(2);
  });
});
