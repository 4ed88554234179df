import type { KeyValueStore } from './offline-store';

/**
 * What a field user was served, kept so the households they opened open again without a connection:
 * the server's answer as it came (the same masking), per operation and variables, for one user.
 */
export const OFFLINE_OPERATIONS: ReadonlySet<string> = new Set(['Me', 'WorkQueue', 'Households', 'HouseholdDetail', 'DeliveryPrograms']);

/** Roles that work in the field (spec §1): the only ones whose answers are kept on the device. */
export const FIELD_ROLES: ReadonlySet<string> = new Set(['AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER']);

const ME = 'q:me';
const PREFIX = 'q:';

interface MeData {
  me: { id: string; role: string } | null;
}

export interface SavedAnswer {
  data: unknown;
  savedAt: string;
}

/** Variables in a stable order, so { a, b } and { b, a } name the same answer. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function answerKey(userId: string, operationName: string, variables: unknown): string {
  return `${PREFIX}${userId}:${operationName}:${JSON.stringify(stable(variables ?? {}))}`;
}

export class OfflineQueries {
  private userId: string | null = null;
  /** Writes in the order they were asked for: a new user's first answers never land before the wipe of the previous user's. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: KeyValueStore, private readonly now: () => Date = () => new Date()) {}

  private serially(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Keeps a successful answer; a new user's first answer wipes what the previous user left. */
  remember(operationName: string, variables: unknown, data: unknown): Promise<void> {
    if (!OFFLINE_OPERATIONS.has(operationName)) return Promise.resolve();
    return this.serially(() => this.write(operationName, variables, data));
  }

  private async write(operationName: string, variables: unknown, data: unknown): Promise<void> {
    if (operationName === 'Me') {
      const me = (data as MeData).me;
      if (!me) return;
      const previous = await this.store.get<SavedAnswer>(ME);
      if ((previous?.data as MeData | undefined)?.me?.id !== me.id) await this.wipe();
      this.userId = me.id;
      if (FIELD_ROLES.has(me.role)) await this.store.set(ME, { data, savedAt: this.now().toISOString() });
      return;
    }
    const user = await this.currentUser();
    if (!user || !FIELD_ROLES.has(user.role)) return;
    await this.store.set(answerKey(user.id, operationName, variables), { data, savedAt: this.now().toISOString() });
  }

  /** The answer kept for this operation and variables, if this user was served one. */
  async recall(operationName: string, variables: unknown): Promise<SavedAnswer | undefined> {
    if (!OFFLINE_OPERATIONS.has(operationName)) return undefined;
    const me = await this.store.get<SavedAnswer>(ME);
    if (operationName === 'Me') return me;
    const user = (me?.data as MeData | undefined)?.me;
    if (!user || (this.userId !== null && this.userId !== user.id)) return undefined;
    return this.store.get<SavedAnswer>(answerKey(user.id, operationName, variables));
  }

  /** At logout: nothing of what the user was served stays on the device. */
  clear(): Promise<void> {
    return this.serially(() => this.wipe());
  }

  private async wipe(): Promise<void> {
    this.userId = null;
    for (const [key] of await this.store.entries(PREFIX)) await this.store.del(key);
  }

  private async currentUser(): Promise<MeData['me']> {
    const me = (await this.store.get<SavedAnswer>(ME))?.data as MeData | undefined;
    return me?.me && (this.userId === null || this.userId === me.me.id) ? me.me : null;
  }
}
