import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CurrentUserFragment } from '../../gql/graphql';
import { optionServer } from '../../test/option-server';
import { renderUi } from '../../test/render';
import { UserProvider } from '../auth/session';
import { IndicatorsPage } from './indicators-page';

const DINKES: CurrentUserFragment = {
  id: 'u-dinkes', username: 'dinkes', displayName: 'Dinkes', role: 'AGENCY_STAFF', organization: { id: 'o-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' }, area: null,
};

/** The page for agency staff whose organisation runs programs on the given aspects only. */
function renderPage(aspects: readonly string[]) {
  const server = optionServer({
    other: (name, v) => {
      switch (name) {
        case 'IndicatorAreas':
          return { areas: [] };
        case 'IndicatorPageSeries':
          return { indicatorSeries: { __typename: 'IndicatorSeries', areaCode: '62.71', areaName: 'Palangka Raya', indicator: v['indicator'], points: [] } };
        case 'IndicatorPageValues':
          return { indicatorValues: [] };
        case 'OwnProgramAspects':
          return Object.fromEntries(
            ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION'].map((a) => [a, { __typename: 'ProgramConnection', totalCount: aspects.includes(a) ? 130 : 0 }]),
          );
        default:
          return undefined;
      }
    },
  });
  renderUi(server.wrap(<UserProvider value={DINKES}><IndicatorsPage /></UserProvider>));
  return server;
}

describe('IndicatorsPage', () => {
  it("offers agency staff the indicators of the aspects their organisation's programs work on, asked per aspect", async () => {
    const server = renderPage(['STUNTING']);
    fireEvent.click(await screen.findByRole('button', { name: 'Catat nilai' }, { timeout: 4000 }));
    expect(server.requests.find((r) => r.name === 'OwnProgramAspects')?.variables).toEqual({ ownerId: 'o-dinkes' });
    const form = await screen.findByRole('dialog');
    const input = within(form).getByLabelText(/Indikator/, { selector: 'input' });
    fireEvent.click(input);
    // The form's own list: the other aspects have no program of the organisation.
    await waitFor(() => {
      const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '')!;
      expect(within(listbox).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Prevalensi stunting']);
    });
  });
});
