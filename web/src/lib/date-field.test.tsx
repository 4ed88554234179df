import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import i18next from '../i18n/i18n';
import { renderUi } from '../test/render';
import { DateField } from './date-field';
import { PortalDatesProvider } from './dates-provider';

function Harness({ initial, onValue }: { initial: string; onValue: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <PortalDatesProvider>
      <DateField
        label="Tanggal"
        data-testid="date"
        value={value}
        onChange={(v) => {
          setValue(v);
          onValue(v);
        }}
        clearable
      />
    </PortalDatesProvider>
  );
}

describe('DateField', () => {
  it('shows an ISO day as dd/mm/yyyy and picks a day from an Indonesian calendar as an ISO day', async () => {
    await i18next.changeLanguage('id');
    const seen: string[] = [];
    renderUi(<Harness initial="2026-03-07" onValue={(v) => seen.push(v)} />);
    const button = screen.getByTestId('date');
    expect(button.textContent).toBe('07/03/2026');
    fireEvent.click(button);
    // Indonesian month name in the calendar header.
    expect(await screen.findByText('Maret 2026')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('19 Maret 2026'));
    expect(seen).toEqual(['2026-03-19']);
    expect(screen.getByTestId('date').textContent).toBe('19/03/2026');
  });

  it('uses English month names when the portal is in English, keeping dd/mm/yyyy', async () => {
    await i18next.changeLanguage('en');
    renderUi(<Harness initial="2026-12-31" onValue={() => {}} />);
    expect(screen.getByTestId('date').textContent).toBe('31/12/2026');
    fireEvent.click(screen.getByTestId('date'));
    expect(await screen.findByText('December 2026')).toBeTruthy();
    await i18next.changeLanguage('id');
  });

  it('treats an empty or malformed value as no date', async () => {
    renderUi(<Harness initial="31/12/2026" onValue={() => {}} />);
    expect(screen.getByTestId('date').textContent).toBe('');
  });
});
