import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('growth measurement audit', () => {
  it("names the child's household, so the household's audit trail lists the measurement", async () => {
    const [child] = await t.query<{ id: string; household_id: string; birth: string }>(
      `select p.id, p.household_id, to_char(p.birth_date, 'YYYY-MM-DD') as birth from person p
        where p.birth_date between current_date - interval '4 years' and current_date - interval '2 years'
          and not exists (select 1 from growth_measurement g where g.person_id = p.id and g.measured_on = current_date - 1)
        order by p.nik limit 1`,
    );
    const dinkes = await t.login('dinkes');
    const [yesterday] = await t.query<{ d: string }>(`select to_char(current_date - 1, 'YYYY-MM-DD') as d`);
    const recorded = await t.gql(
      'mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { id } }',
      { i: { personId: child!.id, measuredOn: yesterday!.d, heightCm: 88, position: 'STANDING' } },
      dinkes,
    );
    expect(recorded.errors).toBeUndefined();
    const measurementId = recorded.data.recordGrowthMeasurement.id as string;

    const trail = await t.gql(
      'query ($f: AuditEventFilter) { auditEvents(filter: $f, first: 10) { edges { node { action entityType entityIds } } } }',
      { f: { entityId: child!.household_id, entityType: 'GrowthMeasurement' } },
      await t.login('inspektorat'),
    );
    expect(trail.data.auditEvents.edges.map((e: any) => e.node)).toEqual([
      { action: 'CREATE', entityType: 'GrowthMeasurement', entityIds: [measurementId, child!.id, child!.household_id] },
    ]);
  });
});
