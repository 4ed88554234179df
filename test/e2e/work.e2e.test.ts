/// <reference lib="dom" />
// Issue 11 item 4, "work that fits the field", in a real Chromium at 360 px and 1280 px: dinkes filters its work
// queue by need type and kelurahan, logs a delivery from a need tag (program and member pre-selected,
// only targeted members offered), sees the confirmation where it is looking, and a second identical
// delivery answers CONFLICT with a link that lands on the existing record.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gql, login, today } from '../product.js';
import { DESKTOP, PHONE, axeCheck, expectIndonesian, loginAs, pickOption, screenshot, useWalk } from './browser.js';

const walk = useWalk('work');

/** The element lies wholly inside the viewport (what a phone user sees without scrolling). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || box.y < 0 || box.y + box.height > viewport.height || box.x < 0 || box.x + box.width > viewport.width) return false;
  // Inside the viewport is not enough: the fixed header must not cover its first line.
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + 4));
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ageText = (m: { age: number; ageMonths: number | null }) => (m.ageMonths != null && m.ageMonths < 24 ? `${m.ageMonths} bln` : `${m.age} th`);

const QUEUE = `query ($f: WorkQueueFilter) {
  myWorkQueueCounts(filter: $f) { total needTypes { needType count } areas { count area { id name } } }
  myWorkQueue(first: 20, filter: $f) { totalCount edges { node { id kkNumber
    members { id name sex age ageMonths }
    needs { id type status person { id name age ageMonths } }
    interventions { program { id } person { id } } } } }
}`;

/** Does a person program reach the member (as the server checks: age in months, sex)? */
const targets = (p: any, m: any) =>
  p.targetUnit === 'PERSON' &&
  (!p.targetSex || m.sex === p.targetSex) &&
  (p.targetMinAgeMonths == null || m.ageMonths >= p.targetMinAgeMonths) &&
  (p.targetMaxAgeMonths == null || m.ageMonths <= p.targetMaxAgeMonths);

