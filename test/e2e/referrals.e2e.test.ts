/// <reference lib="dom" />
// Referral walks of issue 11 (item 5) in a real Chromium against the built product: a partner declines
// with a reason (and cannot without one); a second open referral of the same household to the same
// partner is refused with a link to the first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../product.js';
import { DESKTOP, PHONE, axeCheck, expectIndonesian, loginAs, pickOption, screenshot, type Viewport, useWalk } from './browser.js';

const walk = useWalk('referrals');
let bappeda = '';
let ngoOrg = { id: '', name: '' };

interface Household {
  id: string;
  kkNumber: string;
  head: { id: string; name: string };
}
/** Households nobody has referred yet, handed out one per walk. */
let fresh: Household[] = [];

beforeAll(async () => {
  bappeda = await login(walk.url, 'bappeda');
  const ngo = await gql(walk.url, '{ me { organization { id name } } }', {}, await login(walk.url, 'ngo'));
  ngoOrg = ngo.data.me.organization;
  const list = await gql(
    walk.url,
    '{ households(first: 100, filter: { areaCode: "62.71.03" }) { edges { node { id kkNumber head { id name } assignments { id } } } } }',
    {},
    bappeda,
  );
  const names = new Set<string>();
  fresh = list.data.households.edges
    .map((e: { node: Household & { assignments: unknown[] } }) => e.node)
    // A unique head name finds the household's card without ambiguity.
    .filter((h: Household & { assignments: unknown[] }) => h.head && h.assignments.length === 0 && !names.has(h.head.name) && names.add(h.head.name));
}, 300_000);

async function open(viewport: Viewport): Promise<Page> {
  return (await walk.open(viewport)).page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await loginAs(page, username);
  await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

/** bappeda refers the household to the NGO with the head's verbal consent (the API's own rules). */
async function referToNgo(h: Household): Promise<string> {
  const made = await gql(
    walk.url,
    'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
    {
      i: {
        householdIds: [h.id],
        organizationId: ngoOrg.id,
        note: 'Mohon pendampingan (e2e rujukan)',
        lawfulBasis: 'CONSENT',
        consents: [{ householdId: h.id, givenById: h.head.id, givenOn: '2026-01-05', method: 'VERBAL' }],
      },
    },
    bappeda,
  );
  expect(made.errors).toBeUndefined();
  return made.data.createAssignments[0].id;
}

async function referral(id: string, householdId: string) {
  const res = await gql(
    walk.url,
    'query ($h: ID!) { assignments(first: 20, filter: { householdId: $h }) { edges { node { id status responseNote } } } }',
    { h: householdId },
    bappeda,
  );
  return res.data.assignments.edges.map((e: { node: { id: string } }) => e.node).find((a: { id: string }) => a.id === id);
}

describe('referrals in the browser', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('ngo declines a referral only with a reason (%s)', async (label, viewport) => {
    const h = fresh.shift()!;
    const id = await referToNgo(h);
    const page = await open(viewport);
    await signIn(page, 'ngo');
    await page.goto('/penugasan');
    const card = page.getByTestId('assignment-card').filter({ hasText: h.head.name }).first();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Tolak' }).click();
    const dialog = page.getByRole('dialog');
    const form = dialog.getByRole('form', { name: 'Tolak' });
    await form.getByRole('button', { name: 'Tolak' }).click();
    await form.getByText('Tuliskan alasan penolakan.').waitFor();
    expect(await form.getByRole('textbox', { name: /Alasan penolakan/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await referral(id, h.id)).toMatchObject({ status: 'REQUESTED', responseNote: null });
    await expectIndonesian(page, 'decline without a reason', [h.head.name, ngoOrg.name]);
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, `referral-decline-blocked-${label}`);

    await form.getByRole('textbox', { name: /Alasan penolakan/ }).fill('Kuota pendampingan tahun ini sudah penuh');
    await form.getByRole('button', { name: 'Tolak' }).click();
    await page.getByText('Permintaan ditolak.').waitFor({ timeout: 15_000 });
    await dialog.waitFor({ state: 'detached' });
    expect(await referral(id, h.id)).toMatchObject({ status: 'DECLINED', responseNote: 'Kuota pendampingan tahun ini sudah penuh' });
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])("bappeda's second referral of a household to the same partner is refused with a link to the first (%s)", async (label, viewport) => {
    const h = fresh.shift()!;
    const first = await referToNgo(h);
    const page = await open(viewport);
    await signIn(page, 'bappeda');
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByRole('button', { name: 'Tugaskan ke mitra' }).first().click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, dialog, /^Organisasi mitra/, new RegExp(`^${ngoOrg.name}`));
    await pickOption(page, dialog, /^Persetujuan diberikan oleh/, h.head.name);
    await dialog.getByRole('radio', { name: 'Tertulis' }).check();
    await dialog.getByRole('button', { name: 'Kirim permintaan' }).click();

    const conflict = dialog.getByTestId('referral-conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toContain(`${h.head.name} sudah dirujuk ke ${ngoOrg.name}`);
    await expectIndonesian(page, 'duplicate referral', [h.head.name, ngoOrg.name]);
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, `referral-conflict-${label}`);
    const rows = await gql(walk.url, 'query ($h: ID!) { assignments(first: 20, filter: { householdId: $h }) { totalCount } }', { h: h.id }, bappeda);
    expect(rows.data.assignments.totalCount).toBe(1);

    await conflict.getByRole('link', { name: 'Buka rujukan yang sudah ada' }).click();
    await page.waitForURL((url) => url.hash === `#rujukan-${first}`);
    // The address names the household and the referral by their ids, never by KK or NIK.
    expect(page.url()).not.toContain(h.kkNumber);
    await dialog.waitFor({ state: 'detached' });
    const target = page.locator(`#rujukan-${first}[data-current="true"]`);
    await target.waitFor();
    expect(await target.textContent()).toContain(ngoOrg.name);
    expect(await target.isVisible()).toBe(true);

    // The referrals page narrows to this partner, status and need on the server, and names the count.
    await page.goto(`/penugasan?mitra=${ngoOrg.id}&status=REQUESTED&kebutuhan=FOOD`);
    await page.getByTestId('assignment-count').waitFor();
    const cards = page.getByTestId('assignment-card');
    expect(await cards.filter({ hasText: h.head.name }).count()).toBe(0);
    await page.goto(`/penugasan?mitra=${ngoOrg.id}&status=REQUESTED`);
    await cards.filter({ hasText: h.head.name }).first().waitFor({ timeout: 20_000 });
    await expectIndonesian(page, 'referrals page', [ngoOrg.name]);
    if (label === 'desktop') expect(await axeCheck(page)).toEqual([]);
  });
});
