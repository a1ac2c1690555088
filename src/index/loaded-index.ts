/**
 * What answering sees of a built index: small interfaces over the stored text and the two searches,
 * so that storage (in memory today; segmented or on disk for a large archive) can change without
 * touching the answer layer.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Article, Chunk } from '../core/types.js';
import type { Lexicon } from '../text/bridge/lexicon.js';
import type { Manifest } from './store/manifest.js';
import type { VectorIndex } from './vector-index.js';

/** An article without its text: enough to list issues and headlines. */
export type ArticleHead = Pick<Article, 'id' | 'title' | 'source' | 'date'>;

/** Inclusive range of issue days (`YYYY-MM-DD`); a chunk matches when its issue date overlaps it. */
export interface DateRange {
  from: string;
  to: string;
}

/** One issue of the archive: its date (as precise as known), how many corpus files and articles it has. */
export interface IssueSummary {
  date: string;
  files: number;
  articles: number;
}

/**
 * The indexed text: chunks by position (their document number in both searches) and articles by id.
 * Chunks of deleted files leave holes: `chunk` returns undefined for them, and `chunkCount` is one
 * past the highest document number.
 */
export interface DocStore {
  readonly chunkCount: number;
  chunk(doc: number): Chunk | undefined;
  article(id: string): Article | undefined;
  /**
   * Every article without its paragraphs, in corpus order; with `range`, only those of the issues in
   * it (the newest issue's headlines: `articleHeads({ from: d, to: d })`, which reads one issue's heads).
   */
  articleHeads(range?: DateRange): ArticleHead[];
  /** The dated issues, oldest first; cheap at any size. Articles of unknown date belong to none. */
  issues(): IssueSummary[];
}

/** A keyword hit: document number and BM25 score. */
export interface KeywordHit {
  doc: number;
  score: number;
}

/** BM25 over index terms, with the corpus statistics question analysis weighs concepts by. */
export interface KeywordSearch {
  /** Number of documents (chunks). */
  readonly size: number;
  docFrequency(term: string): number;
  idf(term: string): number;
  /** Top `k` documents; `weights` scales a term's contribution; `range` keeps only chunks of those issues. */
  search(terms: string[], k: number, weights?: Map<string, number>, range?: DateRange): KeywordHit[];
}

/** Everything a question needs, loaded once per published build and never changed afterwards. */
export interface LoadedIndex {
  manifest: Manifest;
  docs: DocStore;
  keyword: KeywordSearch;
  embeddings: EmbeddingsInterface;
  vectors: VectorIndex;
  lexicon: Lexicon;
}

/**
 * Whatever serves questions from a loaded index. A reload hands it a new index in one call; it must
 * switch in one step, so a question in flight keeps the index it started with.
 */
export interface IndexHolder {
  /** The index being served now. */
  readonly loaded: LoadedIndex;
  /** Switches to a newly loaded index. */
  replaceIndex(index: LoadedIndex): void;
}
