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
});
