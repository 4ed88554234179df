import { fireEvent, screen } from '@testing-library/react';
import { expect } from 'vitest';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const HEADER = new RegExp(`^(${MONTHS.join('|')}) (\\d{4})$`);

/**
 * Opens a DateField's Indonesian calendar and returns the button of an ISO day, stepping the calendar to
 * its month (a disabled day, outside the field's min/max, is returned as it is, for the test to check).
 */
export async function calendarDay(field: HTMLElement, iso: string): Promise<HTMLElement | null> {
  if (!screen.queryByText(HEADER)) fireEvent.click(field);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  await screen.findByText(HEADER);
  for (let step = 0; step < 600; step++) {
    const [, name, shownYear] = HEADER.exec(screen.getByText(HEADER).textContent ?? '')!;
    const diff = (year - Number(shownYear)) * 12 + (month - 1 - MONTHS.indexOf(name!));
    if (diff === 0) return screen.getByLabelText(`${day} ${MONTHS[month - 1]} ${year}`);
    const control = document.querySelector(`[data-direction="${diff < 0 ? 'previous' : 'next'}"]`)!;
    // The calendar does not even go to a month wholly outside the field's min/max.
    if (control.hasAttribute('disabled') || control.hasAttribute('data-disabled')) return null;
    fireEvent.click(control);
  }
  throw new Error(`calendar did not reach ${iso}`);
}

/** Picks an ISO day in a DateField through its calendar, as a user does. */
export async function pickDate(field: HTMLElement, iso: string): Promise<void> {
  const day = await calendarDay(field, iso);
  expect(day && !day.hasAttribute('disabled') && !day.hasAttribute('data-disabled'), `${iso} is pickable`).toBe(true);
  fireEvent.click(day!);
}

/** The day cannot be picked (before the field's min or after its max); the calendar is closed again. */
export async function expectDayDisabled(field: HTMLElement, iso: string): Promise<void> {
  const day = await calendarDay(field, iso);
  expect(!day || day.hasAttribute('disabled') || day.hasAttribute('data-disabled'), `${iso} is disabled`).toBe(true);
  fireEvent.keyDown(field, { key: 'Escape' });
}
