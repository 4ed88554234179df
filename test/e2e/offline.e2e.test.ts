/// <reference lib="dom" />
// Offline capture in a real Chromium: dinkes opens a household online, loses the connection, reopens it
// from the service worker and the offline store, records a measurement and a PMT delivery into the
// outbox, and gets both saved exactly once when the connection returns.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, login, today } from '../product.js';
import { PHONE, axeCheck, expectIndonesian, loginAs, pickOption, rawI18nKeys, screenshot, useWalk } from './browser.js';

const PMT = 'Pemberian Makanan Tambahan (PMT) Lokal Balita';
// Chromium reports each request refused while the context is offline; that is the point of this walk.
const walk = useWalk('offline', { consoleNoise: /ERR_INTERNET_DISCONNECTED|Failed to load resource/ });
let adminToken = '';

beforeAll(async () => {
  adminToken = await login(walk.url, 'admin');
});

/** Keys of the portal's offline store (IndexedDB "sinergi-offline"). */
function offlineKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('sinergi-offline');
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const keys = db.transaction('kv').objectStore('kv').getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result.map(String));
            db.close();
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/**
 * Households in dinkes' queue with a stunted child who has no PMT delivery (and, to be measured, a measurement
 * but none today); `stuntedOnly` looks beyond the queue's first page, through its stunting filter.
 */
async function candidates({ toMeasure, stuntedOnly = false }: { toMeasure: boolean; stuntedOnly?: boolean }): Promise<any[]> {
  const token = await login(walk.url, 'dinkes');
  const queue = await gql(
    walk.url,
    `query ($f: WorkQueueFilter) { myWorkQueue(first: 30, filter: $f) { edges { node { id kkNumber head { name }
        needs { type status person { id name ageMonths growthMeasurements { measuredOn heightCm } } }
        interventions { program { name } person { id } } } } } }`,
    { f: stuntedOnly ? { needTypes: ['STUNTING'] } : {} },
    token,
  );
  expect(queue.errors).toBeUndefined();
  const found = queue.data.myWorkQueue.edges
    .map((e: any) => e.node)
    .map((h: any) => ({ h, child: h.needs.find((n: any) => n.status === 'UNMET' && n.type === 'STUNTING' && n.person)?.person }))
    .filter(
      (x: any) =>
        x.child &&
        x.h.head &&
        (!toMeasure || (x.child.growthMeasurements.length > 0 && !x.child.growthMeasurements.some((m: any) => m.measuredOn === today()))) &&
        !x.h.interventions.some((i: any) => i.program.name === PMT && i.person?.id === x.child.id),
    );
  expect(found.length, 'a work-queue household with a stunted child').toBeGreaterThan(0);
  return found;
}

/**
 * A household with a stunted child the PMT program reaches (the delivery form lists only those) and has not reached
 * yet. The child's age is on the tests' clock: which children are of the program's ages moves with it.
 */
async function pmtCandidate({ toMeasure = false } = {}): Promise<{ h: any; child: any; pmt: any; dinkes: string }> {
  const dinkes = await login(walk.url, 'dinkes');
  const programs = await gql(walk.url, '{ programs(first: 100) { edges { node { id name targetMinAgeMonths targetMaxAgeMonths } } } }', {}, dinkes);
  const pmt = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.name === PMT);
  const found = (await candidates({ toMeasure, stuntedOnly: true })).find(
    ({ child }) => (pmt.targetMinAgeMonths ?? 0) <= child.ageMonths && child.ageMonths <= (pmt.targetMaxAgeMonths ?? Infinity),
  );
  expect(found, 'a child of the PMT program’s ages').toBeDefined();
  return { ...found, pmt, dinkes };
}

/** Today's measurements and PMT deliveries of a child, as the admin reads them. */
async function countsOf(householdId: string, childId: string): Promise<{ measurements: number; deliveries: number }> {
  const res = await gql(
    walk.url,
    `query ($id: ID!, $f: InterventionFilter) {
       household(id: $id) { members { id growthMeasurements { measuredOn } } }
       interventions(first: 20, filter: $f) { edges { node { program { name } person { id } } } } }`,
    { id: householdId, f: { householdId } },
    adminToken,
  );
  const member = res.data.household.members.find((m: any) => m.id === childId);
  return {
    measurements: member.growthMeasurements.filter((m: any) => m.measuredOn === today()).length,
    deliveries: res.data.interventions.edges.filter((e: any) => e.node.program.name === PMT && e.node.person?.id === childId).length,
  };
}

