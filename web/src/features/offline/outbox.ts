import type { KeyValueStore } from './offline-store';

/** What an entry asks the server to record. */
export type OutboxKind = 'delivery' | 'measurement';

export type OutboxStatus =
  /** Waiting for a connection. */
  | 'pending'
  /** Sent, answer not (yet) received: sent again with the same key, the server answers "already saved". */
  | 'sending'
  | 'saved'
  | 'alreadySaved'
  /** The server refused it (its reason in `result`); never sent again. */
  | 'refused'
  /** Something was recorded in its place meanwhile (what differs in `result`); never sent again. */
  | 'conflict';

export const WAITING: readonly OutboxStatus[] = ['pending', 'sending'];

export interface OutboxResult {
  code?: string;
  message?: string;
  field?: string;
  existingId?: string;
  /** For a conflict: the saved record's values that differ from the entry's. */
  existing?: Record<string, unknown>;
}

export interface OutboxEntry {
  /** The idempotency key: the same on every attempt. */
  id: string;
  userId: string;
  kind: OutboxKind;
  /** The mutation's input, exactly as it will be sent. */
  input: Record<string, unknown>;
  /** What the outbox page shows (the household and who or what), captured when recorded. */
  householdId: string;
  summary: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  result?: OutboxResult;
}

/** The server's answer to one attempt. */
export type SendOutcome =
  | { kind: 'saved' | 'alreadySaved' }
  | { kind: 'refused' | 'conflict'; result: OutboxResult }
  /** No connection, a server fault or an ended session: the entry waits for the next sync. */
  | { kind: 'retryLater'; result?: OutboxResult; stop?: boolean };

export type Sender = (entry: OutboxEntry) => Promise<SendOutcome>;

/** Runs `fn` unless another sync (this tab or another) holds the lock; false when it did not run. */
export type LockRunner = (fn: () => Promise<void>) => Promise<boolean>;

export interface SyncReport {
  ran: boolean;
  sent: number;
}

const PREFIX = 'outbox:';

/**
 * The offline outbox: deliveries and measurements recorded without a connection, per user, sent in
 * the order recorded. An entry reaches a final status once and is never sent again after it; an
 * entry whose answer was lost (status 'sending') is sent again with the same idempotency key.
 */
export class Outbox {
  private listeners = new Set<() => void>();
  private syncing = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly lock: LockRunner = inProcessLock(),
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.listeners.forEach((l) => l());
  }

  async add(entry: Omit<OutboxEntry, 'status' | 'attempts' | 'result'>): Promise<OutboxEntry> {
    const key = PREFIX + entry.id;
    // The same form submitted twice offline keeps one entry.
    const existing = await this.store.get<OutboxEntry>(key);
    if (existing) return existing;
    const stored: OutboxEntry = { ...entry, status: 'pending', attempts: 0 };
    await this.store.set(key, stored);
    this.changed();
    return stored;
  }

  /** A user's entries, oldest first. */
  async list(userId: string): Promise<OutboxEntry[]> {
    const all = await this.store.entries<OutboxEntry>(PREFIX);
    return all
      .map(([, e]) => e)
      .filter((e) => e.userId === userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async waitingCount(userId: string): Promise<number> {
    return (await this.list(userId)).filter((e) => WAITING.includes(e.status)).length;
  }

  /** Forgets a user's finished entries (their results have been read). */
  async clearFinished(userId: string): Promise<void> {
    for (const e of await this.list(userId)) if (!WAITING.includes(e.status)) await this.store.del(PREFIX + e.id);
    this.changed();
  }

  /** Sends the user's waiting entries one by one; does nothing while another sync runs. */
  async sync(userId: string, send: Sender): Promise<SyncReport> {
    if (this.syncing) return { ran: false, sent: 0 };
    this.syncing = true;
    let sent = 0;
    try {
      const ran = await this.lock(async () => {
        for (const listed of await this.list(userId)) {
          // Read again inside the lock: another tab may have finished it since the list was read.
          const key = PREFIX + listed.id;
          const entry = await this.store.get<OutboxEntry>(key);
          if (!entry || !WAITING.includes(entry.status)) continue;
          const sending: OutboxEntry = { ...entry, status: 'sending', attempts: entry.attempts + 1 };
          await this.store.set(key, sending);
          this.changed();
          sent++;
          let outcome: SendOutcome;
          try {
            outcome = await send(sending);
          } catch (error) {
            outcome = { kind: 'retryLater', result: { message: error instanceof Error ? error.message : String(error) } };
          }
          if (outcome.kind === 'retryLater') {
            // 'sending' stays: the request may have reached the server, so the next attempt is a replay.
            await this.store.set(key, { ...sending, result: outcome.result });
            this.changed();
            if (outcome.stop ?? true) break;
            continue;
          }
          await this.store.set(key, { ...sending, status: outcome.kind, result: 'result' in outcome ? outcome.result : undefined });
          this.changed();
        }
      });
      return { ran, sent };
    } finally {
      this.syncing = false;
    }
  }
}

/** A lock for one JavaScript realm (tests, and browsers without the Web Locks API). */
export function inProcessLock(): LockRunner {
  let held = false;
  return async (fn) => {
    if (held) return false;
    held = true;
    try {
      await fn();
      return true;
    } finally {
      held = false;
    }
  };
}

/** The Web Locks API: one sync across all the portal's tabs. */
export function webLock(name: string): LockRunner {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return inProcessLock();
  return async (fn) => {
    let ran = false;
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      ran = true;
      await fn();
    });
    return ran;
  };
}