describe('work that fits the field', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('dinkes filters by need type and kelurahan, logs from a need, and a duplicate links to the existing record (%s)', async (size, viewport) => {
    const token = await login(walk.url, 'dinkes');
    const me = (await gql(walk.url, '{ me { organization { id } } }', {}, token)).data.me;
    // What the queue should show: counts for NUTRITION_RISK, then its biggest kelurahan.
    const byNeed = (await gql(walk.url, QUEUE, { f: { needTypes: ['NUTRITION_RISK'] } }, token)).data;
    const needCount = (await gql(walk.url, QUEUE, {}, token)).data.myWorkQueueCounts.needTypes.find((c: any) => c.needType === 'NUTRITION_RISK').count;
    const area = [...byNeed.myWorkQueueCounts.areas].sort((a: any, b: any) => b.count - a.count)[0];
    const filtered = (await gql(walk.url, QUEUE, { f: { needTypes: ['NUTRITION_RISK'], areaId: area.area.id } }, token)).data;
    expect(filtered.myWorkQueue.totalCount).toBe(area.count);
    // The programs the delivery form offers (dinkes's, running today, in the form's order), and the first
    // household of the list with a member's nutrition need one of them reaches: the form pre-selects the
    // first such program, a person program before a household one.
    const programs = (
      await gql(
        walk.url,
        'query ($f: ProgramFilter) { programs(filter: $f, first: 100) { edges { node { id name targetUnit targetMinAgeMonths targetMaxAgeMonths targetSex needTypes } } } }',
        { f: { ownerId: me.organization.id, activeOn: today() } },
        token,
      )
    ).data.programs.edges.map((e: any) => e.node);
    let pick: { household: any; need: any; program: any } | undefined;
    for (const { node } of filtered.myWorkQueue.edges) {
      for (const need of node.needs.filter((n: any) => n.type === 'NUTRITION_RISK' && n.status === 'UNMET' && n.person)) {
        const member = node.members.find((m: any) => m.id === need.person.id);
        const program = programs.find((p: any) => p.needTypes.includes('NUTRITION_RISK') && targets(p, member));
        // Not a member an earlier run already served with that program (its second delivery would be the duplicate).
        const served = node.interventions.some((i: any) => i.program.id === program?.id && i.person?.id === member.id);
        if (program && !served) pick ??= { household: node, need, program };
      }
    }
    expect(pick, 'a household with a nutrition need dinkes serves').toBeDefined();
    const { household, need, program } = pick!;
    const targeted = household.members.filter((m: any) => targets(program, m));
    expect(targeted.length).toBeLessThan(household.members.length);

    const { page } = await walk.open(viewport);
    await loginAs(page, 'dinkes');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto('/antrian-kerja');
    const filters = page.getByRole('group', { name: 'Saring antrian kerja' });
    await pickOption(page, filters, /^Jenis kebutuhan/, new RegExp(`^Risiko gizi \\(${needCount}\\)$`));
    await pickOption(page, filters, /^Kelurahan/, new RegExp(`^${escape(area.area.name)} \\(${area.count}\\)$`));
    await expect.poll(() => page.getByTestId('work-queue-total').textContent(), { timeout: 20_000 }).toBe(`${area.count} rumah tangga`);
    await expectIndonesian(page, 'filtered work queue');
    await screenshot(page, `work-queue-filtered-${size}`);

    // The need tag sits inside its household's card and names the member with age.
    const card = page.getByTestId('household-card').filter({ hasText: household.kkNumber });
    const tagText = `Risiko gizi · ${need.person.name}, ${ageText(need.person)}`;
    const tag = card.getByTestId('need-tag').filter({ hasText: tagText });
    await tag.click();
    const dialog = page.getByRole('dialog', { name: 'Catat penyaluran' });
    await expect.poll(() => dialog.getByLabel(/^Program/).first().inputValue(), { timeout: 20_000 }).toBe(program.name);
    const memberInput = dialog.getByLabel(/^Anggota/).first();
    expect(await memberInput.inputValue()).toBe(`${need.person.name}, ${ageText(need.person)}`);
    await memberInput.click();
    const options = page.getByRole('listbox').last().getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(targeted.map((m: any) => `${m.name}, ${ageText(m)}`));
    await memberInput.press('Escape');
    await expectIndonesian(page, 'delivery form from a need', [household.kkNumber, need.person.name, program.name]);
    expect(await axeCheck(page), 'axe with the delivery dialog open').toEqual([]);
    await dialog.getByRole('button', { name: 'Simpan penyaluran' }).click();

    // The confirmation is in view, not in a corner off-screen (on a phone the page scrolls far).
    const confirmation = page.getByTestId('confirmation');
    await confirmation.waitFor({ timeout: 20_000 });
    expect(await confirmation.textContent()).toContain(`Penyaluran tersimpan: ${program.name} · ${need.person.name}`);
    await expect.poll(() => inView(page, confirmation)).toBe(true);
    await screenshot(page, `work-queue-saved-${size}`);

    const logged = await gql(
      walk.url,
      'query ($h: ID!, $p: ID!) { interventions(first: 5, filter: { householdId: $h, programId: $p, status: [DELIVERED] }) { edges { node { id person { id } } } } }',
      { h: household.id, p: program.id },
      token,
    );
    const existing = logged.data.interventions.edges.find((e: any) => e.node.person?.id === need.person.id).node;

    // The same delivery again, from the household page: CONFLICT with a link to the existing record.
    await page.goto(`/rumah-tangga/${household.id}`);
    await page.getByRole('button', { name: 'Catat penyaluran' }).first().click();
    const again = page.getByRole('dialog', { name: 'Catat penyaluran' });
    await pickOption(page, again, /^Program/, new RegExp(`^${escape(program.name)}$`));
    await pickOption(page, again, /^Anggota/, new RegExp(`^${escape(need.person.name)}, `));
    await again.getByRole('button', { name: 'Simpan penyaluran' }).click();
    const error = page.getByTestId('delivery-error');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain('sudah disalurkan ke sasaran yang sama');
    await expectIndonesian(page, 'duplicate delivery', [need.person.name, program.name]);
    await expect.poll(() => inView(page, error)).toBe(true);
    await screenshot(page, `delivery-conflict-${size}`);
    await page.getByTestId('delivery-existing-link').click();
    await page.waitForURL(`**/rumah-tangga/${household.id}#intervensi-${existing.id}`);
    const record = page.locator(`[id="intervensi-${existing.id}"]`);
    await expect.poll(() => inView(page, record), { timeout: 20_000 }).toBe(true);
    // The link closed the dialog it was in.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, `existing-delivery-${size}`);
  }, 240_000);
});
