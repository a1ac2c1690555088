import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiringMap } from '../../src/state/expiring-map.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { CLAIM_LEASE_MS } from '../../src/state/state-store.js';

afterEach(() => vi.useRealTimers());

describe('in-memory state', () => {
  it('claims an update once: busy while handled, done after, free again if released or its lease ends', async () => {
    vi.useFakeTimers();
    const { updates } = new MemoryStateStore();
    expect(await updates.claim(1)).toBe('claimed');
    expect(await updates.claim(1)).toBe('busy');
    await updates.finish(1);
    expect(await updates.claim(1)).toBe('done');
    expect(await updates.claim(2)).toBe('claimed');
    await updates.release(2);
    expect(await updates.claim(2)).toBe('claimed');
    expect(await updates.claim(3)).toBe('claimed');
    // A holder that stops renewing (it died) loses the claim when the lease ends; one that renews keeps it.
    vi.advanceTimersByTime(CLAIM_LEASE_MS - 1000);
    await updates.renew(3);
    vi.advanceTimersByTime(1500);
    expect(await updates.claim(2)).toBe('claimed');
    expect(await updates.claim(3)).toBe('busy');
  });

  it('keeps a JSON copy per chat until its TTL, and clears it', async () => {
    vi.useFakeTimers();
    const { chats } = new MemoryStateStore();
    const topic = { entities: ['平海公路'], article: 'a1' };
    await chats.set(7, topic, 60_000);
    topic.entities.push('changed after set');
    expect(await chats.get(7)).toEqual({ entities: ['平海公路'], article: 'a1' });
    vi.advanceTimersByTime(60_001);
    expect(await chats.get(7)).toBeUndefined();
    await chats.set(7, 1, 60_000);
    await chats.clear(7);
    expect(await chats.get(7)).toBeUndefined();
  });

  it('lists feedback newest first', async () => {
    const { feedback } = new MemoryStateStore();
    for (let i = 0; i < 5; i++) await feedback.append({ i });
    expect(await feedback.latest(2)).toEqual([{ i: 4 }, { i: 3 }]);
  });

  it('bounds every map: the oldest entries go first once the cap is reached (regression guard)', () => {
    const m = new ExpiringMap<number, number>(1000);
    for (let i = 0; i < 5000; i++) m.set(i, i, 60_000);
    expect(m.size).toBe(1000);
    expect(m.get(0)).toBeUndefined();
    expect(m.get(4999)).toBe(4999);
  });
});
