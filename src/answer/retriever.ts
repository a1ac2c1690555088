/**
 * Hybrid retrieval: BM25 over jieba words and Han bigrams plus HNSW over the chunk vectors,
 * fused by reciprocal rank.
 */
import type { Chunk } from '../core/types.js';
import { daySpan, isoDay } from '../index/chunk-days.js';
import { embedsTerms } from '../index/embeddings.js';
import type { DateRange, KeywordHit, LoadedIndex } from '../index/loaded-index.js';

/** A retrieved chunk with the scores of each stage, for answering and for the REPL's `:trace`. */
export interface RetrievedChunk {
  chunk: Chunk;
  keyword: number;
  vector: number;
  fused: number;
  keywordRank?: number;
  vectorRank?: number;
}

/** Per-stage timings of one retrieval, in milliseconds. */
export interface RetrievalTimings {
  keyword: number;
  vector: number;
  fuse: number;
}

/**
 * What retrieval searches with: the question's text (for a neural embedding), its weighted index
 * terms, and optionally the issues to search.
 */
export interface SearchQuery {
  text: string;
  terms: Map<string, number>;
  range?: DateRange;
  /** Keyword search only: a second pass over a few issues, where BM25 alone finds what the first missed. */
  keywordOnly?: boolean;
}

/** The result of one retrieval; `vectorError` says why the vector side was skipped (a neural provider failed). */
export interface Retrieval {
  hits: RetrievedChunk[];
  timings: RetrievalTimings;
  vectorError?: string;
}

/** Reciprocal-rank-fusion constant: 60 is the usual choice and damps the head of each list. */
const RRF_K = 60;
/** Candidates taken from each ranker before fusion. */
const CANDIDATES = 50;
/** Keyword evidence weighs more in the fusion: the offline embedding is built from the same terms. */
const KEYWORD_WEIGHT = 1.5;
/** Keyword hits whose vectors are blended into the question's (pseudo-relevance feedback). */
const FEEDBACK_DOCS = 3;

/**
 * The question's vector. A neural embedding reads the text. The offline one takes the weighted
 * index terms, then adds the mean vector of the top keyword hits (Rocchio feedback): a bag of a
 * dozen terms lies far from every chunk, where HNSW's greedy search loses its way (recall@10
 * 0.48 at 100k chunks); the blend lies among the chunks (0.96).
 */
export async function questionVector(
  query: SearchQuery,
  index: Pick<LoadedIndex, 'embeddings' | 'vectors'>,
  keywordHits: KeywordHit[],
): Promise<number[]> {
  const { embeddings, vectors } = index;
  if (!embedsTerms(embeddings)) return embeddings.embedQuery(query.text);
  const weighted = [...query.terms].flatMap(([term, w]) => Array<string>(Math.max(1, Math.round(w * 2))).fill(term));
  const v = embeddings.vectorOf(weighted);
  const feedback = keywordHits.slice(0, FEEDBACK_DOCS);
  for (const hit of feedback) {
    for (const [d, x] of vectors.vectorOf(hit.doc).entries()) v[d] = (v[d] ?? 0) + x / feedback.length;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/**
 * Hybrid search over one loaded index. Keyword evidence weighs more: the offline embedding is
 * built from the same terms and mostly breaks ties.
 *
 * @example
 * const { hits } = await new HybridSearch(index).retrieve({ text, terms }, 8);
 */
export class HybridSearch {
  /** @param options.vectors false gives the keyword-only baseline the benchmark compares against. */
  constructor(
    private readonly index: LoadedIndex,
    private readonly options: { vectors?: boolean } = {},
  ) {}

  /** Retrieves the top `k` chunks for a query. */
  async retrieve(query: SearchQuery, k: number): Promise<Retrieval> {
    const { keyword, vectors, docs } = this.index;
    const terms = [...query.terms.keys()];
    let t = performance.now();
    const kw = keyword.search(terms, CANDIDATES, query.terms, query.range);
    const tKeyword = performance.now() - t;
    t = performance.now();
    let vectorError: string | undefined;
    let vec: Array<[number, number]> = [];
    if (terms.length && this.options.vectors !== false && !query.keywordOnly) {
      try {
        vec = vectors.search(await questionVector(query, this.index, kw), CANDIDATES, query.range);
      } catch (err) {
        // Keyword retrieval alone still answers most questions; a provider outage must not fail them.
        vectorError = (err as Error)?.name === 'TimeoutError' ? 'timeout' : 'provider error';
      }
    }
    const tVector = performance.now() - t;
    t = performance.now();
    type Fused = Omit<RetrievedChunk, 'chunk'> & { doc: number };
    const byDoc = new Map<number, Fused>();
    const entry = (doc: number): Fused => {
      let e = byDoc.get(doc);
      if (!e) {
        e = { doc, keyword: 0, vector: 0, fused: 0 };
        byDoc.set(doc, e);
      }
      return e;
    };
    kw.forEach((h, rank) => {
      const e = entry(h.doc);
      e.keyword = h.score;
      e.keywordRank = rank + 1;
      e.fused += KEYWORD_WEIGHT / (RRF_K + rank + 1);
    });
    vec.forEach(([doc, sim], rank) => {
      if (sim <= 0) return;
      const e = entry(doc);
      e.vector = sim;
      e.vectorRank = rank + 1;
      e.fused += 1 / (RRF_K + rank + 1);
    });
    // Only the chunks that make the cut are read (from disk, in a segmented archive).
    const hits: RetrievedChunk[] = [];
    for (const { doc, ...scores } of [...byDoc.values()].sort((x, y) => y.fused - x.fused)) {
      if (hits.length >= k) break;
      const chunk = docs.chunk(doc);
      if (chunk) hits.push({ chunk, ...scores });
    }
    return {
      hits,
      timings: { keyword: tKeyword, vector: tVector, fuse: performance.now() - t },
      ...(vectorError ? { vectorError } : {}),
    };
  }
}

/** Days back from the newest issue searched on their own, so that recent reports are among the candidates. */
export const RECENT_DAYS = 92;

/**
 * The searches one question needs in a dated archive: the whole archive; then, keyword only, the
 * issues of the time it names, or for a question wanting the latest the most recent issues, so that
 * a topic reported every week for years still has its asked-for or newest reports among the
 * candidates. (Searching the recent issues for every question cost 5 ms at 100k chunks and changed
 * no answer of the eval sets.)
 */
export function searchPasses(
  query: SearchQuery,
  archive: { first?: string; newest?: string },
  latest: boolean,
): SearchQuery[] {
  const { range, ...all } = query;
  if (range) return [all, { ...query, keywordOnly: true }];
  const newest = daySpan(archive.newest)?.[1];
  const first = daySpan(archive.first)?.[0];
  if (!latest || newest === undefined || first === undefined || newest - first <= RECENT_DAYS) return [all];
  return [all, { ...all, range: { from: isoDay(newest - RECENT_DAYS), to: isoDay(newest) }, keywordOnly: true }];
}

/** Merges the hits of several searches, each list's best first, without repeating a chunk. */
export function mergeHits(lists: RetrievedChunk[][]): RetrievedChunk[] {
  const seen = new Set<string>();
  const out: RetrievedChunk[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const hit = list[i];
      if (hit && !seen.has(hit.chunk.id)) {
        seen.add(hit.chunk.id);
        out.push(hit);
      }
    }
  }
  return out;
}
