import { MantineProvider } from '@mantine/core';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import { AuditEventsDocument, HouseholdDetailDocument, WithdrawReferralConsentDocument, type CurrentUserFragment, type HouseholdDetailQuery, type Role } from '../../gql/graphql';
import { UserProvider } from '../auth/session';
import { HouseholdPage } from './household-page';

const H = 'h1';

const REGISTER = { version: 1, employmentStatus: null, schoolEnrolled: false, pregnant: false };
type HouseholdData = NonNullable<HouseholdDetailQuery['household']>;
const household: NonNullable<HouseholdDetailQuery['household']> & { __typename: 'Household' } = {
  __typename: 'Household',
  id: H,
  kkNumber: '6271031405190001',
  address: 'Jl. Rajawali No. 5',
  rt: '003',
  rw: '002',
  welfareDecile: 1,
  povertyStatus: 'EXTREME_POOR',
  verificationStatus: 'VERIFIED',
  monthlyExpenditurePerCapita: 300000,
  version: 2,
  updatedAt: '2026-11-01T00:00:00.000Z',
  floorType: 'CEMENT', wallType: 'WOOD_LOW_QUALITY', roofType: 'ZINC', drinkingWater: 'PIPED', sanitation: 'PRIVATE', electricity: 'PLN_METERED', homeOwnership: 'OWNED',
  formerMembers: [] as HouseholdData['formerMembers'],
  area: { id: 'a1', name: 'Menteng', code: '62.71.03.1002', parent: { id: 'a0', name: 'Jekan Raya' } },
  members: [
    { id: 'p1', name: 'Budi', nik: '6271031405800001', nikPending: false, sex: 'MALE', relation: 'HEAD', age: 46, ageMonths: 557, birthDate: '1980-05-14', birthYear: 1980, jknStatus: 'PBI', ...REGISTER, growthMeasurements: [] },
    {
      id: 'p2', name: 'Adik', nik: '6271035506240002', nikPending: false, sex: 'FEMALE', relation: 'CHILD', age: 2, ageMonths: 29, birthDate: '2024-06-15', birthYear: 2024, jknStatus: 'PBI', ...REGISTER,
      growthMeasurements: [
        { id: 'g1', measuredOn: '2026-02-01', ageDays: 596, heightCm: 76.5, weightKg: 9.1, position: 'LYING', heightForAgeZ: -1.82, stuntingStatus: 'NORMAL' },
        { id: 'g2', measuredOn: '2026-08-01', ageDays: 777, heightCm: 79, weightKg: null, position: 'STANDING', heightForAgeZ: -2.41, stuntingStatus: 'STUNTED' },
      ],
    },
  ],
  needs: [
    {
      id: 'n1', type: 'HOUSING', status: 'UNMET', evidence: { wallType: 'WOOD_LOW_QUALITY' }, person: null, servedBy: null, candidatePrograms: [],
    },
  ],
  interventions: [
    {
      id: 'i1', status: 'PLANNED', plannedOn: '2026-12-01', deliveredOn: null, quantity: null, valueRp: null, note: null, version: 1,
      verifiedAt: null, cancelReason: null, createdAt: '2026-11-01T00:00:00.000Z',
      program: { id: 'pr1', name: 'RTLH', deliveryUnit: 'unit', owner: { id: 'org-perkim' } }, person: null,
      organization: { id: 'org-perkim', name: 'Dinas Perumahan', shortName: 'Perkim' }, loggedBy: null,
    },
  ],
  assignments: [
    { id: 'as1', status: 'REQUESTED', needType: 'HOUSING', note: 'Mohon survei', responseNote: null, requestedAt: '2026-11-02T00:00:00.000Z',
      lawfulBasis: 'CONSENT', consentGivenOn: '2026-11-01', consentMethod: 'THUMBPRINT', consentGivenBy: { id: 'p1', name: 'Budi' }, consentWithdrawnAt: null, consentWithdrawalNote: null,
      organization: { id: 'org-ngo', name: 'Yayasan Huma Betang' } },
  ],
  assessments: [],
};

