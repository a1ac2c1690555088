/**
 * State for one process, in memory: the default without `REDIS_URL`, and what a Redis store falls
 * back to while Redis is unreachable. Every part is bounded.
 */

import { ExpiringMap } from './expiring-map.js';
import { memoryLimiter } from './rate-limiter.js';
import {
  type ChatContexts,
  CLAIM_LEASE_MS,
  type Claim,
  DONE_TTL_MS,
  type FeedbackLog,
  type FeedbackRecord,
  type StateHealth,
  type StateStore,
  type UpdateClaims,
} from './state-store.js';

/** Updates remembered at most (about 100 bytes each): Telegram re-delivers within minutes, not days. */
const MAX_UPDATES = 200_000;
/** Chats whose context is kept at most. */
const MAX_CHATS = 50_000;
/** Feedback records kept in memory at most, newest last. */
const MAX_FEEDBACK = 10_000;

/** Claims held in this process: `busy` while handled, then `done`. */
export class MemoryUpdateClaims implements UpdateClaims {
  private readonly states = new ExpiringMap<number, 'busy' | 'done'>(MAX_UPDATES);

  async claim(updateId: number): Promise<Claim> {
    const state = this.states.get(updateId);
    if (state) return state;
    this.states.set(updateId, 'busy', CLAIM_LEASE_MS);
    return 'claimed';
  }

  async renew(updateId: number): Promise<void> {
    if (this.states.get(updateId) === 'busy') this.states.set(updateId, 'busy', CLAIM_LEASE_MS);
  }

  async finish(updateId: number): Promise<void> {
    this.states.set(updateId, 'done', DONE_TTL_MS);
  }

  async release(updateId: number): Promise<void> {
    if (this.states.get(updateId) === 'busy') this.states.delete(updateId);
  }

  /** True when this process answered the update (used by the Redis store, which records its fallbacks here). */
  answered(updateId: number): boolean {
    return this.states.get(updateId) === 'done';
  }
}

/** Chat contexts held in this process. */
export class MemoryChatContexts implements ChatContexts {
  private readonly values = new ExpiringMap<number, string>(MAX_CHATS);

  async get<T>(chatId: number): Promise<T | undefined> {
    const json = this.values.get(chatId);
    // Stored as JSON, so that a caller never shares an object with the store (as with Redis).
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async set(chatId: number, value: unknown, ttlMs: number): Promise<void> {
    this.values.set(chatId, JSON.stringify(value), ttlMs);
  }

  async clear(chatId: number): Promise<void> {
    this.values.delete(chatId);
  }
}

/**
 * Feedback records in memory: lost when the process stops. The feedback feature replaces it with a
 * durable local log (an append-only file) through {@link MemoryStateStore}'s `feedback` option.
 */
export class MemoryFeedbackLog implements FeedbackLog {
  private readonly records: FeedbackRecord[] = [];

  async append(record: FeedbackRecord): Promise<void> {
    this.records.push(record);
    if (this.records.length > MAX_FEEDBACK) this.records.splice(0, this.records.length - MAX_FEEDBACK);
  }

  async latest(limit: number): Promise<FeedbackRecord[]> {
    return this.records.slice(-limit).reverse();
  }
}

/**
 * The in-memory {@link StateStore}.
 *
 * @example
 * const state = new MemoryStateStore();
 * const perGroup = state.limiter('group', 20);
 */
export class MemoryStateStore implements StateStore {
  readonly updates = new MemoryUpdateClaims();
  readonly chats = new MemoryChatContexts();
  readonly feedback: FeedbackLog;

  constructor(options: { feedback?: FeedbackLog } = {}) {
    this.feedback = options.feedback ?? new MemoryFeedbackLog();
  }

  limiter(_name: string, limit: number, windowSeconds = 60) {
    return memoryLimiter(limit, windowSeconds);
  }

  health(): StateHealth {
    return { shared: false, errors: 0, fallbacks: 0 };
  }

  async close(): Promise<void> {}
}
