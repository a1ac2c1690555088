/**
 * A lock in Redis (SET NX with a TTL, kept alive while held), so that one replica builds the index
 * while the others wait, wherever they run. A holder that dies frees it when the TTL ends.
 */
import { randomUUID } from 'node:crypto';
import { StateError } from '../core/errors.js';
import type { RedisLink } from './redis-link.js';
import type { RedisScripts } from './redis-scripts.js';
import type { SharedLock } from './state-store.js';

/** A dead holder blocks the others this long at most; a live one renews it every third of it. */
export const LOCK_TTL_MS = 30_000;

/**
 * Implements the index's `BuildLock`. Throws a {@link StateError} when Redis cannot be used, so that
 * the caller can fall back to its lock file.
 */
export class RedisBuildLock implements SharedLock {
  private token?: string;

  constructor(
    private readonly link: RedisLink,
    private readonly scripts: RedisScripts,
    private readonly key: string,
  ) {}

  async tryAcquire(): Promise<(() => Promise<void>) | undefined> {
    if (!this.link.up)
      throw new StateError('unavailable', 'Redis is unreachable: the build lock cannot be taken there.');
    const token = randomUUID();
    let taken: string | null;
    try {
      taken = await this.link.client.set(this.key, token, 'PX', LOCK_TTL_MS, 'NX');
    } catch (cause) {
      throw new StateError('unavailable', `Redis failed while taking the build lock: ${String(cause)}`, { cause });
    }
    if (taken !== 'OK') return undefined;
    this.token = token;
    const keepAlive = setInterval(() => void this.refresh(), LOCK_TTL_MS / 3);
    keepAlive.unref();
    return async () => {
      clearInterval(keepAlive);
      this.token = undefined;
      // If Redis is gone, the TTL frees the lock.
      await this.scripts.release(this.key, token).catch(() => {});
    };
  }

  async refresh(): Promise<void> {
    if (!this.token) return;
    await this.scripts.renew(this.key, this.token, LOCK_TTL_MS).catch(() => {});
  }
}
