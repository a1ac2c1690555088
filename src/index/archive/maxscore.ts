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

  /** Keeps the document when it makes the top k (and is not held already); true when it did. */
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
    // Offered again (scored while priming, then met in its lists): the same score, already held.
    if (hits[at]?.doc === doc) return false;
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

/** Position of `doc` among the pairs of `p`, or -1. */
function find(p: Int32Array, doc: number): number {
  let lo = 0;
  let hi = (p.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = p[mid * 2] as number;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One document's score from every list of its segment, summed in query order as the exhaustive search does. */
function exactScore(lists: TermPostings[], doc: number, stats: Bm25Stats, contrib: Float64Array): number {
  const { lengths, avgLength, k1, b } = stats;
  const base = k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
  contrib.fill(0);
  for (const { postings, weight, term } of lists) {
    const at = find(postings, doc);
    if (at < 0) continue;
    const tf = postings[at * 2 + 1] as number;
    contrib[term] = (weight * tf * (k1 + 1)) / (tf + base);
  }
  let score = 0;
  for (const c of contrib) score += c;
  return score;
}

/** Documents scored in full before pruning starts: at most this many, from the lists of highest bound. */
const PRIME_DOCS = 512;

/**
 * Offers `top` the documents of the query's rarest lists (highest bounds), scored in full, so that
 * pruning starts from a threshold near the final one rather than from the first k documents met
 * in document order. A question sentence's own chunk holds its rare words: it is usually among them.
 */
export function prime(
  segments: Array<{ lists: TermPostings[]; skip?: ((doc: number) => boolean) | undefined }>,
  terms: number,
  stats: Bm25Stats,
  top: TopHits,
): void {
  const all = segments.flatMap(({ lists }, si) => lists.map((list) => ({ list, si })));
  all.sort((x, y) => y.list.bound - x.list.bound);
  const contrib = new Float64Array(terms);
  let left = PRIME_DOCS;
  for (const { list, si } of all) {
    const count = list.postings.length >> 1;
    if (count > left) continue;
    left -= count;
    const { lists, skip } = segments[si] as (typeof segments)[number];
    for (let i = 0; i < count; i++) {
      const doc = list.postings[i * 2] as number;
      if (!skip?.(doc)) top.offer(doc, exactScore(lists, doc, stats, contrib));
    }
  }
}

/** Collection statistics the scores need: every document's length and BM25's parameters. */
export interface Bm25Stats {
  lengths: ArrayLike<number>;
  avgLength: number;
  k1: number;
  b: number;
}

/** Documents per window of the essential lists' accumulation. */
const WINDOW = 4096;
/** Scratch of {@link maxScore}: searches are synchronous, so one serves them all. */
const scratch = { acc: new Float64Array(WINDOW), touched: new Int32Array(WINDOW) };

/**
 * Offers `top` every document of one segment's postings that can make the top k, with the score an
 * exhaustive search gives it (terms summed in query order, the same float operations). Lists are
 * taken in increasing bound; the lowest ones whose bounds sum below the current threshold are
 * "non-essential": a document in none of the others cannot make the top k. Windows of documents
 * are scored term at a time from the essential lists (as the exhaustive search does, into a small
 * array), then each document met is searched for (galloping) in the non-essential lists only while
 * its score so far plus their bounds could still reach the threshold. `skip` drops documents
 * (deleted, outside a date range) before they are offered, so the threshold is that of the
 * documents kept. `terms` is the number of query terms.
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
  const { lengths, avgLength, k1, b } = stats;
  const postings = lists.map((l) => l.postings);
  const ends = Int32Array.from(postings, (p) => p.length >> 1);
  const weights = Float64Array.from(lists, (l) => l.weight);
  // below[i]: the sum of the bounds of lists 0..i.
  const below = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) below[i] = sum += (lists[i] as TermPostings).bound * SLACK;
  const pos = new Int32Array(n);
  const contrib = new Float64Array(terms);
  const { acc, touched } = scratch;
  let threshold = top.threshold;
  for (;;) {
    let first = 0;
    while (first < n && (below[first] as number) < threshold) first++;
    let start = 0x7fffffff;
    for (let i = first; i < n; i++) {
      if ((pos[i] as number) < (ends[i] as number))
        start = Math.min(start, postings[i]?.[(pos[i] as number) * 2] as number);
    }
    if (start === 0x7fffffff) return;
    const end = start + WINDOW;
    let count = 0;
    for (let i = first; i < n; i++) {
      const p = postings[i] as Int32Array;
      const w = weights[i] as number;
      const e = ends[i] as number;
      let at = pos[i] as number;
      for (; at < e; at++) {
        const doc = p[at * 2] as number;
        if (doc >= end) break;
        const tf = p[at * 2 + 1] as number;
        // The same expression as Bm25Accumulator.add.
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
        if (acc[doc - start] === 0) touched[count++] = doc - start;
        acc[doc - start] = (acc[doc - start] as number) + (w * tf * (k1 + 1)) / norm;
      }
      pos[i] = at;
    }
    // Documents in order, so that the non-essential lists are only read forwards.
    const order = count * 16 < WINDOW ? touched.subarray(0, count).sort() : undefined;
    for (let j = 0, off = 0; order ? j < count : off < WINDOW; j++, off++) {
      const o = order ? (order[j] as number) : off;
      let partial = acc[o] as number;
      if (partial === 0) continue;
      acc[o] = 0;
      const doc = start + o;
      if (skip?.(doc)) continue;
      const base = k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
      for (let i = first - 1; i >= 0 && (partial + (below[i] as number)) * SLACK >= threshold; i--) {
        const p = postings[i] as Int32Array;
        const at = seek(p, pos[i] as number, doc);
        pos[i] = at;
        if (at < (ends[i] as number) && p[at * 2] === doc) {
          const tf = p[at * 2 + 1] as number;
          partial += ((weights[i] as number) * tf * (k1 + 1)) / (tf + base);
        }
      }
      // Summed in another order than the exhaustive search's: the score offered is summed in its.
      if (partial * SLACK >= threshold && top.offer(doc, exactScore(input, doc, stats, contrib))) {
        threshold = top.threshold;
      }
    }
  }
}
