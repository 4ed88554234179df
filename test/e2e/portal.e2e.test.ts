/// <reference lib="dom" />
// The portal in a real Chromium against the built product on a throwaway embedded database.
// Screenshots land in test-results/screenshots/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { ROOT, gql, login, today } from '../product.js';
import { DTSEN_HEADER, newFamily } from '../../server/test/imports/fixtures.js';
import {
  type AxeViolation,
  DESKTOP,
  PHONE,
  type TestPage,
  axeCheck,
  expectIndonesian,
  launchBrowser,
  loginAs,
  openPage,
  pickOption,
  rawI18nKeys,
  screenshot,
  useWalk,
} from './browser.js';

const ROLES = ['admin', 'bappeda', 'dinsos', 'dinkes', 'lurah.menteng', 'ngo', 'csr', 'inspektorat'] as const;
const LOGIN_HEADING = { name: /^Masuk$/ } as const;

const walk = useWalk('portal');
let adminToken = '';
/** axe's serious/critical findings on the login page and each role's desktop home. */
const axeFindings: (AxeViolation & { role: string })[] = [];
let axePages = 0;

beforeAll(async () => {
  adminToken = await login(walk.url, 'admin');
  console.log(`e2e: ${walk.launched.kind} Chromium ${walk.browser.version()} (${walk.launched.executablePath})`);
});

async function open(viewport = DESKTOP): Promise<TestPage> {
  return walk.open(viewport);
}

/** The login form is gone and the app shows something that is not the login form. */
async function waitLoggedIn(page: Page): Promise<void> {
  await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

async function me(token: string): Promise<{ displayName: string; username: string; organization: { id: string } }> {
  const res = await gql(walk.url, '{ me { username displayName organization { id } } }', {}, token);
  return res.data.me;
}

/** The household page of the new portal (react-router route `rumah-tangga/:id`). */
const householdPath = (id: string) => `/rumah-tangga/${id}`;
const ROUTE_MISSING = /Halaman tidak ditemukan/i;
const HOUSEHOLD_MISSING = /Rumah tangga tidak ditemukan|Data tidak ditemukan/i;

/**
 * Opens a household page as the page's user: 'shown' when `text` (e.g. the KK number) appears, 'not-found'
 * when the household-level "not found" does, 'no-route' when the portal has no such page at all.
 */
async function householdPageShows(page: Page, id: string, text: string | RegExp): Promise<'shown' | 'not-found' | 'no-route'> {
  await page.goto(householdPath(id));
  const shown = page.getByText(text).first();
  const notFound = page.getByText(HOUSEHOLD_MISSING).first();
  const noRoute = page.getByText(ROUTE_MISSING).first();
  try {
    await shown.or(notFound).or(noRoute).waitFor({ timeout: 20_000 });
  } catch {
    return 'no-route';
  }
  if (await shown.isVisible()) return 'shown';
  return (await noRoute.isVisible()) ? 'no-route' : 'not-found';
}

/**
 * A DTSEN roster workbook as an agency sends it: a title row, one header no alias knows (mapped by
 * hand), a new family of three, a row with a 15-digit NIK, and a registered person under another name.
 */
async function importWorkbook() {
  const ExcelJS = createRequire(path.join(ROOT, 'server/package.json'))('exceljs');
  const list = await gql(
    walk.url,
    '{ households(first: 1, filter: { areaCode: "62.71.03.1002" }) { edges { node { id kkNumber members { nik name sex birthDate relation } } } } }',
    {},
    adminToken,
  );
  const registered = list.data.households.edges[0].node;
  const person = registered.members.find((m: { relation: string }) => m.relation !== 'HEAD') ?? registered.members[0];
  const nameHeader = 'Nama Kepala/Anggota';
  const family = newFamily(41);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['DATA DTSEN KELURAHAN MENTENG']);
  sheet.addRow(DTSEN_HEADER.map((h) => (h === 'Nama' ? nameHeader : h)));
  for (const row of family.rows) sheet.addRow(row.map(String));
  sheet.addRow([family.kk, '627103110285700', 'NIK Terpotong', 'L', '01/02/1990', 'Anak', '62.71.03.1002', 'Jl. Rajawali 41', '3', '12', '1', '', '']);
  const newName = `${person.name} Binti Salah`;
  const [y, m, d] = (person.birthDate as string).split('-');
  sheet.addRow([registered.kkNumber, person.nik, newName, person.sex === 'MALE' ? 'L' : 'P', `${d}/${m}/${y}`, 'Anak', '62.71.03.1002', '', '', '', '', '', '']);
  // Inside the product's data directory, which the suite removes.
  const file = path.join(walk.dataDir, 'dtsen-import.xlsx');
  await workbook.xlsx.writeFile(file);
  return { path: file, nameHeader, conflict: { householdId: registered.id as string, nik: person.nik as string, newName } };
}

