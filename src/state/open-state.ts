/** Opening the configured {@link StateStore}: in memory by default, in Redis with `REDIS_URL`. */
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { MemoryStateStore } from './memory-store.js';
import { RedisLink } from './redis-link.js';
import { RedisStateStore } from './redis-store.js';
import type { FeedbackLog, StateStore } from './state-store.js';

/**
 * Keys are prefixed with the bot's numeric id (public, not the token's secret part), so that
 * several bots may share one Redis without mixing their updates and limits.
 */
export function keyPrefixOf(config: Config): string {
  return `bqa:${config.telegram.token?.split(':')[0] ?? 'local'}:`;
}

/**
 * Opens the state store the configuration asks for. With `REDIS_URL`, waits at most two seconds
 * for Redis: an unreachable Redis is logged once and the store starts on local state, reconnecting.
 * `feedback` is the local feedback log (default in memory): the store itself without Redis, the
 * fallback with it.
 */
export async function openStateStore(
  config: Config,
  log: Logger,
  options: { feedback?: FeedbackLog } = {},
): Promise<StateStore> {
  const local = new MemoryStateStore(options);
  if (!config.redisUrl) return local;
  return new RedisStateStore(await RedisLink.open(config.redisUrl, log), keyPrefixOf(config), local);
}
