import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as todayInCity } from '../src/config/clock.js';
import { makeKk, makeNik } from '../src/households/identity-numbers.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let lurah: string;
let dinsos: string;
const MENTENG = '62.71.03.1002';
const PAHANDUT = '62.71.01.1001';

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
  lurah = await t.login('lurah.menteng');
  dinsos = await t.login('dinsos');
});
afterAll(() => t.close());

const RECORD = `mutation ($i: RecordPovertyAssessmentInput!) {
  recordPovertyAssessment(input: $i) {
    id assessedOn welfareDecile povertyStatus monthlyExpenditurePerCapita previousDecile previousStatus reason
    household { id welfareDecile povertyStatus version }
    assessedBy { username }
    organization { shortName }
  }
}`;
const HISTORY = `query ($id: ID!) {
  household(id: $id) {
    welfareDecile povertyStatus monthlyExpenditurePerCapita version
    assessments { id assessedOn welfareDecile povertyStatus previousDecile previousStatus reason }
  }
}`;

/** A household of the area with this status, skipping the ones a test already used. */
const used = new Set<string>();
async function householdWith(areaCode: string, status: string): Promise<{ id: string; version: number; welfare_decile: number }> {
  const rows = await t.query<{ id: string; version: number; welfare_decile: number }>(
    `select h.id, h.version, h.welfare_decile from household h join area a on a.id = h.area_id
      where a.code = ? and h.poverty_status = ? order by h.id limit 50`,
    [areaCode, status],
  );
  const row = rows.find((r) => !used.has(r.id))!;
  used.add(row.id);
  return row;
}

