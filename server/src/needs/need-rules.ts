import { NeedType } from '../graphql/enums.js';

/**
 * The need rules of spec §4, as one versioned rule set. Each rule is a SQL query over the households
 * being derived (`scope h`) and today's date (`today.d`, in Palangka Raya), returning the household,
 * the member concerned (null for household-level needs) and the evidence that triggered it.
 */
export interface NeedRule {
  type: NeedType;
  version: number;
  description: { id: string; en: string };
  /** Whether the need concerns one member or the household as a whole. */
  unit: 'PERSON' | 'HOUSEHOLD';
  /** Selects (household_id, person_id, evidence) from `scope h` and `today`. */
  sql: string;
}

export const RULESET_VERSION = 1;

// A household's current members, by household (`offset 0` keeps the subquery a nested loop over the
// scope): row-level security makes the planner expect almost no members, and it then scanned every
// person of the city once per household of a batch.
const MEMBERS = `lateral (select * from person p where p.household_id = h.id and p.left_on is null offset 0) p`;
// Completed years / months of a member on `today.d`.
const AGE_YEARS = `extract(year from age(today.d, p.birth_date))::int`;
const AGE_MONTHS = `(extract(year from age(today.d, p.birth_date)) * 12 + extract(month from age(today.d, p.birth_date)))::int`;

