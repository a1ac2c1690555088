import { describe, expect, it } from 'vitest';
import { type BuildLock, FallbackBuildLock } from '../../src/index/store/lock.js';

/** A lock that records what is done with it; `broken` makes it throw as an unreachable Redis would. */
function recording(name: string, log: string[], broken = false): BuildLock {
  let held = false;
  return {
    async tryAcquire() {
      if (broken) throw new Error(`${name} unreachable`);
      if (held) return undefined;
      held = true;
      log.push(`${name} acquired`);
      return async () => {
        held = false;
        log.push(`${name} released`);
      };
    },
    async refresh() {
      log.push(`${name} refreshed`);
    },
  };
}

describe('FallbackBuildLock', () => {
  it('uses the shared lock while it works', async () => {
    const log: string[] = [];
    const lock = new FallbackBuildLock(recording('redis', log), recording('file', log), () => log.push('fallback'));
    const release = await lock.tryAcquire();
    expect(await lock.tryAcquire()).toBeUndefined();
    await lock.refresh();
    await release?.();
    expect(log).toEqual(['redis acquired', 'redis refreshed', 'redis released']);
  });

  it('falls back to the lock file when the shared lock cannot be used, and says why', async () => {
    const log: string[] = [];
    const reasons: string[] = [];
    const lock = new FallbackBuildLock(recording('redis', log, true), recording('file', log), (err) =>
      reasons.push(String((err as Error).message)),
    );
    const release = await lock.tryAcquire();
    expect(release).toBeDefined();
    await lock.refresh();
    await release?.();
    expect(log).toEqual(['file acquired', 'file refreshed', 'file released']);
    expect(reasons).toEqual(['redis unreachable']);
  });
});
