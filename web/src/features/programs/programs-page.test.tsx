import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import { ProgramsDocument, type CurrentUserFragment, type Role } from '../../gql/graphql';
import { UserProvider } from '../auth/session';
import { ProgramsPage } from './programs-page';

const PROGRAM = {
  __typename: 'Program',
  id: 'p1',
  name: 'PMT Balita',
  description: null,
  focusAspects: ['STUNTING'],
  strategy: 'REDUCE_POVERTY_POCKETS',
  needTypes: ['STUNTING'],
  targetUnit: 'PERSON',
  targetSex: null,
  targetMinAgeMonths: 6,
  targetMaxAgeMonths: 59,
  frequency: 'MONTHLY',
  startsOn: '2020-01-01',
  endsOn: null,
  quota: 500,
  budgetRp: 150000000,
  deliveryUnit: 'paket',
  owner: { __typename: 'Organization', id: 'o-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
};

function renderPage(role: Role) {
  const user: CurrentUserFragment = { id: 'u1', username: 'u', displayName: 'U', role, organization: { id: 'o-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' }, area: null };
  const mocks = [
    {
      request: { query: ProgramsDocument, variables: { filter: {}, first: 30 } },
      result: {
        data: {
          programs: {
            __typename: 'ProgramConnection',
            totalCount: 1,
            edges: [{ __typename: 'ProgramEdge', cursor: 'c1', node: PROGRAM }],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
          },
        },
      },
    },
  ];
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>
        <UserProvider value={user}>
          <MemoryRouter>
            <ProgramsPage />
          </MemoryRouter>
        </UserProvider>
      </MockedProvider>
    </MantineProvider>,
  );
}

describe('ProgramsPage', () => {
  it('offers create and edit to the coordinator', async () => {
    renderPage('COORDINATOR');
    expect(await screen.findByText('PMT Balita')).toBeTruthy();
    expect(screen.getByText('Berjalan')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Program baru' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ubah program PMT Balita' })).toBeTruthy();
  });

  it('shows agency staff the catalog without management actions', async () => {
    renderPage('AGENCY_STAFF');
    expect(await screen.findByText('PMT Balita')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Program baru' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Ubah program/ })).toBeNull();
  });
});
