/** Runs graph builds on worker threads, as many at a time as there are cores (two on this machine). */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildGraph, type GraphJob } from './graph-build.js';

/** Segments smaller than this are built on the calling thread: a worker costs about a second to start. */
const WORKER_MIN_DOCS = 20_000;

function inWorker(job: GraphJob): Promise<{ seconds: number }> {
  // The worker runs TypeScript through tsx, as every entry point of the project does.
  const worker = new Worker(new URL('./graph-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    worker.once('message', (r: { seconds: number } | { error: string }) => {
      void worker.terminate();
      if ('error' in r) reject(new Error(r.error));
      else resolve(r);
    });
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

/**
 * Builds every job's graph, large ones on worker threads in parallel; resolves when all are
 * written. `onDone` reports each finished job.
 */
export async function runGraphJobs(jobs: GraphJob[], onDone: (i: number) => void = () => {}): Promise<number> {
  const queue = jobs.map((job, i) => ({ job, i }));
  let seconds = 0;
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r = next.job.docs.length >= WORKER_MIN_DOCS ? await inWorker(next.job) : buildGraph(next.job);
      seconds += r.seconds;
      onDone(next.i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), jobs.length)) }, lane));
  return seconds;
}
