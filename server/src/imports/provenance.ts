import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { LocalDateResolver } from 'graphql-scalars';
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { sql } from '../graphql/connection.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Row } from '../graphql/row.js';

@ObjectType({ description: 'Where the current value of a field came from (an import); a newer source date wins' })
export class FieldProvenance {
  @Field(() => String, { description: 'The field, as named in the API (e.g. welfareDecile)' })
  field!: string;

  @Field(() => String, { description: 'DTSEN, DINSOS, DINKES or DISDIK' })
  source!: string;

  @Field(() => LocalDateResolver, { description: 'The date the source data describes' })
  sourceDate!: string;

  @Field(() => ID, { nullable: true, description: 'The import job that wrote it' })
  jobId!: string | null;
}

/**
 * The provenance of households and people by id, one query per tick (row-level security scopes it):
 * each field's stamp is that of the latest row naming it.
 */
export function provenanceByEntity(em: EntityManager) {
  return new DataLoader<string, FieldProvenance[]>(async (ids) => {
    const rows = (await sql(em, 'field_provenance')
      .whereIn('entity_id', [...ids])
      .orderBy('seq')
      .select('entity_id', 'source', 'job_id', 'fields', em.getKnex().raw(`to_char(source_date, 'YYYY-MM-DD') as source_date`))) as {
      entity_id: string;
      source: string;
      job_id: string | null;
      source_date: string;
      fields: string[];
    }[];
    const byId = new Map<string, Map<string, FieldProvenance>>();
    for (const r of rows) {
      const fields = byId.get(r.entity_id) ?? byId.set(r.entity_id, new Map()).get(r.entity_id)!;
      for (const field of r.fields) fields.set(field, { field, source: r.source, sourceDate: r.source_date, jobId: r.job_id });
    }
    return ids.map((id) => [...(byId.get(id)?.values() ?? [])].sort((a, b) => a.field.localeCompare(b.field)));
  });
}

@Resolver(() => Household)
export class HouseholdProvenanceResolver {
  @FieldResolver(() => [FieldProvenance], { description: 'Where the imported values of this household came from' })
  provenance(@Row() household: Household, @Ctx() ctx: Context): Promise<FieldProvenance[]> {
    return ctx.loaders.provenance.load(household.id);
  }
}

@Resolver(() => Person)
export class PersonProvenanceResolver {
  @FieldResolver(() => [FieldProvenance], { description: 'Where the imported values of this member came from' })
  provenance(@Row() person: Person, @Ctx() ctx: Context): Promise<FieldProvenance[]> {
    return ctx.loaders.provenance.load(person.id);
  }
}
