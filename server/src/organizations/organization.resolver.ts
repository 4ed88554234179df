import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Organization } from './organization.entity.js';
import { CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput } from './organization.inputs.js';
import { createOrganization, listOrganizations, updateOrganization } from './organization.service.js';

export const OrganizationConnection = ConnectionType(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized()
  @Query(() => OrganizationConnection, { description: 'Organisations by name' })
  organizations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listOrganizations(ctx, { ...page, filter });
  }

  @Authorized()
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Organization | null> {
    return ctx.loaders.organization.load(id);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Organization)
  createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: Context) {
    return createOrganization(ctx, input);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Organization)
  updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: Context) {
    return updateOrganization(ctx, input);
  }
}
