/// <reference lib="dom" />
// The browser tests run on the tests' clock (README "The clock"): SINERGI_CLOCK when set, else the fixed
// DEFAULT_CLOCK, so a run on any day sees the same day. The product and the page take it from the tests,
// and the page's clock runs on.
import { expect, it } from 'vitest';
import { cityDate, parseInstant } from '../../server/src/config/clock.js';
import { DEFAULT_CLOCK, gql, login, today } from '../product.js';
import { loginAs, useWalk } from './browser.js';

const walk = useWalk('clock');

const dayLabel = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));

it('the tests, the product and the page agree on the set day, and the page clock runs', async () => {
  expect(today()).toBe(cityDate(parseInstant(process.env['SINERGI_CLOCK'] || DEFAULT_CLOCK)!));
  const tomorrow = new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  // The product: a delivery dated tomorrow is in its future.
  const dinsos = await login(walk.url, 'dinsos');
  const me = await gql(walk.url, '{ me { organization { id } } }', {}, dinsos);
  const programs = await gql(
    walk.url,
    'query ($f: ProgramFilter) { programs(first: 50, filter: $f) { edges { node { id targetUnit } } } }',
    { f: { ownerId: me.data.me.organization.id, activeOn: today() } },
    dinsos,
  );
  const program = programs.data.programs.edges.map((e: any) => e.node).find((p: any) => p.targetUnit === 'HOUSEHOLD');
  const household = (await gql(walk.url, '{ households(first: 1) { edges { node { id } } } }', {}, dinsos)).data.households.edges[0].node;
  const early = await gql(
    walk.url,
    'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
    { i: { programId: program.id, householdId: household.id, deliveredAt: tomorrow, idempotencyKey: 'e2e-clock-tomorrow' } },
    dinsos,
  );
  expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deliveredAt' });

  // The page: its Date is on the same day, and it runs (timers fire, time advances).
  const { page } = await walk.open();
  await page.goto('/');
  const pageDay = () => page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()));
  expect(await pageDay()).toBe(today());
  const elapsed = await page.evaluate(() => {
    const start = Date.now();
    return new Promise<number>((resolve) => setTimeout(() => resolve(Date.now() - start), 1000));
  });
  expect(elapsed).toBeGreaterThanOrEqual(1000);

  // The portal's date picker: it opens on the set month, today may be picked and tomorrow may not
  // (a birth date). The session cookie outlives a page clock far from the browser's own.
  await loginAs(page, 'lurah.menteng');
  await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
  await page.goto('/rumah-tangga');
  await page.getByTestId('register-open').click();
  await page.getByTestId('register-form').getByTestId('members.0.member-birthDate').click();
  const calendar = page.getByRole('dialog').filter({ has: page.locator('[data-level-control]') });
  await calendar.waitFor();
  await expect.poll(() => calendar.getByRole('button', { name: dayLabel(today()), exact: true }).isEnabled()).toBe(true);
  const next = calendar.getByRole('button', { name: dayLabel(tomorrow), exact: true });
  if (await next.isVisible()) expect(await next.isDisabled()).toBe(true);
  expect(await pageDay()).toBe(today());
}, 120_000);
