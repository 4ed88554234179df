import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { NeedType } from '../graphql/enums.js';
import { type CandidateRow, Need, type NeedStatus } from './need.types.js';

function raw(em: EntityManager, text: string, bindings: unknown[]) {
  const q = em.getKnex().raw(text, bindings as never);
  const trx = em.getTransactionContext<Knex.Transaction>();
  return trx ? q.transacting(trx) : q;
}

function toNeed(r: Record<string, unknown>): Need {
  return Object.assign(new Need(), {
    id: r['id'] as string,
    type: r['need_type'] as NeedType,
    status: r['status'] as NeedStatus,
    evidence: r['evidence'] as Record<string, unknown>,
    ruleVersion: r['rule_version'] as number,
    // The view's timestamptz arrives as PostgreSQL text here, not as a Date.
    derivedAt: new Date(r['derived_at'] as string | Date),
    servingPrograms: r['serving_programs'] as number,
    householdId: r['household_id'] as string,
    personId: (r['person_id'] as string | null) ?? null,
    interventionId: (r['intervention_id'] as string | null) ?? null,
    programId: (r['program_id'] as string | null) ?? null,
  });
}

/** Needs of households (with their current status), one statement per batch. */
export function needsByHousehold(em: EntityManager) {
  return new DataLoader<string, Need[]>(async (ids) => {
    const { rows } = await raw(
      em,
      `select * from household_need_status where household_id = any (?::uuid[]) order by need_type, person_id nulls first, id`,
      [[...ids]],
    );
    const groups = new Map<string, Need[]>(ids.map((id) => [id, []]));
    for (const r of rows as Record<string, unknown>[]) groups.get(r['household_id'] as string)?.push(toNeed(r));
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Programs that could serve each need: addressing its type, running today, fitting the target (a
 * person program needs a member of the right age and sex), with quota left in its current period.
 * One statement per batch of needs; best fit first.
 *
 * `coarseAges` (viewers who may not read birth dates): the age limits are checked on the first day of
 * the current quarter, so a program that stops matching on a birthday, watched day by day, tells a
 * birth quarter at most (as stuntingByArea does), not the birth date.
 */
export function candidatesByNeed(em: EntityManager, coarseAges: boolean) {
  return new DataLoader<string, CandidateRow[]>(async (ids) => {
    const { rows } = await raw(
      em,
      `with n as (select * from household_need where id = any (?::uuid[])),
            today as (select sinergi_today() as d, ${coarseAges ? "date_trunc('quarter', sinergi_today())::date" : 'sinergi_today()'} as age_on),
            candidate as (
              select n.id as need_id, p.*
                from n cross join today
                join program p on n.need_type = any (p.need_types)
                left join person m on m.id = n.person_id
               where p.starts_on <= today.d and (p.ends_on is null or p.ends_on >= today.d)
                 and (p.target_unit = 'HOUSEHOLD'
                      or (m.id is not null
                          and (p.target_sex is null or p.target_sex = m.sex)
                          and (p.target_min_age_months is null
                               or extract(year from age(today.age_on, m.birth_date)) * 12 + extract(month from age(today.age_on, m.birth_date)) >= p.target_min_age_months)
                          and (p.target_max_age_months is null
                               or extract(year from age(today.age_on, m.birth_date)) * 12 + extract(month from age(today.age_on, m.birth_date)) <= p.target_max_age_months)))),
            used as (
              select i.program_id, count(distinct (i.household_id, i.person_id))::int as used
                from intervention i join program p on p.id = i.program_id
               where i.program_id in (select id from candidate) and i.status <> 'CANCELLED'
                 and i.period_key = sinergi_period_key(p.frequency, sinergi_today())
               group by i.program_id)
       select c.need_id, c.id as program_id, c.target_unit = 'PERSON' as person_targeted,
              case when c.quota is null then null else c.quota - coalesce(u.used, 0) end as quota_left
         from candidate c left join used u on u.program_id = c.id
        where c.quota is null or c.quota > coalesce(u.used, 0)
        order by c.need_id, (c.target_unit = 'PERSON') desc, quota_left desc nulls first, c.name`,
      [[...ids]],
    );
    const groups = new Map<string, CandidateRow[]>(ids.map((id) => [id, []]));
    for (const r of rows as Record<string, unknown>[]) {
      groups.get(r['need_id'] as string)?.push({
        needId: r['need_id'] as string,
        programId: r['program_id'] as string,
        quotaLeft: r['quota_left'] === null ? null : Number(r['quota_left']),
        personTargeted: r['person_targeted'] as boolean,
      });
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}
