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
  /** The names of the columns `columns` selects, in their order. */
  names: readonly string[];
  /**
   * The same row as an array of its values in `names`' order (`json_build_array`): children read as
   * JSON parse about half the text and build no keyed object per row before the mapped one.
   */
  mapArray: (row: readonly unknown[]) => T;
  /** The values `mapArray` reads, for `json_build_array` over a row of `columns` as `alias`. */
  arrayValues: (alias: string) => string;
}

const readers = new WeakMap<EntityMetadata, Map<string, PlainReader<unknown>>>();

/**
 * `only` limits the reader to those properties (a partial row, for a page whose selection needs no
 * more: household-page.ts); without it, every property the entity manager would read.
 */
export function plainReader<T>(em: EntityManager, entity: EntityName<T>, only?: readonly string[]): PlainReader<T> {
  const meta = em.getMetadata().get(entity as never) as EntityMetadata;
  const key = only ? only.join(',') : '';
  let byProps = readers.get(meta);
  if (!byProps) readers.set(meta, (byProps = new Map()));
  const known = byProps.get(key);
  if (known) return known as PlainReader<T>;
  const wanted = only && new Set(only);
  const platform = em.getPlatform();
  const knex = em.getKnex();
  const columns: Array<(alias: string) => string | Knex.Raw> = [];
  // One expression per property, compiled below into a function that returns an object literal: a
  // row mapped by a loop of keyed stores was most of this module's cost on a page of a few thousand rows.
  // Each is a function of how a column is read: by name from an object, or by position from an array.
  const fields: Array<(at: (name: string) => string) => string> = [];
  const names: string[] = [];
  // Timestamps travel in JSON arrays as epoch milliseconds: a number is cheaper to parse (JSON, then Date) than text.
  const timestamps = new Set<string>();
  const converters: Array<{ convertToJSValue(value: unknown, platform: unknown): unknown }> = [];
  const read = (at: (name: string) => string, column: string) => `(v = ${at(column)}) == null ? null : `;
  for (const prop of meta.props) {
    const name = prop.name;
    if (wanted && !wanted.has(name)) continue;
    if (prop.formula) {
      const formula = prop.formula;
      columns.push((alias) => {
        const table = { alias, name: meta.tableName, qualifiedName: meta.tableName, toString: () => alias };
        return knex.raw(`${formula(table as never, meta.createColumnMappingObject() as never)} as ??`, [name]);
      });
      names.push(name);
      fields.push((at) => `${JSON.stringify(name)}: ${at(name)}`);
      continue;
    }
    // Lazy properties (an area's boundary) are not read with the record, as with em.find.
    if (prop.lazy || prop.persist === false) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
      const field = prop.fieldNames[0]!;
      columns.push((alias) => `${alias}.${field}`);
      names.push(field);
      fields.push((at) => `${JSON.stringify(name)}: ${read(at, field)}{ id: v }`);
    } else if (prop.kind === ReferenceKind.SCALAR && prop.fieldNames.length === 1) {
      const field = prop.fieldNames[0]!;
      columns.push((alias) => `${alias}.${field}`);
      names.push(field);
      if (prop.runtimeType === 'Date') {
        // Timestamps arrive as text (MikroORM's setting of the driver), parsed as MikroORM's result mapper
        // does, or in arrays as epoch milliseconds, whole ones: what `new Date` keeps of the text's microseconds.
        timestamps.add(field);
        fields.push((at) => `${JSON.stringify(name)}: ${read(at, field)}typeof v === 'string' || typeof v === 'number' ? platform.parseDate(v) : v`);
      } else if (prop.customType) {
        // As the hydrator does: numeric arrives as a string, for one.
        converters.push(prop.customType);
        const index = converters.length - 1;
        fields.push((at) => `${JSON.stringify(name)}: ${read(at, field)}converters[${index}].convertToJSValue(v, platform)`);
      } else {
        fields.push((at) => `${JSON.stringify(name)}: ${read(at, field)}v`);
      }
    }
  }
  const compile = (at: (name: string) => string) =>
    new Function('platform', 'converters', `return (r) => { let v; return { ${fields.map((f) => f(at)).join(', ')} }; };`)(platform, converters);
  const byName = (name: string) => `r[${JSON.stringify(name)}]`;
  const byPosition = (name: string) => `r[${names.indexOf(name)}]`;
  const reader: PlainReader<T> = {
    columns: (alias) => columns.map((c) => c(alias)),
    map: compile(byName) as PlainReader<T>['map'],
    names,
    mapArray: compile(byPosition) as PlainReader<T>['mapArray'],
    arrayValues: (alias) => names.map((n) => (timestamps.has(n) ? `floor(extract(epoch from ${alias}."${n}") * 1000)` : `${alias}."${n}"`)).join(', '),
  };
  byProps.set(key, reader as PlainReader<unknown>);
  return reader;
}
