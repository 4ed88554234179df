import { MantineProvider } from '@mantine/core';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { theme } from '../../app/theme';
import {
  ImportJobDocument, ImportReviewsDocument, ImportSourcesDocument, ResolveImportReviewDocument, SetImportMappingDocument, ValidateImportDocument,
  type CurrentUserFragment, type ImportJobDetailFragment, type ImportReviewItemFragment, type Role,
} from '../../gql/graphql';
import { UserProvider } from '../auth/session';
import { ImportsPage } from './imports-page';

const SOURCES = {
  importSources: [
    {
      __typename: 'ImportSourceInfo', source: 'DTSEN', key: 'dtsen', label: 'DTSEN (BPS)', description: 'Rumah tangga dan anggota', mayImport: true,
      columns: [
        { __typename: 'ImportTemplateColumn', key: 'kk', header: 'No KK', required: true, description: 'Nomor KK 16 digit', example: '6271031405190001' },
        { __typename: 'ImportTemplateColumn', key: 'nik', header: 'NIK', required: true, description: 'NIK 16 digit', example: '6271031405800001' },
        { __typename: 'ImportTemplateColumn', key: 'rt', header: 'RT', required: false, description: 'Nomor RT', example: '003' },
      ],
    },
  ],
};

function job(over: Partial<ImportJobDetailFragment>): ImportJobDetailFragment & { __typename: string } {
  return {
    __typename: 'ImportJob',
    id: 'j1', source: 'DTSEN', fileName: 'dtsen-2025.xlsx', format: 'xlsx', sheet: null, status: 'UPLOADED', sourceDate: '2025-03-31',
    headers: ['NOMOR KK', 'NIK', 'RT'],
    mapping: [
      { key: 'kk', header: 'No KK', required: true, column: 0, fileHeader: 'NOMOR KK' },
      { key: 'nik', header: 'NIK', required: true, column: null, fileHeader: null },
      { key: 'rt', header: 'RT', required: false, column: 2, fileHeader: 'RT' },
    ].map((m) => ({ __typename: 'ImportColumnMapping', ...m })),
    rowsTotal: 0, rowsDone: 0, validRows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, inReview: 0,
    message: null, duplicateOf: null, createdByName: 'Bappeda', createdAt: '2025-04-02T03:00:00.000Z', validatedAt: null, committedAt: null,
    firstErrors: [], errorReportUrl: '/import/jobs/j1/errors.csv',
    ...over,
  };
}

function user(role: Role): CurrentUserFragment {
  return { id: 'u1', username: 'bappeda', displayName: 'Bappeda', role, organization: { id: 'o1', name: 'Bappeda', shortName: null }, area: null };
}

function renderPage(url: string, mocks: MockLink.MockedResponse[], role: Role = 'COORDINATOR') {
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={[{ request: { query: ImportSourcesDocument }, result: { data: SOURCES } }, ...mocks]}>
        <UserProvider value={user(role)}>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path="/impor" element={<ImportsPage />} />
            </Routes>
          </MemoryRouter>
        </UserProvider>
      </MockedProvider>
    </MantineProvider>,
  );
}

const jobMock = (j: ImportJobDetailFragment) => ({ request: { query: ImportJobDocument, variables: { id: j.id } }, result: { data: { importJob: j } }, maxUsageCount: 10 });

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

function expectNoRawKeys() {
  expect(document.body.textContent).not.toMatch(/imports\.[a-zA-Z]/);
}

