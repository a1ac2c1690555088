/**
 * Today's full rebuild, kept for the benchmark's side-by-side figures: the whole corpus parsed
 * into memory, one keyword index and one HNSW graph, everything written as JSON and loaded whole
 * (the store as it was before segments). Not used by the product.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Chunk } from '../../src/core/types.js';
import { chunkArticles, DEFAULT_CHUNK_OPTIONS, searchableText } from '../../src/corpus/chunker.js';
import { loadCorpus } from '../../src/corpus/loader.js';
import { ChunkDays } from '../../src/index/chunk-days.js';
import { HashingEmbeddings, type HashingEmbeddingsState } from '../../src/index/hashing-embeddings.js';
import { KeywordIndex, type KeywordIndexState } from '../../src/index/keyword-index.js';
import type { LoadedIndex } from '../../src/index/loaded-index.js';
import { MemoryDocStore } from '../../src/index/memory-docs.js';
import type { Manifest } from '../../src/index/store/manifest.js';
import { DEFAULT_HNSW, HnswVectorIndex } from '../../src/index/vector-index.js';
import { buildLexicon, Lexicon, type LexiconState } from '../../src/text/bridge/lexicon.js';
import { passageTerms } from '../../src/text/tokenizer.js';

const json = <T>(dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

/** Builds the whole index in memory and writes it into `dir`; returns chunk count and stage seconds. */
export async function baselineBuild(corpusDir: string, dir: string) {
  const stages: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    stages[name] = (performance.now() - t) / 1000;
    t = performance.now();
  };
  const corpus = loadCorpus(corpusDir);
  const articles = corpus.bulletins.flatMap((b) => b.articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const chunks = chunkArticles(articles, DEFAULT_CHUNK_OPTIONS);
  const texts = chunks.map((c) => searchableText(c, byId.get(c.articleId)));
  lap('parse');
  const terms = texts.map(passageTerms);
  const keyword = KeywordIndex.build(terms);
  lap('tokenise');
  const embeddings = HashingEmbeddings.fitTerms(terms, 512);
  lap('embed');
  const vectors = HnswVectorIndex.build(chunks.length, (i) => {
    const v = embeddings.vectorOf(terms[i] ?? []);
    terms[i] = [];
    return v;
  });
  lap('index');
  const lexicon = await buildLexicon(articles);
  lap('lexicon');
  mkdirSync(dir, { recursive: true });
  const write = (name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);
  write('articles.json', JSON.stringify(articles));
  write('chunks.json', JSON.stringify(chunks));
  write('keyword.json', JSON.stringify(keyword));
  write(
    'keyword.bin',
    new Uint8Array(keyword.postings.buffer, keyword.postings.byteOffset, keyword.postings.byteLength),
  );
  write('embeddings.json', JSON.stringify(embeddings.toJSON()));
  write('lexicon.json', JSON.stringify(lexicon));
  vectors.save(dir);
  lap('write');
  return { chunks: chunks.length, articles: articles.length, stages };
}

/** Loads what {@link baselineBuild} wrote, whole, as the old loader did. */
export function baselineLoad(dir: string): LoadedIndex {
  const articles = json<Article[]>(dir, 'articles.json');
  const chunks = json<Chunk[]>(dir, 'chunks.json');
  const days = new ChunkDays(chunks);
  const buf = readFileSync(join(dir, 'keyword.bin'));
  const postings = new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const keyword = new KeywordIndex(json<KeywordIndexState>(dir, 'keyword.json'), postings, days);
  const manifest = { build: { hnsw: DEFAULT_HNSW }, chunks: chunks.length } as unknown as Manifest;
  return {
    manifest,
    docs: new MemoryDocStore(articles, chunks),
    keyword,
    embeddings: new HashingEmbeddings(json<HashingEmbeddingsState>(dir, 'embeddings.json')),
    vectors: HnswVectorIndex.load(dir, DEFAULT_HNSW.efSearch, days),
    lexicon: new Lexicon(json<LexiconState>(dir, 'lexicon.json')),
  };
}
