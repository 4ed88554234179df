import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ApiToken } from './api-token.entity.js';
import { createApiToken, myApiTokens, revokeApiToken } from './api-token.service.js';

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "dashboard export"' })
  name!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'A read-only token cannot run mutations' })
  readOnly: boolean = false;

  @Field(() => Int, { nullable: true, description: "Days until it expires, at most the server's maximum (API_TOKEN_MAX_DAYS, 90 by default); that maximum when omitted" })
  expiresInDays?: number;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => String, { description: 'The secret: shown this once, stored only as a hash. Use as "Authorization: Bearer <token>"' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

export function apiTokenResolver(maxDays: number) {
  @Resolver(() => ApiToken)
  class ApiTokenResolver {
    @Authorized()
    @Query(() => [ApiToken], { description: 'Your personal API tokens, newest first' })
    myApiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
      return myApiTokens(ctx);
    }

    @Authorized()
    @Mutation(() => CreatedApiToken, { description: 'Creates a personal API token with your scope; only from a login session, not with an API token' })
    createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context) {
      return createApiToken(ctx, input, maxDays);
    }

    @Authorized()
    @Mutation(() => ApiToken)
    revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return revokeApiToken(ctx, id);
    }
  }
  return ApiTokenResolver;
}
