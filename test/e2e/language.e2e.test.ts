// Server errors on Indonesian screens: a form error the server raises shows the server's catalogued
// message in Indonesian (no English words), and the same form in English shows it in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../product.js';
import { DESKTOP, PHONE, type TestPage, expectIndonesian, loginAs, screenshot, useWalk } from './browser.js';

const walk = useWalk('language');
let adminToken = '';

beforeAll(async () => {
  adminToken = await login(walk.url, 'admin');
});

async function open(viewport = DESKTOP): Promise<TestPage> {
  return walk.open(viewport);
}

async function waitLoggedIn(page: Page): Promise<void> {
  await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

async function mentengHousehold(): Promise<{ id: string; kkNumber: string; head: { name: string } }> {
  const res = await gql(
    walk.url,
    '{ households(first: 1, filter: { areaCode: "62.71.03.1002" }) { edges { node { id kkNumber head { name } } } } }',
    {},
    adminToken,
  );
  return res.data.households.edges[0].node;
}

describe('server errors on Indonesian screens', () => {
  it('a malformed RT on the household form shows the server rule in Indonesian beside the field (phone)', async () => {
    const household = await mentengHousehold();
    const { page } = await open(PHONE);
    await loginAs(page, 'lurah.menteng');
    await waitLoggedIn(page);
    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByRole('button', { name: 'Ubah data rumah tangga' }).click();
    const dialog = page.getByRole('dialog');
    const rt = dialog.getByRole('textbox', { name: /^RT/ });
    await rt.waitFor({ timeout: 10_000 });
    await rt.fill('abc');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    // The server's RT_RW_FORMAT rule, in the catalogue's Indonesian, under the field.
    await dialog.getByText('Harus angka 001 sampai 999').waitFor({ timeout: 15_000 });
    await screenshot(page, 'language-rt-error-phone');
    await expectIndonesian(page, 'household form error');
  });

  it("bappeda's second referral of a household to the same partner is refused in Indonesian", async () => {
    const household = await mentengHousehold();
    const ngo = (await gql(walk.url, '{ me { organization { id name } } }', {}, await login(walk.url, 'ngo'))).data.me.organization;
    const bappedaToken = await login(walk.url, 'bappeda');
    const first = await gql(
      walk.url,
      'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
      { i: { householdIds: [household.id], organizationId: ngo.id, lawfulBasis: 'PUBLIC_TASK' } },
      bappedaToken,
    );
    // The walk may run after another that referred it already: either way one referral is open now.
    expect(first.errors?.[0]?.extensions?.reason ?? 'created').toMatch(/created|REFERRAL_ALREADY_OPEN/);

    const { page } = await open();
    await loginAs(page, 'bappeda');
    await waitLoggedIn(page);
    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByRole('button', { name: 'Tugaskan ke mitra' }).first().click();
    const dialog = page.getByRole('dialog');
    const partner = dialog.getByRole('textbox', { name: /^Organisasi mitra/ }).or(dialog.getByRole('combobox', { name: /^Organisasi mitra/ })).first();
    await partner.waitFor({ timeout: 10_000 });
    await partner.click();
    await page.getByRole('option', { name: new RegExp(`^${ngo.name}`) }).first().click();
    // A referral to an NGO rests on the household's consent (the dialog's default basis for one household).
    await dialog.getByRole('combobox', { name: /^Persetujuan diberikan oleh/ }).or(dialog.getByRole('textbox', { name: /^Persetujuan diberikan oleh/ })).first().click();
    await page.getByRole('option', { name: household.head.name, exact: true }).first().click();
    await dialog.getByRole('radio', { name: 'Tertulis' }).check();
    await dialog.getByRole('button', { name: 'Kirim permintaan' }).click();
    await dialog.getByTestId('referral-conflict').waitFor({ timeout: 15_000 });
    await screenshot(page, 'language-duplicate-referral-desktop');
    await expectIndonesian(page, 'duplicate referral', [ngo.name]);
  });

  it('the same server error reads in English when the portal is in English', async () => {
    const household = await mentengHousehold();
    const { page } = await open();
    await page.addInitScript(() => localStorage.setItem('sinergi.language', 'en'));
    await loginAs(page, 'lurah.menteng');
    await page.getByLabel(/Password|Kata sandi/).waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByRole('button', { name: /Edit household/i }).click();
    const dialog = page.getByRole('dialog');
    const rt = dialog.getByRole('textbox', { name: /^RT/ });
    await rt.waitFor({ timeout: 10_000 });
    await rt.fill('abc');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/must be a number from 001 to 999/).waitFor({ timeout: 15_000 });
  });
});
