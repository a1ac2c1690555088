/**
 * Start-up and ingest: make sure a fresh index is published, building it when allowed, with one
 * builder at a time; the others wait for its build and use it.
 */
import { IndexError } from '../../core/errors.js';
import { NEEDS_INGEST } from '../../core/messages.js';
import type { LoadedIndex } from '../loaded-index.js';
import { type BuildOptions, buildIndex } from './build.js';
import { compactIndex } from './compact.js';
import { loadIndex as load } from './load.js';
import { type BuildLock, FileBuildLock } from './lock.js';
import { type IndexConfig, type Manifest, readManifest, staleReason } from './manifest.js';
import { updateBlocker, updateIndex } from './update.js';

/** Reports what {@link ensureIndex} and {@link buildWhenStale} did, for the caller to log. */
export type IndexEvent =
  | { kind: 'building'; reason: string }
  | { kind: 'built'; manifest: Manifest }
  /** Segments were merged after an update (published as a build of its own). */
  | { kind: 'merged'; manifest: Manifest }
  | { kind: 'waiting' }
  | { kind: 'fresh' };

/** Options shared by {@link ensureIndex} and {@link buildWhenStale}. */
export interface EnsureOptions extends BuildOptions {
  onEvent?: (e: IndexEvent) => void;
  /** Who may build; default a lock file next to the index folder. */
  lock?: BuildLock;
  /** Rebuild even when the index is fresh (`npm run ingest -- --force`). */
  force?: boolean;
  /** How often a waiting process looks at the lock again. */
  pollMs?: number;
}

/** The default lock: `<indexDir>.lock`. */
export function defaultLock(indexDir: string): BuildLock {
  return new FileBuildLock(`${indexDir}.lock`);
}

/**
 * Brings the index up to date: an incremental update when the published build can take one, a
 * full build otherwise (or when forced); then merges segments if that is due.
 */
async function rebuild(config: IndexConfig, options: EnsureOptions, force: boolean): Promise<Manifest | undefined> {
  let previous: Manifest | undefined;
  try {
    previous = readManifest(config.indexDir);
  } catch {
    previous = undefined;
  }
  if (force || updateBlocker(config, previous, options)) return buildIndex(config, options);
  const manifest = await updateIndex(config, options);
  if (!manifest) return undefined;
  options.onEvent?.({ kind: 'built', manifest });
  const merged = await compactIndex(config, options.progress);
  if (merged) options.onEvent?.({ kind: 'merged', manifest: merged });
  return merged ?? manifest;
}

/**
 * Builds the index when it is stale (or `force`), holding the build lock; when another process
 * holds it, waits for that build and builds only if the index is still stale afterwards.
 * Returns the manifest built, or undefined when nothing needed building.
 */
export async function buildWhenStale(config: IndexConfig, options: EnsureOptions = {}): Promise<Manifest | undefined> {
  const { onEvent = () => {}, pollMs = 500 } = options;
  const lock = options.lock ?? defaultLock(config.indexDir);
  let force = options.force ?? false;
  let waited = false;
  for (;;) {
    const reason = force ? 'forced' : staleReason(config);
    if (!reason) return undefined;
    const release = await lock.tryAcquire();
    if (!release) {
      if (!waited) onEvent({ kind: 'waiting' });
      waited = true;
      // Another builder's result serves us too, even when a rebuild was forced.
      force = false;
      await new Promise((r) => setTimeout(r, pollMs));
      continue;
    }
    try {
      const why = force ? 'forced' : staleReason(config);
      if (!why) return undefined;
      onEvent({ kind: 'building', reason: why });
      const progress = options.progress;
      const opts: EnsureOptions = {
        ...options,
        progress: (stage, done, total) => {
          void lock.refresh();
          progress?.(stage, done, total);
        },
      };
      const manifest = await rebuild(config, opts, force);
      if (manifest?.kind === 'full') onEvent({ kind: 'built', manifest });
      return manifest;
    } finally {
      await release();
    }
  }
}

/**
 * Loads the index, building it first when it is missing, stale or corrupt and `autoIngest` is on.
 * With `autoIngest` off, a missing or stale index is an {@link IndexError} that says to run ingest.
 */
export async function ensureIndex(
  config: IndexConfig & { autoIngest: boolean },
  options: EnsureOptions = {},
): Promise<LoadedIndex> {
  const reason = staleReason(config);
  if (reason && !config.autoIngest) {
    throw new IndexError('stale', `The index cannot be used (${reason}): run \`npm run ingest\`.`, {
      userMessage: NEEDS_INGEST,
    });
  }
  if (reason) await buildWhenStale(config, options);
  try {
    const index = await load(config);
    if (!reason) options.onEvent?.({ kind: 'fresh' });
    return index;
  } catch (err) {
    // A manifest that looks fresh over truncated or corrupt files: rebuild rather than refuse.
    if (!(err instanceof IndexError) || !config.autoIngest) throw err;
    options.onEvent?.({ kind: 'building', reason: 'the index files are corrupt' });
    await buildWhenStale(config, { ...options, force: true });
    return load(config);
  }
}
