/// <reference lib="dom" />
// Inspektorat answers a data subject's access request (UU 27/2022) in a real Chromium: the trail of one
// person narrowed to a period with the Indonesian date picker, the disclosure tier as a column, and the
// trail exported as CSV with semicolons (Excel under Indonesian settings).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../product.js';
import { DESKTOP, PHONE, axeCheck, expectIndonesian, loginAs, pickDate, screenshot, useWalk } from './browser.js';

const walk = useWalk('audit');
let subject: { personId: string; name: string; nik: string };
/** When the NGO's masked read was recorded: audit events are dated by the database's own clock, not the settable one. */
let ngoReadAt: Date;

beforeAll(async () => {
  // The NGO reads a household it was referred (masked) and the administrator reads the same person (full).
  const ngo = await login(walk.url, 'ngo');
  const admin = await login(walk.url, 'admin');
  const seen = await gql(walk.url, '{ households(first: 1) { edges { node { members { id name nik } } } } }', {}, ngo);
  const member = seen.data.households.edges[0].node.members[0];
  const full = await gql(walk.url, 'query ($id: ID!) { person(id: $id) { nik } }', { id: member.id }, admin);
  subject = { personId: member.id, name: member.name, nik: full.data.person.nik };
  expect(subject.nik).toMatch(/^\d{16}$/);
  const auditor = await login(walk.url, 'inspektorat');
  const trail = await gql(walk.url, 'query ($n: String!) { subjectAccessTrail(nik: $n) { occurredAt actor { username } } }', { n: subject.nik }, auditor);
  ngoReadAt = new Date(trail.data.subjectAccessTrail.find((e: any) => e.actor.username === 'ngo').occurredAt);
});

/** The WIB day `offset` days from an instant: its ISO form and dd/mm/yyyy. */
function wibDay(at: Date, offset: number) {
  const day = new Date(at.getTime() + offset * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(day);
  return { iso, shown: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
}

/**
 * Picks a day in a date field's calendar; the events are dated by the database's clock, which may be
 * months or years from the page's (the tests' clock). With `axe`, the open calendar is checked first
 * (Indonesian labels, no raw keys, axe).
 */
async function pickDay(page: Page, testId: string, day: ReturnType<typeof wibDay>, { axe = false } = {}) {
  const whileOpen = async () => {
    await expectIndonesian(page, 'open calendar', [subject.nik]);
    expect(await axeCheck(page), 'axe with the calendar open').toEqual([]);
  };
  await pickDate(page, page.getByTestId(testId), day.iso, axe ? { whileOpen } : {});
}

describe('audit walk', () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`inspektorat narrows a subject's trail to a period, reads the tier column and exports the trail as CSV (${size})`, async () => {
      const { page } = await walk.open(viewport);
      await loginAs(page, 'inspektorat');
      await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
      await page.goto('/audit?tab=subjek');
      await page.getByTestId('trail-nik').fill(subject.nik);

      // The day before the NGO's read only: nothing happened to this person yet (the reads in beforeAll were the first).
      const dayBefore = wibDay(ngoReadAt, -1);
      const readDay = wibDay(ngoReadAt, 0);
      await pickDay(page, 'trail-from', dayBefore, { axe: size === 'desktop' });
      await pickDay(page, 'trail-to', dayBefore);
      await page.getByTestId('trail-show').click();
      await page.getByText('Belum ada akses tercatat untuk orang ini.').waitFor({ timeout: 20_000 });

      // Through the day after the read (the walk may cross midnight): the NGO's masked read and the administrator's full read, newest first.
      await pickDay(page, 'trail-to', wibDay(ngoReadAt, 1));
      await page.getByTestId('trail-show').click();
      const trail = page.getByTestId('subject-trail');
      await trail.waitFor({ timeout: 20_000 });
      await expect.poll(() => trail.getByRole('columnheader').allInnerTexts()).toContain('Tingkat pengungkapan');
      const rows = trail.getByTestId('audit-event');
      const masked = rows.filter({ hasText: 'Tersamar' }).filter({ hasText: 'ngo' });
      const full = rows.filter({ hasText: 'Penuh' }).filter({ hasText: 'admin' });
      await masked.first().waitFor();
      await full.first().waitFor();
      expect(await masked.first().innerText()).toContain(subject.name);
      expect(await rows.first().innerText()).toMatch(/WIB/);
      await expectIndonesian(page, 'subject trail', [subject.name]);
      if (size === 'desktop') expect(await axeCheck(page)).toEqual([]);
      await screenshot(page, `walk-inspektorat-trail-${size}`);

      // The export: semicolons by default in Indonesian, the rows on screen, the export itself audited.
      const shownRows = await rows.count();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trail-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^jejak-akses-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('Waktu (WIB);Aksi;Jenis data;Subjek;Pengguna;Peran;Organisasi;Tingkat pengungkapan;Kolom berubah;ID permintaan');
      // Showing the trail was itself a read of the person's data: it heads the exported trail.
      expect(lines).toHaveLength(shownRows + 2);
      expect(lines[1]).toMatch(/;Baca data pribadi;Data pribadi;.*\(inspektorat\);Auditor \(Inspektorat\);.*;Penuh;/);
      const ngoRead = lines.find((l) => l.includes('(ngo)'))!;
      expect(ngoRead).toMatch(new RegExp(`^${readDay.shown} \\d{2}:\\d{2} WIB;Baca data pribadi;Data pribadi;`));
      expect(ngoRead).toContain(subject.name);
      expect(ngoRead.split(';')[7]).toBe('Tersamar');
      await page.getByRole('status').filter({ hasText: 'baris diekspor' }).waitFor();

      const auditor = await login(walk.url, 'inspektorat');
      const after = await gql(walk.url, 'query ($n: String!) { subjectAccessTrail(nik: $n) { action actor { username } } }', { n: subject.nik }, auditor);
      expect(after.data.subjectAccessTrail.some((e: any) => e.action === 'EXPORT' && e.actor.username === 'inspektorat')).toBe(true);
    });
  }

  it('the partner picker of the usage report searches the server as the auditor types', async () => {
    const { page } = await walk.open(DESKTOP);
    await loginAs(page, 'inspektorat');
    await page.getByLabel('Kata sandi').waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto('/audit?tab=mitra');
    const picker = page.getByRole('combobox', { name: 'Organisasi mitra' });
    await picker.waitFor({ timeout: 20_000 });
    const searched = page.waitForRequest((r) => r.url().includes('/graphql') && (r.postData() ?? '').includes('"search":"harapan"'));
    await picker.fill('harapan');
    await searched;
    const option = page.getByRole('option', { name: 'Yayasan Harapan Kahayan (YHK)' });
    await option.waitFor();
    // Only partners whose name or short name holds the text: no government agency, no other partner.
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Yayasan Harapan Kahayan (YHK)']);
    await option.click();
    await page.getByTestId('partner-usage').waitFor({ timeout: 20_000 });
    await expectIndonesian(page, 'partner usage');
  });
});

