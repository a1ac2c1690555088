/**
 * State shared by replicas in Redis. Every operation falls back to this process's
 * {@link MemoryStateStore} while Redis is down (see {@link RedisLink}), so answers never wait on it.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { MemoryStateStore, type MemoryUpdateClaims } from './memory-store.js';
import { type Limiter, limiterOf } from './rate-limiter.js';
import type { RedisLink } from './redis-link.js';
import { RedisBuildLock } from './redis-lock.js';
import { type RedisScripts, redisScripts } from './redis-scripts.js';
import {
  type ChatContexts,
  CLAIM_LEASE_MS,
  type Claim,
  DONE_TTL_MS,
  type FeedbackLog,
  type FeedbackRecord,
  type SharedLock,
  type StateHealth,
  type StateStore,
  type UpdateClaims,
} from './state-store.js';

/** Feedback records kept in the stream (approximately: Redis trims whole nodes). */
const FEEDBACK_MAX = 1_000_000;

/** A stored JSON value, or undefined when someone wrote something else under our key. */
function parseJson<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** A limit counted in Redis for every replica, and in memory while Redis is down. */
function sharedLimiter(link: RedisLink, keyPrefix: string, limit: number, windowSeconds: number): Limiter {
  const shared = new RateLimiterRedis({ storeClient: link.client, keyPrefix, points: limit, duration: windowSeconds });
  const local = new RateLimiterMemory({ points: limit, duration: windowSeconds });
  // rate-limiter-flexible rejects with a RateLimiterRes when the limit is hit: that is an answer,
  // not a Redis failure, so it is carried through `run` as a value and rethrown after.
  const settle = (p: Promise<RateLimiterRes>) =>
    p.then(
      (res) => ({ ok: true, res }),
      (err) => (err instanceof RateLimiterRes ? { ok: false, res: err } : Promise.reject(err)),
    );
  return limiterOf(
    {
      consume: async (key: string | number) => {
        const r = await link.run(
          () => settle(shared.consume(key)),
          () => settle(local.consume(key)),
        );
        if (!r.ok) throw r.res;
        return r.res;
      },
    },
    limit,
  );
}

/** Claims in Redis; while it is down, claims are taken (and answers remembered) in this process. */
class RedisUpdateClaims implements UpdateClaims {
  /** This store (containers may share a pid): a claim it holds can be renewed or released only by it. */
  private readonly owner = `busy:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly link: RedisLink,
    private readonly scripts: RedisScripts,
    private readonly prefix: string,
    private readonly local: MemoryUpdateClaims,
  ) {}

  private key(updateId: number): string {
    return `${this.prefix}update:${updateId}`;
  }

  async claim(updateId: number): Promise<Claim> {
    // Answered here while Redis was down: Redis does not know it.
    if (this.local.answered(updateId)) return 'done';
    return this.link.run(
      () => this.scripts.claim(this.key(updateId), this.owner, CLAIM_LEASE_MS),
      () => this.local.claim(updateId),
    );
  }

  async renew(updateId: number): Promise<void> {
    await this.link.run(
      async () => void (await this.scripts.renew(this.key(updateId), this.owner, CLAIM_LEASE_MS)),
      () => this.local.renew(updateId),
    );
  }

  async finish(updateId: number): Promise<void> {
    await this.link.run(
      async () => void (await this.link.client.set(this.key(updateId), 'done', 'PX', DONE_TTL_MS)),
      () => this.local.finish(updateId),
    );
  }

  async release(updateId: number): Promise<void> {
    await this.link.run(
      async () => void (await this.scripts.release(this.key(updateId), this.owner)),
      () => this.local.release(updateId),
    );
  }
}

/** Chat contexts as JSON strings with a TTL. */
class RedisChatContexts implements ChatContexts {
  constructor(
    private readonly link: RedisLink,
    private readonly prefix: string,
    private readonly local: ChatContexts,
  ) {}

  private key(chatId: number): string {
    return `${this.prefix}chat:${chatId}`;
  }

  async get<T>(chatId: number): Promise<T | undefined> {
    // Parsed outside `run`: a value that is not JSON is no Redis failure. `undefined`: Redis was not used.
    const json = await this.link.run<string | null | undefined>(
      (r) => r.get(this.key(chatId)),
      async () => undefined,
    );
    if (json === undefined) return this.local.get<T>(chatId);
    return json === null ? undefined : parseJson<T>(json);
  }

  set(chatId: number, value: unknown, ttlMs: number): Promise<void> {
    const json = JSON.stringify(value);
    return this.link.run(
      async (r) => void (await r.set(this.key(chatId), json, 'PX', Math.max(1, Math.round(ttlMs)))),
      () => this.local.set(chatId, value, ttlMs),
    );
  }

  clear(chatId: number): Promise<void> {
    return this.link.run(
      async (r) => void (await r.del(this.key(chatId))),
      () => this.local.clear(chatId),
    );
  }
}

/** Feedback records in a Redis stream, one JSON field per entry. */
class RedisFeedbackLog implements FeedbackLog {
  constructor(
    private readonly link: RedisLink,
    private readonly key: string,
    private readonly local: FeedbackLog,
  ) {}

  append(record: FeedbackRecord): Promise<void> {
    return this.link.run(
      async (r) => void (await r.xadd(this.key, 'MAXLEN', '~', FEEDBACK_MAX, '*', 'json', JSON.stringify(record))),
      () => this.local.append(record),
    );
  }

  async latest(limit: number): Promise<FeedbackRecord[]> {
    const entries = await this.link.run<Array<[string, string[]]> | undefined>(
      (r) => r.xrevrange(this.key, '+', '-', 'COUNT', limit),
      async () => undefined,
    );
    if (!entries) return this.local.latest(limit);
    return entries.flatMap(([, fields]) => {
      const record = parseJson<FeedbackRecord>(fields[1] ?? '');
      return record ? [record] : [];
    });
  }
}

/**
 * The Redis {@link StateStore}. Keys start with `prefix` (the bot's id, so bots may share a Redis).
 *
 * @example
 * const state = new RedisStateStore(await RedisLink.open(url, log), 'bqa:123456:');
 */
export class RedisStateStore implements StateStore {
  readonly updates: UpdateClaims;
  readonly chats: ChatContexts;
  readonly feedback: FeedbackLog;
  private readonly scripts: RedisScripts;

  constructor(
    private readonly link: RedisLink,
    private readonly prefix: string,
    local = new MemoryStateStore(),
  ) {
    this.scripts = redisScripts(link.client);
    this.updates = new RedisUpdateClaims(link, this.scripts, prefix, local.updates);
    this.chats = new RedisChatContexts(link, prefix, local.chats);
    this.feedback = new RedisFeedbackLog(link, `${prefix}feedback`, local.feedback);
  }

  limiter(name: string, limit: number, windowSeconds = 60): Limiter {
    return sharedLimiter(this.link, `${this.prefix}limit:${name}`, limit, windowSeconds);
  }

  lock(name: string): SharedLock {
    // Not under the bot's prefix: the ingest job, which has no bot token, must meet the replicas here.
    return new RedisBuildLock(this.link, this.scripts, `bqa:lock:${name}`);
  }

  health(): StateHealth {
    return {
      shared: true,
      redis: this.link.up ? 'up' : 'down',
      errors: this.link.errors,
      fallbacks: this.link.fallbacks,
    };
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
