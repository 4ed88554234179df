import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import type { Role } from '../graphql/enums.js';
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';

/** Coarse gate on resolvers: login required, then the role list of @Authorized, then read-only tokens. */
export class AuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context, info }: ResolverData<Context>, roles: Role[]): boolean {
    const viewer = context.viewer;
    if (!viewer) throw new UnauthenticatedError();
    if (roles.length && !roles.includes(viewer.role)) throw new ForbiddenError();
    if (viewer.readOnly && info.parentType.name === 'Mutation') {
      throw new ForbiddenError('This API token is read-only');
    }
    return true;
  }
}
