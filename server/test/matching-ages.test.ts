import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * A program with an age limit must not date a birthday for viewers who see only the birth year: if it
 * stopped matching a partner's child on the day the child outgrew it, asking every day would give the
 * birth date. Partners' matches are taken on the first day of the quarter; agencies' on the day.
 */
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
const addMonths = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
// Forty days into the suite's current quarter (a 10th or 11th: every month has that day).
const quarterStart = `${today().slice(0, 5)}${String(Math.floor((Number(today().slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const TODAY = addDays(quarterStart, 40);

let t: TestServer;
let needId = '';
let personId = '';
let programId = '';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ env: { SINERGI_CLOCK: `${TODAY}T10:00:00+07:00` } });
  const [target] = await t.query<{ household_id: string; person_id: string; org_id: string }>(
    `select a.household_id, p.id as person_id, a.organization_id as org_id
       from assignment a join app_user u on u.organization_id = a.organization_id and u.username = 'ngo'
       join person p on p.household_id = a.household_id
      where a.status in ('REQUESTED', 'ACCEPTED')
      order by p.id limit 1`,
  );
  personId = target!.person_id;
  [{ id: programId }] = (await t.query<{ id: string }>(
    `insert into program (id, owner_id, name, focus_aspects, strategy, need_types, target_unit, target_max_age_months, delivery_unit, frequency, starts_on)
     select gen_random_uuid(), ?, 'Uji batas usia', focus_aspects, strategy, '{NUTRITION_RISK}', 'PERSON', 5, delivery_unit, frequency, date '2020-01-01'
       from program limit 1 returning id::text`,
    [target!.org_id],
  )) as [{ id: string }];
  [{ id: needId }] = (await t.query<{ id: string }>(
    `insert into household_need (household_id, person_id, need_type, rule_version, evidence)
     values (?, ?, 'NUTRITION_RISK', 1, '{}') returning id::text`,
    [target!.household_id, personId],
  )) as [{ id: string }];
  for (const user of ['admin', 'dinkes', 'ngo']) tokens[user] = await t.login(user);
});
afterAll(() => t.close());

/** Whether the test program is offered for the child's need, as `user`, with the child born on `birthDate`. */
async function matches(user: string, birthDate: string): Promise<boolean> {
  await t.query(`update person set birth_date = ? where id = ?`, [birthDate, personId]);
  const res = await t.gql<{ person: { household: { needs: Array<{ id: string; candidatePrograms: Array<{ program: { id: string } }> }> } } }>(
    'query ($id: ID!) { person(id: $id) { household { needs { id candidatePrograms { program { id } } } } } }',
    { id: personId },
    tokens[user],
  );
  expect(res.errors).toBeUndefined();
  const need = res.data!.person.household.needs.find((n) => n.id === needId);
  if (!need) throw new Error(`the child's need is not visible to ${user}`);
  return need.candidatePrograms.some((c) => c.program.id === programId);
}

describe('programs with an age limit', () => {
  // The child turns six months today (outgrowing the program's five), or tomorrow.
  const turnsToday = addMonths(TODAY, -6);
  const turnsTomorrow = addDays(turnsToday, 1);

  it('stop matching on the day for those who may read birth dates', async () => {
    for (const user of ['admin', 'dinkes']) {
      expect(await matches(user, turnsTomorrow)).toBe(true);
      expect(await matches(user, turnsToday)).toBe(false);
    }
  });

  it('match a partner the same whichever day of the quarter the birthday falls on', async () => {
    expect(await matches('ngo', turnsTomorrow)).toBe(true);
    expect(await matches('ngo', turnsToday)).toBe(true);
  });
});
