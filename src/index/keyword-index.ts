/** Serialisable part of a {@link KeywordIndex}; the postings themselves are a separate binary array. */
export interface KeywordIndexState {
  k1: number;
  b: number;
  docLengths: number[];
  /** Term → [offset, count] into the postings array, which holds (doc, term frequency) pairs. */
  terms: Record<string, [number, number]>;
}

import { Bm25Accumulator } from './bm25.js';
import type { ChunkDays } from './chunk-days.js';
import type { DateRange, KeywordHit, KeywordSearch } from './loaded-index.js';

/**
 * Okapi BM25 over caller-supplied terms. LangChain's BM25Retriever splits on white space and
 * cannot index Chinese, so this takes the jieba words and bigrams the tokenizer produces.
 * Postings are one flat Int32Array of (doc, tf) pairs: at 100k chunks, arrays of pairs cost
 * ten times the memory and most of the index's load time.
 *
 * @example
 * const kw = KeywordIndex.build(chunks.map((c) => passageTerms(c.text)));
 * kw.search(questionTerms('海门 复工'), 10);
 */
export class KeywordIndex implements KeywordSearch {
  private readonly avgLength: number;
  private readonly terms: Map<string, [number, number]>;
  private scores?: Bm25Accumulator;

  constructor(
    private readonly state: KeywordIndexState,
    /** (doc, tf) pairs, grouped by term. */
    readonly postings: Int32Array,
    /** Issue dates of the documents, for searches restricted to a date range. */
    private readonly days?: ChunkDays,
  ) {
    this.terms = new Map(Object.entries(state.terms));
    const total = state.docLengths.reduce((a, b) => a + b, 0);
    this.avgLength = state.docLengths.length ? total / state.docLengths.length : 1;
  }

  /** Builds the index from each document's terms (document number = array position), in two passes to size the postings exactly. */
  static build(docs: string[][], k1 = 1.2, b = 0.6): KeywordIndex {
    const counts = new Map<string, number>();
    for (const terms of docs) for (const t of new Set(terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const offsets: Record<string, [number, number]> = {};
    const cursor = new Map<string, number>();
    let total = 0;
    for (const [t, n] of counts) {
      offsets[t] = [total, n];
      cursor.set(t, total);
      total += n;
    }
    const postings = new Int32Array(total * 2);
    docs.forEach((terms, doc) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const at = cursor.get(t) as number;
        postings[at * 2] = doc;
        postings[at * 2 + 1] = n;
        cursor.set(t, at + 1);
      }
    });
    return new KeywordIndex({ k1, b, docLengths: docs.map((d) => d.length), terms: offsets }, postings);
  }

  toJSON(): KeywordIndexState {
    return this.state;
  }

  /** False when the postings are shorter than the term table says (a truncated keyword.bin). */
  get consistent(): boolean {
    let end = 0;
    for (const [offset, count] of this.terms.values()) end = Math.max(end, (offset + count) * 2);
    return end === this.postings.length;
  }

  get size(): number {
    return this.state.docLengths.length;
  }

  /** Number of documents containing the term. */
  docFrequency(term: string): number {
    return this.terms.get(term)?.[1] ?? 0;
  }

  /** BM25 inverse document frequency (never negative). */
  idf(term: string): number {
    const n = this.docFrequency(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /**
   * Top `k` documents for the query terms. `weights` scales a term's contribution
   * (e.g. translated English terms count less than exact ones).
   */
  search(terms: string[], k: number, weights?: Map<string, number>, range?: DateRange): KeywordHit[] {
    const accept = range ? this.days?.matcher(range) : undefined;
    if (range && !accept) return [];
    this.scores ??= new Bm25Accumulator(this.state.docLengths, this.avgLength, this.state.k1, this.state.b);
    for (const term of new Set(terms)) {
      const entry = this.terms.get(term);
      if (!entry) continue;
      // Offsets come from the term table, which `consistent` checked against the postings at load.
      const [offset, count] = entry;
      this.scores.add(this.postings, offset * 2, (offset + count) * 2, (weights?.get(term) ?? 1) * this.idf(term));
    }
    return this.scores.top(k, accept && ((doc) => !accept(doc)));
  }
}
