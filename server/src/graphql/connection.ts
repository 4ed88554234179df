import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { openCursor, sealCursor, type CursorScope, type CursorValue } from './cursor.js';
import { BadUserInputError } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * `totalCount` counts at most this many nodes. An exact count reads every match, so it grows with the
 * city (a city-wide list at a million households reads a million index entries); a count that stops
 * here costs the same at any size. Above it, `totalCountIsExact` is false.
 */
export const COUNT_LIMIT = 10_000;
/**
 * A list may count a text search (`ilike '%…%'`, which no index can stop early) up to this lower bound:
 * the count then walks the list's rows and tests each, so it reads (bound / share of matches) rows
 * whatever the size of the city.
 */
export const SEARCH_COUNT_LIMIT = 1_000;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, capped at ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** The number of matching nodes, counted up to a bound (COUNT_LIMIT): `exact` is false when more match. */
export interface BoundedCount {
  total: number;
  exact: boolean;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  count: () => Promise<BoundedCount>;
}

/**
 * A Relay connection type; `totalCount` is only counted when a client asks for it. Its types, like the
 * entities', have `simpleResolvers`: no type-graphql middleware applies to their plain fields, so
 * graphql-js reads them off the object instead of through a middleware chain per field.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<BoundedCount>;

    @Field(() => Int, {
      description:
        `Number of nodes matching the filter, over all pages, counted up to ${COUNT_LIMIT.toLocaleString('en-US')} ` +
        `(${SEARCH_COUNT_LIMIT.toLocaleString('en-US')} when the filter searches names or other text): exact when totalCountIsExact is true; ` +
        'otherwise more match and this is that bound',
    })
    async totalCount(): Promise<number> {
      return (await this.count()).total;
    }

    @Field(() => Boolean, {
      description:
        `False when more than ${COUNT_LIMIT.toLocaleString('en-US')} nodes match (${SEARCH_COUNT_LIMIT.toLocaleString('en-US')} for a text search): ` +
        'the count stops there, so that it costs the same however many match',
    })
    async totalCountIsExact(): Promise<boolean> {
      return (await this.count()).exact;
    }
  }
  return Connection;
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw new BadUserInputError('first', 'must be zero or a positive whole number');
  return Math.min(first, MAX_PAGE_SIZE);
}

/** A query builder bound to the request's transaction when there is one. */
export function sql(em: EntityManager, table: string): Knex.QueryBuilder {
  const query = em.getKnex()(table);
  const trx = em.getTransactionContext();
  return trx ? query.transacting(trx) : query;
}

/** The knex to run queries with: the request's transaction when there is one. */
export function requestKnex(em: EntityManager): Knex {
  return em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
}

export interface KeysetSpec {
  /** Sort column (qualified), unique together with `idColumn`. */
  column: string;
  /** Row property holding the sort value in the selected rows. */
  key: string;
  direction: 'asc' | 'desc';
  idColumn: string;
}

/**
 * Keyset pagination: WHERE (sort, id) > (cursor) ORDER BY sort, id LIMIT n + 1 — the cost of a page
 * does not depend on how deep it is.
 */
export async function keysetPage<Row extends Record<string, unknown>, T>(opts: {
  query: Knex.QueryBuilder;
  countQuery: () => Knex.QueryBuilder;
  spec: KeysetSpec;
  /** Names the list in its cursors; with the filter, the order and the viewer it binds them. */
  list: string;
  filter: unknown;
  viewer: Viewer | null;
  first?: number | null;
  after?: string | null;
  map: (row: Row) => T;
  /** The count's bound: COUNT_LIMIT, or SEARCH_COUNT_LIMIT for a text search. */
  countLimit?: number;
  /**
   * The exact number of matches read from counts kept by the database, when they answer this filter: used
   * instead of countQuery and bounded the same way, so the answer is the one countQuery would give.
   */
  keptCount?: () => Promise<number>;
  /** Runs the page's query (filtered, ordered, limited) inside a larger statement, e.g. with its children. */
  wrap?: (page: Knex.QueryBuilder) => Promise<Row[]>;
}): Promise<ConnectionShape<T>> {
  const { spec } = opts;
  const limit = pageSize(opts.first);
  const scope: CursorScope = {
    list: opts.list,
    args: [opts.filter, spec.column, spec.direction],
    userId: opts.viewer?.userId ?? null,
  };
  const query = opts.query.clone();
  // Checked before any SQL: a refused cursor reads nothing.
  if (opts.after !== undefined && opts.after !== null) {
    const [value, id] = openCursor(opts.after, 2, scope);
    const op = spec.direction === 'asc' ? '>' : '<';
    query.whereRaw(`(??, ??) ${op} (?, ?)`, [spec.column, spec.idColumn, value, id]);
  }
  query.orderBy([
    { column: spec.column, order: spec.direction },
    { column: spec.idColumn, order: spec.direction },
  ]);
  // A literal (a checked whole number) in a wrapped page: without values of its own, the page's statement
  // can be prepared once (household-page.ts).
  query.limit(limit + 1, opts.wrap ? { skipBinding: true } : undefined);
  const rows: Row[] = limit === 0 ? [] : await (opts.wrap ? opts.wrap(query) : query);
  const hasNextPage = rows.length > limit;
  const page = rows.slice(0, limit);
  // A cursor is sealed (an HMAC) only when the client selects it: most pages ask for the last one at most.
  const edges = page.map((row) => {
    const raw = row[spec.key];
    const value = raw instanceof Date ? raw.toISOString() : (raw as CursorValue);
    let cursor: string | undefined;
    return {
      node: opts.map(row),
      get cursor() {
        return (cursor ??= sealCursor([value, row['id'] as string], scope));
      },
    };
  });
  let counted: Promise<BoundedCount> | undefined;
  const count = async (): Promise<BoundedCount> => {
    // Counts the first countLimit + 1 matches only; the outer builder shares the inner's client, so the
    // request's transaction (and its viewer settings) too.
    const bound = opts.countLimit ?? COUNT_LIMIT;
    if (opts.keptCount) {
      const kept = await opts.keptCount();
      return kept > bound ? { total: bound, exact: false } : { total: kept, exact: true };
    }
    const base = opts.countQuery();
    const matches = base.select(base.client.raw('1')).limit(bound + 1);
    const [row] = await matches.client.queryBuilder().count<{ count: string }[]>({ count: '*' }).from(matches.as('m'));
    const total = Number(row?.count ?? 0);
    return total > bound ? { total: bound, exact: false } : { total, exact: true };
  };
  return {
    edges,
    pageInfo: {
      hasNextPage,
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    count: () => (counted ??= count()),
  };
}
