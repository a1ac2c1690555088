/** BM25 over the postings of every segment: statistics summed, postings read from disk per query term. */
import { BM25_B, BM25_K1, Bm25Accumulator } from '../bm25.js';
import type { DateRange, KeywordHit, KeywordSearch } from '../loaded-index.js';
import type { Archive } from './archive.js';
import { maxScore, prime, type TermPostings, TopHits } from './maxscore.js';

/**
 * {@link KeywordSearch} over a segmented index. Document frequencies and the collection size count
 * chunks deleted since their segment was written, as Lucene does, until a merge drops them. At a
 * million chunks a question's common words have hundreds of thousands of postings each: searches
 * prune by the maximum impact each segment stores per term ({@link maxScore}), with the exhaustive
 * search's results.
 *
 * @example
 * new ArchiveKeyword(archive, 1.2, 0.6).search(['海门', '#海门'], 10);
 */
export class ArchiveKeyword implements KeywordSearch {
  private readonly avgLength: number;
  private scores?: Bm25Accumulator;

  constructor(
    private readonly archive: Archive,
    private readonly k1 = BM25_K1,
    private readonly b = BM25_B,
  ) {
    this.avgLength = archive.docCount ? archive.totalLength / archive.docCount : 1;
  }

  get size(): number {
    return this.archive.docCount;
  }

  docFrequency(term: string): number {
    let n = 0;
    for (const s of this.archive.segments) n += s.docFrequency(term);
    return n;
  }

  idf(term: string): number {
    const n = this.docFrequency(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  search(terms: string[], k: number, weights?: Map<string, number>, range?: DateRange): KeywordHit[] {
    if (k <= 0) return [];
    const accept = range ? this.archive.days.matcher(range) : undefined;
    const { deleted, segments, hasDeleted } = this.archive;
    const query = this.weighted(terms, weights);
    if (query.some((t) => !(t.weight > 0))) return this.exhaustive(query, k, accept);
    const top = new TopHits(k);
    const stats = { lengths: this.archive.lengths, avgLength: this.avgLength, k1: this.k1, b: this.b };
    const perSegment = segments.map((segment, si) => {
      const lists: TermPostings[] = [];
      query.forEach(({ rows, weight }, term) => {
        const row = rows[si] as number;
        if (row < 0) return;
        const bound = weight * segment.maxImpact(row, this.avgLength, this.k1, this.b);
        lists.push({ postings: segment.postingsAt(row), weight, bound, term });
      });
      const skip =
        accept || hasDeleted[si]
          ? (doc: number) => deleted[doc] === 1 || (accept !== undefined && !accept(doc))
          : undefined;
      return { lists, skip };
    });
    prime(perSegment, query.length, stats, top);
    for (const { lists, skip } of perSegment) maxScore(lists, query.length, stats, top, skip);
    return top.hits;
  }

  /**
   * Every posting of every term scored: the reference the pruned search must equal, and the way for
   * weights that are not positive (bounds assume they are).
   */
  exhaustive(query: WeightedTerm[], k: number, accept?: (doc: number) => boolean): KeywordHit[] {
    const { deleted, segments } = this.archive;
    // One reusable array indexed by document number (8 MB at a million chunks).
    this.scores ??= new Bm25Accumulator(this.archive.lengths, this.avgLength, this.k1, this.b);
    for (const { rows, weight } of query) {
      rows.forEach((row, i) => {
        const postings = row < 0 ? undefined : segments[i]?.postingsAt(row);
        if (postings) this.scores?.add(postings, 0, postings.length, weight);
      });
    }
    return this.scores.top(k, (doc) => Boolean(deleted[doc]) || (accept !== undefined && !accept(doc)));
  }

  /** The distinct terms any segment holds, in query order, with their row per segment and weight × IDF. */
  weighted(terms: string[], weights?: Map<string, number>): WeightedTerm[] {
    const { segments } = this.archive;
    const out: WeightedTerm[] = [];
    for (const term of new Set(terms)) {
      const rows = segments.map((s) => s.terms.find(term));
      let df = 0;
      rows.forEach((row, i) => {
        if (row >= 0) df += segments[i]?.terms.value(row, 1) ?? 0;
      });
      if (!df) continue;
      const weight = (weights?.get(term) ?? 1) * Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      out.push({ rows, weight });
    }
    return out;
  }
}

/** A query term: its table row in each segment (-1: absent) and its weight times its IDF. */
export interface WeightedTerm {
  rows: number[];
  weight: number;
}
