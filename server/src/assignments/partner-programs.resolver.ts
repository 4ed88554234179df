import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { today } from '../config/clock.js';
import { sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { NeedType } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { Row } from '../graphql/row.js';

// One query per request for all the organisations of a partner picker.
const loaders = new WeakMap<Context, DataLoader<string, NeedType[]>>();
function needsServed(ctx: Context) {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, NeedType[]>(async (ids) => {
      const on = today();
      const rows = (await sql(ctx.em, 'program as p')
        .whereIn('p.owner_id', [...ids])
        .where('p.starts_on', '<=', on)
        .where((w) => w.whereNull('p.ends_on').orWhere('p.ends_on', '>=', on))
        .select('p.owner_id', ctx.em.getKnex().raw('array_agg(distinct n) as needs'))
        .joinRaw('cross join unnest(p.need_types) as n')
        .groupBy('p.owner_id')) as Array<{ owner_id: string; needs: NeedType[] }>;
      const byOwner = new Map(rows.map((r) => [r.owner_id, r.needs]));
      return ids.map((id) => (byOwner.get(id) ?? []).sort());
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** What a partner picker needs to know of an organisation: the needs its running programs address. */
@Resolver(() => Organization)
export class PartnerProgramsResolver {
  @FieldResolver(() => [NeedType], { description: "Needs the organisation's programs running today address (the partner picker shows them)" })
  programNeedTypes(@Row() org: Organization, @Ctx() ctx: Context): Promise<NeedType[]> {
    return needsServed(ctx).load(org.id);
  }
}
