import type { Knex } from '@mikro-orm/knex';
import { audit } from '../audit/audit.service.js';
import { disclosureTier } from '../auth/disclosure.js';
import { roleMay } from '../auth/policy.js';
import { RateLimiter, reserve } from '../auth/rate-limit.js';
import type { Context } from '../graphql/context.js';
import { AuditAction } from '../graphql/enums.js';
import { TooManyRequestsError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import type { HouseholdFilter } from './household.inputs.js';

export interface IdentifierSearchLimits {
  /** Identifier searches a partner's user may make per window. */
  limit: number;
  windowMinutes: number;
}

/** A search term that is all or part of a KK number or NIK (as household.service.applyFilter reads it). */
export function identifierSearchTerm(filter: HouseholdFilter | undefined): string | null {
  const search = filter?.search?.trim() ?? '';
  return /^\d{4,16}$/.test(search) ? search : null;
}

/**
 * A partner sees identifiers masked, so an exact-NIK or KK search answers a question the masking hides:
 * "is this the number?". Each such search, even one asking only for totalCount, is counted against a
 * per-user limit and audited with the households it hit, so guessing cannot go fast or unseen.
 */
export class IdentifierSearchGuard {
  private readonly limiter: RateLimiter;

  constructor(limits: IdentifierSearchLimits) {
    this.limiter = new RateLimiter(limits.limit, limits.windowMinutes * 60_000);
  }

  /** Refuses the search beyond the limit, else records it; `hits` selects the ids of the households it finds. */
  async check(ctx: Context, filter: HouseholdFilter | undefined, operation: string, hits: () => Knex.QueryBuilder): Promise<void> {
    const term = identifierSearchTerm(filter);
    if (!term || !ctx.viewer || roleMay(ctx.viewer, 'identifiers.full')) return;
    const key = ctx.viewer.userId;
    // Checked and counted in one synchronous step, so parallel searches cannot outrun the limit.
    const wait = reserve([[this.limiter, key]]);
    if (wait > 0) {
      throw new TooManyRequestsError(wait, problem('TOO_MANY_IDENTIFIER_SEARCHES', { seconds: wait }));
    }
    const ids = ((await hits()) as Array<{ id: string }>).map((r) => r.id);
    // The term itself stays out of the trail: a missed guess is nearly someone's NIK.
    const em = ctx.em.fork({ keepTransactionContext: true });
    audit(em, ctx, {
      action: AuditAction.PII_READ,
      entityType: 'IdentifierSearch',
      entityIds: ids,
      newValues: { operation, digits: term.length, hits: ids.length, tier: disclosureTier(ctx.viewer) },
    });
    await em.flush();
  }
}
