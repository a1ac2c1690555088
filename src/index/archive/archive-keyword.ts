/** BM25 over the postings of every segment: statistics summed, postings read from disk per query term. */
import { Bm25Accumulator } from '../bm25.js';
import type { DateRange, KeywordHit, KeywordSearch } from '../loaded-index.js';
import type { Archive } from './archive.js';

/**
 * {@link KeywordSearch} over a segmented index. Document frequencies and the collection size count
 * chunks deleted since their segment was written, as Lucene does, until a merge drops them.
 *
 * @example
 * new ArchiveKeyword(archive, 1.2, 0.6).search(['海门', '#海门'], 10);
 */
export class ArchiveKeyword implements KeywordSearch {
  private readonly avgLength: number;
  private scores?: Bm25Accumulator;

  constructor(
    private readonly archive: Archive,
    private readonly k1 = 1.2,
    private readonly b = 0.6,
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
    const accept = range ? this.archive.days.matcher(range) : undefined;
    const { deleted, segments } = this.archive;
    // One reusable array indexed by document number (8 MB at a million chunks).
    this.scores ??= new Bm25Accumulator(this.archive.lengths, this.avgLength, this.k1, this.b);
    for (const term of new Set(terms)) {
      const rows = segments.map((s) => s.terms.find(term));
      let df = 0;
      rows.forEach((row, i) => {
        if (row >= 0) df += segments[i]?.terms.value(row, 1) ?? 0;
      });
      if (!df) continue;
      const w = (weights?.get(term) ?? 1) * Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      rows.forEach((row, i) => {
        const postings = row < 0 ? undefined : segments[i]?.postingsAt(row);
        if (postings) this.scores?.add(postings, 0, postings.length, w);
      });
    }
    return this.scores.top(k, (doc) => Boolean(deleted[doc]) || (accept !== undefined && !accept(doc)));
  }
}
