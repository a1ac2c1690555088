/**
 * MaxScore dynamic pruning for BM25 over postings in document order (Turtle and Flood, 1995): the
 * top k of an exhaustive search, without scoring every posting of the common terms.
 */
import type { KeywordHit } from '../loaded-index.js';

/** One query term's postings in one segment. */
export interface TermPostings {
  /** (doc, tf) pairs, ascending by document. */
  postings: Int32Array;
  /** The term's weight times its IDF (positive). */
  weight: number;
  /** An upper bound of the term's score in any of these documents: `weight` times the maximum impact. */
  bound: number;
  /** Position of the term in the query, the order scores are summed in. */
  term: number;
}

/** Relative margin on every bound comparison, so that float rounding never prunes a document that ties. */
const SLACK = 1 + 1e-9;

/**
 * The best `k` hits, best first: higher score, then lower document number (a total order, so the
 * top k does not depend on the order documents are offered in).
 */
export class TopHits {
  readonly hits: KeywordHit[] = [];

  constructor(private readonly k: number) {}

  /** The score a new document must beat (or tie with a lower number), -Infinity until k are held. */
  get threshold(): number {
    return this.hits.length < this.k ? Number.NEGATIVE_INFINITY : (this.hits[this.k - 1]?.score ?? 0);
  }

  /** Keeps the document when it makes the top k; true when it did. */
  offer(doc: number, score: number): boolean {
    const { hits, k } = this;
    const last = hits[k - 1];
    if (k <= 0 || (last && (score < last.score || (score === last.score && doc > last.doc)))) return false;
    let at = hits.length;
    while (at > 0) {
      const h = hits[at - 1] as KeywordHit;
      if (h.score > score || (h.score === score && h.doc < doc)) break;
      at--;
    }
    hits.splice(at, 0, { doc, score });
    if (hits.length > k) hits.pop();
    return true;
  }
}

/** First pair index at or after `from` whose document is at least `doc` (galloping, then binary search). */
function seek(p: Int32Array, from: number, doc: number): number {
  const pairs = p.length >> 1;
  if (from >= pairs || (p[from * 2] as number) >= doc) return from;
  let lo = from;
  let step = 1;
  let hi = from + step;
  while (hi < pairs && (p[hi * 2] as number) < doc) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > pairs) hi = pairs;
  // p[lo] < doc; p[hi] >= doc or hi is the end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((p[mid * 2] as number) < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Collection statistics the scores need: every document's length and BM25's parameters. */
export interface Bm25Stats {
  lengths: ArrayLike<number>;
  avgLength: number;
  k1: number;
  b: number;
}

/**
 * Offers `top` every document of one segment's postings that can make the top k, with the score an
 * exhaustive search gives it (terms summed in query order, the same float operations). Lists are
 * taken in increasing bound; the lowest ones whose bounds sum below the current threshold are
 * "non-essential": a document in none of the others cannot make the top k, so candidates come from
 * the essential lists only, and the others are searched (galloping) for a candidate only while its
 * score so far plus their bounds could still reach the threshold. `skip` drops documents (deleted,
 * outside a date range) before they are scored, so the threshold is that of the documents kept.
 * `terms` is the number of query terms.
 */
export function maxScore(
  input: TermPostings[],
  terms: number,
  stats: Bm25Stats,
  top: TopHits,
  skip?: (doc: number) => boolean,
): void {
  const lists = [...input].sort((x, y) => x.bound - y.bound);
  const n = lists.length;
  if (!n) return;
  const { lengths, avgLength, k1, b } = stats;
  const postings = lists.map((l) => l.postings);
  const ends = Int32Array.from(postings, (p) => p.length >> 1);
  const weights = Float64Array.from(lists, (l) => l.weight);
  const termOf = Int32Array.from(lists, (l) => l.term);
  // below[i]: the sum of the bounds of lists 0..i.
  const below = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) below[i] = sum += (lists[i] as TermPostings).bound * SLACK;
  const pos = new Int32Array(n);
  const contrib = new Float64Array(terms);
  let threshold = top.threshold;
  let first = 0;
  while (first < n && (below[first] as number) < threshold) first++;
  while (first < n) {
    let doc = 0x7fffffff;
    for (let i = first; i < n; i++) {
      if ((pos[i] as number) < (ends[i] as number)) {
        const d = (postings[i] as Int32Array)[(pos[i] as number) * 2] as number;
        if (d < doc) doc = d;
      }
    }
    if (doc === 0x7fffffff) break;
    if (skip?.(doc)) {
      for (let i = first; i < n; i++) {
        if ((pos[i] as number) < (ends[i] as number) && (postings[i] as Int32Array)[(pos[i] as number) * 2] === doc)
          pos[i] = (pos[i] as number) + 1;
      }
      continue;
    }
    // The same expression as Bm25Accumulator.add, so that scores are equal to the bit.
    const base = k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
    let partial = 0;
    for (let i = first; i < n; i++) {
      const p = postings[i] as Int32Array;
      const at = pos[i] as number;
      if (at < (ends[i] as number) && p[at * 2] === doc) {
        const tf = p[at * 2 + 1] as number;
        const score = ((weights[i] as number) * tf * (k1 + 1)) / (tf + base);
        contrib[termOf[i] as number] = score;
        partial += score;
        pos[i] = at + 1;
      }
    }
    let alive = true;
    for (let i = first - 1; i >= 0; i--) {
      if ((partial + (below[i] as number)) * SLACK < threshold) {
        alive = false;
        break;
      }
      const p = postings[i] as Int32Array;
      const at = seek(p, pos[i] as number, doc);
      pos[i] = at;
      if (at < (ends[i] as number) && p[at * 2] === doc) {
        const tf = p[at * 2 + 1] as number;
        const score = ((weights[i] as number) * tf * (k1 + 1)) / (tf + base);
        contrib[termOf[i] as number] = score;
        partial += score;
        pos[i] = at + 1;
      }
    }
    if (alive) {
      let score = 0;
      for (let t = 0; t < terms; t++) score += contrib[t] as number;
      if (top.offer(doc, score)) {
        threshold = top.threshold;
        while (first < n && (below[first] as number) < threshold) first++;
      }
    }
    contrib.fill(0);
  }
}
