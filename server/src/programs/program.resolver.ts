import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from './program.entity.js';
import { CreateProgramInput, ProgramFilter, UpdateProgramInput } from './program.inputs.js';
import { createProgram, listPrograms, updateProgram } from './program.service.js';
import { Row } from '../graphql/row.js';

export const ProgramConnection = ConnectionType(Program, 'Program');

@Resolver(() => Program)
export class ProgramResolver {
  @Authorized()
  @Query(() => ProgramConnection, { description: 'The programs catalog, by name' })
  programs(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProgramFilter, { nullable: true }) filter: ProgramFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listPrograms(ctx, { ...page, filter });
  }

  @Authorized()
  @Query(() => Program, { nullable: true })
  program(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Program | null> {
    return ctx.loaders.program.load(id);
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR])
  @Mutation(() => Program)
  createProgram(@Arg('input', () => CreateProgramInput) input: CreateProgramInput, @Ctx() ctx: Context) {
    return createProgram(ctx, input);
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR])
  @Mutation(() => Program)
  updateProgram(@Arg('input', () => UpdateProgramInput) input: UpdateProgramInput, @Ctx() ctx: Context) {
    return updateProgram(ctx, input);
  }

  // At once when a household page primed the organisation (loaders.ts, PrimedLoader).
  @FieldResolver(() => Organization)
  owner(@Row() program: Program, @Ctx() ctx: Context): Organization | Promise<Organization> {
    return ctx.loaders.organization.now(program.owner.id) as Organization | Promise<Organization>;
  }
}
