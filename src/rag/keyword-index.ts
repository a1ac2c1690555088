/** Serialisable BM25 index over pre-tokenised documents. */
export interface KeywordIndexState {
  k1: number;
  b: number;
  docLengths: number[];
  postings: Record<string, Array<[number, number]>>;
}

/** A scored hit from {@link KeywordIndex.search}. */
export interface KeywordHit {
  doc: number;
  score: number;
}

/**
 * Okapi BM25 over caller-supplied terms. LangChain's BM25Retriever splits on white space and
 * cannot index Chinese, so this takes the jieba words and bigrams the tokenizer produces.
 *
 * @example
 * const kw = KeywordIndex.build(chunks.map((c) => passageTerms(c.text)));
 * kw.search(questionTerms('海门 复工'), 10);
 */
export class KeywordIndex {
  private readonly avgLength: number;
  private readonly postings: Map<string, Array<[number, number]>>;

  constructor(private readonly state: KeywordIndexState) {
    this.postings = new Map(Object.entries(state.postings));
    const total = state.docLengths.reduce((a, b) => a + b, 0);
    this.avgLength = state.docLengths.length ? total / state.docLengths.length : 1;
  }

  /** Builds the index from each document's terms (document number = array position). */
  static build(docs: string[][], k1 = 1.2, b = 0.6): KeywordIndex {
    const postings: Record<string, Array<[number, number]>> = {};
    docs.forEach((terms, doc) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) (postings[t] ??= []).push([doc, n]);
    });
    return new KeywordIndex({ k1, b, docLengths: docs.map((d) => d.length), postings });
  }

  toJSON(): KeywordIndexState {
    return this.state;
  }

  get size(): number {
    return this.state.docLengths.length;
  }

  /** Number of documents containing the term. */
  docFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
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
  search(terms: string[], k: number, weights?: Map<string, number>): KeywordHit[] {
    const { k1, b, docLengths } = this.state;
    const scores = new Map<number, number>();
    for (const term of new Set(terms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const w = (weights?.get(term) ?? 1) * this.idf(term);
      for (const [doc, tf] of list) {
        const norm = tf + k1 * (1 - b + (b * docLengths[doc]) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (w * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores.entries()]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, k);
  }
}
