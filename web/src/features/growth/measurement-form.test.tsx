import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { ageInDays, MeasurementFormView, type MeasurementInput } from './measurement-form';
import { expectDayDisabled, pickDate } from '../../test/date';

const TODAY = '2026-11-20';
const CHILD = { name: 'Ani', age: 1, birthDate: '2025-06-10', measuredDates: ['2026-08-01'] };

function serverError(code: string, field: string, message: string) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, field } }] });
}

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const submitButton = () => screen.getByRole('button', { name: 'Simpan pengukuran' });

describe('MeasurementFormView', () => {
  it('sends a valid measurement, lying down by default under two', async () => {
    const submit = vi.fn<(input: MeasurementInput) => Promise<unknown>>(() => Promise.resolve(null));
    renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    expect((screen.getByLabelText(/Berbaring/) as HTMLInputElement).checked).toBe(true);
    fill(/Panjang\/tinggi badan/, '72,5');
    fill(/Berat badan/, '8,4');
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({ measuredOn: TODAY, position: 'LYING', heightCm: 72.5, weightKg: 8.4, idempotencyKey: expect.any(String) });
  });

  it('sends the same idempotency key again after a failed attempt, and a new form its own key', async () => {
    const submit = vi
      .fn<(input: MeasurementInput) => Promise<unknown>>()
      .mockResolvedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(null);
    const a = renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    fill(/Panjang\/tinggi badan/, '72,5');
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const key = submit.mock.calls[0]![0].idempotencyKey;
    expect(key.length).toBeGreaterThanOrEqual(8);
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit.mock.calls[1]![0].idempotencyKey).toBe(key);

    a.unmount();
    renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    fill(/Panjang\/tinggi badan/, '72,5');
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(3));
    expect(submit.mock.calls[2]![0].idempotencyKey).not.toBe(key);
  });

  it('validates before sending: height required and in range, date not future, not a day already measured', async () => {
    const submit = vi.fn(() => Promise.resolve(null));
    renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    // The calendar offers no day after today.
    await expectDayDisabled(screen.getByLabelText(/^Tanggal pengukuran/), '2026-11-21');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Panjang/tinggi badan wajib diisi')).toBeTruthy();

    await pickDate(screen.getByLabelText(/^Tanggal pengukuran/), '2026-08-01');
    fill(/Panjang\/tinggi badan/, '200');
    fill(/Berat badan/, '70');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Anak ini sudah diukur pada tanggal tersebut')).toBeTruthy();
    expect(screen.getByText('Panjang/tinggi badan harus 35–135 cm')).toBeTruthy();
    expect(screen.getByText('Berat badan harus 0,5–59 kg')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses a standing measurement under nine months and a date before birth', async () => {
    const submit = vi.fn(() => Promise.resolve(null));
    renderUi(<MeasurementFormView child={{ ...CHILD, birthDate: '2026-06-01' }} submit={submit} today={TODAY} />);
    fireEvent.click(screen.getByLabelText(/Berdiri/));
    fill(/Panjang\/tinggi badan/, '65');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Anak di bawah 9 bulan diukur berbaring')).toBeTruthy();
    // Nor any day before the birth.
    await expectDayDisabled(screen.getByLabelText(/^Tanggal pengukuran/), '2026-05-31');
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows a server field error next to its field and a same-day conflict as a date error', async () => {
    const submit = vi
      .fn<(input: MeasurementInput) => Promise<unknown>>()
      .mockResolvedValueOnce(serverError('BAD_USER_INPUT', 'input.heightCm', 'input.heightCm: is implausible for this age (z = -7.2); check the measurement'))
      .mockResolvedValueOnce(serverError('CONFLICT', 'input.measuredOn', 'Another record already has this measuredOn'));
    renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    fill(/Panjang\/tinggi badan/, '40');
    fireEvent.click(submitButton());
    const message = await screen.findByText('is implausible for this age (z = -7.2); check the measurement');
    const input = screen.getByLabelText(/Panjang\/tinggi badan/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby') ?? '').toContain(message.id);

    fill(/Panjang\/tinggi badan/, '74');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Anak ini sudah diukur pada tanggal tersebut')).toBeTruthy();
    expect(screen.getByLabelText(/^Tanggal pengukuran/).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows errors without a field of the form as a message', async () => {
    const submit = vi.fn(() => Promise.resolve(serverError('BAD_USER_INPUT', 'input.personId', 'input.personId: growth is measured for children under five')));
    renderUi(<MeasurementFormView child={CHILD} submit={submit} today={TODAY} />);
    fill(/Panjang\/tinggi badan/, '74');
    fireEvent.click(submitButton());
    expect((await screen.findByRole('alert')).textContent).toContain('growth is measured for children under five');
  });
});

describe('ageInDays', () => {
  it('counts calendar days', () => {
    expect(ageInDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageInDays('2025-01-01', '2026-01-01')).toBe(365);
  });
});
