/// <reference lib="dom" />
// Real-browser helpers for the end-to-end tests: one Chromium per test file, a fresh context per test.
//
// Which Chromium: `/usr/bin/chromium` when it exists (Debian's package), else the binary shipped inside the
// @sparticuz/chromium npm package (a chrome-headless-shell, inflated to the OS temp dir on first use).
// `SINERGI_E2E_CHROMIUM=bundled` forces the npm binary, `=system` forces /usr/bin/chromium.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type RunningProduct, ROOT, now, startProduct, tempDataDir } from '../product.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'sinergi-demo';

const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  kind: 'system' | 'bundled';
  executablePath: string;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const wanted = process.env.SINERGI_E2E_CHROMIUM;
  const system = '/usr/bin/chromium';
  const useSystem = wanted === 'system' || (wanted !== 'bundled' && fs.existsSync(system));
  if (useSystem) {
    const browser = await chromium.launch({ executablePath: system, headless: true, args: BASE_ARGS });
    return { browser, kind: 'system', executablePath: system };
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  // Inflates chromium.br, fonts.tar.br and swiftshader.tar.br into os.tmpdir() once, then reuses /tmp/chromium.
  const executablePath = await sparticuz.executablePath();
  const fontDir = path.join(os.tmpdir(), 'fonts');
  const browser = await chromium
    .launch({
      executablePath,
      headless: true,
      // The shell build has no zygote/sandbox helpers; it finds its bundled fonts through FONTCONFIG_PATH
      // (the package only sets that itself on Amazon Linux).
      args: [...BASE_ARGS, '--no-zygote', '--font-render-hinting=none'],
      env: { ...process.env, FONTCONFIG_PATH: fs.existsSync(fontDir) ? fontDir : (process.env.FONTCONFIG_PATH ?? '') },
    })
    .catch((error: Error) => {
      // The shell build links against the system's NSS and expat (see `ldd`); a bare image may lack them.
      throw new Error(
        `could not launch the bundled Chromium ${executablePath}: ${error.message}\n` +
          'On Debian/Ubuntu it needs: apt-get install -y libnss3 libnspr4 libexpat1',
      );
    });
  return { browser, kind: 'bundled', executablePath };
}

/**
 * Console messages that are not bugs of the portal. Empty on purpose: the placeholder portal logs nothing, a
 * wrong-password login answers 200 with a GraphQL error (no "Failed to load resource"), and every entry here
 * would hide a class of real failures. Add an entry only with a reason next to it; a single test can also
 * drop one precisely identified message from its own `errors` (see the GraphiQL test).
 */
export const CONSOLE_ALLOW_LIST: RegExp[] = [];

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors not on the allow-list */
  errors: string[];
  /** every URL the page requested */
  requests: string[];
  close(): Promise<void>;
}

export type Viewport = { width: number; height: number };
export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = DESKTOP,
  options: BrowserContextOptions = {},
): Promise<TestPage> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
  // The page's Date on the tests' clock (the product's), running on from it so that timers and debounces fire:
  // the portal's "today" (date pickers' limits, programs running today) is the server's.
  await context.clock.install({ time: now() });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (CONSOLE_ALLOW_LIST.some((re) => re.test(text))) return;
    const loc = msg.location();
    errors.push(`console.error: ${text}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.stack ?? err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  return { context, page, errors, requests, close: () => context.close() };
}

/** Logs in through the UI: fills the labelled username and password fields and submits. */
/** Chooses an option of a Mantine Select or Autocomplete by its label (a string matches the whole name). */
export async function pickOption(page: Page, scope: Locator, label: RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).or(scope.getByRole('textbox', { name: label })).first().click();
  const choice = typeof option === 'string' ? page.getByRole('option', { name: option, exact: true }) : page.getByRole('option', { name: option });
  await choice.first().click();
}

/** The calendar's month names in its year view (dayjs's Indonesian locale, which differs from Intl's "Agu"). */
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];

/**
 * Picks an ISO day in a DateField through its Indonesian calendar, as a user does: a day of a far month
 * through the decade and year views. Checks the field then shows it as dd/mm/yyyy. `whileOpen` runs with
 * the calendar open, before the pick (checks of the calendar itself).
 */
export async function pickDate(page: Page, field: Locator, iso: string, { whileOpen }: { whileOpen?: () => Promise<void> } = {}): Promise<void> {
  await field.click();
  // The calendar's popover, not the form's dialog around it.
  const calendar = page.getByRole('dialog').filter({ has: page.locator('[data-level-control]') });
  await calendar.waitFor();
  // The popover fades in: checked mid-fade, its weekend red (red.9, 5.5:1 on white) read as 4.4:1 to axe.
  await expect.poll(() => calendar.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await whileOpen?.();
  const at = new Date(`${iso}T00:00:00Z`);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', ...options }).format(at);
  const day = calendar.getByRole('button', { name: format({ day: 'numeric', month: 'long', year: 'numeric' }), exact: true });
  if (!(await day.isVisible())) {
    const level = calendar.locator('[data-level-control]');
    await level.click();
    await level.click();
    const year = calendar.getByRole('button', { name: iso.slice(0, 4), exact: true });
    // The decade view's control reads "2020 – 2029": earlier or later decades from there.
    const decadeStart = Number(/\d{4}/.exec(await level.innerText())?.[0]);
    const direction = Number(iso.slice(0, 4)) < decadeStart ? 'previous' : 'next';
    for (let i = 0; i < 20 && !(await year.isVisible()); i++) await calendar.locator(`[data-direction="${direction}"]`).first().click();
    await year.click();
    await calendar.getByRole('button', { name: MONTHS_SHORT[at.getUTCMonth()]!, exact: true }).click();
  }
  await day.click();
  await expect.poll(() => field.innerText()).toBe(`${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
  await calendar.waitFor({ state: 'detached' });
}

export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!/^https?:/.test(page.url())) await page.goto('/');
  await page.getByLabel(/^(Nama pengguna|Username)/i).fill(username);
  await page.getByLabel(/^(Kata sandi|Password)/i).first().fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in|Log in)$/i }).click();
}

