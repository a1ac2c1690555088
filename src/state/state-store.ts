/**
 * The state that replicas of the bot share: rate limits, claims on updates (so that a re-delivered
 * update is answered once), a small JSON value per chat, and feedback records. One process keeps it
 * in memory ({@link MemoryStateStore}); replicas keep it in Redis (`REDIS_URL`), falling back to
 * memory while Redis is unreachable.
 */
import type { Limiter } from './rate-limiter.js';

/**
 * How long a claim on an update holds without being renewed. A replica that dies mid-update
 * (SIGKILL) holds its claims this long at most; then a re-delivery is handled elsewhere.
 */
export const CLAIM_LEASE_MS = 5_000;

/** How long an answered update is remembered: Telegram gives up re-delivering well within a day. */
export const DONE_TTL_MS = 24 * 3600_000;

/**
 * What claiming an update found: `claimed` (handle it, then {@link UpdateClaims.finish} it),
 * `done` (already answered: acknowledge it and do nothing), `busy` (being handled right now, here or
 * by another replica: ask the sender to deliver it again later).
 */
export type Claim = 'claimed' | 'done' | 'busy';

/** Claims on `update_id`s, taken before an update is handled. */
export interface UpdateClaims {
  claim(updateId: number): Promise<Claim>;
  /** Extends a claim still being handled by another {@link CLAIM_LEASE_MS}. */
  renew(updateId: number): Promise<void>;
  /** Marks a claimed update answered, so that re-deliveries are acknowledged without an answer. */
  finish(updateId: number): Promise<void>;
  /** Gives a claim up when handling failed, so that a re-delivery is handled again. */
  release(updateId: number): Promise<void>;
}

/** One JSON value per chat that expires: the conversation context (its shape belongs to its user). */
export interface ChatContexts {
  get<T>(chatId: number): Promise<T | undefined>;
  set(chatId: number, value: unknown, ttlMs: number): Promise<void>;
  clear(chatId: number): Promise<void>;
}

/** A feedback record: a JSON object (its fields belong to the feedback feature). */
export type FeedbackRecord = Readonly<Record<string, unknown>>;

/** Feedback records, appended and listed newest first. */
export interface FeedbackLog {
  append(record: FeedbackRecord): Promise<void>;
  latest(limit: number): Promise<FeedbackRecord[]>;
}

/**
 * What `/readyz` and `/metrics` show of the store: whether it is shared at all, whether Redis is
 * reachable, and counts of Redis errors and of operations served from local state instead.
 */
export interface StateHealth {
  shared: boolean;
  redis?: 'up' | 'down';
  errors: number;
  fallbacks: number;
}

/**
 * The shared-state seam: every part of the bot that must agree across replicas goes through it.
 *
 * @example
 * const state = await openStateStore(config, log);
 * const perUser = state.limiter('user', 10);
 * if ((await state.updates.claim(update.update_id)) === 'claimed') handle(update);
 */
export interface StateStore {
  /** A limiter of `limit` events per key per window; `name` separates limiters sharing a store. */
  limiter(name: string, limit: number, windowSeconds?: number): Limiter;
  readonly updates: UpdateClaims;
  readonly chats: ChatContexts;
  readonly feedback: FeedbackLog;
  /** A lock named `name` shared by every replica; none in memory, where a lock file next to the index serves. */
  lock?(name: string): SharedLock;
  health(): StateHealth;
  close(): Promise<void>;
}

/** A lock that one process holds at a time, across replicas (the shape of the index's `BuildLock`). */
export interface SharedLock {
  /** Takes the lock if it is free; returns a release function, or undefined when another process holds it. */
  tryAcquire(): Promise<(() => Promise<void>) | undefined>;
  /** Keeps a held lock alive during a long build. */
  refresh(): Promise<void>;
}
