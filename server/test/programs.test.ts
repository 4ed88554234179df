import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let bappeda: string;
let ownerId: string;

beforeAll(async () => {
  t = await startTestServer();
  bappeda = await t.login('bappeda');
  const [org] = await t.query<{ id: string }>(`select organization_id as id from app_user where username = 'dinsos'`);
  ownerId = org!.id;
});
afterAll(() => t.close());

const FIELDS = 'id description endsOn budgetRp quota targetUnit targetSex targetMinAgeMonths targetMaxAgeMonths';
const CREATE = `mutation ($i: CreateProgramInput!) { createProgram(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation ($i: UpdateProgramInput!) { updateProgram(input: $i) { ${FIELDS} } }`;

async function createPerPersonProgram(name: string) {
  const res = await t.gql(
    CREATE,
    {
      i: {
        ownerId,
        name,
        description: 'Makanan tambahan untuk balita',
        focusAspects: ['STUNTING'],
        strategy: 'REDUCE_POVERTY_POCKETS',
        needTypes: ['STUNTING'],
        targetUnit: 'PERSON',
        targetSex: 'FEMALE',
        targetMinAgeMonths: 6,
        targetMaxAgeMonths: 59,
        deliveryUnit: 'paket',
        frequency: 'MONTHLY',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        budgetRp: 150_000_000,
        quota: 500,
      },
    },
    bappeda,
  );
  expect(res.errors).toBeUndefined();
  return res.data.createProgram.id as string;
}

describe('updateProgram', () => {
  it('an explicit null clears the end date, budget, quota, description and target criteria', async () => {
    const id = await createPerPersonProgram('PMT Balita Uji Hapus');
    const res = await t.gql(
      UPDATE,
      { i: { id, description: null, endsOn: null, budgetRp: null, quota: null, targetSex: null, targetMinAgeMonths: null, targetMaxAgeMonths: null, targetUnit: 'HOUSEHOLD' } },
      bappeda,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateProgram).toEqual({
      id,
      description: null,
      endsOn: null,
      budgetRp: null,
      quota: null,
      targetUnit: 'HOUSEHOLD',
      targetSex: null,
      targetMinAgeMonths: null,
      targetMaxAgeMonths: null,
    });
    const [row] = await t.query<{ ends_on: string | null; quota: number | null; budget_rp: string | null }>(
      'select ends_on, quota, budget_rp from program where id = ?',
      [id],
    );
    expect(row).toEqual({ ends_on: null, quota: null, budget_rp: null });
  });

  it('omitted fields stay as they are, and cross-field rules hold on the result', async () => {
    const id = await createPerPersonProgram('PMT Balita Uji Tetap');
    const kept = await t.gql(UPDATE, { i: { id, quota: 600 } }, bappeda);
    expect(kept.errors).toBeUndefined();
    expect(kept.data.updateProgram).toMatchObject({ quota: 600, endsOn: '2026-12-31', budgetRp: 150_000_000, targetSex: 'FEMALE' });

    const early = await t.gql(UPDATE, { i: { id, endsOn: '2025-12-31' } }, bappeda);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
    // Criteria left in place make a household program invalid.
    const household = await t.gql(UPDATE, { i: { id, targetUnit: 'HOUSEHOLD' } }, bappeda);
    expect(household.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetUnit' });
  });
});
