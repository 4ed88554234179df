import { graphql, type GraphQLObjectType } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { leanFieldResolvers } from './lean-resolvers.js';
import { Row } from './row.js';

@ObjectType()
class Thing {
  @Field(() => ID)
  id!: string;
}

const trail: string[] = [];

@Resolver(() => Thing)
class ThingResolver {
  readonly prefix = 'thing';

  @Query(() => Thing)
  thing(): Thing {
    return { id: '7' };
  }

  @FieldResolver(() => String)
  label(@Row() thing: Thing, @Ctx() ctx: { suffix: string }): string {
    return `${this.prefix} ${thing.id}${ctx.suffix}`;
  }

  @FieldResolver(() => String)
  @UseMiddleware(async (_, next) => {
    trail.push('middleware');
    return next();
  })
  guarded(@Row() thing: Thing): string {
    return `guarded ${thing.id}`;
  }

  @FieldResolver(() => String)
  shouted(@Row() thing: Thing, @Arg('times', () => Number) times: number): string {
    return thing.id.repeat(times);
  }
}

async function build() {
  const instances = new Map<Function, unknown>();
  const gets: Function[] = [];
  const instanceOf = (c: Function) => {
    gets.push(c);
    if (!instances.has(c)) instances.set(c, new (c as new () => unknown)());
    return instances.get(c);
  };
  const schema = await buildSchema({ resolvers: [ThingResolver], container: { get: instanceOf }, validate: false });
  // type-graphql's resolvers, before the pass.
  const resolvers = Object.fromEntries(Object.entries((schema.getType('Thing') as GraphQLObjectType).getFields()).map(([n, f]) => [n, f.resolve]));
  leanFieldResolvers(schema, [ThingResolver], instanceOf);
  gets.length = 0;
  return { schema, gets, resolvers };
}

describe('leanFieldResolvers', () => {
  it('calls a field resolver with @Row() and @Ctx() directly, on the same instance, with the same arguments', async () => {
    const { schema, gets, resolvers } = await build();
    const fields = (schema.getType('Thing') as GraphQLObjectType).getFields();
    expect(fields['label']!.resolve).not.toBe(resolvers['label']);
    const result = await graphql({ schema, source: '{ thing { label } }', contextValue: { suffix: '!' } });
    expect(result).toEqual({ data: { thing: { label: 'thing 7!' } } });
    // type-graphql's wrapper asks the container for the instance on every call; the direct call does not.
    expect(gets.filter((c) => c === ThingResolver)).toHaveLength(1);
  });

  it('leaves a field resolver with middleware or arguments to type-graphql', async () => {
    const { schema, resolvers } = await build();
    const fields = (schema.getType('Thing') as GraphQLObjectType).getFields();
    expect(fields['guarded']!.resolve).toBe(resolvers['guarded']);
    expect(fields['shouted']!.resolve).toBe(resolvers['shouted']);
    trail.length = 0;
    const result = await graphql({ schema, source: '{ thing { guarded shouted(times: 2) } }', contextValue: {} });
    expect(result).toEqual({ data: { thing: { guarded: 'guarded 7', shouted: '77' } } });
    expect(trail).toEqual(['middleware']);
  });
});
