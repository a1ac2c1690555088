/** BM25 scoring shared by the in-memory keyword index and the segmented archive's. */
import type { KeywordHit } from './loaded-index.js';

/** BM25's term-frequency saturation and length normalisation, used by every keyword search. */
export const BM25_K1 = 1.2;
/** See {@link BM25_K1}. */
export const BM25_B = 0.6;

/**
 * BM25's term-frequency factor (a term's score at weight 1) of `tf` occurrences in a document of
 * `length` terms, in a collection of average length `avgLength`.
 */
export function bm25Impact(tf: number, length: number, avgLength: number): number {
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avgLength));
}

/**
 * The largest {@link bm25Impact} of one term's postings `[from, to)` (pairs): what a segment stores
 * per term, so that searches can skip documents that cannot reach the top k.
 */
export function maxImpact(
  postings: ArrayLike<number>,
  from: number,
  to: number,
  lengthOf: (doc: number) => number,
  avgLength: number,
): number {
  let best = 0;
  for (let p = from; p < to; p += 2) {
    const impact = bm25Impact(postings[p + 1] as number, lengthOf(postings[p] as number), avgLength);
    if (impact > best) best = impact;
  }
  return best;
}

/**
 * Accumulates BM25 scores over postings (pairs of document number and term frequency) in one
 * reusable array indexed by document number: at 100k chunks a common term has tens of thousands of
 * postings, and a Map per question costs more than the rest of the answer. Searches are synchronous,
 * so one accumulator serves every question of its index.
 *
 * @example
 * const acc = new Bm25Accumulator(lengths, avgLength, 1.2, 0.6);
 * acc.add(postings, 0, postings.length, idf);
 * acc.top(10); // [{ doc, score }, …], best first; the accumulator is empty again
 */
export class Bm25Accumulator {
  private readonly scores: Float64Array;
  private touched: number[] = [];

  constructor(
    private readonly lengths: ArrayLike<number>,
    private readonly avgLength: number,
    private readonly k1: number,
    private readonly b: number,
  ) {
    this.scores = new Float64Array(lengths.length);
  }

  /** Adds one term's postings `[from, to)` (indexes into `postings`, pairs) with the term's weight. */
  add(postings: ArrayLike<number>, from: number, to: number, weight: number): void {
    const { scores, lengths, avgLength, k1, b } = this;
    for (let p = from; p < to; p += 2) {
      const doc = postings[p] as number;
      const tf = postings[p + 1] as number;
      const norm = tf + k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
      if (scores[doc] === 0) this.touched.push(doc);
      scores[doc] = (scores[doc] as number) + (weight * tf * (k1 + 1)) / norm;
    }
  }

  /**
   * The best `k` documents not `skip`ped, best first (ties by document number), kept in a small
   * sorted list rather than by sorting every touched document. Resets the accumulator.
   */
  top(k: number, skip?: (doc: number) => boolean): KeywordHit[] {
    const { scores } = this;
    const best: KeywordHit[] = [];
    for (const doc of this.touched) {
      const score = scores[doc] as number;
      scores[doc] = 0;
      if (skip?.(doc)) continue;
      const last = best[k - 1];
      // Ties go to the lower document number, as in the pruned search, whatever order docs were touched in.
      if (last && (score < last.score || (score === last.score && doc > last.doc))) continue;
      let at = best.length;
      const before = (h: KeywordHit) => h.score < score || (h.score === score && h.doc > doc);
      while (at > 0 && before(best[at - 1] as KeywordHit)) at--;
      best.splice(at, 0, { doc, score });
      if (best.length > k) best.pop();
    }
    this.touched = [];
    return best;
  }
}
