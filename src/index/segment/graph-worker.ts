/**
 * Worker side of parallel graph builds: receives a {@link GraphJob}, builds and writes the graph,
 * answers `{ seconds }` or `{ error }`. Started by {@link runGraphJobs}.
 */
import { parentPort } from 'node:worker_threads';
import { buildGraph, type GraphJob } from './graph-build.js';

parentPort?.on('message', (job: GraphJob) => {
  try {
    parentPort?.postMessage(buildGraph(job));
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).message });
  }
});