/** Full-page PNG under test-results/screenshots/ (git-ignored), returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Injects axe-core and returns the serious/critical violations (empty when the page passes).
 * Evaluated through the DevTools protocol, which the page's CSP (rightly) does not let a script tag do.
 */
export async function axeCheck(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as any[]).map((n) => {
        const contrast = n.any?.find((c: any) => c.id === 'color-contrast')?.data;
        const detail = contrast ? ` (${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio})` : '';
        return `${String(n.target)} ${String(n.html).slice(0, 240)}${detail}`;
      }),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Tokens in the visible text that look like untranslated message keys (`home.title`, `nav.households`).
 * URLs, e-mail addresses, host names and the `allowed` words (e.g. a username like `lurah.menteng`) are not keys.
 */
export async function rawI18nKeys(page: Page, allowed: string[] = []): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const found = new Set<string>();
  const re = /\b[a-z]+(\.[a-zA-Z]+){1,}\b/g;
  for (const m of text.matchAll(re)) {
    const token = m[0];
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(start + token.length, start + token.length + 1);
    if (allowed.includes(token)) continue;
    // The whole whitespace-delimited word: an e-mail address (csr.borneo-sejahtera@host.example) is data.
    const wordStart = text.slice(0, start).search(/\S*$/);
    const wordEnd = start + token.length + (text.slice(start + token.length).match(/^\S*/)?.[0].length ?? 0);
    if (text.slice(wordStart, wordEnd).includes('@')) continue;
    if (/(https?:\/\/|www\.)\S*$/.test(before) || /[@/]$/.test(before) || after === '@' || after === '/') continue; // URL / e-mail
    if (/\.(id|com|org|net|go\.id|co\.id|js|ts|json|csv|png|graphql)$/.test(token)) continue; // host or file name
    found.add(token);
  }
  return [...found];
}


/**
 * Common English UI words and the server's English error phrases. On an Indonesian screen none of these
 * may appear: each would be an untranslated label or a server message that skipped the catalogue.
 */
export const ENGLISH_MARKERS: RegExp[] = [
  /\bInternal server error\b/i,
  /\bnot found\b/i,
  /\bmust (be|not)\b/i,
  /\bis required\b/i,
  /\balready (has|exists|used)\b/i,
  /\bAnother record\b/i,
  /\bYour role\b/i,
  /\bLogin required\b/i,
  /\btry again\b/i,
  /\bToo many\b/i,
  /\bsomething went wrong\b/i,
  /\b(the|and|with|your|this|please|cannot|invalid|failed|error|loading|submit|cancel|save|delete|search|household|households|members?|sign in|log out)\b/,
  /\b(The|And|Your|This|Please|Cannot|Invalid|Failed|Error|Loading|Submit|Cancel|Save|Delete|Search|Household|Households|Members?|Sign in|Log out)\b/,
  // An API enum value shown as it is (HEALTH_INSURANCE, EXTREME_POOR) instead of its label.
  /\b[A-Z]{2,}(_[A-Z]+)+\b/,
];

