/** Opening the configured {@link StateStore}: in memory by default, in Redis with `REDIS_URL`. */
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { MemoryStateStore } from './memory-store.js';
import { RedisLink } from './redis-link.js';
import { RedisStateStore } from './redis-store.js';
import type { StateStore } from './state-store.js';

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
 */
export async function openStateStore(config: Config, log: Logger): Promise<StateStore> {
  if (!config.redisUrl) return new MemoryStateStore();
  return new RedisStateStore(await RedisLink.open(config.redisUrl, log), keyPrefixOf(config));
}
