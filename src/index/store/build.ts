/**
 * A full build: every corpus file read once, one file at a time, into segments of at most half a
 * million chunks; document frequencies counted; then each segment's graph built,
 * on worker threads when segments are large. The result is published atomically.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError, IndexError, ProviderError } from '../../core/errors.js';
import { type ChunkOptions, DEFAULT_CHUNK_OPTIONS } from '../../corpus/chunker.js';
import { type CorpusFile, emptyCorpusError, listCorpus } from '../../corpus/loader.js';
import { embeddingsForBuild, embedInBatches, expectedEmbeddingId, LOCAL_DIMENSIONS } from '../embeddings.js';
import { HashingEmbeddings } from '../hashing-embeddings.js';
import { buildGraphFromPoints, type GraphJob } from '../segment/graph-build.js';
import { segmentFile } from '../segment/segment-files.js';
import { writeTermTable } from '../segment/term-table.js';
import { runGraphJobs } from '../segment/worker-jobs.js';
import { DEFAULT_HNSW, type HnswParams } from '../vector-index.js';
import { type IngestedFiles, ingestFiles, type Progress } from './ingest-files.js';
import { INDEX_FORMAT, type IndexConfig, type Manifest } from './manifest.js';
import { newBuildDir, publishManifest } from './publish.js';

export type { Progress } from './ingest-files.js';

/** Options of {@link buildIndex}. */
export interface BuildOptions {
  chunk?: ChunkOptions;
  hnsw?: HnswParams;
  progress?: Progress;
}

/** The build's frozen document frequencies (offline embedding), a table of term → df. */
export const DF_FILE = 'embedding-df.tbl';
/** English stems and glosses of the whole archive. */
export const LEXICON_FILE = 'lexicon.json';
/** The embedding's id, dimensions and the chunk count its frequencies were counted over. */
export const EMBEDDING_FILE = 'embeddings.json';

/**
 * Largest segment a full build writes: its graph and postings fit comfortably in one worker. Every
 * graph is searched for each question, so fewer, larger ones answer faster: at a million chunks, two
 * graphs of 500k took 5.6–6.0 ms against 8.8–10.0 ms for four of 250k, at the same recall.
 */
const MAX_SEGMENT_DOCS = 500_000;
/** From this size on, a full build writes at least two segments so that both cores build graphs. */
const PARALLEL_FROM_DOCS = 50_000;
/** Bytes of bulletin text per chunk, roughly, to plan segments before reading. */
const BYTES_PER_CHUNK = 260;

/** Corpus files per segment: at most half a million chunks each, two segments from 50k chunks on. */
export function filesPerSegment(files: CorpusFile[]): number {
  const estimate = files.reduce((n, f) => n + Math.max(0, f.bytes), 0) / BYTES_PER_CHUNK;
  if (estimate < PARALLEL_FROM_DOCS) return Number.POSITIVE_INFINITY;
  return Math.ceil(files.length / Math.max(2, Math.ceil(estimate / MAX_SEGMENT_DOCS)));
}

/** Bucket and signed weight per term id, for graph builds; in shared memory, as every worker reads them. */
export function termFeatures(embeddings: HashingEmbeddings, terms: readonly string[]): [Uint16Array, Float32Array] {
  const bucket = new Uint16Array(new SharedArrayBuffer(2 * terms.length));
  const weight = new Float32Array(new SharedArrayBuffer(4 * terms.length));
  terms.forEach((t, i) => {
    const [b, w] = embeddings.featureOf(t);
    bucket[i] = b;
    weight[i] = w;
  });
  return [bucket, weight];
}

/**
 * Builds every segment's graph: the offline embedding from term features (on worker threads for
 * large segments), a neural one from the provider. Returns the vector dimensions.
 */
