/**
 * Worker side of the parallel parts of a build: a graph from term features, or the English
 * bridge of a segment's articles. Answers `{ result }` or `{ error }`. Started by `worker-jobs.ts`.
 */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../../core/types.js';
import { buildLexicon } from '../../text/bridge/lexicon.js';
import { buildGraph, type GraphJob } from './graph-build.js';

/** A job for the worker. */
export type WorkerJob = ({ kind: 'graph' } & GraphJob) | { kind: 'lexicon'; articles: Article[] };

/** Token readings kept across a build's batches: the same names and words come back issue after issue. */
const readings = new Map<string, string>();

parentPort?.on('message', async (job: WorkerJob) => {
  try {
    const result = job.kind === 'graph' ? buildGraph(job) : await buildLexicon(job.articles, { readings });
    parentPort?.postMessage({ result });
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).message });
  }
});