/** One line per rule: the pages that break it and a few offending nodes. */
function summarizeAxe(findings: (AxeViolation & { role: string })[]): string[] {
  const byRule = new Map<string, { help: string; roles: string[]; nodes: Set<string> }>();
  for (const f of findings) {
    const rule = byRule.get(f.id) ?? { help: f.help, roles: [], nodes: new Set<string>() };
    rule.roles.push(f.role);
    for (const n of f.nodes) if (rule.nodes.size < 4) rule.nodes.add(n);
    byRule.set(f.id, rule);
  }
  return [...byRule].map(([id, r]) => `${id} (${r.help}) on ${r.roles.join(', ')}: ${[...r.nodes].join(' | ')}`);
}

describe('the portal in a real browser', () => {
  it('login page: Bahasa Indonesia, passes axe, a wrong password shows an error', async () => {
    const { page } = await open();
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', LOGIN_HEADING).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(page.getByLabel('Nama pengguna').count()).resolves.toBe(1);
    await expect(page.getByLabel('Kata sandi').count()).resolves.toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^id/);
    expect(await rawI18nKeys(page)).toEqual([]);
    const axe = await axeCheck(page);
    axePages++;
    axeFindings.push(...axe.map((v) => ({ role: 'login page', ...v })));
    expect(axe).toEqual([]);
    await screenshot(page, 'login-desktop');

    await loginAs(page, 'admin', 'bukan-kata-sandi');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor({ timeout: 15_000 });
    // It says what happened: a wrong password, not an ended session.
    expect((await alert.innerText()).trim()).toBe('Nama pengguna atau kata sandi salah.');
    await expectIndonesian(page, 'wrong password');
    // Still on the login form, nobody logged in.
    expect(await page.getByLabel('Kata sandi').count()).toBe(1);
  });

  it('admin logs in, sees who is logged in, and logs out back to the login page', async () => {
    const { page } = await open();
    const admin = await me(adminToken);
    await loginAs(page, 'admin');
    await waitLoggedIn(page);
    // Who is logged in: the display name, possibly behind a user menu.
    const who = page.getByText(admin.displayName).first();
    if (!(await who.isVisible())) {
      const menu = page.getByRole('button', { name: /Menu pengguna|admin|Administrator/i }).first();
      if (await menu.count()) await menu.click();
    }
    await who.waitFor({ state: 'visible', timeout: 10_000 });

    const logout = page.getByRole('button', { name: /^Keluar$/ }).or(page.getByRole('menuitem', { name: /^Keluar$/ })).first();
    if (!(await logout.isVisible())) await page.getByRole('button', { name: /Menu pengguna/i }).first().click();
    await logout.click();
    await page.getByRole('heading', LOGIN_HEADING).waitFor({ timeout: 15_000 });
    await page.getByLabel('Kata sandi').waitFor();
    // The session cookie is gone: a reload stays on the login page.
    await page.reload();
    await page.getByLabel('Kata sandi').waitFor({ timeout: 15_000 });
  });

  /** Introspection answers seen by the GraphiQL test: the schema docs depend on them. */
  const introspection: { status: number; error?: string }[] = [];

  it('/graphiql loads the bundled GraphiQL with no request to any other host', async () => {
    const tp = await open();
    const { page, requests } = tp;
    page.on('response', async (res) => {
      const body = res.request().postData() ?? '';
      if (!res.url().endsWith('/graphql') || !/__schema/.test(body)) return;
      const json = await res.json().catch(() => ({}));
      introspection.push({ status: res.status(), error: json.errors?.[0]?.message });
    });
    await loginAs(page, 'admin');
    await waitLoggedIn(page);
    await page.goto('/graphiql');
    // An editor: GraphiQL 5 uses Monaco (a textbox inside .graphiql-container), older ones CodeMirror.
    const editor = page.locator('.graphiql-container').getByRole('textbox').first();
    await editor.waitFor({ timeout: 45_000 });
    await page.waitForLoadState('networkidle');
    const foreign = requests.filter((u) => {
      const { protocol, hostname } = new URL(u);
      return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1');
    });
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    await screenshot(page, 'graphiql-desktop');
  });

  it('the server answers GraphiQL\'s introspection, so the IDE has schema docs', () => {
    expect(introspection.length).toBeGreaterThan(0);
    expect(introspection.filter((r) => r.status !== 200)).toEqual([]);
  });

  // One test per role: log in once, then the phone and the desktop picture of the same home.
  it.each(ROLES)('home of %s: phone and desktop screenshots, no console errors, no raw i18n keys or English', async (role) => {
    const { page } = await open(PHONE);
    await loginAs(page, role);
    await waitLoggedIn(page);
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      // Let lazy parts (map, charts) and the layout settle before the picture.
      await page.waitForTimeout(300);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `home-${role}-${label}`);
      // Usernames (e.g. `lurah.menteng` in the audit log) are data, not message keys.
      await expectIndonesian(page, `home of ${role} (${label})`);
      if (label === 'phone') {
        // No horizontal scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'horizontal overflow in px at 360 px').toBeLessThanOrEqual(1);
      } else {
        axeFindings.push(...(await axeCheck(page)).map((v) => ({ role, ...v })));
        axePages++;
      }
    }
  });

  it('every role\'s home passes axe (no serious or critical violation)', (ctx) => {
    if (axePages === 0) ctx.skip('no home was axe-checked in this run (filtered)');
    expect(summarizeAxe(axeFindings)).toEqual([]);
  });

  it('the other pages pass axe and show no raw keys (admin, desktop and phone)', async () => {
    const household = (await gql(walk.url, '{ households(first: 1) { edges { node { id } } } }', {}, adminToken)).data.households
      .edges[0].node.id as string;
    const PAGES = [
      ['households', '/rumah-tangga'],
      ['household', householdPath(household)],
      ['analytics', '/analitik'],
      ['programs', '/program'],
      ['indicators', '/indikator'],
      ['organizations', '/admin/organisasi'],
      ['users', '/admin/pengguna'],
      ['api-tokens', '/token-api'],
      ['audit', '/audit'],
      ['assignments', '/penugasan'],
      ['api-help', '/api'],
      ['imports', '/impor'],
    ] as const;
    const { page } = await open();
    await loginAs(page, 'admin');
    await waitLoggedIn(page);
    const findings: (AxeViolation & { role: string })[] = [];
    for (const [name, url] of PAGES) {
      for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        await page.setViewportSize(viewport);
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        await screenshot(page, `page-${name}-${label}`);
        await expectIndonesian(page, `${name} ${label}`);
        if (label === 'desktop') findings.push(...(await axeCheck(page)).map((v) => ({ role: `admin ${url}`, ...v })));
        else {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name}: horizontal overflow in px at 360 px`).toBeLessThanOrEqual(1);
        }
      }
    }
    expect(summarizeAxe(findings)).toEqual([]);
  });

  it('the Chromium bundled in @sparticuz/chromium launches too (the CI fallback when /usr/bin/chromium is absent)', async () => {
    const previous = process.env.SINERGI_E2E_CHROMIUM;
    process.env.SINERGI_E2E_CHROMIUM = 'bundled';
    try {
      const bundled = walk.launched.kind === 'bundled' ? walk.launched : await launchBrowser();
      try {
        const tp = await openPage(bundled.browser, walk.url);
        await tp.page.goto('/');
        await tp.page.getByLabel('Kata sandi').first().waitFor({ timeout: 20_000 });
        expect(tp.errors).toEqual([]);
        await tp.close();
      } finally {
        if (bundled !== walk.launched) await bundled.browser.close();
      }
    } finally {
      if (previous === undefined) delete process.env.SINERGI_E2E_CHROMIUM;
      else process.env.SINERGI_E2E_CHROMIUM = previous;
    }
  });

  describe('role walks', () => {
    /** The intervention dinkes logs, found later by inspektorat in the audit log. */
    let dinkesDelivery: { id: string; householdId: string } | undefined;

    it('coordinator sees the KPIs and the map, and opens a kelurahan', async () => {
      const { page } = await open();
      await loginAs(page, 'bappeda');
      await waitLoggedIn(page);
      await page.getByText('Miskin ekstrem').first().waitFor({ timeout: 20_000 });
      // The choropleth when boundaries are imported, the tile grid otherwise: either way one link per kelurahan.
      const kelurahan = page.locator('[data-testid="kelurahan-shape"], [data-testid="kelurahan-tile"]');
      await kelurahan.first().waitFor({ timeout: 30_000 });
      expect(await kelurahan.count()).toBe(30);
      // The demo start imports the shared boundaries when they are there: then the map is the choropleth.
      const boundaries = path.join(ROOT, '..', 'shared', 'data', 'geo', 'palangka-raya-kelurahan.geojson');
      if (fs.existsSync(boundaries)) expect(await page.getByTestId('kelurahan-shape').count()).toBe(30);
      await screenshot(page, 'walk-coordinator-map-desktop');
      const menteng = page.locator('[data-testid="kelurahan-shape"][aria-label^="Menteng:"], [data-testid="kelurahan-tile"][href$="62.71.03.1002"]').first();
      await menteng.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/rumah-tangga\?kelurahan=62\.71\.03\.1002/, { timeout: 15_000 });
      await page.getByText(/\d+ rumah tangga/).first().waitFor({ timeout: 15_000 });
      const rows = page.locator('table tbody tr');
      await rows.first().waitFor();
      expect(await page.locator('table tbody').innerText()).toContain('Menteng');
      expect(await page.locator('table tbody').innerText()).not.toContain('Pahandut');
      await rows.first().getByRole('link').first().click();
      await page.waitForURL(/\/rumah-tangga\/[0-9a-f-]{36}$/);
      await page.getByText(/No\. KK: \d{16}/).first().waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    });

    it('dinkes logs a PMT delivery from its work queue and sees it on the household timeline', async () => {
      const token = await login(walk.url, 'dinkes');
      const queue = await gql(
        walk.url,
        `{ myWorkQueue(first: 20) { edges { node { id head { name } needs { type status person { id name birthDate ageMonths } } } } } }`,
        {},
        token,
      );
      expect(queue.errors).toBeUndefined();
      const programs = await gql(walk.url, `{ programs(first: 100, filter: { needTypes: [STUNTING] }) { edges { node { name targetMinAgeMonths targetMaxAgeMonths } } } }`, {}, token);
      const balita = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.name === 'Pemberian Makanan Tambahan (PMT) Lokal Balita');
      // The first household in the queue with an unmet child nutrition need of a child PMT Balita targets
      // today (the demo's children age with the clock: one may have just outgrown it).
      const targeted = (n: any) => n.person && n.person.ageMonths >= balita.targetMinAgeMonths && n.person.ageMonths <= balita.targetMaxAgeMonths;
      const entry = queue.data.myWorkQueue.edges
        .map((e: any) => e.node)
        .map((h: any) => ({ h, need: h.needs.find((n: any) => n.status === 'UNMET' && n.type === 'STUNTING' && targeted(n)) }))
        .find((x: any) => x.need && x.h.head);
      expect(entry, 'a work-queue household with an unmet stunting need').toBeDefined();
      const child = entry.need.person.name as string;

      const { page } = await open(PHONE);
      await loginAs(page, 'dinkes');
      await waitLoggedIn(page);
      await page.goto('/antrian-kerja');
      // By its link: heads' names repeat in the demo city, and the queue's order moves with the day.
      const card = page.getByTestId('household-card').filter({ has: page.locator(`a[href$="${householdPath(entry.h.id)}"]`) });
      await card.waitFor({ timeout: 20_000 });
      await card.getByRole('button', { name: 'Catat penyaluran' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Simpan penyaluran' }).waitFor({ timeout: 15_000 });
      await pickOption(page, dialog, /^Program/, 'Pemberian Makanan Tambahan (PMT) Lokal Balita');
      // Members are listed with their age ("Budi, 7 bln").
      await pickOption(page, dialog, /^Anggota/, new RegExp(`^${child.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`));
      await screenshot(page, 'walk-dinkes-delivery-phone');
      await dialog.getByRole('button', { name: 'Simpan penyaluran' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

      await page.goto(householdPath(entry.h.id));
      const timeline = page.getByRole('region', { name: 'Riwayat intervensi' }).or(page.locator('section', { hasText: 'Riwayat intervensi' })).first();
      await timeline.getByText('Pemberian Makanan Tambahan (PMT) Lokal Balita').first().waitFor({ timeout: 20_000 });
      expect(await timeline.innerText()).toContain(child);
      await screenshot(page, 'walk-dinkes-timeline-phone');

      const logged = await gql(
        walk.url,
        'query ($f: InterventionFilter) { interventions(first: 5, filter: $f) { edges { node { id program { name } person { name } } } } }',
        { f: { householdId: entry.h.id } },
        adminToken,
      );
      const pmt = logged.data.interventions.edges.map((e: any) => e.node)
        .find((i: any) => i.program.name.startsWith('Pemberian Makanan Tambahan') && i.person?.name === child);
      expect(pmt).toBeDefined();
      dinkesDelivery = { id: pmt.id, householdId: entry.h.id };
    });

    it('ngo sees only assigned households, accepts a request and logs a delivery', async () => {
      const ngoToken = await login(walk.url, 'ngo');
      const ngoOrg = (await me(ngoToken)).organization.id;
      const program = (await gql(walk.url, '{ programs(first: 50) { edges { node { id name owner { id } } } } }', {}, adminToken))
        .data.programs.edges.map((e: any) => e.node)
        .find((p: any) => p.owner.id === ngoOrg && p.name.startsWith('Kelas Gizi'));
      expect(program).toBeDefined();
      const active = await gql(
        walk.url,
        'query ($f: AssignmentFilter) { assignments(first: 100, filter: $f) { edges { node { household { id } } } } }',
        { f: { organizationId: ngoOrg, status: ['REQUESTED', 'ACCEPTED'] } },
        adminToken,
      );
      const assigned = new Set(active.data.assignments.edges.map((e: any) => e.node.household.id));
      const list = await gql(
        walk.url,
        '{ households(first: 100, orderBy: { field: WELFARE_DECILE, direction: ASC }) { edges { node { id kkNumber head { name } interventions { program { id } } } } } }',
        {},
        adminToken,
      );
      const candidates = list.data.households.edges.map((e: any) => e.node)
        .filter((h: any) => !assigned.has(h.id) && h.head && !h.interventions.some((i: any) => i.program.id === program.id));
      const [target, stranger] = candidates;
      expect(stranger).toBeDefined();

      const { page } = await open();
      await loginAs(page, 'ngo');
      await waitLoggedIn(page);
      // Not assigned: the household page answers "not found", and the list does not show it.
      expect(await householdPageShows(page, target.id, target.kkNumber.slice(-4))).toBe('not-found');

      // bappeda refers it; ngo accepts on its home page.
      const made = await gql(
        walk.url,
        'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
        { i: { householdIds: [target.id], organizationId: ngoOrg, needType: 'NUTRITION_RISK', note: 'Mohon pendampingan gizi (e2e)', lawfulBasis: 'PUBLIC_TASK' } },
        await login(walk.url, 'bappeda'),
      );
      expect(made.errors).toBeUndefined();
      await page.goto('/penugasan');
      const request = page.getByTestId('assignment-card').filter({ hasText: target.head.name }).first();
      await request.waitFor({ timeout: 20_000 });
      await request.getByRole('button', { name: 'Terima' }).click();
      await page.getByText('Permintaan diterima.').waitFor({ timeout: 15_000 });

      expect(await householdPageShows(page, target.id, target.kkNumber.slice(-4))).toBe('shown');
      expect(await householdPageShows(page, stranger.id, stranger.kkNumber.slice(-4))).toBe('not-found');
      await page.goto(householdPath(target.id));
      await page.getByRole('button', { name: 'Catat penyaluran' }).first().click();
      const dialog = page.getByRole('dialog');
      await pickOption(page, dialog, /^Program/, program.name);
      await dialog.getByRole('button', { name: 'Simpan penyaluran' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      await page.getByText(program.name).first().waitFor({ timeout: 15_000 });
      const count = await gql(
        walk.url,
        'query ($f: InterventionFilter) { interventions(first: 1, filter: $f) { totalCount } }',
        { f: { householdId: target.id, programId: program.id } },
        adminToken,
      );
      expect(count.data.interventions.totalCount).toBe(1);
      await screenshot(page, 'walk-ngo-household-desktop');
    });

    it('ngo opening an unassigned household sees "not found"', async () => {
      const ngoOrg = (await me(await login(walk.url, 'ngo'))).organization.id;
      const active = await gql(
        walk.url,
        'query ($f: AssignmentFilter) { assignments(first: 100, filter: $f) { edges { node { household { id } } } } }',
        { f: { organizationId: ngoOrg, status: ['REQUESTED', 'ACCEPTED'] } },
        adminToken,
      );
      const assigned = new Set(active.data.assignments.edges.map((e: any) => e.node.household.id));
      const list = await gql(walk.url, '{ households(first: 100) { edges { node { id kkNumber } } } }', {}, adminToken);
      const target = list.data.households.edges.map((e: any) => e.node).find((h: any) => !assigned.has(h.id));
      const { page } = await open();
      await loginAs(page, 'ngo');
      await waitLoggedIn(page);
      expect(await householdPageShows(page, target.id, target.kkNumber.slice(-4))).toBe('not-found');
    });

    it('csr sees masked identifiers and no address on an assigned household', async () => {
      const csrOrg = (await me(await login(walk.url, 'csr'))).organization.id;
      const active = await gql(
        walk.url,
        'query ($f: AssignmentFilter) { assignments(first: 1, filter: $f) { edges { node { household { id } } } } }',
        { f: { organizationId: csrOrg, status: ['REQUESTED', 'ACCEPTED'] } },
        adminToken,
      );
      const householdId: string = active.data.assignments.edges[0].node.household.id;
      const full = await gql(
        walk.url,
        'query ($id: ID!) { household(id: $id) { kkNumber address members { nik } } }',
        { id: householdId },
        adminToken,
      );
      const { kkNumber, address, members } = full.data.household;

      const { page } = await open();
      await loginAs(page, 'csr');
      await waitLoggedIn(page);
      expect(await householdPageShows(page, householdId, kkNumber.slice(-4))).toBe('shown');
      await page.waitForLoadState('networkidle');
      const text = await page.evaluate(() => document.body.innerText);
      await screenshot(page, 'household-csr-desktop');
      expect(text).toMatch(/\*{12}\d{4}/);
      expect(text).not.toContain(kkNumber);
      for (const m of members) expect(text).not.toContain(m.nik);
      if (address) expect(text).not.toContain(address);
    });

    it('lurah.menteng edits a household in Menteng and cannot open one in Pahandut', async () => {
      const pick = async (code: string) =>
        (await gql(
          walk.url,
          'query ($f: HouseholdFilter) { households(first: 1, filter: $f) { edges { node { id kkNumber address } } } }',
          { f: { areaCode: code } },
          adminToken,
        )).data.households.edges[0].node;
      const menteng = await pick('62.71.03.1002');
      const pahandut = await pick('62.71.01.1001');

      const { page } = await open(PHONE);
      await loginAs(page, 'lurah.menteng');
      await waitLoggedIn(page);
      expect(await householdPageShows(page, menteng.id, menteng.kkNumber)).toBe('shown');
      await page.getByRole('button', { name: 'Ubah data rumah tangga' }).click();
      const dialog = page.getByRole('dialog');
      const address = dialog.getByRole('textbox', { name: /^Alamat/ });
      await address.waitFor({ timeout: 10_000 });
      const newAddress = `Jl. Tjilik Riwut Km 2 No. ${Date.now() % 1000} (e2e)`;
      await address.fill(newAddress);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Data rumah tangga tersimpan.').waitFor({ timeout: 15_000 });
      await page.getByText(newAddress).first().waitFor();
      const saved = await gql(walk.url, 'query ($id: ID!) { household(id: $id) { address } }', { id: menteng.id }, adminToken);
      expect(saved.data.household.address).toBe(newAddress);
      await screenshot(page, 'walk-lurah-edit-phone');

      expect(await householdPageShows(page, pahandut.id, pahandut.kkNumber)).toBe('not-found');
    });

    it('inspektorat finds the delivery in the audit log', async () => {
      expect(dinkesDelivery, 'the dinkes walk ran first').toBeDefined();
      const { page } = await open();
      await loginAs(page, 'inspektorat');
      await waitLoggedIn(page);
      await page.goto(`/audit?entitas=Intervention&aksi=CREATE&id=${dinkesDelivery!.id}`);
      const event = page.getByTestId('audit-event').filter({ hasText: dinkesDelivery!.id }).first();
      await event.waitFor({ timeout: 20_000 });
      expect(await event.innerText()).toMatch(/\bBuat\b/i);
      expect(await event.innerText()).toContain('dinkes');
      await screenshot(page, 'walk-inspektorat-audit-desktop');

      // The same search through the filters, from an empty log page.
      await page.goto('/audit');
      await pickOption(page, page.locator('main'), /^Jenis entitas/, 'Intervensi');
      await page.getByRole('textbox', { name: 'ID entitas' }).fill(dinkesDelivery!.id);
      await page.getByRole('textbox', { name: 'ID entitas' }).blur();
      await page.getByTestId('audit-event').filter({ hasText: dinkesDelivery!.id }).first().waitFor({ timeout: 20_000 });
    });

    it('coordinator exports the filtered list as CSV and refers two households to a partner in bulk', async () => {
      const { page } = await open();
      await loginAs(page, 'bappeda');
      await waitLoggedIn(page);
      await page.goto('/rumah-tangga?kelurahan=62.71.03.1002&kebutuhan=WATER&statusKebutuhan=UNMET');
      await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
      const shown = Number((await page.getByText(/^[\d.]+ rumah tangga$/).first().innerText()).replace(/\D/g, ''));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^rumah-tangga-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toContain('No. KK');
      expect(lines).toHaveLength(shown + 1);
      await page.getByText(/Ekspor ini tercatat di log audit/).waitFor();

      const boxes = page.locator('table tbody tr').getByRole('checkbox');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByText('Dipilih: 2 rumah tangga').waitFor();
      await page.getByRole('button', { name: 'Tugaskan ke mitra' }).click();
      const dialog = page.getByRole('dialog');
      await pickOption(page, dialog, /^Organisasi mitra/, /\S/);
      // Consent is recorded per household: a bulk referral rests on another lawful basis.
      await pickOption(page, dialog, /^Dasar pembagian data/, /^Tugas pelayanan publik/);
      await dialog.getByRole('button', { name: 'Kirim permintaan' }).click();
      await page.getByText('2 rumah tangga ditugaskan ke mitra.').waitFor({ timeout: 15_000 });
      await screenshot(page, 'walk-coordinator-bulk-assign-desktop');
    });

    it('a double-submitted delivery form creates one intervention', async () => {
      // dinsos logs a delivery of one of its household-targeted programs to a household that has none of it yet.
      const dinsosToken = await login(walk.url, 'dinsos');
      const dinsosOrg = (await me(dinsosToken)).organization.id;
      const programs = await gql(
        walk.url,
        'query ($f: ProgramFilter) { programs(first: 50, filter: $f) { edges { node { id name targetUnit } } } }',
        { f: { ownerId: dinsosOrg, activeOn: today() } },
        dinsosToken,
      );
      const program = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.targetUnit === 'HOUSEHOLD');
      expect(program, JSON.stringify(programs.errors)).toBeDefined();
      const list = await gql(
        walk.url,
        '{ households(first: 40, orderBy: { field: KK_NUMBER, direction: ASC }) { edges { node { id kkNumber interventions { program { id } } } } } }',
        {},
        dinsosToken,
      );
      const target = list.data.households.edges
        .map((e: any) => e.node)
        .find((h: any) => !h.interventions.some((i: any) => i.program.id === program.id));
      expect(target, JSON.stringify(list.errors)).toBeDefined();
      const count = async () =>
        (
          await gql(
            walk.url,
            'query ($f: InterventionFilter) { interventions(first: 1, filter: $f) { totalCount } }',
            { f: { householdId: target.id, programId: program.id } },
            adminToken,
          )
        ).data.interventions.totalCount as number;

      const { page } = await open();
      await loginAs(page, 'dinsos');
      await waitLoggedIn(page);
      expect(await householdPageShows(page, target.id, target.kkNumber)).toBe('shown');
      const before = await count();
      await page.getByRole('button', { name: /^Catat penyaluran$/ }).first().click();
      const dialog = page.getByRole('dialog');
      const form = dialog.locator('form').first();
      await form.waitFor({ timeout: 15_000 });
      await pickOption(page, dialog, /^Program/, program.name);
      await screenshot(page, 'delivery-form-dinsos-desktop');
      // A double tap and more: two clicks and a requestSubmit in the same tick, before React can disable the button.
      await form.evaluate((f: HTMLFormElement) => {
        const button = f.querySelector<HTMLButtonElement>('button[type="submit"]')!;
        button.click();
        button.click();
        f.requestSubmit();
      });
      await expect.poll(count, { timeout: 15_000 }).toBe(before + 1);
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      // Still one after the dialog closed and the page refetched.
      await page.waitForLoadState('networkidle');
      expect(await count()).toBe(before + 1);
      expect(before).toBe(0);
    });

    it('coordinator imports an XLSX file: maps, dry-runs, commits watching progress, downloads the error report, resolves a review', async () => {
      const file = await importWorkbook();
      const { page } = await open();
      await loginAs(page, 'bappeda');
      await waitLoggedIn(page);
      await page.goto('/impor');
      await page.getByTestId('import-source').selectOption('dtsen');
      await page.getByTestId('import-file').setInputFiles(file.path);
      await page.getByTestId('import-upload').click();
      // The one header no template knows is mapped by hand.
      const name = page.getByTestId('mapping-name');
      await name.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
        await screenshot(page, 'walk-import-upload-failed');
        throw error;
      });
      await name.selectOption({ label: file.nameHeader });
      await page.getByTestId('dry-run').click();
      const summary = page.getByTestId('dry-run-summary');
      await summary.waitFor({ timeout: 60_000 });
      await expect.poll(() => summary.locator('[data-count="rejected"] [data-value]').getAttribute('data-value'), { timeout: 30_000 }).toBe('1');
      await screenshot(page, 'walk-import-dry-run-desktop');
      await page.getByTestId('commit').click();
      const result = page.getByTestId('import-result');
      await page.getByTestId('import-progress').or(result).first().waitFor({ timeout: 60_000 });
      await result.waitFor({ timeout: 120_000 });
      await expect.poll(() => result.locator('[data-count="inserted"] [data-value]').getAttribute('data-value')).toBe('3');
      await expect.poll(() => result.locator('[data-count="inReview"] [data-value]').getAttribute('data-value')).toBe('1');
      await screenshot(page, 'walk-import-result-desktop');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-report').first().click()]);
      const report = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(report[0]!.endsWith(';alasan')).toBe(true);
      expect(report).toHaveLength(2);
      expect(report[1]).toMatch(/NIK/);

      await page.getByTestId('import-tab-reviews').click();
      const item = page.getByTestId('review-item').first();
      await item.waitFor({ timeout: 20_000 });
      await item.click();
      await page.getByTestId('review-compare').waitFor();
      await page.getByTestId('review-merge').click();
      await page.getByTestId('review-done').waitFor({ timeout: 20_000 });
      await screenshot(page, 'walk-import-review-desktop');
      const merged = await gql(walk.url, 'query ($id: ID!) { household(id: $id) { members { nik name } } }', { id: file.conflict.householdId }, adminToken);
      expect(merged.data.household.members.find((m: { nik: string }) => m.nik === file.conflict.nik).name).toBe(file.conflict.newName);
    });
  });
});