export async function buildGraphs(
  ing: IngestedFiles,
  embeddings: unknown,
  config: IndexConfig,
  hnsw: HnswParams,
  progress: Progress,
): Promise<number> {
  if (embeddings instanceof HashingEmbeddings) {
    const [bucket, weight] = termFeatures(embeddings, ing.dict.terms);
    // The term strings (millions in a large archive) are not needed once features are computed.
    ing.dict.ids.clear();
    ing.dict.terms.length = 0;
    ing.df.data = new Int32Array(0);
    const jobs: GraphJob[] = ing.writers.map((w) => ({
      path: segmentFile(w.dir, 'graph'),
      dimensions: embeddings.dimensions,
      params: hnsw,
      docs: w.docs.view(),
      pairStarts: w.pairStarts.view(),
      pairs: w.pairs.view(),
      bucket,
      weight,
    }));
    let done = 0;
    // Keeps the build lock fresh while workers build large graphs.
    const tick = setInterval(() => progress('index', done, jobs.length), 5000);
    try {
      await runGraphJobs(jobs, () => progress('index', ++done, jobs.length));
    } finally {
      clearInterval(tick);
    }
    return embeddings.dimensions;
  }
  let dimensions = 0;
  for (const [i, w] of ing.writers.entries()) {
    const texts = ing.texts[i] ?? [];
    const vectors = await embedInBatches(embeddings as HashingEmbeddings, texts, config.embeddings.batchSize, (d, n) =>
      progress('embed', d, n),
    );
    dimensions = vectors[0]?.length ?? dimensions;
    buildGraphFromPoints(segmentFile(w.dir, 'graph'), dimensions, hnsw, w.docs.view(), (j) => vectors[j] ?? []);
  }
  return dimensions;
}

/** Wraps a failure of writing a build: corpus and provider errors keep their own type. */
export function buildFailure(cause: unknown): Error {
  if (cause instanceof CorpusError || cause instanceof ProviderError || cause instanceof IndexError)
    return cause as Error;
  return new IndexError('write-failed', `Writing the index failed: ${(cause as Error).message}`, { cause });
}

/**
 * Builds the index from the whole corpus into a fresh folder and publishes it atomically.
 * An existing good index is left in place when anything fails.
 */
export async function buildIndex(config: IndexConfig, options: BuildOptions = {}): Promise<Manifest> {
  const t0 = performance.now();
  const progress = options.progress ?? (() => {});
  const chunkOptions = options.chunk ?? DEFAULT_CHUNK_OPTIONS;
  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const corpus = listCorpus(config.corpusDir);
  const buildDir = newBuildDir(config.indexDir);
  mkdirSync(buildDir, { recursive: true });
  try {
    const local = config.embeddings.provider === 'local';
    const ing = await ingestFiles({
      corpusDir: config.corpusDir,
      files: corpus,
      buildDir,
      firstDoc: 0,
      segmentFiles: filesPerSegment(corpus),
      chunk: chunkOptions,
      keepTexts: !local,
      progress,
    });
    if (ing.chunks === 0) throw emptyCorpusError(config.corpusDir, ing.skipped);
    const df = ing.df.view();
    let t = performance.now();
    const embeddings = local
      ? new HashingEmbeddings({
          id: HashingEmbeddings.idFor(LOCAL_DIMENSIONS),
          dimensions: LOCAL_DIMENSIONS,
          docCount: ing.chunks,
          df: {
            get: (term) => df[ing.dict.ids.get(term) ?? -1],
            has: (term) => ing.dict.ids.has(term),
          },
        })
      : await embeddingsForBuild(config, []);
    if (local) writeTermTable(join(buildDir, DF_FILE), ing.dict.terms, 1, new Uint32Array(df.buffer, 0, df.length));
    const dimensions = await buildGraphs(ing, embeddings, config, hnsw, progress);
    const graphSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // The English bridge is built on a worker meanwhile; what is left of it is waited for here.
    await ing.lexiconDone;
    ing.stages.lexicon = (performance.now() - t) / 1000;
    t = performance.now();
    for (const w of ing.writers) w.finish(dimensions);
    const builtAt = new Date().toISOString();
    writeFileSync(join(buildDir, LEXICON_FILE), JSON.stringify(ing.lexicon));
    writeFileSync(
      join(buildDir, EMBEDDING_FILE),
      JSON.stringify({ id: expectedEmbeddingId(config), dimensions, docCount: ing.chunks }),
    );
    const stages: Record<string, number> = { ...ing.stages, index: graphSeconds };
    stages.write = (stages.write ?? 0) + (performance.now() - t) / 1000;
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      builtAt,
      corpus,
      skipped: ing.skipped,
      warnings: ing.warnings,
      articles: ing.articles,
      chunks: ing.chunks,
      embedding: { id: expectedEmbeddingId(config), dimensions },
      build: { chunk: chunkOptions, hnsw },
      seconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
      stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Number(v.toFixed(3))])),
      kind: 'full',
      files: ing.files,
      segments: ing.writers.map((w) => w.id),
      nextDoc: ing.chunks,
      deleted: 0,
      idf: { docCount: ing.chunks, builtAt },
    };
    return publishManifest(config.indexDir, buildDir, manifest);
  } catch (cause) {
    rmSync(buildDir, { recursive: true, force: true });
    throw buildFailure(cause);
  }
}
