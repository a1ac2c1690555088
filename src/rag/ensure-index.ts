import type { Config } from '../core/config.js';
import { IndexError } from '../core/errors.js';
import { buildIndex, loadIndex, staleReason, type IndexConfig, type LoadedIndex, type Manifest, type Progress } from './index-store.js';

/** Reports what {@link ensureIndex} did, for the caller to log. */
export type IndexEvent = { kind: 'building'; reason: string } | { kind: 'built'; manifest: Manifest } | { kind: 'fresh' };

/**
 * Loads the index, building it first when it is missing or stale and `autoIngest` is on.
 * With `autoIngest` off, a missing or stale index is an {@link IndexError} that says to run ingest.
 */
export async function ensureIndex(
  config: IndexConfig & Pick<Config, 'autoIngest'>,
  onEvent: (e: IndexEvent) => void = () => {},
  progress?: Progress,
): Promise<LoadedIndex> {
  const rebuild = async (why: string) => {
    onEvent({ kind: 'building', reason: why });
    onEvent({ kind: 'built', manifest: await buildIndex(config, { progress }) });
    return loadIndex(config);
  };
  const reason = staleReason(config);
  if (reason) {
    if (!config.autoIngest) {
      throw new IndexError(`The index cannot be used (${reason}): run \`npm run ingest\`.`, {
        userMessage: 'The search index is missing or out of date: run `npm run ingest`.',
      });
    }
    return rebuild(reason);
  }
  try {
    const index = await loadIndex(config);
    onEvent({ kind: 'fresh' });
    return index;
  } catch (err) {
    // A manifest that looks fresh over truncated or corrupt files: rebuild rather than refuse.
    if (!(err instanceof IndexError) || !config.autoIngest) throw err;
    return rebuild('the index files are corrupt');
  }
}