describe('ImportsPage', () => {
  it('keeps the dry run disabled until every required column is mapped', async () => {
    const uploaded = job({});
    const mapped = job({ mapping: uploaded.mapping.map((m) => (m.key === 'nik' ? { ...m, column: 1, fileHeader: 'NIK' } : m)) });
    const validating = job({ ...mapped, status: 'VALIDATING', rowsTotal: 10, rowsDone: 4 });
    renderPage('/impor?job=j1', [
      jobMock(uploaded),
      {
        request: {
          query: SetImportMappingDocument,
          variables: { jobId: 'j1', columns: [{ key: 'kk', column: 0 }, { key: 'nik', column: 1 }, { key: 'rt', column: 2 }] },
        },
        result: { data: { setImportMapping: mapped } },
      },
      {
        request: { query: ValidateImportDocument, variables: { jobId: 'j1' } },
        result: { data: { validateImport: validating } },
      },
    ]);
    const nik = await screen.findByTestId('mapping-nik');
    expect(screen.getByTestId('mapping-missing').textContent).toContain('NIK');
    expect(button('dry-run').disabled).toBe(true);
    expect(button('save-mapping').disabled).toBe(true);
    expect((screen.getByTestId('mapping-kk') as HTMLSelectElement).value).toBe('0');
    expect([...(nik as HTMLSelectElement).options].map((o) => o.text)).toEqual(['— tidak dipakai —', 'NOMOR KK', 'NIK', 'RT']);

    fireEvent.change(nik, { target: { value: '1' } });
    expect(screen.queryByTestId('mapping-missing')).toBeNull();
    expect(button('save-mapping').disabled).toBe(false);
    expectNoRawKeys();

    // The dry run saves the changed mapping first, then starts; the page follows the job to the dry-run step.
    fireEvent.click(button('dry-run'));
    const bar = await screen.findByTestId('validate-progress');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
  });

  it('shows the dry run counts, first errors and error report, and offers the commit', async () => {
    renderPage('/impor?job=j1', [
      jobMock(job({
        status: 'VALIDATED', validatedAt: '2025-04-02T03:01:00.000Z', rowsTotal: 12, validRows: 9, rejected: 2, inReview: 1,
        firstErrors: [
          { line: 4, reason: 'Kolom "NIK" harus 16 digit' },
          { line: 9, reason: 'Kolom "Tanggal lahir" tidak valid' },
        ].map((e) => ({ __typename: 'ImportRowError', ...e })),
      })),
    ]);
    const summary = await screen.findByTestId('dry-run-summary');
    expect(within(summary).getByText('Baris sah').nextSibling?.textContent).toBe('9');
    expect(screen.getByTestId('import-row-errors').textContent).toContain('Kolom "NIK" harus 16 digit');
    expect(screen.getByTestId('import-error-report').getAttribute('href')).toBe('/import/jobs/j1/errors.csv');
    expect(button('commit').disabled).toBe(false);
    expect(screen.getByTestId('commit').textContent).toBe('Simpan 9 baris ke Sinergi');
    expectNoRawKeys();
  });

  it('reports commit progress in real row numbers', async () => {
    renderPage('/impor?job=j1', [jobMock(job({ status: 'COMMITTING', validatedAt: '2025-04-02T03:01:00.000Z', rowsTotal: 2000, rowsDone: 500 }))]);
    const bar = await screen.findByTestId('import-progress');
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('500');
    expect(bar.getAttribute('aria-valuemax')).toBe('2000');
    expect(bar.getAttribute('aria-valuetext')).toBe('500 dari 2.000 baris');
  });

  it('sums up a committed job with its message', async () => {
    renderPage('/impor?job=j1', [
      jobMock(job({
        status: 'COMMITTED', validatedAt: '2025-04-02T03:01:00.000Z', committedAt: '2025-04-02T03:05:00.000Z', rowsTotal: 12, rowsDone: 12,
        validRows: 12, unchanged: 12, message: 'Berkas yang sama sudah pernah diimpor; tidak ada perubahan.',
      })),
    ]);
    const result = await screen.findByTestId('import-result');
    expect(within(result).getByTestId('import-message').textContent).toContain('sudah pernah diimpor');
    expect(within(result).getByText('Tidak berubah').nextSibling?.textContent).toBe('12');
    expect(within(result).getByTestId('import-error-report')).toBeTruthy();
    expectNoRawKeys();
  });

  it('compares a review item side by side and resolves it', async () => {
    const review: ImportReviewItemFragment & { __typename: string } = {
      __typename: 'ImportReview',
      id: 'r1', jobId: 'j1', fileName: 'dtsen-2025.xlsx', line: 7, kind: 'NIK_NAME_MISMATCH', kindLabel: 'NIK sama, nama berbeda',
      detail: 'NIK 6271031405800001 sudah tercatat atas nama Budi Santoso', status: 'OPEN',
      values: [
        { label: 'Nama', incoming: 'Budi Santosa', existing: 'Budi Santoso' },
        { label: 'Tanggal lahir', incoming: '14/05/1980', existing: '14/05/1980' },
      ].map((v) => ({ __typename: 'ImportReviewValue', ...v })),
      householdId: 'h1', createdAt: '2025-04-02T03:05:00.000Z', resolvedAt: null,
    };
    const list = (items: ImportReviewItemFragment[]) => ({ request: { query: ImportReviewsDocument, variables: { status: 'OPEN', first: 50 } }, result: { data: { importReviews: items } } });
    renderPage('/impor?tab=peninjauan', [
      list([review]),
      {
        request: { query: ResolveImportReviewDocument, variables: { id: 'r1', decision: 'MERGE' } },
        result: { data: { resolveImportReview: { ...review, status: 'MERGED', resolvedAt: '2025-04-02T04:00:00.000Z' } } },
      },
      list([]),
    ]);
    fireEvent.click(await screen.findByTestId('review-item'));
    const compare = screen.getByTestId('review-compare');
    const rows = within(compare).getAllByRole('row');
    expect(rows.filter((r) => r.hasAttribute('data-differs')).map((r) => r.firstElementChild?.textContent)).toEqual(['Namaberbeda']);

    fireEvent.click(within(compare).getByTestId('review-merge'));
    await waitFor(() => expect(screen.getByTestId('review-done').textContent).toContain('Gabungkan ke data yang ada'));
    expect(screen.queryByTestId('review-item')).toBeNull();
    expectNoRawKeys();
  });

  it('hides the review queue from agency staff', async () => {
    renderPage('/impor?tab=peninjauan', [], 'AGENCY_STAFF');
    await screen.findByTestId('import-source');
    expect(screen.queryByTestId('import-tab-reviews')).toBeNull();
    expect(screen.getByTestId('template-xlsx').getAttribute('href')).toBe('/import/templates/dtsen.xlsx');
    expect(screen.getByLabelText(/^Berkas/)).toBe(screen.getByTestId('import-file'));
    expect(button('import-upload').disabled).toBe(true);
  });
});
