import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { limiterOf, memoryLimiter } from '../../src/state/rate-limiter.js';

afterEach(() => vi.useRealTimers());

describe('rate limits', () => {
  it('lets `limit` events per key through, then refuses with one notice per window', async () => {
    const limiter = memoryLimiter(2, 60);
    const takes = [];
    for (let i = 0; i < 5; i++) takes.push(await limiter.take('u1'));
    expect(takes.map((t) => t.ok)).toEqual([true, true, false, false, false]);
    expect(takes.map((t) => t.notify)).toEqual([false, false, true, false, false]);
    expect((await limiter.take('u2')).ok).toBe(true);
  });

  it('forgets every key when its window ends, so memory does not grow with users ever seen (regression)', async () => {
    vi.useFakeTimers();
    const store = new RateLimiterMemory({ points: 3, duration: 60 });
    const limiter = limiterOf(store, 3);
    for (let user = 0; user < 5000; user++) await limiter.take(user);
    // rate-limiter-flexible keeps its records in a private map; its size is what would grow.
    const records = (store as unknown as { _memoryStorage: { _storage: Map<string, unknown> } })._memoryStorage
      ._storage;
    expect(records.size).toBe(5000);
    vi.advanceTimersByTime(61_000);
    expect(records.size).toBe(0);
    expect((await limiter.take(1)).ok).toBe(true);
  });
});
