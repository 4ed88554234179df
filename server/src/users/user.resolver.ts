import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import type { Context } from '../graphql/context.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from './user.entity.js';

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(user.organization.id))!;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Area scope of a kelurahan officer' })
  area(@Root() user: User, @Ctx() ctx: Context): Promise<Area | null> {
    return user.area ? ctx.loaders.area.load(user.area.id) : Promise.resolve(null);
  }
}
