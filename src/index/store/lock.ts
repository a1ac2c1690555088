/**
 * A lock so that one process at a time builds an index; the others wait for its build and load it.
 * The file lock works for processes sharing a folder on one host or a shared volume; a Redis lock
 * (for replicas on several hosts) implements the same {@link BuildLock} interface.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { processAlive } from './publish.js';

/** Held by one builder at a time. */
export interface BuildLock {
  /** Takes the lock if it is free; returns a release function, or undefined when another process holds it. */
  tryAcquire(): Promise<(() => Promise<void>) | undefined>;
  /** Keeps a held lock alive during a long build. */
  refresh(): Promise<void>;
}

/** A holder that has not refreshed the lock for this long is presumed gone. */
export const LOCK_STALE_MS = 10 * 60_000;

/**
 * A lock file created exclusively (`wx`), holding the owner's host and pid. It is stale when its
 * owner on this host is dead or it has not been refreshed for {@link LOCK_STALE_MS}.
 */
export class FileBuildLock implements BuildLock {
  constructor(private readonly path: string) {}

  async tryAcquire(): Promise<(() => Promise<void>) | undefined> {
    mkdirSync(dirname(this.path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, JSON.stringify({ host: hostname(), pid: process.pid, at: new Date().toISOString() }));
        closeSync(fd);
        return async () => rmSync(this.path, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        if (!this.stale()) return undefined;
        rmSync(this.path, { force: true });
      }
    }
    return undefined;
  }

  async refresh(): Promise<void> {
    const now = new Date();
    try {
      utimesSync(this.path, now, now);
    } catch {
      // A lock removed under us is re-taken by the next build; this one still publishes atomically.
    }
  }

  private stale(): boolean {
    try {
      const owner = JSON.parse(readFileSync(this.path, 'utf8')) as { host?: string; pid?: number };
      if (owner.host === hostname() && owner.pid && !processAlive(owner.pid)) return true;
      return Date.now() - statSync(this.path).mtimeMs > LOCK_STALE_MS;
    } catch {
      // Unreadable or half-written: stale only once it is old, as its writer may be mid-write.
      try {
        return Date.now() - statSync(this.path).mtimeMs > 5_000;
      } catch {
        return true;
      }
    }
  }
}

/**
 * A lock shared by replicas (in Redis) that falls back to another (the lock file) while the shared
 * one cannot be used: the build goes on, and `onFallback` says why once per attempt.
 */
export class FallbackBuildLock implements BuildLock {
  private held?: BuildLock;

  constructor(
    private readonly primary: BuildLock,
    private readonly fallback: BuildLock,
    private readonly onFallback: (err: unknown) => void,
  ) {}

  async tryAcquire(): Promise<(() => Promise<void>) | undefined> {
    let lock = this.primary;
    let release: (() => Promise<void>) | undefined;
    try {
      release = await this.primary.tryAcquire();
    } catch (err) {
      this.onFallback(err);
      lock = this.fallback;
      release = await this.fallback.tryAcquire();
    }
    if (!release) return undefined;
    this.held = lock;
    const done = release;
    return async () => {
      this.held = undefined;
      await done();
    };
  }

  async refresh(): Promise<void> {
    await this.held?.refresh();
  }
}
