import { describe, expect, it } from 'vitest';
import { memoryStore } from './offline-store';
import { OfflineQueries } from './offline-queries';

const dinkes = { me: { __typename: 'User', id: 'u-dinkes', role: 'AGENCY_STAFF' } };
const ngo = { me: { __typename: 'User', id: 'u-ngo', role: 'NGO_PARTNER' } };
const household = { household: { id: 'h1', kkNumber: '6271••••••••0001', members: [{ nik: null }] } };

describe('answers kept for offline use', () => {
  it("gives back exactly what a field user was served, for the same variables in any order", async () => {
    const q = new OfflineQueries(memoryStore());
    await q.remember('Me', {}, dinkes);
    await q.remember('HouseholdDetail', { id: 'h1', x: 1 }, household);
    expect((await q.recall('HouseholdDetail', { x: 1, id: 'h1' }))?.data).toEqual(household);
    expect(await q.recall('HouseholdDetail', { id: 'h2' })).toBeUndefined();
    expect((await q.recall('Me', {}))?.data).toEqual(dinkes);
  });

  it('keeps nothing of other operations or of roles that do not work in the field', async () => {
    const store = memoryStore();
    const q = new OfflineQueries(store);
    await q.remember('Me', {}, { me: { id: 'u-admin', role: 'ADMIN' } });
    await q.remember('HouseholdDetail', { id: 'h1' }, household);
    await q.remember('AuditEvents', {}, { auditEvents: [] });
    expect(store.map.size).toBe(0);
  });

  it('clears at logout, and when another user logs in', async () => {
    const store = memoryStore();
    const q = new OfflineQueries(store);
    await q.remember('Me', {}, dinkes);
    await q.remember('WorkQueue', { first: 20 }, { myWorkQueue: { edges: [] } });
    await q.clear();
    expect(store.map.size).toBe(0);

    await q.remember('Me', {}, dinkes);
    await q.remember('HouseholdDetail', { id: 'h1' }, household);
    await q.remember('Me', {}, ngo);
    expect(await q.recall('HouseholdDetail', { id: 'h1' })).toBeUndefined();
    expect([...store.map.keys()]).toEqual(['q:me']);
  });
});

describe('answers kept while another user logs in', () => {
  it("never keeps the new user's answers under the previous user, whatever the order of arrival", async () => {
    const store = memoryStore();
    const q = new OfflineQueries(store);
    await q.remember('Me', {}, dinkes);
    // ngo's Me and its first household arrive together; neither write waits for the other's caller.
    await Promise.all([q.remember('Me', {}, ngo), q.remember('HouseholdDetail', { id: 'h9' }, household)]);
    expect([...store.map.keys()].sort()).toEqual(['q:me', 'q:u-ngo:HouseholdDetail:{"id":"h9"}']);
  });
});