export const NEED_RULES: readonly NeedRule[] = [
  {
    type: NeedType.STUNTING,
    version: 1,
    unit: 'PERSON',
    description: {
      id: 'Balita (di bawah 5 tahun) yang pengukuran terakhirnya stunting (TB/U < −2 SD, standar WHO 2006)',
      en: 'A child under five whose latest measurement is stunted (height-for-age z < −2, WHO 2006)',
    },
    sql: `
      select p.household_id, p.id as person_id,
             jsonb_build_object('measuredOn', m.measured_on, 'heightForAgeZ', m.height_for_age_z,
                                'stuntingStatus', m.stunting_status, 'ageMonths', ${AGE_MONTHS}) as evidence
        from scope h cross join today
        cross join ${MEMBERS}
        join lateral (select g.measured_on, g.height_for_age_z, g.stunting_status from growth_measurement g
                       where g.person_id = p.id order by g.measured_on desc, g.id desc limit 1) m on true
       where p.birth_date > today.d - interval '5 years'
         and m.stunting_status in ('STUNTED', 'SEVERELY_STUNTED')`,
  },
  {
    type: NeedType.NUTRITION_RISK,
    version: 1,
    unit: 'PERSON',
    description: {
      id: 'Ibu hamil atau anak di bawah 2 tahun dalam keluarga desil 1',
      en: 'A pregnant woman or a child under two in a decile-1 household',
    },
    sql: `
      select p.household_id, p.id as person_id,
             jsonb_build_object('reason', case when p.pregnant then 'PREGNANT' else 'UNDER_TWO' end,
                                'welfareDecile', h.welfare_decile, 'ageMonths', ${AGE_MONTHS}) as evidence
        from scope h cross join today
        cross join ${MEMBERS}
       where h.welfare_decile = 1
         and (p.pregnant or p.birth_date > today.d - interval '2 years')`,
  },
  {
    type: NeedType.HEALTH_INSURANCE,
    version: 1,
    unit: 'PERSON',
    description: { id: 'Anggota keluarga tanpa JKN', en: 'A member without JKN health insurance' },
    sql: `
      select p.household_id, p.id as person_id, jsonb_build_object('jknStatus', p.jkn_status) as evidence
        from scope h cross join ${MEMBERS}
       where p.jkn_status = 'NONE'`,
  },
  {
    type: NeedType.SCHOOLING,
    version: 1,
    unit: 'PERSON',
    description: { id: 'Anggota usia 7–18 tahun yang tidak bersekolah', en: 'A member aged 7–18 not enrolled in school' },
    sql: `
      select p.household_id, p.id as person_id,
             jsonb_build_object('age', ${AGE_YEARS}, 'schoolEnrolled', p.school_enrolled) as evidence
        from scope h cross join today
        cross join ${MEMBERS}
       where ${AGE_YEARS} between 7 and 18 and not p.school_enrolled`,
  },
  {
    type: NeedType.HOUSING,
    version: 1,
    unit: 'HOUSEHOLD',
    description: {
      id: 'Rumah tidak layak huni: lantai tanah, dinding bambu/kayu berkualitas rendah, atau atap rumbia',
      en: 'Uninhabitable house: earth floor, bamboo or poor-quality wood walls, or thatch roof',
    },
    sql: `
      select h.id as household_id, null::uuid as person_id,
             jsonb_strip_nulls(jsonb_build_object(
               'floorType', case when h.floor_type = 'EARTH' then h.floor_type end,
               'wallType', case when h.wall_type in ('BAMBOO', 'WOOD_LOW_QUALITY') then h.wall_type end,
               'roofType', case when h.roof_type = 'THATCH' then h.roof_type end)) as evidence
        from scope h
       where h.floor_type = 'EARTH' or h.wall_type in ('BAMBOO', 'WOOD_LOW_QUALITY') or h.roof_type = 'THATCH'`,
  },
  {
    type: NeedType.WATER,
    version: 1,
    unit: 'HOUSEHOLD',
    description: {
      id: 'Tanpa air minum layak (bukan leding, air kemasan, atau sumur terlindung)',
      en: 'No safe drinking water (not piped, bottled or a protected well)',
    },
    sql: `
      select h.id as household_id, null::uuid as person_id, jsonb_build_object('drinkingWater', h.drinking_water) as evidence
        from scope h
       where h.drinking_water in ('UNPROTECTED_WELL', 'RIVER_LAKE', 'RAINWATER', 'OTHER')`,
  },
  {
    type: NeedType.SANITATION,
    version: 1,
    unit: 'HOUSEHOLD',
    description: { id: 'Tanpa jamban sendiri', en: 'No private latrine' },
    sql: `
      select h.id as household_id, null::uuid as person_id, jsonb_build_object('sanitation', h.sanitation) as evidence
        from scope h
       where h.sanitation in ('SHARED', 'PUBLIC', 'NONE')`,
  },
  {
    type: NeedType.ELECTRICITY,
    version: 1,
    unit: 'HOUSEHOLD',
    description: { id: 'Tanpa listrik', en: 'No electricity' },
    sql: `
      select h.id as household_id, null::uuid as person_id, jsonb_build_object('electricity', h.electricity) as evidence
        from scope h
       where h.electricity = 'NONE'`,
  },
  {
    type: NeedType.INCOME,
    version: 1,
    unit: 'HOUSEHOLD',
    description: {
      id: 'Tidak ada anggota usia kerja (18–60 tahun) yang bekerja',
      en: 'No member of working age (18–60) employed',
    },
    sql: `
      select h.id as household_id, null::uuid as person_id,
             jsonb_build_object('workingAgeMembers', count(p.id) filter (where ${AGE_YEARS} between 18 and 60),
                                'employed', 0) as evidence
        from scope h cross join today
        left join ${MEMBERS} on true
       group by h.id
      having count(p.id) filter (where ${AGE_YEARS} between 18 and 60
                                   and p.employment_status in ('EMPLOYED', 'SELF_EMPLOYED')) = 0`,
  },
  {
    type: NeedType.FOOD,
    version: 1,
    unit: 'HOUSEHOLD',
    description: {
      id: 'Keluarga desil 1 yang tidak menerima bantuan sosial dalam 12 bulan sebelum bulan ini',
      en: 'A decile-1 household that received no social assistance in the 12 months before this month',
    },
    // Assistance in the current month serves the need (status SERVED) rather than erasing it.
    sql: `
      select h.id as household_id, null::uuid as person_id,
             jsonb_build_object('welfareDecile', h.welfare_decile, 'socialAssistanceSince',
                                (date_trunc('month', today.d) - interval '12 months')::date) as evidence
        from scope h cross join today
       where h.welfare_decile = 1
         and not exists (
           select 1 from intervention i join program pr on pr.id = i.program_id
            where i.household_id = h.id and i.status in ('DELIVERED', 'VERIFIED')
              and 'SOCIAL_PROTECTION' = any (pr.focus_aspects)
              and i.delivered_on >= date_trunc('month', today.d) - interval '12 months'
              and i.delivered_on < date_trunc('month', today.d))`,
  },
];