/**
 * English text visible on a page that should be Indonesian: `[marker, the line it is in]` pairs.
 * Code samples (pre, code), form values and the `allowed` strings (data such as names) are skipped.
 */
export async function englishOnIndonesianScreen(page: Page, allowed: string[] = []): Promise<string[]> {
  const lines = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('pre, code, script, style, noscript, textarea, [translate="no"], [aria-hidden="true"]')) continue;
      if (!parent.checkVisibility()) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    // Error messages and hints often sit in attributes a screen reader reads out.
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], input[placeholder]'))) {
      if ((el as HTMLElement).closest('pre, code') || !(el as HTMLElement).checkVisibility()) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  const found = new Set<string>();
  for (const line of lines) {
    let text = line;
    for (const a of allowed) text = text.split(a).join(' ');
    for (const marker of ENGLISH_MARKERS) {
      const m = marker.exec(text);
      if (m) found.add(`${m[0]} — "${line.slice(0, 120)}"`);
    }
  }
  return [...found];
}

/** Demo usernames: data on a page, not message keys (`lurah.menteng`). */
export const DEMO_USERS = ['admin', 'bappeda', 'dinsos', 'dinkes', 'lurah.menteng', 'ngo', 'csr', 'inspektorat'];

/**
 * The raw-key and language checks of an Indonesian screen, run on every page and every form error a walk
 * provokes: no untranslated key, no English word. Data shown on the page (names) may be named in `allowed`.
 */
export async function expectIndonesian(page: Page, where: string, allowed: string[] = []): Promise<void> {
  expect(await rawI18nKeys(page, [...DEMO_USERS, ...allowed]), `${where}: raw i18n keys`).toEqual([]);
  expect(await englishOnIndonesianScreen(page, allowed), `${where}: English on an Indonesian screen`).toEqual([]);
}

export interface Walk {
  /** The running product (started in beforeAll). */
  readonly product: RunningProduct;
  readonly url: string;
  readonly launched: LaunchedBrowser;
  readonly browser: Browser;
  /** The product's data directory, removed after the file. */
  readonly dataDir: string;
  /** A fresh context and page, whose console errors and page errors fail the test that opened it. */
  open(viewport?: Viewport, options?: BrowserContextOptions): Promise<TestPage>;
}

/**
 * One walk file's product and Chromium: a private copy of the built portal (a build running meanwhile
 * cannot pull index.html or chunks away mid-run), the product on a throwaway database, one browser;
 * after each test every page it opened is closed and its console errors fail the test.
 * `consoleNoise` drops messages that are the point of a walk (requests refused while offline).
 */
export function useWalk(name: string, { consoleNoise }: { consoleNoise?: RegExp } = {}): Walk {
  const dataDir = tempDataDir();
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), `sinergi-e2e-${name}-web-`));
  let product: RunningProduct | undefined;
  let launched: LaunchedBrowser | undefined;
  const pages: TestPage[] = [];
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the walk has not started: use it inside a test or a later beforeAll');
    return value;
  };

  beforeAll(async () => {
    const source = process.env.SINERGI_WEB_DIST ?? path.join(ROOT, 'web', 'dist');
    // A build finishing in another terminal: wait for it rather than fail at once.
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(path.join(source, 'index.html'))) {
      if (Date.now() > deadline) throw new Error(`the portal is not built: no ${source}/index.html`);
      await new Promise((r) => setTimeout(r, 500));
    }
    fs.cpSync(source, webDist, { recursive: true });
    [product, launched] = await Promise.all([startProduct({ SINERGI_DATA_DIR: dataDir, SINERGI_WEB_DIST: webDist }), launchBrowser()]);
  });

  afterAll(async () => {
    await launched?.browser.close();
    // The whole group: a server killed alone leaves its embedded PostgreSQL writing into the folder removed next.
    await product?.killGroup();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  afterEach(async () => {
    const errors = pages.flatMap((p) => p.errors).filter((e) => !consoleNoise?.test(e));
    await Promise.all(pages.splice(0).map((p) => p.close()));
    expect(errors, 'console errors / page errors').toEqual([]);
  });

  return {
    get product() {
      return started(product);
    },
    get url() {
      return started(product).url;
    },
    get launched() {
      return started(launched);
    },
    get browser() {
      return started(launched).browser;
    },
    dataDir,
    async open(viewport = DESKTOP, options = {}) {
      const tp = await openPage(started(launched).browser, started(product).url, viewport, options);
      pages.push(tp);
      return tp;
    },
  };
}
