/**
 * One benchmark step in its own process, so that peak RSS and load time are its own. Prints one
 * JSON object on stdout.
 *   ingest <chunks> <work>            generate the synthetic archive and build the index (full build)
 *   baseline <work>                   today's full rebuild of the same archive (whole-memory store)
 *   add <work> <adds>                 add issues one at a time (incremental ingest), then merge if due
 *   query <work> <questions> [--baseline]   load, answer, recall@10 of the vector side against an exact scan
 *   keyword <own|fts5|minisearch> <work> <questions>   the keyword engines compared
 *   idf <chunks> <work>               frozen against refreshed IDF after the archive doubled
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Answerer } from '../../src/answer/answerer.js';
import { analyzeQuestion } from '../../src/answer/question/analyze.js';
import { questionVector } from '../../src/answer/retriever.js';
import { judge, readEvalSet } from '../../src/cli/eval-set.js';
import { loadConfig } from '../../src/core/config.js';
import { ArchiveVectors } from '../../src/index/archive/archive-vectors.js';
import type { LoadedIndex } from '../../src/index/loaded-index.js';
import { buildIndex } from '../../src/index/store/build.js';
import { compactIndex } from '../../src/index/store/compact.js';
import { loadIndex } from '../../src/index/store/load.js';
import { updateIndex } from '../../src/index/store/update.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';
import { quantile } from '../../testkit/load-generator.js';
import { baselineBuild, baselineLoad } from './baseline.js';
import { dirBytes, measureEngine } from './keyword-engines.js';
import { CHUNKS_PER_ISSUE, syntheticQuestions, writeIssues } from './synthetic-corpus.js';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) });
const configFor = (work: string) =>
  loadConfig({ CORPUS_DIR: join(work, 'corpus'), INDEX_DIR: join(work, 'index'), LOG_LEVEL: 'silent' });
const issuesIn = (work: string) =>
  readdirSync(join(work, 'corpus'), { recursive: true }).filter((f) => String(f).endsWith('.txt')).length;

async function ingest(chunks: number, work: string) {
  let t = performance.now();
  const issues = Math.max(1, Math.round(chunks / CHUNKS_PER_ISSUE));
  writeIssues(join(work, 'corpus'), 0, issues);
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const m = await buildIndex(configFor(work));
  const seconds = (performance.now() - t) / 1000;
  return {
    issues,
    chunks: m.chunks,
    articles: m.articles,
    segments: m.segments.length,
    generateSeconds,
    seconds,
    stages: m.stages,
    indexMb: dirBytes(`${join(work, 'index')}/`) / 2 ** 20,
    peakRssMb: peakRssMb(),
  };
}

async function baseline(work: string) {
  const t = performance.now();
  const r = await baselineBuild(join(work, 'corpus'), join(work, 'baseline'));
  const seconds = (performance.now() - t) / 1000;
  return { ...r, seconds, indexMb: dirBytes(join(work, 'baseline')) / 2 ** 20, peakRssMb: peakRssMb() };
}

/** Adds `adds` issues one by one, timing each update (published) and the merge that may follow. */
async function add(work: string, adds: number) {
  const config = configFor(work);
  const times: number[] = [];
  const merges: number[] = [];
  let segments = 0;
  for (let a = 0; a < adds; a++) {
    const next = issuesIn(work);
    writeIssues(join(work, 'corpus'), next, next + 1);
    let t = performance.now();
    const m = await updateIndex(config);
    times.push((performance.now() - t) / 1000);
    t = performance.now();
    const merged = await compactIndex(config);
    if (merged) merges.push((performance.now() - t) / 1000);
    segments = (merged ?? m)?.segments.length ?? 0;
  }
  return { adds, addSeconds: times, mergeSeconds: merges, segments, peakRssMb: peakRssMb() };
}

/** Every live vector, for the exact scan. */
function allVectors(index: LoadedIndex): { ids: Int32Array; matrix: Float32Array; dims: number } {
  const dims = index.vectors.dimensions;
  const v = index.vectors;
  const labels = v instanceof HnswVectorIndex ? v.graph.getIdsList() : v instanceof ArchiveVectors ? v.labels() : [];
  const matrix = new Float32Array(labels.length * dims);
  labels.forEach((doc, i) => {
    matrix.set(v instanceof HnswVectorIndex ? v.graph.getPoint(doc) : v.vectorOf(doc), i * dims);
  });
  return { ids: Int32Array.from(labels), matrix, dims };
}

/** Exact k-th best cosine (stored vectors are normalised) and each document's similarity, for recall with ties. */
function exactTopK(all: ReturnType<typeof allVectors>, q: number[], k: number) {
  const { matrix, dims, ids } = all;
  const n = ids.length;
  const norm = Math.hypot(...q) || 1;
  const sims = new Float32Array(n);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * dims;
    for (let d = 0; d < dims; d++) s += (matrix[off + d] as number) * (q[d] as number);
    sims[i] = s / norm;
    if (best.length < k || (sims[i] as number) > (best[best.length - 1] as number)) {
      best.push(sims[i] as number);
      best.sort((x, y) => y - x);
      if (best.length > k) best.pop();
    }
  }
  return {
    kth: best.at(-1) ?? -1,
    simOf: (doc: number) => {
      const i = ids.indexOf(doc);
      return i < 0 ? -1 : (sims[i] as number);
    },
  };
}

