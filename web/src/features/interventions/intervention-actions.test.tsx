import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdvanceInterventionDocument, CancelInterventionDocument, type CurrentUserFragment, type InterventionStatus, type Role } from '../../gql/graphql';
import { renderUi } from '../../test/render';
import { UserProvider } from '../auth/session';
import { InterventionActions, type ActionableIntervention } from './intervention-actions';
import { interventionActions } from './intervention-policy';
import { expectDayDisabled } from '../../test/date';

const OWN_ORG = 'org-dinsos';

function user(role: Role, orgId = OWN_ORG): CurrentUserFragment {
  return { id: 'u1', username: 'u', displayName: 'U', role, organization: { id: orgId, name: 'Org', shortName: null }, area: null };
}

function intervention(status: InterventionStatus, orgId = OWN_ORG): ActionableIntervention {
  return { id: 'i1', version: 3, status, program: { name: 'PMT Balita', deliveryUnit: 'paket', owner: { id: orgId } } };
}

function renderActions(role: Role, status: InterventionStatus, mocks: MockLink.MockedResponse[] = [], orgId = OWN_ORG) {
  return renderUi(
    <MockedProvider mocks={mocks}>
      <UserProvider value={user(role)}>
        <InterventionActions intervention={intervention(status, orgId)} />
      </UserProvider>
    </MockedProvider>,
  );
}

function buttonNames() {
  const group = screen.queryByRole('group', { name: 'Tindakan untuk PMT Balita' });
  return group ? within(group).getAllByRole('button').map((b) => b.textContent) : [];
}

describe('intervention actions by role', () => {
  it('lets the owning agency start, deliver and cancel a planned intervention, but not verify a delivered one', () => {
    renderActions('AGENCY_STAFF', 'PLANNED');
    expect(buttonNames()).toEqual(['Mulai', 'Tandai tersalurkan', 'Batalkan']);
  });

  it('shows an agency nothing on another organisation\'s intervention', () => {
    renderActions('AGENCY_STAFF', 'PLANNED', [], 'org-other');
    expect(buttonNames()).toEqual([]);
  });

  it("leaves someone else's delivery to the coordinator: verify, correct and cancel", () => {
    renderActions('AGENCY_STAFF', 'DELIVERED');
    expect(buttonNames()).toEqual([]);
  });

  it('gives the coordinator verify, correct and cancel on a delivered intervention of any organisation', () => {
    renderActions('COORDINATOR', 'DELIVERED', [], 'org-other');
    expect(buttonNames()).toEqual(['Verifikasi', 'Koreksi', 'Batalkan']);
  });

  it('shows nothing to read-only roles and on final states', () => {
    renderActions('AUDITOR', 'PLANNED');
    expect(buttonNames()).toEqual([]);
    renderActions('KELURAHAN_OFFICER', 'IN_PROGRESS');
    expect(buttonNames()).toEqual([]);
    renderActions('ADMIN', 'VERIFIED');
    expect(buttonNames()).toEqual([]);
    renderActions('ADMIN', 'CANCELLED');
    expect(buttonNames()).toEqual([]);
  });

  it('matches the server rules for partners', () => {
    const partner = user('NGO_PARTNER', 'org-ngo');
    expect(interventionActions(partner, { status: 'IN_PROGRESS', program: { owner: { id: 'org-ngo' } } })).toEqual({
      start: false,
      deliver: true,
      verify: false,
      correct: false,
      cancel: true,
    });
    expect(interventionActions(partner, { status: 'DELIVERED', program: { owner: { id: 'org-ngo' } } })).toEqual({
      start: false,
      deliver: false,
      verify: false,
      correct: false,
      cancel: false,
    });
  });

  it('lets the logger correct or cancel a delivery within 7 days of logging, until it is verified (as policy intervention.amend)', () => {
    const staff = user('AGENCY_STAFF');
    const loggedAt = '2026-11-20T02:00:00.000Z';
    const at = (days: number) => Date.parse(loggedAt) + days * 86_400_000;
    const delivery = (status: InterventionStatus, loggedBy = 'u1', owner = OWN_ORG) => ({ status, program: { owner: { id: owner } }, loggedBy: { id: loggedBy }, createdAt: loggedAt });
    const amend = (i: ReturnType<typeof delivery>, days: number) => {
      const a = interventionActions(staff, i, at(days));
      return [a.correct, a.cancel];
    };
    expect(amend(delivery('DELIVERED'), 1)).toEqual([true, true]);
    expect(amend(delivery('DELIVERED'), 7)).toEqual([true, true]);
    expect(amend(delivery('DELIVERED'), 7.5)).toEqual([false, false]);
    expect(amend(delivery('DELIVERED', 'u-colleague'), 1)).toEqual([false, false]);
    expect(amend(delivery('DELIVERED', 'u1', 'org-other'), 1)).toEqual([false, false]);
    expect(amend(delivery('VERIFIED'), 1)).toEqual([false, false]);
  });
});

