import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { lastLoginVisible } from '../auth/policy.js';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs.js';
import { changeOwnPassword, createUser, listUsers, resetPassword, updateUser } from './user.service.js';
import { Row } from '../graphql/row.js';

export const UserConnection = ConnectionType(User, 'User');

@Resolver(() => User)
export class UserResolver {
  @Authorized([Role.ADMIN])
  @Query(() => UserConnection, { description: 'Users by username (administrators)' })
  users(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listUsers(ctx, { ...page, filter });
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return createUser(ctx, input);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => User, { description: 'Changes name, role, organisation, area scope or active flag; access changes end the sessions' })
  updateUser(@Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    return updateUser(ctx, input);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Boolean, { description: "Sets a new password and ends the user's sessions and tokens" })
  resetPassword(
    @Arg('userId', () => ID) userId: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ) {
    return resetPassword(ctx, userId, newPassword);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes your own password; your other sessions and your API tokens end' })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ) {
    return changeOwnPassword(ctx, currentPassword, newPassword);
  }

  @FieldResolver(() => Organization)
  async organization(@Row() user: User, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(user.organization.id))!;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'null unless you are an administrator or this user' })
  lastLoginAt(@Row() user: User, @Ctx() ctx: Context): Date | null {
    return lastLoginVisible(ctx.viewer, user) ? (user.lastLoginAt ?? null) : null;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Area scope of a kelurahan officer' })
  area(@Row() user: User, @Ctx() ctx: Context): Promise<Area | null> {
    return user.area ? ctx.loaders.area.load(user.area.id) : Promise.resolve(null);
  }
}
