import { describe, expect, it } from 'vitest';
import { ageInDays } from '../growth/zscore.js';
import { kkProblem, nikProblem } from '../households/identity-numbers.js';
import { periodKey } from '../interventions/period-key.js';
import { parseInstant, useClock } from '../config/clock.js';
import { DemoCity, demoCalendar, generateInMemory, type HouseholdBatch } from './demo-city.js';
import { Random, stableUuid } from './random.js';
import {
  AREA_CODES,
  areaId,
  DEMO_ACCOUNTS,
  DEMO_ORGS,
  DEMO_USERS,
  KELURAHAN,
  ORGANIZATIONS,
  PROGRAMS,
} from './reference-data.js';
import { ARGON2ID } from './seed-database.js';

// A fixed seeding day: the figures below are about this city; the calendar tests move the day.
const DEMO_TODAY = '2026-11-01';
const { windowStart: WINDOW_START } = demoCalendar(DEMO_TODAY);
const small = generateInMemory({ households: 500, today: DEMO_TODAY });
const large = generateInMemory({ households: 5_000, today: DEMO_TODAY });

function personsByHousehold(batch: HouseholdBatch) {
  const map = new Map<string, HouseholdBatch['persons']>();
  for (const p of batch.persons) {
    const list = map.get(p.household_id) ?? [];
    list.push(p);
    map.set(p.household_id, list);
  }
  return map;
}

