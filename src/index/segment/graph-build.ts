/**
 * Building a segment's HNSW graph from its chunks' (term id, frequency) pairs and the features of
 * each term (bucket and signed IDF weight): the offline embedding computed from typed arrays,
 * with no string in sight. Runs on the calling thread for small segments and in a worker
 * (`graph-worker.ts`) for large ones, so that a full build uses both cores.
 */
import hnswlib from 'hnswlib-node';
import type { HnswParams } from '../vector-index.js';

/** Everything a graph build needs; plain typed arrays, so it can be posted to a worker. */
export interface GraphJob {
  path: string;
  dimensions: number;
  params: HnswParams;
  /** Global document number of each chunk: the graph's labels. */
  docs: Int32Array;
  /** Per chunk, start of its pairs; one more entry marks the end. */
  pairStarts: Int32Array;
  pairs: Int32Array;
  /** Per term id: bucket and signed weight. */
  bucket: Uint16Array;
  weight: Float32Array;
}

/** The offline embedding of one chunk, the same vector `HashingEmbeddings.vectorOf` computes. */
export function chunkVector(job: GraphJob, chunk: number, v: Float64Array): number[] {
  v.fill(0);
  const { pairs, pairStarts, bucket, weight } = job;
  for (let i = pairStarts[chunk] as number; i < (pairStarts[chunk + 1] as number); i += 2) {
    const t = pairs[i] as number;
    const b = bucket[t] as number;
    v[b] = (v[b] as number) + (weight[t] as number) * (1 + Math.log(pairs[i + 1] as number));
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return Array.from(v, (x) => x / norm);
}

/** Builds and writes the graph; returns the seconds spent embedding and inserting. */
export function buildGraph(job: GraphJob, onProgress: (done: number) => void = () => {}): { seconds: number } {
  const t0 = performance.now();
  const graph = new hnswlib.HierarchicalNSW('cosine', job.dimensions);
  graph.initIndex(Math.max(1, job.docs.length), job.params.m, job.params.efConstruction, 100);
  const v = new Float64Array(job.dimensions);
  for (let c = 0; c < job.docs.length; c++) {
    graph.addPoint(chunkVector(job, c, v), job.docs[c] as number);
    if (c % 5000 === 0) onProgress(c);
  }
  graph.writeIndexSync(job.path);
  return { seconds: (performance.now() - t0) / 1000 };
}

/** Builds a graph from stored vectors (a merge): `pointAt(i)` gives the i-th vector, labelled `docs[i]`. */
export function buildGraphFromPoints(
  path: string,
  dimensions: number,
  params: HnswParams,
  docs: Int32Array,
  pointAt: (i: number) => number[],
): void {
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  graph.initIndex(Math.max(1, docs.length), params.m, params.efConstruction, 100);
  for (let i = 0; i < docs.length; i++) graph.addPoint(pointAt(i), docs[i] as number);
  graph.writeIndexSync(path);
}
