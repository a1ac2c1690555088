import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import { IndexError } from '../core/errors.js';
import type { Article, Chunk } from '../core/types.js';
import { listCorpus, loadCorpus, type CorpusFile } from '../corpus/loader.js';
import { chunkArticles, DEFAULT_CHUNK_OPTIONS, searchableText, type ChunkOptions } from './chunker.js';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import {
  createEmbeddingsForBuild,
  embedInBatches,
  embeddingState,
  embedsTerms,
  expectedEmbeddingId,
  restoreEmbeddings,
  type EmbeddingState,
  type ProviderConfig,
  type TermEmbeddings,
} from './providers.js';
import { KeywordIndex } from './keyword-index.js';
import { buildLexicon, Lexicon } from './lexicon.js';
import { passageTerms } from './tokenizer.js';
import { buildVectorStore, DEFAULT_HNSW, loadVectorStore, saveVectorStore, type ChunkVectorStore, type HnswParams } from './vector-store.js';

/** Bump when the on-disk layout or the analysis changes: older indexes are then refused. */
export const INDEX_FORMAT = 4;

/** What an index was built from and how; a mismatch with the current code means "run npm run ingest". */
export interface Manifest {
  format: number;
  builtAt: string;
  corpus: CorpusFile[];
  skipped: Array<{ name: string; reason: string }>;
  articles: number;
  chunks: number;
  embedding: { id: string; dimensions: number };
  build: { chunk: ChunkOptions; hnsw: HnswParams };
  seconds: number;
  /** Seconds spent per stage: parse (read, parse and chunk), tokenise, embed, index (HNSW), lexicon, write. */
  stages?: Record<string, number>;
}

/** The settings that building and loading an index depend on. */
export type IndexConfig = Pick<Config, 'corpusDir' | 'indexDir'> & ProviderConfig;

/** Everything a question needs, loaded once. */
export interface LoadedIndex {
  manifest: Manifest;
  articles: Article[];
  chunks: Chunk[];
  keyword: KeywordIndex;
  embeddings: EmbeddingsInterface;
  vectors: ChunkVectorStore;
  lexicon: Lexicon;
}

/** Progress callback: stage name and fraction done. */
export type Progress = (stage: string, done: number, total: number) => void;

const NEEDS_INGEST = 'The search index is missing or out of date: run `npm run ingest`.';

function readJson<T>(dir: string, name: string): T {
  const path = join(dir, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new IndexError(`Index file ${path} is missing or corrupt: run \`npm run ingest\` to rebuild it.`, { cause, userMessage: NEEDS_INGEST });
  }
}

function readPostings(dir: string): Int32Array {
  const path = join(dir, 'keyword.bin');
  try {
    const buf = readFileSync(path);
    if (buf.byteLength % 4 !== 0) throw new Error('truncated');
    // A view when the buffer is aligned (large files get their own), a copy otherwise.
    return buf.byteOffset % 4 === 0 ? new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4) : new Int32Array(new Uint8Array(buf).buffer);
  } catch (cause) {
    throw new IndexError(`Index file ${path} is missing or corrupt: run \`npm run ingest\` to rebuild it.`, { cause, userMessage: NEEDS_INGEST });
  }
}

/** Reads the manifest, or returns undefined when there is no index at `dir`. */
export function readManifest(dir: string): Manifest | undefined {
  if (!existsSync(join(dir, 'manifest.json'))) return undefined;
  return readJson<Manifest>(dir, 'manifest.json');
}

/** Why the index at `indexDir` cannot serve the current corpus and code, or undefined when it can. */
export function staleReason(config: IndexConfig): string | undefined {
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(config.indexDir);
  } catch {
    return 'the manifest is corrupt';
  }
  if (!manifest) return 'there is no index yet';
  if (manifest.format !== INDEX_FORMAT) return `the index format is ${manifest.format}, this code needs ${INDEX_FORMAT}`;
  if (manifest.embedding.id !== expectedEmbeddingId(config)) return `the index was built with ${manifest.embedding.id}, the configuration asks for ${expectedEmbeddingId(config)}`;
  const now = listCorpus(config.corpusDir).map((f) => `${f.name}:${f.sha256}`).join('\n');
  const then = manifest.corpus.map((f) => `${f.name}:${f.sha256}`).join('\n');
  return now === then ? undefined : 'the corpus changed';
}

/**
 * Points `indexDir` at a finished build by renaming a symlink over it, which readers see
 * atomically: they get the old index or the new one, never half of either.
 */