async function query(work: string, n: number, issues: number, useBaseline: boolean) {
  const config = configFor(work);
  let t = performance.now();
  const index = useBaseline ? baselineLoad(join(work, 'baseline')) : await loadIndex(config);
  const loadSeconds = (performance.now() - t) / 1000;
  const loadedRssMb = rssMb();
  const hybrid = new Answerer(index, { topK: 8, maxQuestionChars: 500 });
  const keywordOnly = new Answerer(index, { topK: 8, maxQuestionChars: 500, retrieval: 'keyword' });
  const questions = syntheticQuestions(issues, n);
  for (const q of questions.slice(0, 30)) await hybrid.ask(q);
  const answer: number[] = [];
  let found = 0;
  for (const q of questions) {
    const a = await hybrid.ask(q);
    answer.push(a.trace.timings.total);
    if (a.found) found++;
  }
  const keywordAnswer: number[] = [];
  for (const q of questions) keywordAnswer.push((await keywordOnly.ask(q)).trace.timings.total);
  const servingRssMb = rssMb();
  const servingPeakRssMb = peakRssMb();

  // Recall@10 of the vector side against an exact scan of the same vectors (ties count).
  const sample = questions.slice(0, Math.min(n, 100));
  const qvecs = await Promise.all(
    sample.map((text) => {
      const q = analyzeQuestion(text, index.keyword, index.lexicon);
      return questionVector(q, index, index.keyword.search([...q.terms.keys()], 50, q.terms));
    }),
  );
  t = performance.now();
  const vecMs: number[] = [];
  const got = qvecs.map((v) => {
    const t0 = performance.now();
    const r = index.vectors.search(v, 10).map(([doc]) => doc);
    vecMs.push(performance.now() - t0);
    return r;
  });
  const all = allVectors(index);
  t = performance.now();
  const truths = qvecs.map((v) => exactTopK(all, v, 10));
  const exactMs = (performance.now() - t) / qvecs.length;
  const recall =
    got.reduce((s, g, i) => {
      const truth = truths[i];
      if (!truth) return s;
      return s + Math.min(10, g.filter((doc) => truth.simOf(doc) >= truth.kth - 1e-6).length) / 10;
    }, 0) / got.length;
  return {
    chunks: index.manifest.chunks,
    questions: questions.length,
    found,
    loadSeconds,
    loadedRssMb,
    answerMs: stats(answer),
    keywordOnlyAnswerMs: stats(keywordAnswer),
    vectorMs: stats(vecMs),
    exactScanMs: exactMs,
    recall,
    servingRssMb,
    servingPeakRssMb,
    peakRssMb: peakRssMb(),
  };
}

/**
 * What freezing the offline embedding's IDF costs: half the archive (and the seed bulletin) built
 * in full, the other half added by updates with the frozen weights, against a full build of all
 * of it. Recall@10 is the share of the full build's top-10 chunks that the updated index also
 * retrieves, for the synthetic questions; answers are the project's eval set on the seed bulletin.
 */
async function idf(chunks: number, work: string) {
  const issues = Math.max(2, Math.round(chunks / CHUNKS_PER_ISSUE));
  const frozen = loadConfig({ CORPUS_DIR: join(work, 'corpus'), INDEX_DIR: join(work, 'frozen'), LOG_LEVEL: 'silent' });
  const fresh = loadConfig({ CORPUS_DIR: join(work, 'corpus'), INDEX_DIR: join(work, 'fresh'), LOG_LEVEL: 'silent' });
  writeIssues(join(work, 'corpus'), 0, issues / 2);
  const { cpSync } = await import('node:fs');
  cpSync('corpus', join(work, 'corpus', 'seed'), { recursive: true });
  await buildIndex(frozen);
  writeIssues(join(work, 'corpus'), issues / 2, issues);
  await updateIndex(frozen);
  await buildIndex(fresh);
  const [a, b] = [await loadIndex(frozen), await loadIndex(fresh)];
  const answer = (index: LoadedIndex) => new Answerer(index, { topK: 10, maxQuestionChars: 500 });
  const items = readEvalSet('tests/eval/questions.jsonl');
  const score = async (index: LoadedIndex) => {
    let right = 0;
    for (const item of items) {
      const o = judge(item, await answer(index).ask(item.q));
      if (item.found ? o.correct && o.cited : o.abstainedOk) right++;
    }
    return right;
  };
  const questions = syntheticQuestions(issues, 200);
  let overlap = 0;
  for (const q of questions) {
    const top = async (index: LoadedIndex) => (await answer(index).evidence(q)).hits.map((h) => h.chunk.id);
    const [x, y] = [await top(a), new Set(await top(b))];
    overlap += x.filter((id) => y.has(id)).length / Math.max(1, y.size);
  }
  return {
    chunks: a.manifest.chunks,
    frozenDocCount: a.manifest.idf.docCount,
    recallAt10: overlap / questions.length,
    evalQuestions: items.length,
    evalFrozen: await score(a),
    evalFresh: await score(b),
  };
}

const [mode, a, b, c] = process.argv.slice(2);
const result =
  mode === 'ingest'
    ? await ingest(Number(a), b ?? '')
    : mode === 'baseline'
      ? await baseline(a ?? '')
      : mode === 'add'
        ? await add(a ?? '', Number(b ?? 1))
        : mode === 'keyword'
          ? measureEngine(a ?? 'own', b ?? '', syntheticQuestions(issuesIn(b ?? ''), Number(c ?? 200)))
          : mode === 'idf'
            ? await idf(Number(a), b ?? '')
            : await query(a ?? '', Number(b), Number(c), process.argv.includes('--baseline'));
process.stdout.write(`${JSON.stringify(result)}\n`);
