import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Area } from '../areas/area.entity.js';
import type { Loaders } from '../graphql/loaders.js';
import { below, lookahead } from '../graphql/lookahead.js';
import { plainReader } from '../graphql/plain-rows.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { Person } from './person.entity.js';

/** Which children of a household page's nodes the request selects. */
export interface PagePlan {
  area: boolean;
  members: boolean;
  interventions: boolean;
  programs: boolean;
  owners: boolean;
}

/** Looks ahead from the `households` field at what its nodes select. */
export function planPage(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): PagePlan {
  const node = lookahead(info, 'edges', 'node');
  const interventions = below(node, 'interventions', info);
  const program = below(interventions, 'program', info);
  return {
    area: node.has('area'),
    // members, formerMembers and head all read the household's whole roster (membersByHousehold).
    members: node.has('members') || node.has('formerMembers') || node.has('head'),
    interventions: node.has('interventions'),
    programs: interventions.has('program'),
    owners: program.has('owner'),
  };
}

type Json = Record<string, unknown>;

/**
 * One statement per page, as PostGraphile sends: the page's households with, per household, the
 * children the request selects (area, roster, interventions with their program, owner and
 * organisation) as JSON built by PostgreSQL. They are the rows the loaders would read, in the loaders'
 * order, under the same transaction and row-level security; `prime` hands them to the loaders, so the
 * field resolvers (masking, partner visibility, the disclosure audit) run as they do on the loader path.
 */
export function pageChildren(em: EntityManager, plan: PagePlan) {
  const knex = em.getKnex();
  const person = plainReader(em, Person);
  const intervention = plainReader(em, Intervention);
  const program = plainReader(em, Program);
  const organization = plainReader(em, Organization);
  const area = plainReader(em, Area);
  const one = (table: string, columns: (alias: string) => Array<string | Knex.Raw>, where: string) =>
    knex.raw(`(select row_to_json(r) from ? r)`, [knex(`${table} as t`).select(columns('t')).whereRaw(where)]);

  const columns: Knex.Raw[] = [];
  if (plan.area) columns.push(knex.raw('? as "__area"', [one('area', area.columns, 't.id = h.area_id')]));
  if (plan.members) {
    const rows = knex('person as t').select(person.columns('t')).whereRaw('t.household_id = h.id');
    // The loader's order: birth date, then id.
    columns.push(knex.raw(`(select coalesce(json_agg(row_to_json(m) order by m.birth_date, m.id), '[]') from ? m) as "__members"`, [rows]));
  }
  if (plan.interventions) {
    const rows = knex('intervention as t').select(intervention.columns('t')).whereRaw('t.household_id = h.id');
    // Each intervention's organisation decides whether a partner sees it (visibleInterventions).
    const parts: Array<string | Knex.Raw> = [`'row', row_to_json(x)`, knex.raw(`'organization', ?`, [one('organization', organization.columns, 't.id = x.organization_id')])];
    if (plan.programs) parts.push(knex.raw(`'program', ?`, [one('program', program.columns, 't.id = x.program_id')]));
    if (plan.owners) {
      parts.push(knex.raw(`'owner', ?`, [one('organization', organization.columns, 't.id = (select p.owner_id from program p where p.id = x.program_id)')]));
    }
    // The loader's order: newest first, then id.
    columns.push(
      knex.raw(`(select coalesce(json_agg(json_build_object(${parts.map(() => '?').join(', ')}) order by x.created_at desc, x.id), '[]') from ? x) as "__interventions"`, [
        ...parts.map((p) => (typeof p === 'string' ? knex.raw(p) : p)),
        rows,
      ]),
    );
  }

  /** Hands a page row's children to the loaders (a key already loaded keeps its value). */
  function prime(loaders: Loaders, householdId: string, row: Json): void {
    const areaRow = row['__area'] as Json | null | undefined;
    if (areaRow) {
      const a = area.map(areaRow);
      loaders.area.prime(a.id, a);
    }
    const members = row['__members'] as Json[] | undefined;
    if (members) loaders.membersByHousehold.prime(householdId, members.map(person.map));
    const interventions = row['__interventions'] as Array<{ row: Json; organization: Json | null; program?: Json | null; owner?: Json | null }> | undefined;
    if (!interventions) return;
    const list: Intervention[] = [];
    for (const item of interventions) {
      list.push(intervention.map(item.row));
      for (const [json, reader, loader] of [
        [item.organization, organization, loaders.organization],
        [item.program, program, loaders.program],
        [item.owner, organization, loaders.organization],
      ] as const) {
        if (!json) continue;
        const value = reader.map(json) as { id: string };
        (loader as { prime: (id: string, v: unknown) => unknown }).prime(value.id, value);
      }
    }
    loaders.interventionsByHousehold.prime(householdId, list);
  }

  return { columns, prime };
}
