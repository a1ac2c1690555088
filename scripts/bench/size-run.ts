/**
 * One benchmark step in its own process, so that peak RSS and load time are its own:
 *   ingest <chunks> <workdir>         generate the synthetic corpus and build the index
 *   query  <workdir> <questions> [--full]   load, answer, and compare against the baselines
 * Prints one JSON object on stdout.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { Answerer } from '../../src/answer/answerer.js';
import { analyzeQuestion } from '../../src/answer/question/analyze.js';
import { questionVector } from '../../src/answer/retriever.js';
import { readEvalSet } from '../../src/cli/eval-set.js';
import { loadConfig } from '../../src/core/config.js';
import { buildIndex } from '../../src/index/store/build.js';
import { loadIndex } from '../../src/index/store/load.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';
import { quantile } from '../../testkit/load-generator.js';
import { syntheticQuestions, writeSyntheticCorpus } from './synthetic-corpus.js';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) });

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

const configFor = (work: string) =>
  loadConfig({ CORPUS_DIR: join(work, 'corpus'), INDEX_DIR: join(work, 'index'), LOG_LEVEL: 'silent' });

async function ingest(chunks: number, work: string) {
  let t = performance.now();
  const files = writeSyntheticCorpus(join(work, 'corpus'), chunks);
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const m = await buildIndex(configFor(work));
  const seconds = (performance.now() - t) / 1000;
  return {
    files,
    chunks: m.chunks,
    articles: m.articles,
    generateSeconds,
    seconds,
    chunksPerSecond: m.chunks / seconds,
    stages: m.stages,
    indexBytes: dirBytes(`${join(work, 'index')}/`),
    peakRssMb: peakRssMb(),
  };
}

/** Exact top-k by cosine over all stored vectors (hnswlib stores them normalised for the cosine space), with the k-th similarity. */
function exactTopK(
  matrix: Float32Array,
  dims: number,
  q: number[],
  k: number,
): { ids: number[]; kth: number; sims: (i: number) => number } {
  const n = matrix.length / dims;
  const norm = Math.hypot(...q) || 1;
  const best: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * dims;
    for (let d = 0; d < dims; d++) s += (matrix[off + d] as number) * (q[d] as number);
    s /= norm;
    if (best.length < k || s > (best.at(-1)?.[1] ?? Number.NEGATIVE_INFINITY)) {
      best.push([i, s]);
      best.sort((a, b) => b[1] - a[1]);
      if (best.length > k) best.pop();
    }
  }
  const sims = (i: number) => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += (matrix[i * dims + d] as number) * (q[d] as number);
    return s / norm;
  };
  return { ids: best.map(([i]) => i), kth: best.at(-1)?.[1] ?? -Infinity, sims };
}

/**
 * Recall@k that counts ties: the corpus repeats sentences, so several chunks can share the k-th
 * similarity and any of them is a right answer.
 */
const recall = (got: number[], truth?: { ids: number[]; kth: number; sims: (i: number) => number }) =>
  truth
    ? Math.min(truth.ids.length, got.filter((i) => truth.sims(i) >= truth.kth - 1e-6).length) / (truth.ids.length || 1)
    : 0;

/** Embeddings that hand back vectors computed earlier, so the baseline times index building only. */
class Precomputed extends Embeddings {
  constructor(private readonly vectors: number[][]) {
    super({});
  }
  async embedDocuments(): Promise<number[][]> {
    return this.vectors;
  }
  async embedQuery(): Promise<number[]> {
    throw new Error('not used');
  }
}