async function recordPmtDelivery(page: Page, childName: string): Promise<void> {
  await page.getByRole('button', { name: 'Catat penyaluran' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Simpan penyaluran' }).waitFor({ timeout: 15_000 });
  await pickOption(page, dialog, /^Program/, PMT);
  // Members are listed with their age ("Budi, 7 bln").
  await pickOption(page, dialog, /^Anggota/, new RegExp(`^${childName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`));
  await dialog.getByRole('button', { name: 'Simpan penyaluran' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
}

describe('offline capture', () => {
  it('the service worker, its helpers, the manifest and the page it precaches are served uncached and under the same CSP', async () => {
    const worker = await (await fetch(`${walk.url}/sw.js`)).text();
    // The worker's define() names its runtime without the .js it loads.
    const helper = /workbox-[0-9a-f]+/.exec(worker)?.[0];
    expect(helper, 'the workbox runtime the worker imports').toBeDefined();
    for (const file of ['/sw.js', '/registerSW.js', `/${helper}.js`, '/manifest.webmanifest', '/index.html']) {
      const res = await fetch(`${walk.url}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), file).toContain("worker-src 'self'");
    }
    const manifest = await (await fetch(`${walk.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Sinergi', lang: 'id', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('dinkes records a measurement and a PMT delivery offline; both are saved exactly once when back online; logout clears the copies', async () => {
    const { h, child } = await pmtCandidate({ toMeasure: true });
    const height = Math.round((child.growthMeasurements.at(-1).heightCm + 0.5) * 10) / 10;
    const counts = () => countsOf(h.id, child.id);
    expect(await counts()).toEqual({ measurements: 0, deliveries: 0 });

    const { page, context } = await walk.open(PHONE);
    await loginAs(page, 'dinkes');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    // The service worker has installed and controls the page (the app shell is precached).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    // Online: the work queue, then the household (whose page also loads the delivery form's programs).
    await page.goto('/antrian-kerja');
    // Cards by their link: heads' names repeat in the demo city.
    const card = page.getByTestId('household-card').filter({ has: page.locator(`a[href$="/rumah-tangga/${h.id}"]`) });
    await card.waitFor({ timeout: 20_000 });
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByText(h.kkNumber).first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const keptOperations = async () => [...new Set((await offlineKeys(page)).map((k) => k.split(':')[2]).filter(Boolean))].sort();
    await expect.poll(keptOperations, { timeout: 15_000 }).toEqual(expect.arrayContaining(['DeliveryPrograms', 'HouseholdDetail', 'WorkQueue']));

    // Offline: a reload is answered by the service worker, the household by the offline store.
    await context.setOffline(true);
    await page.reload();
    await page.getByText(h.kkNumber).first().waitFor({ timeout: 20_000 });
    await page.getByTestId('offline-badge').waitFor();
    // The page says it shows the copy kept on the device, and when it was served.
    await page.getByTestId('offline-copy').getByText(/^Luring: menampilkan salinan yang tersimpan di perangkat ini \(\d/).waitFor();
    await page.goto('/antrian-kerja');
    await card.getByRole('link').first().click();
    await page.waitForURL(`**/rumah-tangga/${h.id}`);
    await page.getByRole('heading', { level: 1, name: h.head.name }).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: `Catat pengukuran untuk ${child.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Panjang\/tinggi badan/).fill(String(height).replace('.', ','));
    await dialog.getByRole('button', { name: 'Simpan pengukuran' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.getByText(/catatan disimpan di kotak keluar/).first().waitFor();

    await recordPmtDelivery(page, child.name);

    const badge = page.getByTestId('outbox-badge');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('2 menunggu');
    await page.getByText('2 catatan rumah tangga ini menunggu dikirim.').waitFor();
    await screenshot(page, 'walk-offline-outbox-badge-phone');
    await badge.click();
    await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(2);
    expect(await page.getByTestId('outbox-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['pending', 'pending']);
    expect(await rawI18nKeys(page)).toEqual([]);
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, 'walk-offline-outbox-waiting-phone');
    expect(await counts()).toEqual({ measurements: 0, deliveries: 0 });

    // Back online: the outbox sends both on its own.
    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('outbox-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), { timeout: 30_000 })
      .toEqual(['saved', 'saved']);
    await badge.waitFor({ state: 'detached' });
    await page.getByText('Tersimpan').first().waitFor();
    await screenshot(page, 'walk-offline-outbox-synced-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, 'walk-offline-outbox-synced-desktop');
    expect(await counts()).toEqual({ measurements: 1, deliveries: 1 });
    // Another trigger (a reload syncs at start) sends nothing again.
    await page.reload();
    await page.getByTestId('outbox-entries').waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(await counts()).toEqual({ measurements: 1, deliveries: 1 });

    // Logout leaves nothing the user was served on the device.
    expect((await offlineKeys(page)).filter((k) => k.startsWith('q:')).length).toBeGreaterThan(0);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.getByLabel('Kata sandi').waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await offlineKeys(page)).filter((k) => k.startsWith('q:'))).toEqual([]);
    await context.setOffline(true);
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByText(/Tidak dapat terhubung|koneksi|Coba lagi/i).or(page.getByLabel('Kata sandi')).first().waitFor({ timeout: 20_000 });
    expect(await page.getByText(h.kkNumber).count()).toBe(0);
    await context.setOffline(false);
  });

  it('a delivery whose answer was lost on the way back is sent again with its key and shows as already saved, once in the database', async () => {
    const { h, child } = await pmtCandidate();
    // Without the service worker, so that the test can cut the answer of one request (its routes see no worker traffic).
    const { page, context } = await walk.open(PHONE, { serviceWorkers: 'block' });

    await loginAs(page, 'dinkes');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByText(h.kkNumber).first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await recordPmtDelivery(page, child.name);
    await page.getByTestId('outbox-badge').waitFor();

    // Back online, the outbox sends the entry: the server saves it, but its answer never arrives.
    let cut = 0;
    await page.route('**/graphql', async (route) => {
      if (!/OutboxLogIntervention/.test(route.request().postData() ?? '') || cut > 0) return route.continue();
      cut++;
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await context.setOffline(false);
    await expect.poll(() => countsOf(h.id, child.id), { timeout: 30_000 }).toEqual({ measurements: 0, deliveries: 1 });
    await page.getByTestId('outbox-badge').click();
    const entry = page.getByTestId('outbox-entry');
    await expect.poll(() => entry.getAttribute('data-status'), { timeout: 15_000 }).toBe('sending');
    expect(await entry.getByText('Menunggu (dikirim ulang)').count()).toBe(1);

    // The button sends it again with the same key: the server answers with the saved delivery.
    await page.getByTestId('outbox-sync').click();
    await expect.poll(() => entry.getAttribute('data-status'), { timeout: 15_000 }).toBe('alreadySaved');
    await entry.getByText('Sudah tersimpan sebelumnya').waitFor();
    await screenshot(page, 'walk-offline-already-saved-phone');
    expect(cut).toBe(1);
    expect(await countsOf(h.id, child.id)).toEqual({ measurements: 0, deliveries: 1 });
  });

  it('a delivery answered 502 by a proxy whose server is down goes to the outbox and is saved once when sent again', async () => {
    const { h, child } = await pmtCandidate();
    const { page } = await walk.open(PHONE, { serviceWorkers: 'block' });
    await loginAs(page, 'dinkes');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByText(h.kkNumber).first().waitFor({ timeout: 20_000 });

    // Online, but the reverse proxy in front of Sinergi answers its own 502 page: the server never sees the delivery.
    const gateway = async (route: import('playwright-core').Route) => {
      if (!/LogIntervention/.test(route.request().postData() ?? '')) return route.continue();
      await route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' });
    };
    await page.route('**/graphql', gateway);
    await recordPmtDelivery(page, child.name);
    await page.getByTestId('outbox-badge').waitFor();
    expect(await countsOf(h.id, child.id)).toEqual({ measurements: 0, deliveries: 0 });

    await page.unroute('**/graphql', gateway);
    await page.getByTestId('outbox-badge').click();
    await page.getByTestId('outbox-sync').click();
    const entry = page.getByTestId('outbox-entry');
    await expect.poll(() => entry.getAttribute('data-status'), { timeout: 15_000 }).toBe('saved');
    expect(await countsOf(h.id, child.id)).toEqual({ measurements: 0, deliveries: 1 });
  });

  it('an entry the server answers with a conflict (recorded meanwhile by someone else) shows the reason in Indonesian', async () => {
    const { h, child, pmt, dinkes } = await pmtCandidate();
    const { page, context } = await walk.open(PHONE);
    await loginAs(page, 'dinkes');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    // The service worker has the app shell (the outbox page's chunk included) before the connection goes.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.goto(`/rumah-tangga/${h.id}`);
    await page.getByText(h.kkNumber).first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await recordPmtDelivery(page, child.name);
    await page.getByTestId('outbox-badge').waitFor();

    // While the phone is offline, a colleague records the same delivery from the office.
    const made = await gql(
      walk.url,
      'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
      { i: { programId: pmt.id, householdId: h.id, personId: child.id, deliveredAt: today(), idempotencyKey: `e2e-office-${child.id}` } },
      dinkes,
    );
    expect(made.errors).toBeUndefined();

    // The outbox page is open when the connection returns (the badge goes once nothing waits).
    await page.getByTestId('outbox-badge').click();
    const entry = page.getByTestId('outbox-entry');
    await entry.waitFor();
    await context.setOffline(false);
    await expect.poll(() => entry.getAttribute('data-status'), { timeout: 30_000 }).toBe('conflict');
    // The server's catalogued reason, in the portal's language.
    await entry.getByText(/^Alasan: Program ini sudah dicatat untuk sasaran ini pada periode/).waitFor();
    await screenshot(page, 'walk-offline-conflict-phone');
    await expectIndonesian(page, 'outbox entry answered with a conflict', [child.name, h.head.name, PMT]);
    expect(await countsOf(h.id, child.id)).toEqual({ measurements: 0, deliveries: 1 });
  });
});