describe('advancing and cancelling', () => {
  it('starts a planned intervention with the version it read', async () => {
    let sent: unknown;
    renderActions('AGENCY_STAFF', 'PLANNED', [
      {
        request: {
          query: AdvanceInterventionDocument,
          variables: (v: Record<string, unknown>) => {
            sent = v;
            return true;
          },
        },
        result: {
          data: {
            advanceIntervention: {
              __typename: 'Intervention', id: 'i1', status: 'IN_PROGRESS', version: 4, deliveredOn: null, verifiedAt: null,
              quantity: null, valueRp: null, note: null, updatedAt: '2026-11-20T02:00:00.000Z',
            },
          },
        },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Mulai' }));
    await waitFor(() => expect(sent).toEqual({ input: { id: 'i1', version: 3, status: 'IN_PROGRESS' } }));
  });

  it('shows a version conflict with a way to reload', async () => {
    renderActions('COORDINATOR', 'DELIVERED', [
      {
        request: { query: AdvanceInterventionDocument, variables: { input: { id: 'i1', version: 3, status: 'VERIFIED' } } },
        result: { errors: [new GraphQLError('changed', { extensions: { code: 'CONFLICT', field: 'input.version' } })] },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect((await screen.findByRole('alert')).textContent).toContain('telah diubah orang lain');
    expect(screen.getByRole('button', { name: 'Muat ulang data' })).toBeTruthy();
  });

  it('asks for a reason before cancelling, and shows the server error next to it', async () => {
    renderActions('AGENCY_STAFF', 'IN_PROGRESS', [
      {
        request: { query: CancelInterventionDocument, variables: { id: 'i1', reason: 'Salah input' } },
        result: { errors: [new GraphQLError('reason: must be 3–500 characters', { extensions: { code: 'BAD_USER_INPUT', field: 'reason' } })] },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Batalkan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batalkan intervensi' }));
    expect(await within(dialog).findByText('Alasan harus 3–500 karakter')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/Alasan pembatalan/), { target: { value: 'Salah input' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batalkan intervensi' }));
    const message = await within(dialog).findByText('must be 3–500 characters');
    const field = within(dialog).getByLabelText(/Alasan pembatalan/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby') ?? '').toContain(message.id);
  });

  it('closes the dialog once the cancellation is saved', async () => {
    renderActions('AGENCY_STAFF', 'PLANNED', [
      {
        request: { query: CancelInterventionDocument, variables: { id: 'i1', reason: 'Keluarga pindah' } },
        result: {
          data: {
            cancelIntervention: {
              __typename: 'Intervention', id: 'i1', status: 'CANCELLED', version: 4, cancelledAt: '2026-11-20T02:00:00.000Z',
              cancelReason: 'Keluarga pindah', updatedAt: '2026-11-20T02:00:00.000Z',
            },
          },
        },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Batalkan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Alasan pembatalan/), { target: { value: 'Keluarga pindah' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batalkan intervensi' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('checks the delivery date before marking delivered', async () => {
    renderActions('AGENCY_STAFF', 'IN_PROGRESS');
    fireEvent.click(screen.getByRole('button', { name: 'Tandai tersalurkan' }));
    const dialog = await screen.findByRole('dialog');
    // The calendar offers no day after today (WIB).
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
    await expectDayDisabled(within(dialog).getByLabelText(/^Tanggal penyaluran/), tomorrow);
  });
});
