import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { nowMs } from '../config/clock.js';
import type { Config } from '../config/config.js';
import type { Context } from '../graphql/context.js';
import { sessionCookieOptions } from '../http/security-headers.js';
import { User } from '../users/user.entity.js';
import { SESSION_COOKIE, login, logout } from './auth.service.js';

@ObjectType({ description: 'A login session. The token works as "Authorization: Bearer <token>"' })
export class Session {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

export function authResolver(sessionTtlHours: number, cookieSecure: Config['COOKIE_SECURE']) {
  @Resolver()
  class AuthResolver {
    @Mutation(() => Session, { description: 'Logs in; also sets an HttpOnly session cookie for browsers' })
    async login(
      @Arg('username', () => String) username: string,
      @Arg('password', () => String) password: string,
      @Ctx() ctx: Context,
    ): Promise<Session> {
      const session = await login(ctx, username, password, sessionTtlHours);
      // A lifetime (Max-Age), not the session's end as a date: the browser measures it on its own clock,
      // which may differ from the server's (a set SINERGI_CLOCK, or a client's wrong date), and would drop a
      // cookie whose end date it thinks has passed. The session still ends by the server's clock.
      ctx.res.cookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(ctx.req, cookieSecure), maxAge: session.expiresAt.getTime() - nowMs() });
      return session;
    }

    @Authorized()
    @Mutation(() => Boolean, { description: 'Ends the current session (a no-op for API tokens)' })
    async logout(@Ctx() ctx: Context): Promise<boolean> {
      ctx.res.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.req, cookieSecure));
      return logout(ctx);
    }

    @Query(() => User, { nullable: true, description: 'The logged-in user, or null' })
    me(@Ctx() ctx: Context): Promise<User | null> {
      return ctx.viewer ? ctx.loaders.user.load(ctx.viewer.userId) : Promise.resolve(null);
    }
  }
  return AuthResolver;
}
