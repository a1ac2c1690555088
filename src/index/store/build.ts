/**
 * Building an index: parse the corpus, chunk, tokenise, embed, build the keyword and vector
 * indexes and the English lexicon, write them into a fresh folder and publish it atomically.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../../core/errors.js';
import { type ChunkOptions, chunkArticles, DEFAULT_CHUNK_OPTIONS, searchableText } from '../../corpus/chunker.js';
import { loadCorpus } from '../../corpus/loader.js';
import { buildLexicon } from '../../text/lexicon.js';
import { passageTerms } from '../../text/tokenizer.js';
import { embeddingState, embeddingsForBuild, embedInBatches, embedsTerms, expectedEmbeddingId } from '../embeddings.js';
import { KeywordIndex } from '../keyword-index.js';
import { DEFAULT_HNSW, type HnswParams, HnswVectorIndex } from '../vector-index.js';
import { INDEX_FORMAT, type IndexConfig, type Manifest } from './manifest.js';
import { newBuildDir, publish } from './publish.js';

/** Progress callback: stage name and how much of it is done. */
export type Progress = (stage: string, done: number, total: number) => void;

/** Options of {@link buildIndex}. */
export interface BuildOptions {
  chunk?: ChunkOptions;
  hnsw?: HnswParams;
  progress?: Progress;
}

/**
 * Builds the index from the corpus into a fresh folder and publishes it atomically.
 * An existing good index is left in place when anything fails.
 */
export async function buildIndex(config: IndexConfig, options: BuildOptions = {}): Promise<Manifest> {
  const t0 = performance.now();
  const stages: Record<string, number> = {};
  let tStage = t0;
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = Number(((now - tStage) / 1000).toFixed(3));
    tStage = now;
  };
  const progress = options.progress ?? (() => {});
  const chunkOptions = options.chunk ?? DEFAULT_CHUNK_OPTIONS;
  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const corpus = loadCorpus(config.corpusDir);
  const articles = corpus.bulletins.flatMap((b) => b.articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const chunks = chunkArticles(articles, chunkOptions);
  const texts = chunks.map((c) => searchableText(c, byId.get(c.articleId)));
  lap('parse');
  const terms = texts.map((t, i) => {
    if (i % 1000 === 0) progress('tokenise', i, chunks.length);
    return passageTerms(t);
  });
  const keyword = KeywordIndex.build(terms);
  lap('tokenise');
  const embeddings = await embeddingsForBuild(config, terms);
  // The offline embedding is computed while the graph is built (stage "index"), one chunk at a time.
  const neural = embedsTerms(embeddings)
    ? undefined
    : await embedInBatches(embeddings, texts, config.embeddings.batchSize, (d, n) => progress('embed', d, n));
  lap('embed');
  let embedMs = 0;
  const vectorAt = (i: number): number[] => {
    if (neural) return neural[i] ?? [];
    const t = performance.now();
    const v = embedsTerms(embeddings) ? embeddings.vectorOf(terms[i] ?? []) : [];
    // Each chunk's terms are needed once more, here; dropping them keeps 100k chunks under 1.5 GB.
    terms[i] = [];
    embedMs += performance.now() - t;
    return v;
  };
  const vectors = HnswVectorIndex.build(chunks.length, vectorAt, hnsw, (done) =>
    progress('index', done, chunks.length),
  );
  lap('index');
  stages.embed = Number(((stages.embed ?? 0) + embedMs / 1000).toFixed(3));
  stages.index = Number(((stages.index ?? 0) - embedMs / 1000).toFixed(3));
  const lexicon = await buildLexicon(articles);
  lap('lexicon');

  const buildDir = newBuildDir(config.indexDir);
  mkdirSync(buildDir, { recursive: true });
  try {
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      builtAt: new Date().toISOString(),
      corpus: corpus.files,
      skipped: corpus.skipped,
      warnings: corpus.warnings,
      articles: articles.length,
      chunks: chunks.length,
      embedding: { id: expectedEmbeddingId(config), dimensions: vectors.dimensions },
      build: { chunk: chunkOptions, hnsw },
      seconds: 0,
    };
    const write = (name: string, data: string | Uint8Array) => writeFileSync(join(buildDir, name), data);
    write('articles.json', JSON.stringify(articles));
    write('chunks.json', JSON.stringify(chunks));
    write('keyword.json', JSON.stringify(keyword));
    write(
      'keyword.bin',
      new Uint8Array(keyword.postings.buffer, keyword.postings.byteOffset, keyword.postings.byteLength),
    );
    write('embeddings.json', JSON.stringify(embeddingState(config, embeddings, vectors.dimensions)));
    write('lexicon.json', JSON.stringify(lexicon));
    vectors.save(buildDir);
    lap('write');
    manifest.stages = stages;
    manifest.seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
    // The manifest is written last: a folder without one is never a valid index.
    write('manifest.json', JSON.stringify(manifest, null, 2));
    publish(config.indexDir, buildDir);
    return manifest;
  } catch (cause) {
    rmSync(buildDir, { recursive: true, force: true });
    throw new IndexError('write-failed', `Writing the index failed: ${(cause as Error).message}`, { cause });
  }
}
