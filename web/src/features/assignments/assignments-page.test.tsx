import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import { AreasDocument, AssignmentsDocument, OrganizationOptionDocument, OrganizationOptionsDocument, type CurrentUserFragment } from '../../gql/graphql';
import { PARTNER_TYPES } from '../../lib/server-select';
import { UserProvider } from '../auth/session';
import { AssignmentsPage } from './assignments-page';

const coordinator: CurrentUserFragment = {
  id: 'u1', username: 'bappeda', displayName: 'Bappeda', role: 'COORDINATOR', organization: { id: 'org-bappeda', name: 'Bappeda', shortName: null }, area: null,
};

const HUMA_BETANG = { __typename: 'Organization', id: 'org-ngo', name: 'Yayasan Huma Betang', shortName: null };
const partnerPage = (nodes: object[]) => ({ organizations: { __typename: 'OrganizationConnection', edges: nodes.map((node) => ({ __typename: 'OrganizationEdge', node })) } });

const referral = {
  __typename: 'Assignment', id: 'as1', status: 'DECLINED', needType: 'FOOD', note: null, requestedAt: '2026-11-02T03:00:00.000Z', version: 2,
  organization: { __typename: 'Organization', id: 'org-ngo', name: 'Yayasan Huma Betang' },
  household: {
    __typename: 'Household', id: 'h1', kkNumber: '6271031234560001', povertyStatus: 'EXTREME_POOR',
    head: { __typename: 'Person', id: 'p1', name: 'Budi' }, area: { __typename: 'Area', id: 'kel-menteng', name: 'Menteng' },
  },
};

describe('AssignmentsPage', () => {
  it('asks the server for the referrals of the partner, status, kelurahan and need in the address', async () => {
    const mocks = [
      {
        request: {
          query: AssignmentsDocument,
          variables: { filter: { organizationId: 'org-ngo', areaId: 'kel-menteng', status: ['DECLINED'], needType: ['FOOD'] }, first: 20 },
        },
        result: {
          data: {
            assignments: {
              __typename: 'AssignmentConnection', totalCount: 1,
              edges: [{ __typename: 'AssignmentEdge', cursor: 'c1', node: referral }],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
            },
          },
        },
      },
      {
        request: { query: AreasDocument },
        result: { data: { areas: [{ __typename: 'Area', id: 'kel-menteng', code: '62.71.03.1002', name: 'Menteng', level: 'KELURAHAN', parent: { __typename: 'Area', id: 'kec', code: '62.71.03' } }] } },
      },
      // The partner filter asks the server for partners only, and names the one in the address by its id.
      {
        request: { query: OrganizationOptionsDocument, variables: { filter: { type: PARTNER_TYPES }, first: 20 } },
        result: { data: partnerPage([{ __typename: 'Organization', id: 'org-csr', name: 'PT Sawit Sejahtera', shortName: null }]) },
        maxUsageCount: 10,
      },
      {
        request: { query: OrganizationOptionsDocument, variables: { filter: { type: PARTNER_TYPES, search: 'huma' }, first: 20 } },
        result: { data: partnerPage([HUMA_BETANG]) },
        maxUsageCount: 10,
      },
      { request: { query: OrganizationOptionDocument, variables: { id: 'org-ngo' } }, result: { data: { organization: HUMA_BETANG } }, maxUsageCount: 10 },
    ];
    render(
      <MantineProvider theme={theme}>
        <MockedProvider mocks={mocks}>
          <UserProvider value={coordinator}>
            <MemoryRouter initialEntries={['/penugasan?mitra=org-ngo&status=DECLINED&kelurahan=kel-menteng&kebutuhan=FOOD']}>
              <Routes>
                <Route path="/penugasan" element={<AssignmentsPage />} />
              </Routes>
            </MemoryRouter>
          </UserProvider>
        </MockedProvider>
      </MantineProvider>,
    );
    const card = await screen.findByTestId('assignment-card');
    expect(card.id).toBe('rujukan-as1');
    expect(within(card).getByText('Budi')).toBeTruthy();
    expect(screen.getByTestId('assignment-count').textContent).toBe('1 rujukan');
    const filters = screen.getByTestId('assignment-filters');
    expect((within(filters).getByLabelText('Kebutuhan', { selector: 'input' }) as HTMLInputElement).value).toBe('Pangan');
    expect((within(filters).getByLabelText('Status', { selector: 'input' }) as HTMLInputElement).value).toBe('Ditolak');
    const partner = screen.getByTestId('filter-partner') as HTMLInputElement;
    await waitFor(() => expect(partner.value).toBe('Yayasan Huma Betang'), { timeout: 4000 });
    // Typed text goes to the server: only the mock searching "huma" answers with the partner.
    partner.focus();
    fireEvent.change(partner, { target: { value: 'huma' } });
    expect(await screen.findByRole('option', { name: 'Yayasan Huma Betang', hidden: true }, { timeout: 4000 })).toBeTruthy();
  });
});
