import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../config/clock.js';
import { NEED_RULES } from './need-rules.js';

const ZERO = `'00000000-0000-0000-0000-000000000000'::uuid`;

function derivedSql(): string {
  return NEED_RULES.map((r) => `select '${r.type}'::text as need_type, ${r.version} as rule_version, x.* from (${r.sql}) x`).join(
    '\nunion all\n',
  );
}

/**
 * Re-derives the needs of the given households (all households when omitted) from their current
 * data: new needs are added, changed evidence updated, needs that no longer hold removed. Two
 * statements whatever the number of households (one for households just created). Runs in the caller's transaction.
 */
export async function deriveNeeds(
  db: EntityManager | Knex,
  householdIds?: readonly string[],
  options: { newHouseholds?: boolean } = {},
): Promise<{ upserted: number; removed: number }> {
  if (householdIds && householdIds.length === 0) return { upserted: 0, removed: 0 };
  const knex: Knex = 'getKnex' in db ? db.getKnex() : db;
  const trx = 'getTransactionContext' in db ? db.getTransactionContext<Knex.Transaction>() : undefined;
  const run = (text: string, bindings: unknown[]) => {
    const q = knex.raw(text, bindings as never);
    return trx ? q.transacting(trx) : q;
  };
  const ids = householdIds ? [...householdIds] : null;
  // The clock's today as a parameter (derivation also runs outside requests, when seeding), once for both statements.
  const day = today();
  const prelude = `
    with today as (select ?::date as d),
         scope as (select * from household where (?::uuid[] is null or id = any (?::uuid[]))),
         derived as (${derivedSql()})`;
  const upsert = await run(
    `${prelude}
     insert into household_need (household_id, person_id, need_type, rule_version, evidence)
     select household_id, person_id, need_type, rule_version, evidence from derived
     on conflict (household_id, coalesce(person_id, ${ZERO}), need_type) do update
       set evidence = excluded.evidence, rule_version = excluded.rule_version, derived_at = now()
       where household_need.evidence is distinct from excluded.evidence
          or household_need.rule_version is distinct from excluded.rule_version`,
    [day, ids, ids],
  );
  // Households created in this transaction have no needs yet that could have stopped holding.
  if (options.newHouseholds) return { upserted: upsert.rowCount ?? 0, removed: 0 };
  const removed = await run(
    `${prelude}
     delete from household_need n
      where n.household_id in (select id from scope)
        and not exists (select 1 from derived d where d.household_id = n.household_id
                          and d.person_id is not distinct from n.person_id and d.need_type = n.need_type)`,
    [day, ids, ids],
  );
  return { upserted: upsert.rowCount ?? 0, removed: removed.rowCount ?? 0 };
}
