import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { IndicatorFormView, quarterOf, type IndicatorValueInput } from './indicator-form';

const AREAS = [
  { id: 'a-city', code: '62.71', name: 'Palangka Raya', level: 'CITY' as const },
  { id: 'a-jr', code: '62.71.03', name: 'Jekan Raya', level: 'KECAMATAN' as const, parentCode: '62.71' },
  { id: 'a-menteng', code: '62.71.03.1002', name: 'Menteng', level: 'KELURAHAN' as const, parentCode: '62.71.03' },
];
const save = () => screen.getByRole('button', { name: 'Simpan' });

describe('IndicatorFormView', () => {
  it('validates before sending: area, a quarter not yet started, the value range and the source', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderUi(
      <IndicatorFormView
        indicators={['STUNTING_PREVALENCE_PCT']}
        areas={AREAS}
        initial={{ year: 2026, quarter: 4, value: 120 }}
        submit={submit}
        today="2026-08-15"
      />,
    );
    fireEvent.click(save());
    expect(await screen.findByText('Pilih wilayah')).toBeTruthy();
    expect(screen.getByText('Triwulan ini belum dimulai')).toBeTruthy();
    expect(screen.getByText('Nilai harus antara 0 dan 100')).toBeTruthy();
    expect(screen.getByText('Sumber 2–300 karakter')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('replaces a figure, and shows a server error next to its field', async () => {
    const submit = vi
      .fn<(input: IndicatorValueInput) => Promise<unknown>>()
      .mockRejectedValueOnce(new CombinedGraphQLErrors({ errors: [{ message: 'quarter 3 of 2026 has not started yet', extensions: { code: 'BAD_USER_INPUT', field: 'input.quarter' } }] }))
      .mockResolvedValueOnce(undefined);
    const initial = { areaId: 'a-menteng', indicator: 'STUNTING_PREVALENCE_PCT' as const, year: 2026, quarter: 2, value: 21.4, source: 'Dinkes, e-PPGBM' };
    renderUi(<IndicatorFormView indicators={['STUNTING_PREVALENCE_PCT', 'INFLATION_YOY_PCT']} areas={AREAS} initial={initial} submit={submit} today="2026-08-15" />);
    fireEvent.click(save());
    const message = await screen.findByText('quarter 3 of 2026 has not started yet');
    expect(submit.mock.calls[0]![0]).toEqual(initial);
    const quarter = screen.getAllByLabelText(/^Triwulan/).find((e) => e.tagName === 'INPUT')!;
    expect(quarter.getAttribute('aria-invalid')).toBe('true');
    expect(quarter.getAttribute('aria-describedby') ?? '').toContain(message.id);
    fireEvent.click(save());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
  });
});

describe('quarterOf', () => {
  it('gives the year and quarter of a day', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-06-30')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });
});