async function state(householdId: string) {
  const [row] = await t.query<{ assessments: string; version: number; decile: number; status: string; events: string }>(
    `select (select count(*) from poverty_assessment where household_id = h.id) as assessments, h.version,
            h.welfare_decile as decile, h.poverty_status as status,
            (select count(*) from audit_event where entity_type = 'PovertyAssessment') as events
       from household h where h.id = ?`,
    [householdId],
  );
  return row!;
}

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe('recordPovertyAssessment', () => {
  it('updates the household, bumps its version and keeps the history newest first', async () => {
    const h = await householdWith(MENTENG, 'EXTREME_POOR');
    const before = (await t.gql(HISTORY, { id: h.id }, admin)).data.household;
    expect(before.assessments.length).toBeGreaterThanOrEqual(1);
    expect(before.assessments[0]).toMatchObject({ welfareDecile: 1, povertyStatus: 'EXTREME_POOR' });

    const today = todayInCity();
    const first = await t.gql(
      RECORD,
      { i: { householdId: h.id, assessedOn: today, welfareDecile: 2, monthlyExpenditurePerCapita: 410_000, reason: 'Pemutakhiran DTSEN: usaha warung berjalan' } },
      dinsos,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.recordPovertyAssessment).toMatchObject({
      assessedOn: today,
      welfareDecile: 2,
      povertyStatus: 'POOR', // from the decile
      monthlyExpenditurePerCapita: 410_000,
      previousDecile: 1,
      previousStatus: 'EXTREME_POOR',
      household: { id: h.id, welfareDecile: 2, povertyStatus: 'POOR', version: h.version + 1 },
      assessedBy: { username: 'dinsos' },
    });

    // Graduation out of POOR, by the kelurahan officer; no expenditure measured keeps the household's figure.
    const second = await t.gql(
      RECORD,
      { i: { householdId: h.id, assessedOn: today, welfareDecile: 4, povertyStatus: 'GRADUATED', reason: 'Graduasi PKH: keluarga mandiri' } },
      lurah,
    );
    expect(second.errors).toBeUndefined();
    expect(second.data.recordPovertyAssessment).toMatchObject({
      welfareDecile: 4,
      povertyStatus: 'GRADUATED',
      monthlyExpenditurePerCapita: null,
      previousDecile: 2,
      previousStatus: 'POOR',
      household: { welfareDecile: 4, povertyStatus: 'GRADUATED', version: h.version + 2 },
      assessedBy: { username: 'lurah.menteng' },
    });

    const after = (await t.gql(HISTORY, { id: h.id }, admin)).data.household;
    expect(after).toMatchObject({ welfareDecile: 4, povertyStatus: 'GRADUATED', monthlyExpenditurePerCapita: 410_000, version: h.version + 2 });
    expect(after.assessments).toHaveLength(before.assessments.length + 2);
    expect(after.assessments[0].id).toBe(second.data.recordPovertyAssessment.id);
    expect(after.assessments[1].id).toBe(first.data.recordPovertyAssessment.id);
    expect(after.assessments.slice(2)).toEqual(before.assessments);
    const dates = after.assessments.map((a: { assessedOn: string }) => a.assessedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    // The oldest is the registration: it has no previous values.
    expect(after.assessments.at(-1)).toMatchObject({ previousDecile: null, previousStatus: null });
  });

  it('allows GRADUATED only for an extremely poor or poor household, and only above decile 1', async () => {
    const vulnerable = await householdWith(MENTENG, 'VULNERABLE');
    const before = await state(vulnerable.id);
    const refused = await t.gql(
      RECORD,
      { i: { householdId: vulnerable.id, assessedOn: todayInCity(), welfareDecile: 6, povertyStatus: 'GRADUATED', reason: 'Graduasi' } },
      admin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.povertyStatus' });
    expect(await state(vulnerable.id)).toEqual(before);

    const poor = await householdWith(MENTENG, 'EXTREME_POOR');
    const beforePoor = await state(poor.id);
    const decileOne = await t.gql(
      RECORD,
      { i: { householdId: poor.id, assessedOn: todayInCity(), welfareDecile: 1, povertyStatus: 'GRADUATED', reason: 'Graduasi' } },
      admin,
    );
    expect(decileOne.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.welfareDecile' });
    expect(await state(poor.id)).toEqual(beforePoor);
  });

  it('refuses a future date, a date before the latest assessment and bad values, writing nothing', async () => {
    const h = await householdWith(MENTENG, 'POOR');
    const today = todayInCity();
    const ok = await t.gql(RECORD, { i: { householdId: h.id, assessedOn: today, welfareDecile: 3, reason: 'Verifikasi lapangan' } }, admin);
    expect(ok.errors).toBeUndefined();
    const before = await state(h.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ assessedOn: '2999-01-01' }, 'input.assessedOn'],
      [{ assessedOn: daysBefore(today, -1) }, 'input.assessedOn'],
      [{ assessedOn: daysBefore(today, 1) }, 'input.assessedOn'], // before the one just recorded
      [{ welfareDecile: 0 }, 'input.welfareDecile'],
      [{ welfareDecile: 11 }, 'input.welfareDecile'],
      [{ monthlyExpenditurePerCapita: -1 }, 'input.monthlyExpenditurePerCapita'],
      [{ reason: ' x ' }, 'input.reason'],
      [{ reason: 'x'.repeat(1001) }, 'input.reason'],
    ];
    for (const [change, field] of cases) {
      const res = await t.gql(RECORD, { i: { householdId: h.id, assessedOn: today, welfareDecile: 2, reason: 'Uji nilai salah', ...change } }, admin);
      expect(res.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await state(h.id)).toEqual(before);
  });

  it('answers NOT_FOUND outside the officer’s area or for a missing household, FORBIDDEN for partners and auditors', async () => {
    const pahandut = await householdWith(PAHANDUT, 'POOR');
    const before = await state(pahandut.id);
    const input = { householdId: pahandut.id, assessedOn: todayInCity(), welfareDecile: 1, reason: 'Kehilangan pekerjaan' };
    const outside = await t.gql(RECORD, { i: input }, lurah);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.householdId' });
    const missing = await t.gql(RECORD, { i: { ...input, householdId: '00000000-0000-4000-8000-00000000beef' } }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const username of ['ngo', 'csr', 'inspektorat']) {
      const res = await t.gql(RECORD, { i: input }, await t.login(username));
      expect(res.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
    expect(await state(pahandut.id)).toEqual(before);
    // The coordinator and any agency staff work city-wide.
    for (const [token, decile] of [[await t.login('bappeda'), 1], [await t.login('dinkes'), 1]] as const) {
      const res = await t.gql(RECORD, { i: { ...input, welfareDecile: decile } }, token);
      expect(res.errors).toBeUndefined();
    }
  });

  it('writes one audit event with the previous and the new values, in the same request', async () => {
    const h = await householdWith(MENTENG, 'POOR');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': 'assessment-audit-1' },
      body: JSON.stringify({
        query: RECORD,
        variables: { i: { householdId: h.id, assessedOn: todayInCity(), welfareDecile: 1, monthlyExpenditurePerCapita: 300_000, reason: 'Kepala keluarga kehilangan pekerjaan' } },
      }),
    });
    const assessment = ((await res.json()) as any).data.recordPovertyAssessment;
    // The server's own request id, not the one the client sent.
    const requestId = res.headers.get('x-request-id');
    expect(requestId).not.toBe('assessment-audit-1');
    const events = await t.query<any>(
      `select action, entity_type, entity_ids, old_values, new_values from audit_event where request_id = ? and action <> 'PII_READ'`,
      [requestId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'CREATE', entity_type: 'PovertyAssessment', entity_ids: [assessment.id, h.id] });
    expect(events[0].old_values).toMatchObject({ welfareDecile: h.welfare_decile, povertyStatus: 'POOR' });
    expect(events[0].new_values).toMatchObject({
      welfareDecile: 1,
      povertyStatus: 'EXTREME_POOR',
      previousDecile: h.welfare_decile,
      previousStatus: 'POOR',
      reason: 'Kepala keluarga kehilangan pekerjaan',
    });
  });

  it('serialises concurrent assessments of one household: each one records the other as its previous value', async () => {
    const h = await householdWith(MENTENG, 'POOR');
    const today = todayInCity();
    const results = await Promise.all(
      [2, 3].map((decile) => t.gql(RECORD, { i: { householdId: h.id, assessedOn: today, welfareDecile: decile, reason: 'Uji bersamaan' } }, admin)),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const history = (await t.gql(HISTORY, { id: h.id }, admin)).data.household;
    const [newest, older] = history.assessments;
    expect(newest.previousDecile).toBe(older.welfareDecile);
    expect(older.previousDecile).toBe(h.welfare_decile);
    expect(history.welfareDecile).toBe(newest.welfareDecile);
    expect(history.version).toBe(h.version + 2);
  });

  it('is append-only and scoped in the database too', async () => {
    const [menteng] = await t.query<{ n: string }>(
      `select count(*) as n from poverty_assessment pa join household h on h.id = pa.household_id join area a on a.id = h.area_id where a.code = ?`,
      [MENTENG],
    );
    const em = t.db.orm.em.fork();
    const seen = await em.transactional(async (tx) => {
      await tx.execute(
        `select set_config('sinergi.role', 'KELURAHAN_OFFICER', true), set_config('sinergi.area_code', ?, true)`,
        [MENTENG],
      );
      return tx.execute<Array<{ n: string }>>('select count(*) as n from poverty_assessment');
    });
    expect(Number(seen[0]!.n)).toBe(Number(menteng!.n));
    await expect(
      t.db.orm.em.fork().transactional(async (tx) => {
        await tx.execute(`select set_config('sinergi.role', 'ADMIN', true)`);
        await tx.execute(`update poverty_assessment set reason = 'diubah'`);
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.db.orm.em.fork().transactional(async (tx) => {
        await tx.execute(`select set_config('sinergi.role', 'ADMIN', true)`);
        await tx.execute(`delete from poverty_assessment`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('decile and status outside an assessment', () => {
  it('cannot be changed by updateHousehold', async () => {
    const h = await householdWith(MENTENG, 'NOT_POOR');
    const res = await t.gql(
      `mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }`,
      { i: { id: h.id, version: h.version, welfareDecile: 1 } },
      admin,
      { 'accept-language': 'en' },
    );
    expect(res.errors?.[0]?.message).toMatch(/welfareDecile/);
    const [row] = await t.query<{ welfare_decile: number }>('select welfare_decile from household where id = ?', [h.id]);
    expect(row!.welfare_decile).toBe(h.welfare_decile);
  });

  it('a new household starts with its registration assessment', async () => {
    const mentengId = (await t.gql(`{ area(code: "${MENTENG}") { id } }`, {}, admin)).data.area.id;
    const res = await t.gql(
      `mutation ($i: CreateHouseholdInput!) {
        createHousehold(input: $i) { id welfareDecile povertyStatus assessments { assessedOn welfareDecile povertyStatus monthlyExpenditurePerCapita previousDecile reason assessedBy { username } } }
      }`,
      {
        i: {
          kkNumber: makeKk({ regionCode: '627103', issueDate: '2020-03-02', serial: 8801 }),
          areaId: mentengId,
          address: 'Jl. Rajawali No. 4',
          welfareDecile: 1,
          monthlyExpenditurePerCapita: 280_000,
          members: [{ nik: makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1979-04-11', serial: 8801 }), name: 'Yusuf Ilham', sex: 'MALE', birthDate: '1979-04-11', relation: 'HEAD' }],
        },
      },
      lurah,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createHousehold.assessments).toEqual([
      {
        assessedOn: todayInCity(),
        welfareDecile: 1,
        povertyStatus: 'EXTREME_POOR',
        monthlyExpenditurePerCapita: 280_000,
        previousDecile: null,
        reason: 'Pendaftaran / registration',
        assessedBy: { username: 'lurah.menteng' },
      },
    ]);
  });
});

describe('the demo city', () => {
  it('gives every household a history whose latest assessment matches the household', async () => {
    const [row] = await t.query<{ without: string; mismatched: string; total: string }>(
      `select count(*) filter (where l.id is null) as without,
              count(*) filter (where l.id is not null and (l.welfare_decile, l.poverty_status) is distinct from (h.welfare_decile, h.poverty_status)) as mismatched,
              count(*) as total
         from household h
         left join lateral (select * from poverty_assessment pa where pa.household_id = h.id
                             order by pa.assessed_on desc, pa.created_at desc limit 1) l on true`,
    );
    expect(Number(row!.total)).toBeGreaterThan(1000);
    expect(Number(row!.without)).toBe(0);
    expect(Number(row!.mismatched)).toBe(0);
  });
});
