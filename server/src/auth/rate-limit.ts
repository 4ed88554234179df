/**
 * Fixed-window counters of attempts per key. In memory: one process serves the product; a restart
 * forgets, which only ever makes the limits more lenient.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  /** Counts one attempt. */
  take(key: string, now = Date.now()): void {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count += 1;
    if (this.hits.size > 100_000) this.sweep(now);
  }

  /** Gives back one attempt counted by `take`. */
  giveBack(key: string): void {
    const entry = this.hits.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

/**
 * Reserves one attempt under every limit, or none: answers the seconds to wait when any limit is
 * reached. Synchronous, so concurrent requests cannot all pass the check before any is counted.
 */
export function reserve(limits: Array<[RateLimiter, string]>, now = Date.now()): number {
  const wait = Math.max(0, ...limits.map(([limiter, key]) => limiter.retryAfter(key, now)));
  if (wait === 0) for (const [limiter, key] of limits) limiter.take(key, now);
  return wait;
}
