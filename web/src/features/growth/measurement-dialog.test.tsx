import { MantineProvider } from '@mantine/core';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { theme } from '../../app/theme';
import { RecordGrowthMeasurementDocument, type CurrentUserFragment } from '../../gql/graphql';
import { UserProvider } from '../auth/session';
import { outbox } from '../offline/offline';
import { MeasurementDialog } from './measurement-dialog';

const DINKES: CurrentUserFragment = {
  id: 'u-dinkes', username: 'dinkes', displayName: 'Dinkes', role: 'AGENCY_STAFF',
  organization: { id: 'org-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' }, area: null,
};
const CHILD = { id: 'p2', name: 'Adik', age: 1, birthDate: '2025-06-10', measuredDates: [] };

/** The dialog with a server that never answers: the request fails as a lost connection does. */
function renderDialog(sent: Array<Record<string, unknown>>) {
  const mocks = [
    {
      request: {
        query: RecordGrowthMeasurementDocument,
        variables: (v: { input: Record<string, unknown> }) => (sent.push(v.input), true),
      },
      error: new TypeError('Failed to fetch'),
    },
  ];
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>
        <UserProvider value={DINKES}>
          <MemoryRouter>
            <MeasurementDialog opened onClose={() => {}} child={CHILD} householdId="h1" onSaved={() => {}} onQueued={() => {}} />
          </MemoryRouter>
        </UserProvider>
      </MockedProvider>
    </MantineProvider>,
  );
}

function record() {
  fireEvent.change(screen.getByLabelText(/Panjang\/tinggi badan/), { target: { value: '72,5' } });
  fireEvent.click(screen.getByRole('button', { name: 'Simpan pengukuran' }));
}

afterEach(() => vi.restoreAllMocks());

describe('MeasurementDialog and the outbox', () => {
  it('offline, queues the measurement under the idempotency key it sends to the server', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const add = vi.spyOn(outbox, 'add').mockImplementation(async (e) => ({ ...e, status: 'pending', attempts: 0 }));
    const sent: Array<Record<string, unknown>> = [];
    renderDialog(sent);
    record();
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1));
    const entry = add.mock.calls[0]![0];
    expect(sent).toEqual([]);
    expect(entry).toMatchObject({ kind: 'measurement', userId: 'u-dinkes', householdId: 'h1' });
    expect(entry.input).toMatchObject({ personId: 'p2', heightCm: 72.5, position: 'LYING' });
    expect(typeof entry.input['idempotencyKey']).toBe('string');
    expect((entry.input['idempotencyKey'] as string).length).toBeGreaterThanOrEqual(8);
    expect(entry.id).toBe(entry.input['idempotencyKey']);
  });

  it('when the connection drops mid-request, the queued entry keeps the key the lost request carried', async () => {
    const add = vi.spyOn(outbox, 'add').mockImplementation(async (e) => ({ ...e, status: 'pending', attempts: 0 }));
    const sent: Array<Record<string, unknown>> = [];
    renderDialog(sent);
    record();
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(1);
    const key = sent[0]!['idempotencyKey'];
    expect(typeof key).toBe('string');
    const entry = add.mock.calls[0]![0];
    // The server may have saved the lost request: the resend under the same key is then "already saved".
    expect(entry.id).toBe(key);
    expect(entry.input).toEqual(sent[0]);
  });
});
