import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { CorrectKkNumberDocument } from '../../gql/graphql';
import { renderUi } from '../../test/render';
import { CorrectKkDialog } from './register-dialogs';

const HOUSEHOLD = { id: 'h1', version: 3, kkNumber: '6271031405190001' };
const KK = '6271030202210009';

function renderDialog(result: object) {
  const mocks = [{
    request: { query: CorrectKkNumberDocument, variables: { input: { householdId: 'h1', version: 3, kkNumber: KK, reason: 'KK baru' } } },
    result,
  }];
  const onSaved = vi.fn();
  renderUi(<MockedProvider mocks={mocks}><CorrectKkDialog opened onClose={() => undefined} onSaved={onSaved} household={HOUSEHOLD} /></MockedProvider>);
  return onSaved;
}

describe('CorrectKkDialog', () => {
  it('checks the KK number and the reason before sending', async () => {
    const onSaved = renderDialog({ data: null });
    fireEvent.change(screen.getByLabelText(/Nomor KK baru/), { target: { value: '12345' } });
    fireEvent.click(screen.getByTestId('kk-form-submit'));
    expect(await screen.findByText('Nomor KK harus 16 angka')).toBeTruthy();
    expect(screen.getByText('Alasan minimal 3 karakter')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows the server's refusal beside the field it names", async () => {
    const onSaved = renderDialog({
      errors: [new GraphQLError('input.kkNumber: KK issue date is in the future', { extensions: { code: 'BAD_USER_INPUT', field: 'input.kkNumber' } })],
    });
    fireEvent.change(screen.getByLabelText(/Nomor KK baru/), { target: { value: KK } });
    fireEvent.change(screen.getByLabelText(/Alasan koreksi/), { target: { value: 'KK baru' } });
    fireEvent.click(screen.getByTestId('kk-form-submit'));
    expect(await screen.findByText('KK issue date is in the future')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText(/Nomor KK baru/).getAttribute('aria-invalid')).toBe('true'));
    // Beside the field, not above the form.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
