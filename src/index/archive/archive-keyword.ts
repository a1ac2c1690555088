/** BM25 over the postings of every segment: statistics summed, postings read from disk per query term. */
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
  private scratch?: Float64Array;

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
    const { k1, b, avgLength } = this;
    const { lengths, deleted, segments } = this.archive;
    // Scores accumulate in one reusable array indexed by document number (8 MB at a million chunks).
    this.scratch ??= new Float64Array(this.archive.maxDoc);
    const scores = this.scratch;
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const rows = segments.map((s) => s.terms.find(term));
      let df = 0;
      rows.forEach((row, i) => {
        if (row >= 0) df += segments[i]?.terms.value(row, 1) ?? 0;
      });
      if (!df) continue;
      const w = (weights?.get(term) ?? 1) * Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      rows.forEach((row, i) => {
        if (row < 0) return;
        const postings = segments[i]?.postingsAt(row) ?? new Int32Array(0);
        for (let p = 0; p < postings.length; p += 2) {
          const doc = postings[p] as number;
          const tf = postings[p + 1] as number;
          const norm = tf + k1 * (1 - b + (b * (lengths[doc] as number)) / avgLength);
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] = (scores[doc] as number) + (w * tf * (k1 + 1)) / norm;
        }
      });
    }
    const best: KeywordHit[] = [];
    for (const doc of touched) {
      const score = scores[doc] as number;
      scores[doc] = 0;
      if (deleted[doc] || (accept && !accept(doc))) continue;
      const last = best[k - 1];
      if (last && score <= last.score) continue;
      let at = best.length;
      const before = (h: KeywordHit) => h.score < score || (h.score === score && h.doc > doc);
      while (at > 0 && before(best[at - 1] as KeywordHit)) at--;
      best.splice(at, 0, { doc, score });
      if (best.length > k) best.pop();
    }
    return best;
  }
}
