import { describe, expect, it } from 'vitest';
import { memoryStore } from './offline-store';
import { inProcessLock, Outbox, type OutboxEntry, type SendOutcome } from './outbox';

function entry(id: string, userId = 'u1', createdAt = `2026-12-06T08:00:0${id.slice(-1)}Z`) {
  return { id, userId, kind: 'delivery' as const, input: { idempotencyKey: id }, householdId: 'h1', summary: 'PMT', createdAt };
}

/** A fake server that remembers keys, as the real one does with idempotency keys. */
function server() {
  const saved = new Set<string>();
  const calls: string[] = [];
  return {
    saved,
    calls,
    send: async (e: OutboxEntry): Promise<SendOutcome> => {
      calls.push(e.id);
      if (saved.has(e.id)) return { kind: 'alreadySaved' };
      saved.add(e.id);
      return { kind: 'saved' };
    },
  };
}

describe('the offline outbox', () => {
  it('keeps entries per user, counts the waiting ones, and one form submitted twice is one entry', async () => {
    const outbox = new Outbox(memoryStore());
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0002'));
    await outbox.add(entry('key-0003', 'u2'));
    expect((await outbox.list('u1')).map((e) => e.id)).toEqual(['key-0001', 'key-0002']);
    expect(await outbox.waitingCount('u1')).toBe(2);
    expect(await outbox.waitingCount('u2')).toBe(1);
  });

  it("sends a user's entries once, in order, and never again after a final answer", async () => {
    const outbox = new Outbox(memoryStore());
    const s = server();
    await outbox.add(entry('key-0002'));
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0003', 'u2'));
    expect(await outbox.sync('u1', s.send)).toEqual({ ran: true, sent: 2 });
    expect(await outbox.sync('u1', s.send)).toEqual({ ran: true, sent: 0 });
    expect(s.calls).toEqual(['key-0001', 'key-0002']);
    expect((await outbox.list('u1')).map((e) => [e.id, e.status, e.attempts])).toEqual([
      ['key-0001', 'saved', 1],
      ['key-0002', 'saved', 1],
    ]);
    expect(await outbox.waitingCount('u1')).toBe(0);
    expect(await outbox.waitingCount('u2')).toBe(1);
  });

  it('two syncs at once (the online event and the button) send each entry once', async () => {
    const outbox = new Outbox(memoryStore());
    const s = server();
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0002'));
    const [a, b] = await Promise.all([outbox.sync('u1', s.send), outbox.sync('u1', s.send)]);
    expect([a.sent, b.sent].sort()).toEqual([0, 2]);
    expect(s.calls).toEqual(['key-0001', 'key-0002']);
  });

  it('two tabs sharing the storage and the lock send each entry once', async () => {
    const store = memoryStore();
    const lock = inProcessLock();
    const tab1 = new Outbox(store, lock);
    const tab2 = new Outbox(store, lock);
    const s = server();
    await tab1.add(entry('key-0001'));
    await tab2.add(entry('key-0002'));
    await Promise.all([tab1.sync('u1', s.send), tab2.sync('u1', s.send)]);
    await tab2.sync('u1', s.send);
    expect(s.calls).toEqual(['key-0001', 'key-0002']);
  });

  it('an entry whose answer was lost is sent again with the same key and ends "already saved"', async () => {
    const outbox = new Outbox(memoryStore());
    const s = server();
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0002'));
    // The request reached the server, the connection dropped before the answer: the sync stops there.
    const lost = async (e: OutboxEntry): Promise<SendOutcome> => {
      await s.send(e);
      return { kind: 'retryLater' };
    };
    await outbox.sync('u1', lost);
    expect((await outbox.list('u1')).map((e) => e.status)).toEqual(['sending', 'pending']);
    expect(await outbox.waitingCount('u1')).toBe(2);
    await outbox.sync('u1', s.send);
    expect((await outbox.list('u1')).map((e) => [e.id, e.status, e.attempts])).toEqual([
      ['key-0001', 'alreadySaved', 2],
      ['key-0002', 'saved', 1],
    ]);
    expect([...s.saved]).toEqual(['key-0001', 'key-0002']);
  });

  it('keeps the reason of a refusal and what changed in a conflict, and sends neither again', async () => {
    const outbox = new Outbox(memoryStore());
    await outbox.add(entry('key-0001'));
    await outbox.add(entry('key-0002'));
    const calls: string[] = [];
    const answer = async (e: OutboxEntry): Promise<SendOutcome> => {
      calls.push(e.id);
      return e.id === 'key-0001'
        ? { kind: 'refused', result: { code: 'FORBIDDEN', message: 'Your role may not do this' } }
        : { kind: 'conflict', result: { code: 'CONFLICT', existingId: 'm1', existing: { heightCm: 90.2 } } };
    };
    await outbox.sync('u1', answer);
    await outbox.sync('u1', answer);
    expect(calls).toEqual(['key-0001', 'key-0002']);
    const [refused, conflict] = await outbox.list('u1');
    expect(refused).toMatchObject({ status: 'refused', result: { message: 'Your role may not do this' } });
    expect(conflict).toMatchObject({ status: 'conflict', result: { existing: { heightCm: 90.2 } } });
    await outbox.clearFinished('u1');
    expect(await outbox.list('u1')).toEqual([]);
  });

  it('a sender that throws leaves the entry waiting', async () => {
    const outbox = new Outbox(memoryStore());
    await outbox.add(entry('key-0001'));
    await outbox.sync('u1', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await outbox.waitingCount('u1')).toBe(1);
    expect((await outbox.list('u1'))[0]!.result).toEqual({ message: 'Failed to fetch' });
  });
});
