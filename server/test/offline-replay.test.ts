import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { today } from '../src/config/clock.js';

// The offline outbox resends an entry whose answer it never got: the server must tell "already saved"
// (extensions.replayed) from "saved", and a different measurement of the same day from a replay.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LOG = 'mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id } }';
const MEASURE = 'mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { id heightCm } }';

describe('replays of offline entries', () => {
  it('a delivery sent again with its idempotency key answers the same intervention, marked replayed', async () => {
    const dinsos = await t.login('dinsos');
    const [program] = await t.query<{ id: string }>(
      `select p.id from program p join app_user u on u.organization_id = p.owner_id
       where u.username = 'dinsos' and p.target_unit = 'HOUSEHOLD'
         and p.starts_on <= current_date and (p.ends_on is null or p.ends_on >= current_date)
       order by p.name limit 1`,
    );
    const [household] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (
         select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.kk_number desc limit 1`,
      [program!.id],
    );
    const input = { programId: program!.id, householdId: household!.id, idempotencyKey: 'outbox-replay-0001', deliveredAt: today() };
    const first = (await t.gql(LOG, { input }, dinsos)) as any;
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.replayed).toBeUndefined();
    const again = (await t.gql(LOG, { input }, dinsos)) as any;
    expect(again.data.logIntervention.id).toBe(first.data.logIntervention.id);
    expect(again.extensions).toMatchObject({ replayed: true });
    const rows = await t.query('select id from intervention where idempotency_key = ?', [input.idempotencyKey]);
    expect(rows).toHaveLength(1);
  });

  it('the same measurement of a child and day again is replayed; other values are a CONFLICT naming what differs', async () => {
    const dinkes = await t.login('dinkes');
    const [child] = await t.query<{ id: string }>(
      `select p.id from person p
        where p.birth_date between current_date - interval '4 years' and current_date - interval '2 years'
          and not exists (select 1 from growth_measurement g where g.person_id = p.id and g.measured_on = current_date - 2)
        order by p.nik desc limit 1`,
    );
    const [day] = await t.query<{ d: string }>(`select to_char(current_date - 2, 'YYYY-MM-DD') as d`);
    const input = { personId: child!.id, measuredOn: day!.d, heightCm: 90.2, weightKg: 12.5, position: 'STANDING' };
    const first = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
    expect(first.errors).toBeUndefined();
    const again = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
    expect(again.errors).toBeUndefined();
    expect(again.data.recordGrowthMeasurement.id).toBe(first.data.recordGrowthMeasurement.id);
    expect(again.extensions).toMatchObject({ replayed: true });

    const other = (await t.gql(MEASURE, { i: { ...input, heightCm: 91 } }, dinkes)) as any;
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.measuredOn',
      existingId: first.data.recordGrowthMeasurement.id,
      existing: { heightCm: 90.2 },
    });
    const rows = await t.query('select id from growth_measurement where person_id = ? and measured_on = ?', [child!.id, day!.d]);
    expect(rows).toHaveLength(1);
  });

  describe('a measurement with its idempotency key', () => {
    // Days counted on the application's clock (the clock run sets it far from the database's).
    const daysAgo = async (n: number) =>
      (await t.query<{ d: string }>(`select to_char(?::date - ?::int, 'YYYY-MM-DD') as d`, [today(), n]))[0]!.d;

    // The `offset`-th child aged two to four, unmeasured for 40 days: each test measures its own child.
    async function measurable(offset: number) {
      const [child] = await t.query<{ id: string }>(
        `select p.id from person p
          where p.birth_date between ?::date - interval '4 years' and ?::date - interval '2 years'
            and p.left_on is null
            and not exists (select 1 from growth_measurement g where g.person_id = p.id and g.measured_on >= ?::date - 40)
          order by p.nik limit 1 offset ?`,
        [today(), today(), today(), offset],
      );
      return { personId: child!.id, measuredOn: await daysAgo(3), heightCm: 92.4, weightKg: 13.1, position: 'STANDING' };
    }

    it('is stored, and a resend with the key answers the saved measurement, marked replayed', async () => {
      const dinkes = await t.login('dinkes');
      const input = { ...(await measurable(0)), idempotencyKey: 'outbox-measure-0001' };
      const first = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
      expect(first.errors).toBeUndefined();
      expect(first.extensions?.replayed).toBeUndefined();
      const [stored] = await t.query<{ id: string }>('select id from growth_measurement where idempotency_key = ?', [input.idempotencyKey]);
      expect(stored?.id).toBe(first.data.recordGrowthMeasurement.id);

      const again = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
      expect(again.errors).toBeUndefined();
      expect(again.data.recordGrowthMeasurement.id).toBe(first.data.recordGrowthMeasurement.id);
      expect(again.extensions).toMatchObject({ replayed: true });
      const audits = await t.query(
        `select id from audit_event where entity_type = 'GrowthMeasurement' and action = 'CREATE' and ? = any(entity_ids)`,
        [first.data.recordGrowthMeasurement.id],
      );
      expect(audits).toHaveLength(1);
    });

    it('with other values under the same key answers CONFLICT on the key, naming what differs, and saves nothing', async () => {
      const dinkes = await t.login('dinkes');
      const input = { ...(await measurable(1)), idempotencyKey: 'outbox-measure-0002' };
      const first = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
      expect(first.errors).toBeUndefined();
      const id = first.data.recordGrowthMeasurement.id;

      // Another day: without the key this would be a new measurement; the key says it is the same entry.
      const otherDay = (await t.gql(MEASURE, { i: { ...input, measuredOn: await daysAgo(4), heightCm: 92 } }, dinkes)) as any;
      expect(otherDay.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'input.idempotencyKey',
        existingId: id,
        existing: { measuredOn: input.measuredOn, heightCm: 92.4 },
      });
      const otherChild = await measurable(2);
      const reused = (await t.gql(MEASURE, { i: { ...otherChild, idempotencyKey: input.idempotencyKey } }, dinkes)) as any;
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey', existingId: id });
      expect(reused.errors[0].extensions.existing).toBeUndefined();

      const rows = await t.query('select id from growth_measurement where person_id in (?, ?) and measured_on >= ?::date - 40', [
        input.personId,
        otherChild.personId,
        today(),
      ]);
      expect(rows).toEqual([{ id }]);
    });

    it('sent twice at once is saved once; both answers name the same measurement', async () => {
      const dinkes = await t.login('dinkes');
      const input = { ...(await measurable(3)), idempotencyKey: 'outbox-measure-0003' };
      const answers = (await Promise.all([1, 2, 3].map(() => t.gql(MEASURE, { i: input }, dinkes)))) as any[];
      for (const a of answers) expect(a.errors).toBeUndefined();
      const ids = new Set(answers.map((a) => a.data.recordGrowthMeasurement.id));
      expect(ids.size).toBe(1);
      expect(answers.filter((a) => a.extensions?.replayed !== true)).toHaveLength(1);
      const rows = await t.query('select id from growth_measurement where idempotency_key = ?', [input.idempotencyKey]);
      expect(rows).toHaveLength(1);
    });

    it('refuses a malformed key as BAD_USER_INPUT on the key', async () => {
      const dinkes = await t.login('dinkes');
      const input = { ...(await measurable(4)), idempotencyKey: 'short' };
      const answer = (await t.gql(MEASURE, { i: input }, dinkes)) as any;
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
      const rows = await t.query('select id from growth_measurement where person_id = ? and measured_on = ?', [input.personId, input.measuredOn]);
      expect(rows).toHaveLength(0);
    });
  });
});