function publish(indexDir: string, buildDir: string): void {
  const link = `${indexDir}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(resolve(buildDir), link, 'dir');
  let previous: string | undefined;
  if (existsSync(indexDir) || isSymlink(indexDir)) {
    if (isSymlink(indexDir)) previous = resolve(dirname(indexDir), readlinkSync(indexDir));
    else renameSync(indexDir, `${indexDir}-legacy-${Date.now()}`);
  }
  renameSync(link, indexDir);
  // Keep the previous build one round so a reader that is loading it can finish; drop older ones.
  const buildsDir = dirname(buildDir);
  for (const name of safeList(buildsDir)) {
    const p = resolve(buildsDir, name);
    if (p !== resolve(buildDir) && p !== previous) rmSync(p, { recursive: true, force: true });
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Builds the index from the corpus into a fresh folder and publishes it atomically.
 * An existing good index is left in place when anything fails.
 */
export async function buildIndex(
  config: IndexConfig,
  options: { chunk?: ChunkOptions; hnsw?: HnswParams; progress?: Progress } = {},
): Promise<Manifest> {
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
  progress('tokenise', 0, chunks.length);
  const terms = texts.map((t, i) => {
    if (i % 1000 === 0) progress('tokenise', i, chunks.length);
    return passageTerms(t);
  });
  const keyword = KeywordIndex.build(terms);
  lap('tokenise');
  const embeddings = await createEmbeddingsForBuild(config, terms);
  progress('embed', 0, chunks.length);
  // The offline embedding is computed while the graph is built (stage "index"), one chunk at a time.
  const vectors = embedsTerms(embeddings) ? undefined : await embedInBatches(embeddings, texts, config.embeddings.batchSize, (done, total) => progress('embed', done, total));
  lap('embed');
  progress('index', 0, chunks.length);
  let embedMs = 0;
  const vectorAt = (i: number) => {
    if (vectors) return vectors[i];
    const t = performance.now();
    const v = (embeddings as TermEmbeddings).vectorOf(terms[i]);
    // Each chunk's terms are needed once more, here; dropping them keeps 100k chunks under 1.5 GB.
    terms[i] = [];
    embedMs += performance.now() - t;
    return v;
  };
  const store = await buildVectorStore(embeddings, chunks.map((c) => c.id), vectorAt, hnsw, (done) => progress('index', done, chunks.length));
  const dimensions = store.index.getNumDimensions();
  lap('index');
  stages.embed = Number((stages.embed + embedMs / 1000).toFixed(3));
  stages.index = Number((stages.index - embedMs / 1000).toFixed(3));
  const lexicon = await buildLexicon(articles);
  lap('lexicon');

  const buildsDir = `${config.indexDir}-builds`;
  const buildDir = join(buildsDir, `${Date.now()}-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  try {
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      builtAt: new Date().toISOString(),
      corpus: corpus.files,
      skipped: corpus.skipped,
      articles: articles.length,
      chunks: chunks.length,
      embedding: { id: expectedEmbeddingId(config), dimensions },
      build: { chunk: chunkOptions, hnsw },
      seconds: 0,
    };
    writeFileSync(join(buildDir, 'articles.json'), JSON.stringify(articles));
    writeFileSync(join(buildDir, 'chunks.json'), JSON.stringify(chunks));
    writeFileSync(join(buildDir, 'keyword.json'), JSON.stringify(keyword));
    writeFileSync(join(buildDir, 'keyword.bin'), keyword.postings);
    writeFileSync(join(buildDir, 'embeddings.json'), JSON.stringify(embeddingState(config, embeddings, manifest.embedding.dimensions)));
    writeFileSync(join(buildDir, 'lexicon.json'), JSON.stringify(lexicon));
    await saveVectorStore(store, join(buildDir, 'vectors'));
    lap('write');
    manifest.stages = stages;
    manifest.seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
    // The manifest is written last: a folder without one is never a valid index.
    writeFileSync(join(buildDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    publish(config.indexDir, buildDir);
    return manifest;
  } catch (cause) {
    rmSync(buildDir, { recursive: true, force: true });
    throw new IndexError(`Writing the index failed: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Loads the index, refusing one built by other code or another embedding.
 * @throws IndexError with a message that says to run `npm run ingest`.
 */
export async function loadIndex(config: Omit<IndexConfig, 'corpusDir'>, efSearch = DEFAULT_HNSW.efSearch): Promise<LoadedIndex> {
  const dir = config.indexDir;
  const manifest = readManifest(dir);
  if (!manifest) throw new IndexError(`No index at ${dir}: run \`npm run ingest\` first.`, { userMessage: NEEDS_INGEST });
  if (manifest.format !== INDEX_FORMAT || manifest.embedding?.id !== expectedEmbeddingId(config)) {
    throw new IndexError(
      `The index at ${dir} was built by another version or embedding (${manifest.embedding?.id ?? '?'}, format ${manifest.format}); this code needs ${expectedEmbeddingId(config)}, format ${INDEX_FORMAT}: run \`npm run ingest\`.`,
      { userMessage: NEEDS_INGEST },
    );
  }
  const articles = readJson<Article[]>(dir, 'articles.json');
  const chunks = readJson<Chunk[]>(dir, 'chunks.json');
  const keyword = new KeywordIndex(readJson(dir, 'keyword.json'), readPostings(dir));
  const embeddings = await restoreEmbeddings(config, readJson<EmbeddingState>(dir, 'embeddings.json'));
  const lexicon = new Lexicon(readJson(dir, 'lexicon.json'));
  let vectors: ChunkVectorStore;
  try {
    vectors = await loadVectorStore(join(dir, 'vectors'), embeddings, manifest.build.hnsw.efSearch ?? efSearch);
  } catch (cause) {
    throw new IndexError(`The vector index in ${dir} is corrupt: run \`npm run ingest\`.`, { cause, userMessage: NEEDS_INGEST });
  }
  if (chunks.length !== manifest.chunks || keyword.size !== chunks.length || !keyword.consistent || vectors.index.getCurrentCount() !== chunks.length) {
    throw new IndexError(`The index at ${dir} is inconsistent (chunk counts differ): run \`npm run ingest\`.`, { userMessage: NEEDS_INGEST });
  }
  return { manifest, articles, chunks, keyword, embeddings, vectors, lexicon };
}
