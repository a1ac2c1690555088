/**
 * Running the heavy parts of a build on worker threads, so that a full build uses both cores:
 * graphs of large segments, and each segment's English bridge while the next one is tokenised.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../core/types.js';
import { buildLexicon, type LexiconState } from '../../text/bridge/lexicon.js';
import { buildGraph, type GraphJob } from './graph-build.js';
import type { WorkerJob } from './index-worker.js';

/** Segments smaller than this are handled on the calling thread: a worker costs about a second to start. */
export const WORKER_MIN_DOCS = 20_000;

/** A worker that registers tsx first (loader hooks are per thread), then runs the index worker. */
function indexWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./index-worker.ts', import.meta.url).href;
  const shim = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(script)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(shim)}`));
}

/** Runs one job on a worker of its own and resolves with its result. */
export function inWorker<T>(job: WorkerJob): Promise<T> {
  const worker = indexWorker();
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (r: { result: T } | { error: string }) => {
      void worker.terminate();
      if ('error' in r) reject(new Error(r.error));
      else resolve(r.result);
    });
    worker.once('error', reject);
    // A graph job hands its chunk terms over (no copy); term features live in shared memory.
    const transfer = job.kind === 'graph' ? [job.pairs.buffer, job.pairStarts.buffer] : [];
    worker.postMessage(job, transfer as ArrayBuffer[]);
  });
}

/**
 * Builds the English bridge of batches of articles one after another, large batches on one worker
 * of its own: a full build tokenises and builds graphs meanwhile, and one batch at a time keeps
 * the bridge's memory (millions of pinyin keys in a large archive) bounded.
 */
export class LexiconQueue {
  private worker?: Worker;
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues a batch; resolves with its lexicon state. */
  add(articles: Article[], docs: number): Promise<LexiconState> {
    const run = () => (docs >= WORKER_MIN_DOCS ? this.onWorker(articles) : buildLexicon(articles));
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => {});
    return next;
  }

  /** Stops the worker (call once every batch has resolved). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private onWorker(articles: Article[]): Promise<LexiconState> {
    this.worker ??= indexWorker();
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      worker.once('error', onError);
      worker.once('message', (r: { result: LexiconState } | { error: string }) => {
        worker.off('error', onError);
        if ('error' in r) reject(new Error(r.error));
        else resolve(r.result);
      });
      worker.postMessage({ kind: 'lexicon', articles } satisfies WorkerJob);
    });
  }
}

/**
 * Builds every job's graph, large ones on worker threads in parallel; resolves when all are
 * written. `onDone` reports each finished job. Returns the seconds the builds took, summed.
 */
export async function runGraphJobs(jobs: GraphJob[], onDone: (i: number) => void = () => {}): Promise<number> {
  const queue = jobs.map((job, i) => ({ job, i }));
  let seconds = 0;
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r =
        next.job.docs.length >= WORKER_MIN_DOCS
          ? await inWorker<{ seconds: number }>({ kind: 'graph', ...next.job })
          : buildGraph(next.job);
      seconds += r.seconds;
      onDone(next.i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), jobs.length)) }, lane));
  return seconds;
}
