/**
 * The connection to Redis, and the rule that Redis failing never stops an answer: every operation
 * has a local fallback, an outage is logged once (and its end once), the client reconnects with
 * backoff, and after a failed command Redis is skipped for a pause that doubles while it keeps failing.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../core/logger.js';

/** Longest wait for one command: an update never waits longer than this for Redis. */
const COMMAND_TIMEOUT_MS = 1_000;
/** Longest wait for Redis at start-up; past it the process starts on local state and keeps trying. */
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnection backoff bounds. */
const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 5_000;
/** After a failed command on a connection that looks up (a hung server), Redis is skipped this long, doubling. */
const PAUSE_FIRST_MS = 1_000;
const PAUSE_MAX_MS = 30_000;

/** `host:port` of a Redis URL, for logs: never the password. */
export function redisWhere(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}`;
}

/**
 * A Redis client that knows whether Redis can be used right now.
 *
 * @example
 * const link = await RedisLink.open('redis://127.0.0.1:6379', log);
 * const n = await link.run((r) => r.incr('k'), async () => localCount++);
 */
export class RedisLink {
  readonly client: Redis;
  /** Failed commands and connection errors. */
  errors = 0;
  /** Operations served by their local fallback. */
  fallbacks = 0;
  private healthy = false;
  /** True once an outage has been logged, until Redis is back: one line per outage. */
  private loggedDown = false;
  private pausedUntil = 0;
  private pauseMs = PAUSE_FIRST_MS;
  private readonly where: string;

  private constructor(
    url: string,
    private readonly log: Logger,
  ) {
    this.where = redisWhere(url);
    this.client = new Redis(url, {
      lazyConnect: true,
      // Commands fail at once while disconnected, instead of queueing behind an answer.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(RECONNECT_FIRST_MS * 2 ** (times - 1), RECONNECT_MAX_MS),
    });
    this.client.on('ready', () => this.markUp());
    this.client.on('error', (err) => {
      this.errors++;
      this.markDown(err);
    });
    this.client.on('close', () => this.markDown('connection closed'));
  }

  /** Connects, waiting at most {@link CONNECT_TIMEOUT_MS}; an unreachable Redis is logged and retried meanwhile. */
  static async open(url: string, log: Logger): Promise<RedisLink> {
    const link = new RedisLink(url, log);
    link.client.connect().catch(() => {
      // The 'error' listener has counted and logged it; the client retries on its own.
    });
    const t0 = Date.now();
    while (link.client.status !== 'ready' && Date.now() - t0 < CONNECT_TIMEOUT_MS) {
      await new Promise((r) => setTimeout(r, 25));
    }
    if (link.client.status !== 'ready' && !link.loggedDown) link.markDown('not reachable at start-up');
    return link;
  }

  /** True when commands should go to Redis now. */
  get up(): boolean {
    return this.client.status === 'ready' && Date.now() >= this.pausedUntil;
  }

  /** Runs `op` on Redis, or `fallback` when Redis is down or `op` fails. Never throws `op`'s errors. */
  async run<T>(op: (redis: Redis) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.up) {
      this.fallbacks++;
      return fallback();
    }
    try {
      const result = await op(this.client);
      this.pauseMs = PAUSE_FIRST_MS;
      if (!this.healthy) this.markUp();
      return result;
    } catch (err) {
      this.errors++;
      this.pausedUntil = Date.now() + this.pauseMs;
      this.pauseMs = Math.min(this.pauseMs * 2, PAUSE_MAX_MS);
      this.markDown(err);
      this.fallbacks++;
      return fallback();
    }
  }

  async close(): Promise<void> {
    this.client.removeAllListeners('close');
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private markUp(): void {
    if (this.healthy) return;
    this.healthy = true;
    this.pausedUntil = 0;
    if (this.loggedDown) this.log.info({ redis: this.where }, 'Redis reachable again: shared state restored');
    else this.log.info({ redis: this.where }, 'Redis connected: state shared with other replicas');
    this.loggedDown = false;
  }

  /** One line per outage, however many errors it brings. */
  private markDown(reason: unknown): void {
    if (!this.healthy && this.loggedDown) return;
    this.healthy = false;
    this.loggedDown = true;
    const err = reason instanceof Error ? reason.message : String(reason);
    this.log.warn(
      { redis: this.where, err },
      'Redis unreachable: answering from local state (limits and de-duplication per replica); reconnecting',
    );
  }
}
