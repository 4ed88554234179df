// pnpm bench:filter-count-triggers --households N --city-dir DIR [--rounds R] (a kept city: see bench-city.mjs)
// What migration 0035's triggers add to an import batch's statements: 1,000 interventions, 1,000 needs and
// 1,000 household updates (area moves) in one statement each, timed with the triggers and without them
// (disabled inside the same rolled-back transaction), alternating, on a kept city.
import { parseArgs } from 'node:util';
import { seedBenchCity } from './bench-city.mjs';

const { values } = parseArgs({ options: { households: { type: 'string' }, 'city-dir': { type: 'string' }, rounds: { type: 'string', default: '7' } } });
const { db, cleanup } = await seedBenchCity({ households: Number(values.households), cityDir: values['city-dir'] });
const STATEMENTS = {
  'insert 1,000 interventions': {
    table: 'intervention',
    trigger: 'household_filter_count_intervention_insert',
    sql: `insert into intervention (id, program_id, household_id, status, planned_on, period_key, organization_id)
          select gen_random_uuid(), p.id, h.id, 'PLANNED', '2019-06-01', sinergi_period_key(p.frequency, '2019-06-01'), p.owner_id
            from (select id from program order by id limit 1) p0 join program p on p.id = p0.id,
                 (select id from household order by id limit 1000 offset 5000) h`,
  },
  'insert 1,000 needs': {
    table: 'household_need',
    trigger: 'household_filter_count_need_insert',
    sql: `insert into household_need (household_id, need_type, rule_version, evidence)
          select h.id, 'ELECTRICITY', 1, '{}'::jsonb from household h
           where not exists (select 1 from household_need n where n.household_id = h.id and n.need_type = 'ELECTRICITY')
           order by h.id limit 1000`,
  },
  'move 1,000 households': {
    table: 'household',
    trigger: 'household_filter_count_moved',
    sql: `update household set area_id = (select id from area where level = 'KELURAHAN' order by code limit 1)
           where id in (select id from household order by id limit 1000 offset 10000)`,
  },
};
const times = Object.fromEntries(Object.keys(STATEMENTS).map((k) => [k, { with: [], without: [] }]));
await db.asOwner(async (owner) => {
  const knex = owner.em.getKnex();
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, s] of Object.entries(STATEMENTS)) {
      for (const mode of round % 2 ? ['with', 'without'] : ['without', 'with']) {
        const trx = await knex.transaction();
        try {
          if (mode === 'without') await trx.raw(`alter table ${s.table} disable trigger ${s.trigger}`);
          const started = performance.now();
          await trx.raw(s.sql);
          times[name][mode].push(performance.now() - started);
        } finally {
          await trx.rollback();
        }
      }
    }
  }
});
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.table(Object.entries(times).map(([name, t]) => ({ statement: name, 'with ms (median)': median(t.with).toFixed(1), 'without ms (median)': median(t.without).toFixed(1), 'added ms': (median(t.with) - median(t.without)).toFixed(1) })));
await cleanup();
process.exit(0);