describe('Random', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const a = new Random(1);
    const b = new Random(1);
    const c = new Random(2);
    const xs = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(xs);
  });

  it('makes RFC 4122 version-4 uuids and stable name-based ids', () => {
    const r = new Random(7);
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (let i = 0; i < 100; i++) expect(r.uuid()).toMatch(v4);
    expect(stableUuid('area', '62.71')).toMatch(v4);
    expect(stableUuid('area', '62.71')).toBe(stableUuid('area', '62.71'));
    expect(stableUuid('area', '62.71')).not.toBe(stableUuid('area', '62.72'));
  });

  it('keeps helpers in range', () => {
    const r = new Random(3);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(-2, 5);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(5);
      expect(r.weighted(['a', 'b'], [0, 1])).toBe('b');
    }
    const values = Array.from({ length: 20_000 }, () => r.normal(10, 2));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('demo city generator: determinism', () => {
  it('gives the same rows and ids for the same seed', () => {
    const again = generateInMemory({ households: 500, today: DEMO_TODAY });
    expect(again.batch.households[0]).toEqual(small.batch.households[0]);
    expect(again.batch.persons.slice(0, 20)).toEqual(small.batch.persons.slice(0, 20));
    expect(JSON.stringify(again.batch)).toBe(JSON.stringify(small.batch));
    expect(JSON.stringify(again.indicators)).toBe(JSON.stringify(small.indicators));
  });

  it('does not depend on the batch size', () => {
    const city = new DemoCity({ households: 500, today: DEMO_TODAY });
    const ids: string[] = [];
    for (const b of city.householdBatches(37)) ids.push(...b.households.map((h) => h.id));
    expect(ids).toEqual(small.batch.households.map((h) => h.id));
  });

  it('gives different data for a different seed', () => {
    const other = generateInMemory({ households: 500, seed: 42, today: DEMO_TODAY });
    expect(other.batch.households[0]!.id).not.toBe(small.batch.households[0]!.id);
    expect(other.batch.persons[0]!.nik).not.toBe(small.batch.persons[0]!.nik);
  });

  it('keeps reference ids stable across seeds', () => {
    const a = new DemoCity({ households: 10, seed: 1, today: DEMO_TODAY });
    const b = new DemoCity({ households: 10, seed: 2, today: DEMO_TODAY });
    expect(a.areas()).toEqual(b.areas());
    expect(a.organizations()).toEqual(b.organizations());
    expect(a.programRows().map((p) => p.id)).toEqual(b.programRows().map((p) => p.id));
  });

  it('refuses to run twice and refuses bad sizes', () => {
    const city = new DemoCity({ households: 3, today: DEMO_TODAY });
    [...city.householdBatches()];
    expect(() => [...city.householdBatches()]).toThrow();
    expect(() => new DemoCity({ households: 0, today: DEMO_TODAY })).toThrow(RangeError);
    expect(() => new DemoCity({ households: 1.5, today: DEMO_TODAY })).toThrow(RangeError);
    expect(() => new DemoCity({ households: 10, today: DEMO_TODAY }).indicatorValues()).toThrow();
  });
});

describe('demo city generator: calendar', () => {
  const running = (programs: ReturnType<DemoCity['programRows']>, day: string) =>
    programs.filter((p) => p.starts_on <= day && (p.ends_on === null || p.ends_on >= day)).map((p) => p.id);

  it('gives the same city for the same seed and day, and moves every date with the seeding day', () => {
    const later = '2027-06-30';
    const a = generateInMemory({ households: 200, today: later });
    const b = generateInMemory({ households: 200, today: later });
    expect(JSON.stringify(b.batch)).toBe(JSON.stringify(a.batch));
    expect(JSON.stringify(b.indicators)).toBe(JSON.stringify(a.indicators));
    expect(a.city.calendar.windowStart).toBe('2025-12-01');
    for (const i of a.batch.interventions) {
      expect(i.planned_on >= a.city.calendar.windowStart).toBe(true);
      if (i.delivered_on) expect(i.delivered_on <= later).toBe(true);
    }
    for (const m of a.batch.growthMeasurements) expect(m.measured_on < later && m.measured_on >= a.city.calendar.windowStart).toBe(true);
    for (const x of a.batch.povertyAssessments) expect(x.assessed_on < later).toBe(true);
    for (const x of a.batch.assignments) expect(x.requested_at.slice(0, 10) < later).toBe(true);
    expect(Math.max(...a.batch.interventions.map((i) => Date.parse(i.delivered_on ?? '1970-01-01')))).toBeGreaterThan(Date.parse('2027-06-01'));
    expect([...new Set(a.indicators.map((r) => `${r.year}-Q${r.quarter}`))].sort().at(-1)).toBe('2027-Q1');
  });

  it('keeps the same programs running on any seeding day (terms move by whole years)', () => {
    const written = new DemoCity({ households: 1, today: DEMO_TODAY }).programRows();
    const expected = running(written, DEMO_TODAY);
    expect(expected.length).toBeGreaterThan(20);
    // Programs written to end on 2026-12-31 end at the close of the seeding year.
    expect(written.some((p) => p.ends_on === '2026-12-31')).toBe(true);
    for (const day of ['2027-01-01', '2027-06-30', '2027-12-31', '2031-03-15']) {
      const programs = new DemoCity({ households: 1, today: day }).programRows();
      expect(running(programs, day), day).toEqual(expected);
      expect(programs.some((p) => p.ends_on === `${day.slice(0, 4)}-12-31`)).toBe(true);
    }
  });

  it("takes its day from the application clock, in Palangka Raya's time zone, when none is given", () => {
    try {
      useClock(parseInstant('2027-06-30T23:30:00+07:00')!);
      expect(new DemoCity({ households: 1 }).calendar.today).toBe('2027-06-30');
      useClock(parseInstant('2027-06-30T17:30:00Z')!);
      expect(new DemoCity({ households: 1 }).calendar.today).toBe('2027-07-01');
    } finally {
      useClock(undefined);
    }
    expect(() => new DemoCity({ households: 1, today: '2027-02-30' })).toThrow(RangeError);
  });
});

describe('demo city generator: people and identity numbers', () => {
  it('gives every person a valid NIK matching sex and birth date, all unique', () => {
    for (const { batch } of [small, large]) {
      const seen = new Set<string>();
      for (const p of batch.persons) {
        expect(nikProblem(p.nik, { sex: p.sex, birthDate: p.birth_date }), `${p.nik} ${p.sex} ${p.birth_date}`).toBeNull();
        expect(p.nik.slice(0, 4)).toBe('6271');
        expect(seen.has(p.nik)).toBe(false);
        seen.add(p.nik);
      }
    }
  });

  it('registers NIKs in the kecamatan of the household', () => {
    const kecOfArea = new Map(KELURAHAN.map((k) => [areaId(k.code), k.kecamatanCode.slice(-2)]));
    const kecOfHousehold = new Map(small.batch.households.map((h) => [h.id, kecOfArea.get(h.area_id)!]));
    for (const p of small.batch.persons) expect(p.nik.slice(4, 6)).toBe(kecOfHousehold.get(p.household_id));
  });

  it('gives every household a valid, unique KK number issued after the head turned 17', () => {
    const members = personsByHousehold(large.batch);
    const seen = new Set<string>();
    for (const h of large.batch.households) {
      expect(kkProblem(h.kk_number, new Date(`${DEMO_TODAY}T12:00:00+07:00`))).toBeNull();
      expect(seen.has(h.kk_number)).toBe(false);
      seen.add(h.kk_number);
      const head = members.get(h.id)!.find((p) => p.relation === 'HEAD')!;
      const kk = h.kk_number;
      const issued = `20${kk.slice(10, 12)}-${kk.slice(8, 10)}-${kk.slice(6, 8)}`;
      expect(issued <= DEMO_TODAY).toBe(true);
      expect(ageInDays(head.birth_date, issued)).toBeGreaterThan(17 * 365);
    }
  });

  it('has exactly one HEAD per household and plausible ages', () => {
    const members = personsByHousehold(large.batch);
    for (const h of large.batch.households) {
      const list = members.get(h.id)!;
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(9);
      expect(list.filter((p) => p.relation === 'HEAD')).toHaveLength(1);
      const head = list.find((p) => p.relation === 'HEAD')!;
      const headAge = ageInDays(head.birth_date, DEMO_TODAY) / 365.25;
      expect(headAge).toBeGreaterThanOrEqual(19.9);
      expect(headAge).toBeLessThan(82);
    }
    for (const p of large.batch.persons) {
      expect(p.birth_date <= DEMO_TODAY).toBe(true);
      expect(p.birth_date >= '1900-01-01').toBe(true);
      if (p.pregnant) {
        expect(p.sex).toBe('FEMALE');
        const age = ageInDays(p.birth_date, DEMO_TODAY) / 365.25;
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThan(46);
      }
    }
  });

  it('has a mean household size between 3.2 and 4.0', () => {
    const mean = large.batch.persons.length / large.batch.households.length;
    expect(mean).toBeGreaterThanOrEqual(3.2);
    expect(mean).toBeLessThanOrEqual(4.0);
  });

  it('enrols most children of school age, fewer in decile 1', () => {
    const decileOf = new Map(large.batch.households.map((h) => [h.id, h.welfare_decile]));
    const rate = (pred: (d: number) => boolean) => {
      const kids = large.batch.persons.filter((p) => {
        const age = ageInDays(p.birth_date, DEMO_TODAY) / 365.25;
        return age >= 7 && age < 19 && pred(decileOf.get(p.household_id)!);
      });
      return kids.filter((p) => p.school_enrolled).length / kids.length;
    };
    expect(rate((d) => d === 1)).toBeGreaterThan(0.7);
    expect(rate((d) => d >= 4)).toBeGreaterThan(rate((d) => d === 1));
  });
});

describe('demo city generator: welfare', () => {
  it('puts 15–20% of households in decile 1 and concentrates them in deciles 1–4', () => {
    const h = large.batch.households;
    const share = (d: number) => h.filter((x) => x.welfare_decile === d).length / h.length;
    expect(share(1)).toBeGreaterThanOrEqual(0.15);
    expect(share(1)).toBeLessThanOrEqual(0.2);
    expect(share(1) + share(2) + share(3) + share(4)).toBeGreaterThan(0.55);
  });

  it('derives poverty status and expenditure from the decile', () => {
    for (const h of large.batch.households) {
      const d = h.welfare_decile;
      if (d === 1) {
        expect(h.poverty_status).toBe('EXTREME_POOR');
        expect(h.monthly_expenditure_per_capita).toBeLessThan(322_170);
      } else if (d <= 3) expect(h.poverty_status).toBe('POOR');
      else if (d <= 5) expect(['VULNERABLE', 'GRADUATED']).toContain(h.poverty_status);
      else expect(['NOT_POOR', 'GRADUATED']).toContain(h.poverty_status);
    }
    expect(large.batch.households.some((h) => h.poverty_status === 'GRADUATED')).toBe(true);
  });

  it('spreads households over all 30 kelurahan, weighted by population', () => {
    const count = new Map<string, number>();
    for (const h of small.batch.households) count.set(h.area_id, (count.get(h.area_id) ?? 0) + 1);
    expect(count.size).toBe(30);
    for (const k of KELURAHAN) expect(count.get(areaId(k.code))).toBeGreaterThan(0);
    const menteng = count.get(areaId(AREA_CODES.kelurahan.menteng))!;
    const panjehang = count.get(areaId('62.71.05.1002'))!;
    expect(menteng).toBeGreaterThan(panjehang * 20);
  });

  it('keeps households near their kelurahan and inside the address constraints', () => {
    const kelOfArea = new Map(KELURAHAN.map((k) => [areaId(k.code), k]));
    for (const h of small.batch.households) {
      const k = kelOfArea.get(h.area_id)!;
      expect(Math.abs(h.latitude - k.lat)).toBeLessThan(0.1);
      expect(Math.abs(h.longitude - k.lng)).toBeLessThan(0.1);
      expect(h.rt).toMatch(/^[0-9]{3}$/);
      expect(h.rw).toMatch(/^[0-9]{3}$/);
      expect(h.address.length).toBeGreaterThanOrEqual(3);
      expect(h.data_sources.some((s) => s.source === 'DTSEN')).toBe(true);
    }
  });
});

describe('demo city generator: welfare assessments', () => {
  const { households, povertyAssessments } = large.batch;
  const history = new Map<string, typeof povertyAssessments>();
  for (const a of povertyAssessments) {
    const list = history.get(a.household_id) ?? [];
    list.push(a);
    history.set(a.household_id, list);
  }
  const monthsBefore = (months: number) => {
    const d = new Date(`${DEMO_TODAY}T00:00:00Z`);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, d.getUTCDate())).toISOString().slice(0, 10);
  };

  it("gives every household a first assessment 24–36 months old, and the latest one equals the household's row", () => {
    expect(history.size).toBe(households.length);
    for (const h of households) {
      const list = history.get(h.id)!;
      const first = list[0]!;
      const latest = list[list.length - 1]!;
      expect(first.previous_decile).toBeNull();
      expect(first.previous_status).toBeNull();
      expect(first.assessed_on >= monthsBefore(36) && first.assessed_on <= monthsBefore(24), first.assessed_on).toBe(true);
      expect({ decile: latest.welfare_decile, status: latest.poverty_status, expenditure: latest.monthly_expenditure_per_capita }).toEqual({
        decile: h.welfare_decile,
        status: h.poverty_status,
        expenditure: h.monthly_expenditure_per_capita,
      });
    }
  });

  it('keeps each history in order, chained through the previous values, within the last 24 months', () => {
    for (const list of history.values()) {
      for (let i = 1; i < list.length; i++) {
        const [before, a] = [list[i - 1]!, list[i]!];
        expect(a.assessed_on > before.assessed_on).toBe(true);
        expect(a.assessed_on > monthsBefore(24) && a.assessed_on < DEMO_TODAY).toBe(true);
        expect(a.previous_decile).toBe(before.welfare_decile);
        expect(a.previous_status).toBe(before.poverty_status);
        expect(a.created_at.slice(0, 10)).toBe(a.assessed_on);
        // The API's rule: only an extremely poor or poor household graduates, out of decile 1.
        if (a.poverty_status === 'GRADUATED') {
          expect(['EXTREME_POOR', 'POOR']).toContain(before.poverty_status);
          expect(a.welfare_decile).toBeGreaterThanOrEqual(2);
        }
      }
      for (const a of list) {
        expect(a.reason.length).toBeGreaterThanOrEqual(3);
        expect(a.welfare_decile).toBeGreaterThanOrEqual(1);
        expect(a.welfare_decile).toBeLessThanOrEqual(10);
        expect(a.monthly_expenditure_per_capita).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('lets 10–15% of the poor improve (some graduating) and a few worsen', () => {
    let poor = 0;
    let improved = 0;
    let graduated = 0;
    let worsened = 0;
    for (const list of history.values()) {
      const [first, latest] = [list[0]!, list[list.length - 1]!];
      if (latest.welfare_decile < first.welfare_decile) worsened++;
      if (first.poverty_status !== 'EXTREME_POOR' && first.poverty_status !== 'POOR') continue;
      poor++;
      if (latest.welfare_decile > first.welfare_decile) improved++;
      if (latest.poverty_status === 'GRADUATED') graduated++;
    }
    expect(improved / poor).toBeGreaterThanOrEqual(0.1);
    expect(improved / poor).toBeLessThanOrEqual(0.15);
    expect(graduated).toBeGreaterThan(0.02 * poor);
    expect(worsened).toBeGreaterThan(0);
    expect(worsened).toBeLessThan(improved / 2);
  });

  it('brings the number of extremely poor households down month by month over the last 24 months', () => {
    const monthEnds = Array.from({ length: 24 }, (_, i) => {
      const d = new Date(`${DEMO_TODAY}T00:00:00Z`);
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 23 + i, 0)).toISOString().slice(0, 10);
    });
    const extremePoor = monthEnds.map((end) => {
      let n = 0;
      for (const list of history.values()) {
        const current = list.filter((a) => a.assessed_on <= end).at(-1);
        if (current?.poverty_status === 'EXTREME_POOR') n++;
      }
      return n;
    });
    // Least-squares slope of the monthly counts, and the overall fall.
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const mx = mean(monthEnds.map((_, i) => i));
    const my = mean(extremePoor);
    const slope =
      extremePoor.reduce((s, y, i) => s + (i - mx) * (y - my), 0) / monthEnds.reduce((s, _, i) => s + (i - mx) ** 2, 0);
    expect(slope).toBeLessThan(0);
    expect(extremePoor[23]!).toBeLessThan(extremePoor[0]! * 0.95);
    expect(extremePoor[23]).toBe(households.filter((h) => h.poverty_status === 'EXTREME_POOR').length);
    for (let i = 1; i < 24; i++) expect(extremePoor[i]!, monthEnds[i]).toBeLessThanOrEqual(extremePoor[i - 1]! + 5);
  });
});

describe('demo city generator: growth', () => {
  it('stunts about a quarter of decile-1 under-fives, fewer in richer households', () => {
    const { batch } = large;
    const decileOf = new Map(batch.households.map((h) => [h.id, h.welfare_decile]));
    const householdOf = new Map(batch.persons.map((p) => [p.id, p.household_id]));
    const latest = new Map<string, (typeof batch.growthMeasurements)[number]>();
    for (const m of batch.growthMeasurements) {
      const prev = latest.get(m.person_id);
      if (!prev || prev.measured_on < m.measured_on) latest.set(m.person_id, m);
    }
    const share = (pred: (d: number) => boolean) => {
      const children = [...latest.values()].filter((m) => pred(decileOf.get(householdOf.get(m.person_id)!)!));
      return children.filter((m) => m.stunting_status !== 'NORMAL').length / children.length;
    };
    expect(share((d) => d === 1)).toBeGreaterThanOrEqual(0.2);
    expect(share((d) => d === 1)).toBeLessThanOrEqual(0.3);
    expect(share((d) => d >= 6)).toBeLessThan(share((d) => d === 1));
  });

  it('measures only under-fives, within the window and the table constraints', () => {
    const personOf = new Map(large.batch.persons.map((p) => [p.id, p]));
    const seen = new Set<string>();
    for (const m of large.batch.growthMeasurements) {
      const p = personOf.get(m.person_id)!;
      expect(m.measured_on >= WINDOW_START && m.measured_on < DEMO_TODAY).toBe(true);
      expect(m.age_days).toBe(ageInDays(p.birth_date, m.measured_on));
      expect(m.age_days).toBeGreaterThanOrEqual(0);
      expect(m.age_days).toBeLessThanOrEqual(1826);
      expect(m.position).toBe(m.age_days < 731 ? 'LYING' : 'STANDING');
      expect(Math.abs(m.height_for_age_z)).toBeLessThanOrEqual(6);
      expect(m.height_cm).toBeGreaterThanOrEqual(35);
      expect(m.height_cm).toBeLessThanOrEqual(135);
      expect(m.weight_kg).toBeGreaterThan(0);
      expect(m.weight_kg).toBeLessThan(60);
      const expected = m.height_for_age_z < -3 ? 'SEVERELY_STUNTED' : m.height_for_age_z < -2 ? 'STUNTED' : 'NORMAL';
      expect(m.stunting_status).toBe(expected);
      const key = `${m.person_id}|${m.measured_on}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});

describe('demo city generator: programs and interventions', () => {
  const city = new DemoCity({ households: 500, today: DEMO_TODAY });
  const programs = city.programRows();
  const programById = new Map(programs.map((p) => [p.id, p]));

  it('has 25+ programs covering the four aspects and the three strategies', () => {
    expect(programs.length).toBeGreaterThanOrEqual(25);
    const aspects = new Set(programs.flatMap((p) => p.focus_aspects));
    for (const a of ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION']) expect(aspects).toContain(a);
    const strategies = new Set(programs.map((p) => p.strategy));
    expect([...strategies].sort()).toEqual(['INCREASE_INCOME', 'REDUCE_EXPENDITURE', 'REDUCE_POVERTY_POCKETS']);
    expect(new Set(programs.map((p) => `${p.owner_id}|${p.name}`)).size).toBe(programs.length);
    for (const p of programs) {
      if (p.target_unit === 'HOUSEHOLD') {
        expect(p.target_min_age_months).toBeNull();
        expect(p.target_max_age_months).toBeNull();
        expect(p.target_sex).toBeNull();
      }
      expect(p.quota).toBeGreaterThan(0);
    }
    const owners = new Set(programs.map((p) => p.owner_id));
    expect(owners).toContain(DEMO_ORGS.ngo);
    expect(owners).toContain(DEMO_ORGS.csr);
    expect(owners).toContain(DEMO_ORGS.dinsos);
    expect(owners).toContain(DEMO_ORGS.dinkes);
  });

  it('generates about 2.4 interventions per household, in every status', () => {
    const { interventions, households } = large.batch;
    const perHousehold = interventions.length / households.length;
    expect(perHousehold).toBeGreaterThan(2);
    expect(perHousehold).toBeLessThan(2.9);
    const statuses = new Set(small.batch.interventions.map((i) => i.status));
    expect([...statuses].sort()).toEqual(['CANCELLED', 'DELIVERED', 'IN_PROGRESS', 'PLANNED', 'VERIFIED']);
  });

  it('never has two live interventions for the same program, target and period', () => {
    for (const { batch } of [small, large]) {
      const seen = new Set<string>();
      for (const i of batch.interventions) {
        if (i.status === 'CANCELLED') continue;
        const key = `${i.program_id}|${i.household_id}|${i.person_id ?? ''}|${i.period_key}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('respects target units, ages, dates and the status columns', () => {
    const personOf = new Map(large.batch.persons.map((p) => [p.id, p]));
    const maxPlanned = new Date(Date.parse(DEMO_TODAY) + 45 * 86_400_000).toISOString().slice(0, 10);
    for (const i of large.batch.interventions) {
      const p = programById.get(i.program_id)!;
      expect(i.organization_id).toBe(p.owner_id);
      if (p.target_unit === 'PERSON') {
        const person = personOf.get(i.person_id!)!;
        expect(person.household_id).toBe(i.household_id);
        const months = Math.floor(ageInDays(person.birth_date, i.planned_on) / 30.4375);
        if (p.target_min_age_months !== null) expect(months).toBeGreaterThanOrEqual(p.target_min_age_months - 1);
        if (p.target_max_age_months !== null) expect(months).toBeLessThanOrEqual(p.target_max_age_months + 1);
        if (p.target_sex) expect(person.sex).toBe(p.target_sex);
      } else {
        expect(i.person_id).toBeNull();
      }
      expect(i.period_key).toBe(periodKey(p.frequency as 'ONCE', i.delivered_on ?? i.planned_on));
      expect(i.planned_on >= WINDOW_START).toBe(true);
      expect(i.planned_on <= maxPlanned).toBe(true);
      expect(i.planned_on >= p.starts_on).toBe(true);
      if (p.ends_on) expect(i.planned_on <= p.ends_on).toBe(true);
      if (i.delivered_on) {
        expect(i.delivered_on <= DEMO_TODAY).toBe(true);
        expect(i.delivered_on >= i.planned_on).toBe(true);
      }
      expect(['DELIVERED', 'VERIFIED'].includes(i.status)).toBe(i.delivered_on !== null);
      expect(i.status === 'VERIFIED').toBe(i.verified_at !== null);
      expect(i.status === 'CANCELLED').toBe(i.cancelled_at !== null);
      expect(i.quantity).toBeGreaterThan(0);
      if (i.value_rp !== null) expect(i.value_rp).toBeGreaterThanOrEqual(0);
      if (p.delivery_unit === 'Rp') expect(i.quantity).toBe(i.value_rp);
    }
  });

  it('feeds pregnant women only during the last six months', () => {
    const pmtBumil = stableUuid('program', 'pmtBumil');
    const personOf = new Map(large.batch.persons.map((p) => [p.id, p]));
    const rows = large.batch.interventions.filter((i) => i.program_id === pmtBumil);
    expect(rows.length).toBeGreaterThan(0);
    for (const i of rows) {
      expect(personOf.get(i.person_id!)!.pregnant).toBe(true);
      expect(ageInDays(i.planned_on, DEMO_TODAY)).toBeLessThanOrEqual(180);
    }
  });

  it('keeps timestamps in the order things happened', () => {
    for (const i of large.batch.interventions) {
      expect(i.created_at <= i.updated_at).toBe(true);
      if (i.verified_at) expect(i.created_at < i.verified_at && i.verified_at <= i.updated_at).toBe(true);
      if (i.cancelled_at) expect(i.created_at < i.cancelled_at && i.cancelled_at <= i.updated_at).toBe(true);
      if (i.delivered_on) expect(i.created_at.slice(0, 10) < i.delivered_on).toBe(true);
    }
    for (const a of large.batch.assignments) {
      if (a.responded_at) expect(a.requested_at < a.responded_at).toBe(true);
      if (a.closed_at) expect((a.responded_at ?? a.requested_at) < a.closed_at).toBe(true);
      expect(a.updated_at >= a.created_at).toBe(true);
    }
    for (const h of large.batch.households) {
      expect(h.created_at <= h.updated_at).toBe(true);
      if (h.verified_at) expect(h.verification_status).toBe('VERIFIED');
    }
  });

  it('logs interventions as the owner organisation’s demo user when it has one', () => {
    const userOfOrg = new Map(DEMO_ACCOUNTS.map((a) => [a.organizationId, a.id]));
    for (const i of small.batch.interventions) expect(i.logged_by_id).toBe(userOfOrg.get(i.organization_id) ?? null);
  });
});

describe('demo city generator: referrals to partners', () => {
  const { assignments, interventions, households } = large.batch;

  it('refers 150–300 households per 5,000 to NGOs and companies', () => {
    const referred = new Set(assignments.map((a) => a.household_id));
    expect(referred.size).toBeGreaterThanOrEqual(150);
    expect(referred.size).toBeLessThanOrEqual(300);
    const partnerTypes = new Set(['NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR']);
    const typeOf = new Map(ORGANIZATIONS.map((o) => [o.id, o.type]));
    for (const a of assignments) expect(partnerTypes.has(typeOf.get(a.organization_id)!)).toBe(true);
    expect(households.length).toBe(5_000);
  });

  it('gives the ngo and csr demo organisations several requested and accepted referrals', () => {
    for (const org of [DEMO_ORGS.ngo, DEMO_ORGS.csr]) {
      for (const status of ['REQUESTED', 'ACCEPTED'] as const) {
        expect(assignments.filter((a) => a.organization_id === org && a.status === status).length).toBeGreaterThanOrEqual(5);
      }
      // Even the small city gives the demo partners something to work with.
      expect(small.batch.assignments.some((a) => a.organization_id === org && a.status === 'REQUESTED')).toBe(true);
      expect(small.batch.assignments.some((a) => a.organization_id === org && a.status === 'ACCEPTED')).toBe(true);
    }
  });

  it('keeps referral columns consistent and at most one open referral per household, partner and need', () => {
    const open = new Set<string>();
    for (const a of assignments) {
      if (a.status !== 'REQUESTED') expect(a.responded_at ?? a.closed_at).not.toBeNull();
      if (a.status === 'CLOSED') expect(a.closed_at).not.toBeNull();
      expect(a.requested_at.slice(0, 10) < DEMO_TODAY).toBe(true);
      if (a.status === 'REQUESTED' || a.status === 'ACCEPTED') {
        const key = `${a.household_id}|${a.organization_id}|${a.need_type ?? ''}`;
        expect(open.has(key)).toBe(false);
        open.add(key);
      }
    }
  });

  it('delivers partner programs only to households referred to and accepted by that partner', () => {
    const partnerProgramOwner = new Map(
      new DemoCity({ households: 1, today: DEMO_TODAY })
        .programRows()
        .filter((p) => PROGRAMS.find((d) => stableUuid('program', d.key) === p.id)!.reach.viaAssignment)
        .map((p) => [p.id, p.owner_id]),
    );
    const accepted = new Set(
      assignments.filter((a) => a.status === 'ACCEPTED' || a.status === 'CLOSED').map((a) => `${a.household_id}|${a.organization_id}`),
    );
    let partnerDeliveries = 0;
    for (const i of interventions) {
      const owner = partnerProgramOwner.get(i.program_id);
      if (!owner) continue;
      partnerDeliveries++;
      expect(accepted.has(`${i.household_id}|${owner}`)).toBe(true);
    }
    expect(partnerDeliveries).toBeGreaterThan(0);
    for (const org of [DEMO_ORGS.ngo, DEMO_ORGS.csr]) {
      expect(interventions.some((i) => i.organization_id === org)).toBe(true);
    }
  });
});

describe('demo city reference data', () => {
  const city = new DemoCity({ households: 10, today: DEMO_TODAY });

  it('has the city, 5 kecamatan and 30 kelurahan with Kemendagri codes in spec order', () => {
    const areas = city.areas();
    expect(areas).toHaveLength(36);
    expect(areas.filter((a) => a.level === 'KECAMATAN').map((a) => `${a.code} ${a.name}`)).toEqual([
      '62.71.01 Pahandut',
      '62.71.02 Bukit Batu',
      '62.71.03 Jekan Raya',
      '62.71.04 Sabangau',
      '62.71.05 Rakumpit',
    ]);
    const kel = areas.filter((a) => a.level === 'KELURAHAN');
    expect(kel.find((a) => a.code === '62.71.03.1002')!.name).toBe('Menteng');
    expect(kel.find((a) => a.code === '62.71.05.1007')!.name).toBe('Bukit Sua');
    expect(kel.find((a) => a.code === '62.71.02.1007')!.name).toBe('Habaring Hurung');
    for (const a of areas) expect(a.code).toMatch(/^[0-9]{2}\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?$/);
    const city0 = areas.find((a) => a.level === 'CITY')!;
    expect(city0.name).toBe('Kota Palangka Raya');
    expect(city0.population).toBeGreaterThan(305_000);
    expect(city0.population).toBeLessThan(325_000);
    for (const a of kel) expect(a.parent_id).toBe(areaId(a.code.slice(0, 8)));
  });

  it('has 20+ organisations of every type with valid contacts', () => {
    const orgs = city.organizations();
    expect(orgs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(orgs.map((o) => o.type)).size).toBe(6);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.id)).size).toBe(orgs.length);
    for (const o of orgs) {
      expect(o.contact_email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
      expect(o.contact_phone).toMatch(/^\+?[0-9 ()-]{6,20}$/);
      expect(o.short_name.length).toBeLessThanOrEqual(40);
    }
    for (const id of Object.values(DEMO_ORGS)) expect(orgs.some((o) => o.id === id)).toBe(true);
    expect(orgs.find((o) => o.id === DEMO_ORGS.kelurahanMenteng)!.name).toBe('Kelurahan Menteng');
  });

  it('has the eight demo accounts of spec §5 with stable ids', () => {
    const users = city.users('hash');
    const byName = new Map(users.map((u) => [u.username, u]));
    const expected: Array<[string, string, string, string]> = [
      ['admin', 'ADMIN', DEMO_USERS.admin, DEMO_ORGS.diskominfo],
      ['bappeda', 'COORDINATOR', DEMO_USERS.bappeda, DEMO_ORGS.bappeda],
      ['dinsos', 'AGENCY_STAFF', DEMO_USERS.dinsos, DEMO_ORGS.dinsos],
      ['dinkes', 'AGENCY_STAFF', DEMO_USERS.dinkes, DEMO_ORGS.dinkes],
      ['lurah.menteng', 'KELURAHAN_OFFICER', DEMO_USERS.lurahMenteng, DEMO_ORGS.kelurahanMenteng],
      ['ngo', 'NGO_PARTNER', DEMO_USERS.ngo, DEMO_ORGS.ngo],
      ['csr', 'PRIVATE_PARTNER', DEMO_USERS.csr, DEMO_ORGS.csr],
      ['inspektorat', 'AUDITOR', DEMO_USERS.inspektorat, DEMO_ORGS.inspektorat],
    ];
    expect(users).toHaveLength(8);
    for (const [username, role, id, org] of expected) {
      const u = byName.get(username)!;
      expect(u.role).toBe(role);
      expect(u.id).toBe(id);
      expect(u.organization_id).toBe(org);
      expect(u.username).toMatch(/^[a-z0-9][a-z0-9._-]{2,39}$/);
    }
    expect(byName.get('lurah.menteng')!.area_id).toBe(areaId('62.71.03.1002'));
    const types = new Map(ORGANIZATIONS.map((o) => [o.id, o.type]));
    expect(types.get(DEMO_ORGS.ngo)).toBe('NGO');
    expect(types.get(DEMO_ORGS.csr)).toBe('PRIVATE_SECTOR');
  });

  it('hashes the demo password with argon2id', async () => {
    const { hash, verify } = await import('@node-rs/argon2');
    const h = await hash('sinergi-demo', { algorithm: ARGON2ID });
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verify(h, 'sinergi-demo')).toBe(true);
  });

  it('has quarterly indicators per kelurahan for the last 8 quarters', () => {
    const rows = large.indicators;
    expect(rows).toHaveLength(30 * 8 * 4);
    const quarters = [...new Set(rows.map((r) => `${r.year}-Q${r.quarter}`))].sort();
    expect(quarters).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    for (const r of rows) {
      if (r.indicator === 'STUNTING_PREVALENCE_PCT' || r.indicator === 'P3DN_SHARE_PCT') {
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
      }
      if (r.indicator === 'INFLATION_YOY_PCT') {
        expect(r.value).toBeGreaterThan(1);
        expect(r.value).toBeLessThan(4.5);
      }
      if (r.indicator === 'INVESTMENT_REALISATION_RP') expect(r.value).toBeGreaterThan(0);
    }
    const unique = new Set(rows.map((r) => `${r.area_id}|${r.indicator}|${r.year}|${r.quarter}`));
    expect(unique.size).toBe(rows.length);
  });
});
