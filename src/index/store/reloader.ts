/** Hot reload: a newly published index replaces the one being served, without dropping a question. */
import { unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import { userMessageOf } from '../../core/errors.js';
import type { IndexHolder } from '../loaded-index.js';
import { loadIndex } from './load.js';
import { type IndexConfig, readManifest } from './manifest.js';

/** What a reload did: `unchanged` when the published build is the one being served. */
export type ReloadResult =
  | { status: 'reloaded' | 'unchanged'; chunks: number; builtAt: string }
  | { status: 'failed'; error: unknown };

/** One line for an operator: what a reload did. */
export function reloadSummary(r: ReloadResult): string {
  if (r.status === 'failed') return `Reload failed, still serving the previous index: ${userMessageOf(r.error)}`;
  return `${r.status === 'reloaded' ? 'Reloaded' : 'Unchanged'}: ${r.chunks} chunks built ${r.builtAt}.`;
}

/**
 * Swaps a newly published index into an {@link IndexHolder}. Reloads run one at a time; a failed
 * load keeps the old index serving, so `npm run ingest` while the bot runs never costs a question.
 *
 * @example
 * const reloader = new IndexReloader(config, answerer);
 * process.on('SIGHUP', () => void reloader.reload());
 * const stop = reloader.watch(1000, (r) => log.info(r, 'index reload'));
 */
export class IndexReloader {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: Omit<IndexConfig, 'corpusDir'>,
    private readonly holder: IndexHolder,
  ) {}

  /** Loads the published index if it differs from the one served (or always, with `force`). */
  reload(force = false): Promise<ReloadResult> {
    const run = async (): Promise<ReloadResult> => {
      try {
        const published = readManifest(this.config.indexDir);
        const current = this.holder.loaded.manifest;
        if (!force && published && published.builtAt === current.builtAt) {
          return { status: 'unchanged', chunks: current.chunks, builtAt: current.builtAt };
        }
        const index = await loadIndex(this.config, this.holder.loaded);
        this.holder.replaceIndex(index);
        return { status: 'reloaded', chunks: index.manifest.chunks, builtAt: index.manifest.builtAt };
      } catch (error) {
        return { status: 'failed', error };
      }
    };
    const next = this.queue.then(run);
    this.queue = next;
    return next;
  }

  /**
   * Polls the published manifest (through the index symlink) and reloads when it changes.
   * Polling rather than fs.watch because the manifest is replaced by a symlink swap, which
   * inotify reports on the link's folder, not the file. Returns a function that stops watching.
   */
  watch(intervalMs: number, onReload: (r: ReloadResult) => void): () => void {
    const path = join(this.config.indexDir, 'manifest.json');
    const listener = () => void this.reload().then((r) => r.status !== 'unchanged' && onReload(r));
    watchFile(path, { interval: intervalMs, persistent: false }, listener);
    return () => unwatchFile(path, listener);
  }
}