function user(role: Role, orgId: string): CurrentUserFragment {
  return { id: 'u1', username: 'u', displayName: 'U', role, organization: { id: orgId, name: 'Org', shortName: null }, area: null };
}

function renderPage(role: Role, orgId = 'org-x', shown: typeof household = household, answer: object = { data: { household: shown } }, more: MockLink.MockedResponse[] = []) {
  const mocks = [
    ...more,
    { request: { query: HouseholdDetailDocument, variables: { id: H } }, result: answer },
    {
      request: { query: AuditEventsDocument, variables: { filter: { entityId: H, action: ['CREATE', 'UPDATE', 'DELETE', 'IMPORT'] }, first: 20 } },
      result: { data: { auditEvents: { __typename: 'AuditEventConnection', totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } },
    },
  ];
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>
        <UserProvider value={user(role, orgId)}>
          <MemoryRouter initialEntries={[`/rumah-tangga/${H}`]}>
            <Routes>
              <Route path="/rumah-tangga/:id" element={<HouseholdPage />} />
            </Routes>
          </MemoryRouter>
        </UserProvider>
      </MockedProvider>
    </MantineProvider>,
  );
}

describe('HouseholdPage', () => {
  it('reads an address with an id of the wrong form as a household that is not there', async () => {
    renderPage('COORDINATOR', 'org-x', household, {
      errors: [{ message: 'id: is not a valid id', extensions: { code: 'BAD_USER_INPUT', field: 'id' } }],
    });
    expect(await screen.findByTestId('household-not-found')).toBeTruthy();
  });

  it('shows translated evidence, the growth of the under-five with a data table, and intervention actions for the coordinator', async () => {
    renderPage('COORDINATOR');
    expect(await screen.findByText('Dinding: Kayu kualitas rendah')).toBeTruthy();

    const growth = screen.getByRole('region', { name: 'Pertumbuhan balita' });
    expect(within(growth).getAllByTestId('child-growth')).toHaveLength(1);
    expect(within(growth).getByText('Adik')).toBeTruthy();
    // The latest status as a badge, and in the table.
    expect(within(growth).getAllByText('Pendek (stunting)')).toHaveLength(2);
    const rows = within(within(growth).getByTestId('growth-table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Tanggal pengukuran'),
      expect.stringContaining('-1,82'),
      expect.stringContaining('-2,41'),
    ]);
    // Coordinators do not record measurements (Dinas Kesehatan does).
    expect(within(growth).queryByRole('button', { name: /Catat pengukuran/ })).toBeNull();

    const actions = screen.getByRole('group', { name: 'Tindakan untuk RTLH' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Mulai', 'Tandai tersalurkan', 'Batalkan']);
    expect(screen.getByRole('button', { name: 'Tugaskan ke mitra' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Riwayat audit/ })).toBeNull();
  });

  it('lets agency staff record a measurement per child', async () => {
    renderPage('AGENCY_STAFF', 'org-dinkes');
    expect(await screen.findByRole('button', { name: 'Catat pengukuran untuk Adik' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Tindakan untuk RTLH' })).toBeNull();
  });

  it('shows the partner its own request to accept or decline', async () => {
    renderPage('NGO_PARTNER', 'org-ngo');
    const card = await screen.findByTestId('household-assignment');
    expect(within(card).getByRole('button', { name: 'Terima' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Tolak' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tugaskan ke mitra' })).toBeNull();
  });

  it('does not let a partner decline without a reason', async () => {
    renderPage('NGO_PARTNER', 'org-ngo');
    const card = await screen.findByTestId('household-assignment');
    fireEvent.click(within(card).getByRole('button', { name: 'Tolak' }));
    const form = await screen.findByRole('form', { name: 'Tolak' });
    fireEvent.click(within(form).getByRole('button', { name: 'Tolak' }));
    expect(await within(form).findByText('Tuliskan alasan penolakan.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: /Alasan penolakan/ }).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the coordinator who consented to the referral and a way to record its withdrawal', async () => {
    renderPage('COORDINATOR', 'org-bappeda');
    const card = await screen.findByTestId('household-assignment');
    expect(card.id).toBe('rujukan-as1');
    expect(within(card).getByTestId('referral-consent').textContent).toMatch(/^Persetujuan \(Cap jempol\) dari Budi, /);
    expect(within(card).getByRole('button', { name: 'Catat penarikan persetujuan' })).toBeTruthy();
  });

  it('keeps the withdrawal dialog open with the server\'s refusal beside the reason', async () => {
    const refusal = { message: 'Alasan terlalu pendek.', extensions: { code: 'BAD_USER_INPUT', field: 'reason' } };
    renderPage('COORDINATOR', 'org-bappeda', household, undefined, [
      { request: { query: WithdrawReferralConsentDocument, variables: { id: 'as1', reason: 'x' } }, result: { errors: [refusal] } },
    ]);
    const card = await screen.findByTestId('household-assignment');
    fireEvent.click(within(card).getByRole('button', { name: 'Catat penarikan persetujuan' }));
    const form = await screen.findByRole('form', { name: 'Catat penarikan persetujuan' });
    fireEvent.change(within(form).getByTestId('reason-input'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Catat penarikan persetujuan' }));
    expect(await within(form).findByText('Alasan terlalu pendek.')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Catat penarikan persetujuan' })).toBe(form);
  });

  it('shows a partner the birth year and the stunting status where the server withholds birth date and z-scores', async () => {
    const partnerView = {
      ...household,
      members: household.members.map((m) => ({
        ...m,
        nik: '****************',
        birthDate: null,
        growthMeasurements: m.growthMeasurements.map((g) => ({ ...g, ageDays: null, heightForAgeZ: null })),
      })),
    };
    renderPage('PRIVATE_PARTNER', 'org-csr', partnerView);
    const growth = await screen.findByRole('region', { name: 'Pertumbuhan balita' });
    expect(within(growth).getByText(/79 cm, Pendek \(stunting\)/)).toBeTruthy();
    expect(within(growth).queryByRole('figure')).toBeNull();
    const rows = within(within(growth).getByTestId('growth-table')).getAllByRole('row');
    expect(rows.slice(1).every((r) => !/\d,\d\d/.test(r.textContent ?? ''))).toBe(true);
    expect(screen.getAllByRole('cell', { name: '1980' })).toHaveLength(1);
  });

  it('gives the auditor a collapsed audit trail that loads when opened', async () => {
    renderPage('AUDITOR');
    const toggle = await screen.findByRole('button', { name: /Riwayat audit/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(screen.getByText('Tidak ada peristiwa audit.')).toBeTruthy());
    expect(screen.queryByRole('group', { name: 'Tindakan untuk RTLH' })).toBeNull();
  });

  it('gives the kelurahan officer the register actions, flags a newborn waiting for a NIK and lists former members', async () => {
    const withBirth = {
      ...household,
      members: [...household.members, { ...household.members[1]!, id: 'p3', name: 'Bayi', nik: null, nikPending: true, birthDate: '2026-11-01', birthYear: 2026, age: 0, growthMeasurements: [] }],
      formerMembers: [{ id: 'p4', name: 'Kakek', relation: 'PARENT' as const, leftOn: '2026-10-02', leftReason: 'DECEASED' as const, leftNote: null }],
    };
    renderPage('KELURAHAN_OFFICER', 'org-kel', withBirth);
    expect(await screen.findByTestId('nik-pending')).toBeTruthy();
    expect(screen.getByText('Menunggu NIK')).toBeTruthy();
    expect(within(screen.getByTestId('former-members')).getByText(/Kakek · Meninggal/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tambah anggota' })).toBeTruthy();
    expect(screen.getAllByTestId('member-actions')).toHaveLength(3);
  });

  it('gives agency staff the poverty assessment but no register changes', async () => {
    renderPage('AGENCY_STAFF', 'org-dinsos');
    fireEvent.click(await screen.findByTestId('register-menu'));
    expect(await screen.findByTestId('open-assessment')).toBeTruthy();
    expect(screen.queryByTestId('open-house')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tambah anggota' })).toBeNull();
    expect(screen.queryByTestId('member-actions')).toBeNull();
  });
});
