import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import { AreasDocument, AssignmentsDocument, PartnerOrganizationsDocument, type CurrentUserFragment } from '../../gql/graphql';
import { UserProvider } from '../auth/session';
import { AssignmentsPage } from './assignments-page';

const coordinator: CurrentUserFragment = {
  id: 'u1', username: 'bappeda', displayName: 'Bappeda', role: 'COORDINATOR', organization: { id: 'org-bappeda', name: 'Bappeda', shortName: null }, area: null,
};

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
      {
        request: { query: PartnerOrganizationsDocument },
        result: {
          data: {
            organizations: {
              __typename: 'OrganizationConnection',
              edges: [{ __typename: 'OrganizationEdge', node: { __typename: 'Organization', id: 'org-ngo', name: 'Yayasan Huma Betang', type: 'NGO', programNeedTypes: ['FOOD'] } }],
            },
          },
        },
      },
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
  });
});
