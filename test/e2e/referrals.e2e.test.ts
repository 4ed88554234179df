/// <reference lib="dom" />
// Referral walks of issue 11 (item 5) in a real Chromium against the built product: a partner declines
// with a reason (and cannot without one); a second open referral of the same household to the same
// partner is refused with a link to the first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, ROOT, gql, login, startProduct, tempDataDir } from '../product.js';
import { type LaunchedBrowser, type TestPage, axeCheck, launchBrowser, loginAs, openPage, rawI18nKeys, screenshot } from './browser.js';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const dataDir = tempDataDir();
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-referrals-'));
let product: RunningProduct;
let launched: LaunchedBrowser;
let bappeda = '';
let ngoOrg = { id: '', name: '' };
const pages: TestPage[] = [];

interface Household {
  id: string;
  kkNumber: string;
  head: { id: string; name: string };
}
/** Households nobody has referred yet, handed out one per walk. */
let fresh: Household[] = [];

beforeAll(async () => {
  const source = process.env.SINERGI_WEB_DIST ?? path.join(ROOT, 'web', 'dist');
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error(`the portal is not built: no ${source}/index.html`);
  // A private copy, so that a build running meanwhile cannot pull chunks away mid-run.
  fs.cpSync(source, webDist, { recursive: true });
  [product, launched] = await Promise.all([startProduct({ SINERGI_DATA_DIR: dataDir, SINERGI_WEB_DIST: webDist }), launchBrowser()]);
  bappeda = await login(product.url, 'bappeda');
  const ngo = await gql(product.url, '{ me { organization { id name } } }', {}, await login(product.url, 'ngo'));
  ngoOrg = ngo.data.me.organization;
  const list = await gql(
    product.url,
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

afterAll(async () => {
  await launched?.browser.close();
  await product?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(webDist, { recursive: true, force: true });
});

afterEach(async () => {
  const errors = pages.flatMap((p) => p.errors);
  await Promise.all(pages.splice(0).map((p) => p.close()));
  expect(errors, 'console errors / page errors').toEqual([]);
});

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const tp = await openPage(launched.browser, product.url, viewport);
  pages.push(tp);
  return tp.page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await loginAs(page, username);
  await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

async function pickOption(page: Page, scope: Locator, label: RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).or(scope.getByRole('textbox', { name: label })).first().click();
  const choice = typeof option === 'string' ? page.getByRole('option', { name: option, exact: true }) : page.getByRole('option', { name: option });
  await choice.first().click();
}

/** bappeda refers the household to the NGO with the head's verbal consent (the API's own rules). */
async function referToNgo(h: Household): Promise<string> {
  const made = await gql(
    product.url,
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
    product.url,
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
    expect(await rawI18nKeys(page)).toEqual([]);
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
    expect(await rawI18nKeys(page)).toEqual([]);
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, `referral-conflict-${label}`);
    const rows = await gql(product.url, 'query ($h: ID!) { assignments(first: 20, filter: { householdId: $h }) { totalCount } }', { h: h.id }, bappeda);
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
    expect(await rawI18nKeys(page)).toEqual([]);
    if (label === 'desktop') expect(await axeCheck(page)).toEqual([]);
  });
});
