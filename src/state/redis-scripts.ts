/**
 * The Lua scripts that make claims and locks atomic in Redis: a claim is one round trip, and only
 * the owner of a claim or lock may extend or drop it.
 */
import type { Redis } from 'ioredis';

const CLAIM = `
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('get', KEYS[1]) == 'done' then return 'done' end
return 'busy'`;

const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/** Owner-checked operations on one key. */
export interface RedisScripts {
  /** SET NX with a TTL: `claimed`, or what holds the key (`done`, or `busy` for another owner's claim). */
  claim(key: string, owner: string, ttlMs: number): Promise<'claimed' | 'done' | 'busy'>;
  /** Extends the key's TTL if `owner` holds it; 1 when it did. */
  renew(key: string, owner: string, ttlMs: number): Promise<number>;
  /** Deletes the key if `owner` holds it; 1 when it did. */
  release(key: string, owner: string): Promise<number>;
}

type Scripted = Record<'bqaClaim' | 'bqaRenew' | 'bqaRelease', (...args: Array<string | number>) => Promise<unknown>>;

/** Defines the scripts on a client (sent once, then called by their SHA) and returns them typed. */
export function redisScripts(client: Redis): RedisScripts {
  client.defineCommand('bqaClaim', { numberOfKeys: 1, lua: CLAIM });
  client.defineCommand('bqaRenew', { numberOfKeys: 1, lua: RENEW });
  client.defineCommand('bqaRelease', { numberOfKeys: 1, lua: RELEASE });
  const c = client as unknown as Scripted;
  return {
    claim: (key, owner, ttlMs) => c.bqaClaim(key, owner, ttlMs) as Promise<'claimed' | 'done' | 'busy'>,
    renew: (key, owner, ttlMs) => c.bqaRenew(key, owner, ttlMs) as Promise<number>,
    release: (key, owner) => c.bqaRelease(key, owner) as Promise<number>,
  };
}
