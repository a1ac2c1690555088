/** The Redis state store against a real redis-server, with two stores standing for two replicas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLockOf } from '../../src/app/runtime.js';
import { StateError } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';
import { buildWhenStale, type IndexEvent } from '../../src/index/store/ensure.js';
import { RedisLink } from '../../src/state/redis-link.js';
import { RedisStateStore } from '../../src/state/redis-store.js';
import { type Started, startRedis } from '../../testkit/cluster.js';
import { waitFor, workspace } from '../helpers.js';

let redis: Started & { url: string };
const lines: string[] = [];
const log = createLogger('info', { write: (l: string) => void lines.push(l) } as never);
let a: RedisStateStore;
let b: RedisStateStore;

/** A store on its own connection: one per replica. */
const store = async (prefix: string) => new RedisStateStore(await RedisLink.open(redis.url, log), prefix);

beforeAll(async () => {
  redis = await startRedis();
  a = await store('bqa:test:');
  b = await store('bqa:test:');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop('SIGKILL');
});

describe('Redis state shared by two replicas', () => {
  it('counts one rate limit across both, with one notice', async () => {
    const la = a.limiter('user', 3);
    const lb = b.limiter('user', 3);
    const takes = [];
    for (let i = 0; i < 6; i++) takes.push(await (i % 2 ? lb : la).take(42));
    expect(takes.map((t) => t.ok)).toEqual([true, true, true, false, false, false]);
    expect(takes.filter((t) => t.notify)).toHaveLength(1);
    expect((await lb.take(43)).ok).toBe(true);
  });

  it('lets one replica claim an update; the other sees it busy, then done; a released claim is free', async () => {
    expect(await a.updates.claim(1)).toBe('claimed');
    expect(await b.updates.claim(1)).toBe('busy');
    await b.updates.release(1);
    expect(await b.updates.claim(1)).toBe('busy');
    await a.updates.finish(1);
    expect(await b.updates.claim(1)).toBe('done');
    expect(await b.updates.claim(2)).toBe('claimed');
    await b.updates.release(2);
    expect(await a.updates.claim(2)).toBe('claimed');
  });

  it('shares chat context as JSON with a TTL, and feedback newest first', async () => {
    await a.chats.set(5, { topic: '平海公路' }, 300);
    expect(await b.chats.get(5)).toEqual({ topic: '平海公路' });
    await waitFor(async () => (await b.chats.get(5)) === undefined, 2_000, 'the context to expire');
    await a.chats.set(6, [1, 2], 60_000);
    await b.chats.clear(6);
    expect(await a.chats.get(6)).toBeUndefined();
    await a.feedback.append({ n: 1, q: '问题' });
    await b.feedback.append({ n: 2 });
    expect(await a.feedback.latest(5)).toEqual([{ n: 2 }, { n: 1, q: '问题' }]);
  });

  it('holds a lock for one replica at a time; only its holder releases it', async () => {
    const la = a.lock('test');
    const lb = b.lock('test');
    const release = await la.tryAcquire();
    expect(release).toBeDefined();
    expect(await lb.tryAcquire()).toBeUndefined();
    await release?.();
    const releaseB = await lb.tryAcquire();
    expect(releaseB).toBeDefined();
    await release?.();
    expect(await la.tryAcquire()).toBeUndefined();
    await releaseB?.();
  });

  it('lets one of two processes build the index while the other waits for it, through the Redis lock', async () => {
    const ws = workspace();
    try {
      const events: IndexEvent['kind'][] = [];
      const onEvent = (e: IndexEvent) => events.push(e.kind);
      const built = await Promise.all(
        [a, b].map((s) =>
          buildWhenStale(ws.config, { lock: buildLockOf(ws.config.indexDir, s, log), onEvent, pollMs: 50 }),
        ),
      );
      expect(built.filter(Boolean)).toHaveLength(1);
      expect(events.filter((k) => k === 'building')).toHaveLength(1);
      expect(events).toContain('waiting');
    } finally {
      ws.cleanup();
    }
  });
});

describe('Redis failing', () => {
  it('answers from local state while Redis is down, logs it once, and reconnects by itself', async () => {
    const x = await store('bqa:outage:');
    const before = lines.length;
    await redis.stop('SIGKILL');
    const stores = [a, b, x];
    await waitFor(() => stores.every((s) => s.health().redis === 'down'), 5_000, 'the outage to be seen');
    const limiter = x.limiter('user', 2);
    const takes = [];
    for (let i = 0; i < 3; i++) takes.push((await limiter.take(1)).ok);
    expect(takes).toEqual([true, true, false]);
    expect(await x.updates.claim(9)).toBe('claimed');
    await x.updates.finish(9);
    expect(await x.updates.claim(9)).toBe('done');
    await x.chats.set(1, { a: 1 }, 60_000);
    expect(await x.chats.get(1)).toEqual({ a: 1 });
    await expect(x.lock('test').tryAcquire()).rejects.toBeInstanceOf(StateError);
    expect(x.health()).toMatchObject({ shared: true, redis: 'down' });
    expect(x.health().fallbacks).toBeGreaterThan(5);
    // Reconnection attempts fail every few hundred ms: still one line per store for the outage.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(lines.slice(before).filter((l) => l.includes('Redis unreachable'))).toHaveLength(stores.length);
    redis = await startRedis(redis.port);
    await waitFor(() => x.health().redis === 'up', 10_000, 'Redis back');
    // Answered here during the outage: still done, although Redis never heard of it.
    expect(await x.updates.claim(9)).toBe('done');
    const outage = lines.slice(before).join('');
    expect(outage).toMatch(/Redis reachable again/);
    await x.close();
  }, 30_000);

  it('skips a hung Redis after one command timeout instead of making every update wait', async () => {
    const x = await store('bqa:hung:');
    process.kill(redis.pid, 'SIGSTOP');
    try {
      let t0 = performance.now();
      expect(await x.updates.claim(1)).toBe('claimed');
      expect(performance.now() - t0).toBeLessThan(1_500);
      t0 = performance.now();
      expect(await x.updates.claim(2)).toBe('claimed');
      expect(performance.now() - t0).toBeLessThan(100);
      expect(x.health().redis).toBe('down');
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }
    await waitFor(() => x.health().redis === 'up', 10_000, 'Redis back');
    await x.close();
  }, 20_000);

  it('starts on local state when Redis is not there, within the connect timeout', async () => {
    const t0 = Date.now();
    const link = await RedisLink.open('redis://127.0.0.1:1', log);
    expect(Date.now() - t0).toBeLessThan(3_000);
    const x = new RedisStateStore(link, 'bqa:none:');
    expect(x.health().redis).toBe('down');
    expect((await x.limiter('user', 1).take(1)).ok).toBe(true);
    await x.close();
  });
});
