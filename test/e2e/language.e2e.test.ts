// Server errors on Indonesian screens: a form error the server raises shows the server's catalogued
// message in Indonesian (no English words), and the same form in English shows it in English.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeNik } from '../../server/src/households/identity-numbers.js';
import { gql, login } from '../product.js';
import { DESKTOP, PHONE, axeCheck, expectIndonesian, loginAs, pickDate, pickOption, screenshot, type TestPage, useWalk } from './browser.js';

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

/** Submits a form as it stands and waits for its errors: beside a field (aria-invalid) or above the form (an alert). */
async function submitForErrors(scope: Locator, submit: Locator): Promise<void> {
  await submit.click();
  await expect.poll(() => scope.locator('[aria-invalid="true"], [role="alert"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

describe('every main form, submitted empty or invalid, answers in Indonesian', () => {
  it('lurah.menteng: the register form (empty, then a KK already registered) and the add-member form', async () => {
    const household = await mentengHousehold();
    const { page } = await open(PHONE);
    await loginAs(page, 'lurah.menteng');
    await waitLoggedIn(page);
    await page.goto('/rumah-tangga');
    await page.getByTestId('register-open').click();
    const form = page.getByTestId('register-form');
    await form.waitFor();
    await submitForErrors(form, page.getByTestId('register-submit'));
    await expectIndonesian(page, 'register form submitted empty');

    // Valid in the browser, refused by the server: the KK is another household's.
    await form.getByTestId('register-kk').fill(household.kkNumber);
    await form.getByTestId('register-address').fill('Jl. Uji Bahasa 1');
    await form.getByTestId('register-decile').fill('2');
    const head = form.getByTestId('register-member').first();
    await head.getByTestId('members.0.member-name').fill('Kepala Uji Bahasa');
    await pickOption(page, head, /Jenis kelamin/, 'Laki-laki');
    await pickDate(page, head.getByTestId('members.0.member-birthDate'), '1980-05-05');
    await head.getByTestId('members.0.member-nik').fill(makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1980-05-05', serial: 9401 }));
    await page.getByTestId('register-submit').click();
    await form.getByText('Nomor KK ini sudah terdaftar').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'language-register-kk-taken-phone');
    await expectIndonesian(page, 'register form: KK already registered', ['Kepala Uji Bahasa']);

    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByTestId('add-member').click();
    const member = page.getByTestId('member-form');
    await member.waitFor();
    await submitForErrors(member, page.getByTestId('member-form-submit'));
    await expectIndonesian(page, 'add-member form submitted empty', [household.head.name]);
    expect(await axeCheck(page), 'axe in the add-member dialog').toEqual([]);
  });

  it('dinkes: the delivery and measurement forms', async () => {
    const token = await login(walk.url, 'dinkes');
    const queue = await gql(
      walk.url,
      '{ myWorkQueue(first: 30) { edges { node { id head { name } needs { type status person { id name } } } } } }',
      {},
      token,
    );
    const h = queue.data.myWorkQueue.edges
      .map((e: any) => e.node)
      .find((n: any) => n.head && n.needs.some((x: any) => x.type === 'STUNTING' && x.person));
    expect(h, 'a household with a stunted child in dinkes queue').toBeDefined();
    const child = h.needs.find((x: any) => x.type === 'STUNTING' && x.person).person;
    const { page } = await open(PHONE);
    await loginAs(page, 'dinkes');
    await waitLoggedIn(page);
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByRole('button', { name: 'Catat penyaluran' }).first().click();
    const delivery = page.getByRole('dialog', { name: 'Catat penyaluran' });
    await submitForErrors(delivery, delivery.getByRole('button', { name: 'Simpan penyaluran' }));
    await expectIndonesian(page, 'delivery form submitted empty', [h.head.name, child.name]);
    expect(await axeCheck(page), 'axe in the delivery dialog').toEqual([]);
    await delivery.getByRole('button', { name: 'Batal' }).click();
    await delivery.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: `Catat pengukuran untuk ${child.name}` }).click();
    const measurement = page.getByRole('dialog');
    await measurement.getByLabel(/^Panjang\/tinggi badan/).fill('400');
    await submitForErrors(measurement, measurement.getByRole('button', { name: 'Simpan pengukuran' }));
    await expectIndonesian(page, 'measurement form with a height out of range', [h.head.name, child.name]);
    expect(await axeCheck(page), 'axe in the measurement dialog').toEqual([]);
  });

  it('bappeda: the referral form submitted without a partner', async () => {
    const household = await mentengHousehold();
    const { page } = await open();
    await loginAs(page, 'bappeda');
    await waitLoggedIn(page);
    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByRole('button', { name: 'Tugaskan ke mitra' }).first().click();
    const dialog = page.getByRole('dialog');
    await submitForErrors(dialog, dialog.getByRole('button', { name: 'Kirim permintaan' }));
    await expectIndonesian(page, 'referral form submitted empty', [household.head.name]);
    expect(await axeCheck(page), 'axe in the referral dialog').toEqual([]);
  });

  it('admin: the program, user and organisation forms submitted empty', async () => {
    const { page } = await open();
    await loginAs(page, 'admin');
    await waitLoggedIn(page);
    for (const [url, open, submit] of [
      ['/program', 'Program baru', 'Simpan program'],
      ['/admin/pengguna', 'Tambah pengguna', 'Simpan'],
      ['/admin/organisasi', 'Tambah organisasi', 'Simpan'],
    ] as const) {
      await page.goto(url);
      await page.getByRole('button', { name: open }).first().click();
      const dialog = page.getByRole('dialog');
      const name = dialog.getByRole('textbox', { name: /^Nama/ }).first();
      await name.waitFor();
      // A default-filled field emptied too, so that every form has something to refuse.
      await name.fill('');
      await submitForErrors(dialog, dialog.getByRole('button', { name: submit, exact: true }));
      await screenshot(page, `language-empty-form-${url.split('/').pop()}`);
      await expectIndonesian(page, `${url} form submitted empty`);
      expect(await axeCheck(page), `axe in the ${url} form`).toEqual([]);
    }
  });
});