async function query(work: string, n: number, full: boolean) {
  const config = configFor(work);
  let t = performance.now();
  const index = await loadIndex(config);
  const loadSeconds = (performance.now() - t) / 1000;
  const hybrid = new Answerer(index, { topK: 8, maxQuestionChars: 500 });
  const keywordOnly = new Answerer(index, { topK: 8, maxQuestionChars: 500, retrieval: 'keyword' });
  const questions = syntheticQuestions(
    readEvalSet('tests/eval/questions.jsonl').map((i) => i.q),
    n,
  );
  for (const q of questions.slice(0, 30)) await hybrid.ask(q);
  const retrieval: number[] = [];
  const answer: number[] = [];
  for (const q of questions) {
    const a = await hybrid.ask(q);
    const tm = a.trace.timings;
    retrieval.push(tm.analyze + tm.keyword + tm.vector + tm.fuse);
    answer.push(tm.total);
  }
  const keywordAnswer: number[] = [];
  for (const q of questions) keywordAnswer.push((await keywordOnly.ask(q)).trace.timings.total);
  const servingPeakRssMb = peakRssMb();

  // Recall@10 of HNSW against an exact scan of the same vectors.
  if (!(index.vectors instanceof HnswVectorIndex)) throw new Error('the benchmark measures the HNSW graph');
  const hnsw = index.vectors.graph;
  const count = hnsw.getCurrentCount();
  const dims = hnsw.getNumDimensions();
  const matrix = new Float32Array(count * dims);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    const p = hnsw.getPoint(i);
    matrix.set(p, i * dims);
    if (full) points.push(p);
  }
  const sample = questions.slice(0, Math.min(200, questions.length));
  const qvecs = await Promise.all(
    sample.map((text) => {
      const q = analyzeQuestion(text, index.keyword, index.lexicon);
      return questionVector(q, index, index.keyword.search([...q.terms.keys()], 50, q.terms));
    }),
  );
  t = performance.now();
  const truth = qvecs.map((v) => exactTopK(matrix, dims, v, 10));
  const exactMs = (performance.now() - t) / qvecs.length;
  const efSweep = [10, 32, 64, 128, 256, 512, 1024].map((ef) => {
    hnsw.setEf(ef);
    const t0 = performance.now();
    const got = qvecs.map((v) => hnsw.searchKnn(v, Math.min(10, count)).neighbors);
    const ms = (performance.now() - t0) / qvecs.length;
    return { ef, recall: got.reduce((s, g, i) => s + recall(g, truth[i]), 0) / got.length, ms };
  });
  hnsw.setEf(index.manifest.build.hnsw.efSearch);

  let langchainDefaults: object | undefined;
  let tuning: object[] | undefined;
  if (full) {
    // LangChain's defaults: HNSWLib.fromDocuments builds with M 16, efConstruction 200 and searches with ef 10.
    t = performance.now();
    const store = await HNSWLib.fromDocuments(
      points.map((_, i) => new Document({ pageContent: String(i) })),
      new Precomputed(points),
    );
    const buildSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const got = qvecs.map((v) => store.index.searchKnn(v, Math.min(10, count)).neighbors);
    const ms = (performance.now() - t) / qvecs.length;
    langchainDefaults = { buildSeconds, ms, recall: got.reduce((s, g, i) => s + recall(g, truth[i]), 0) / got.length };
    if (count <= 20_000) {
      tuning = [];
      for (const m of [8, 16, 32]) {
        for (const efC of [50, 100, 200]) {
          const idx = new hnswlib.HierarchicalNSW('cosine', dims);
          idx.initIndex(count, m, efC, 100);
          const tb = performance.now();
          for (const [i, p] of points.entries()) idx.addPoint(p, i);
          const build = (performance.now() - tb) / 1000;
          for (const ef of [32, 64]) {
            idx.setEf(ef);
            const ts = performance.now();
            const r = qvecs.map((v) => idx.searchKnn(v, 10).neighbors);
            tuning.push({
              m,
              efConstruction: efC,
              ef,
              buildSeconds: build,
              ms: (performance.now() - ts) / qvecs.length,
              recall: r.reduce((s, g, i) => s + recall(g, truth[i]), 0) / r.length,
            });
          }
        }
      }
    }
  }
  return {
    chunks: count,
    questions: questions.length,
    loadSeconds,
    retrievalMs: stats(retrieval),
    answerMs: stats(answer),
    keywordOnlyAnswerMs: stats(keywordAnswer),
    exactScanMs: exactMs,
    efSweep,
    efInUse: index.manifest.build.hnsw.efSearch,
    langchainDefaults,
    tuning,
    servingPeakRssMb,
    peakRssMb: peakRssMb(),
  };
}

const [mode, a, b] = process.argv.slice(2);
const result =
  mode === 'ingest'
    ? await ingest(Number(a), b ?? '')
    : await query(a ?? '', Number(b), process.argv.includes('--full'));
process.stdout.write(`${JSON.stringify(result)}\n`);
