import { type EntityMetadata, type EntityName, ReferenceKind } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Rows read as plain objects shaped like the entity (each property under its name, a many-to-one as
 * `{ id }`), without the identity map or change tracking: for data a request only reads. Turning rows
 * into managed entities was about half of the CPU of a nested page (README, "Against a peer").
 *
 * A plain row is not managed: code that changes or persists a record must get it from the entity
 * manager (or the household and person loaders, which stay managed), never from these.
 */
export interface PlainReader<T> {
  /** The entity's columns of table `alias`, under their own names; formulas under their property's. */
  columns: (alias: string) => Array<string | Knex.Raw>;
  /** The row as the entity's properties. */
  map: (row: Record<string, unknown>) => T;
}

type Step = (row: Record<string, unknown>, out: Record<string, unknown>) => void;

const readers = new WeakMap<EntityMetadata, PlainReader<unknown>>();

export function plainReader<T>(em: EntityManager, entity: EntityName<T>): PlainReader<T> {
  const meta = em.getMetadata().get(entity as never) as EntityMetadata;
  const known = readers.get(meta);
  if (known) return known as PlainReader<T>;
  const platform = em.getPlatform();
  const knex = em.getKnex();
  const steps: Step[] = [];
  const columns: Array<(alias: string) => string | Knex.Raw> = [];
  for (const prop of meta.props) {
    const name = prop.name;
    if (prop.formula) {
      const formula = prop.formula;
      columns.push((alias) => {
        const table = { alias, name: meta.tableName, qualifiedName: meta.tableName, toString: () => alias };
        return knex.raw(`${formula(table as never, meta.createColumnMappingObject() as never)} as ??`, [name]);
      });
      steps.push((row, out) => (out[name] = row[name]));
      continue;
    }
    // Lazy properties (an area's boundary) are not read with the record, as with em.find.
    if (prop.lazy || prop.persist === false) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
      const field = prop.fieldNames[0]!;
      columns.push((alias) => `${alias}.${field}`);
      steps.push((row, out) => {
        const id = row[field];
        out[name] = id === null || id === undefined ? null : { id };
      });
    } else if (prop.kind === ReferenceKind.SCALAR && prop.fieldNames.length === 1) {
      const field = prop.fieldNames[0]!;
      columns.push((alias) => `${alias}.${field}`);
      if (prop.runtimeType === 'Date') {
        // Timestamps arrive as text (MikroORM's setting of the driver): parsed as MikroORM's result mapper does.
        steps.push((row, out) => {
          const value = row[field];
          out[name] = value === null || value === undefined ? null : typeof value === 'string' ? platform.parseDate(value) : value;
        });
        continue;
      }
      // As the hydrator does: numeric arrives as a string, for one.
      const convert = prop.customType;
      steps.push((row, out) => {
        const value = row[field];
        out[name] = value === null || value === undefined ? null : convert ? convert.convertToJSValue(value, platform) : value;
      });
    }
  }
  const reader: PlainReader<T> = {
    columns: (alias) => columns.map((c) => c(alias)),
    map: (row) => {
      const out: Record<string, unknown> = {};
      for (const step of steps) step(row, out);
      return out as T;
    },
  };
  readers.set(meta, reader as PlainReader<unknown>);
  return reader;
}
