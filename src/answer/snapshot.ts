/** One loaded index with what answering derives from it, taken whole by each question. */
import { daySpan } from '../index/chunk-days.js';
import type { DateRange, IssueSummary, LoadedIndex } from '../index/loaded-index.js';
import { type Span, splitSentences } from '../text/sentences.js';
import { HybridSearch } from './retriever.js';
import type { SentenceSource } from './scorer.js';

/** How much of an article's earlier text a sentence's references may point back to. */
const PRECEDING_CHARS = 300;

/** Paragraphs split into sentences, kept at hand: the same paragraphs come back question after question. */
const SPLIT_CACHE_SIZE = 20_000;

/**
 * Immutable once built: a reload builds a new snapshot and swaps one reference, so a question that
 * awaits retrieval (a network call with neural embeddings) never mixes two indexes.
 */
export class Snapshot {
  readonly search: HybridSearch;
  readonly source: SentenceSource;
  /** The archive's dated issues, oldest first. */
  readonly issues: IssueSummary[];
  /** The newest issue's date: relative time words (今天, 上周, latest) are read against it. */
  readonly newest: string | undefined;
  private readonly split = new Map<string, { para: string; spans: Span[] }>();

  constructor(
    readonly index: LoadedIndex,
    options: { vectors: boolean },
  ) {
    this.search = new HybridSearch(index, { vectors: options.vectors });
    this.issues = index.docs.issues();
    // By the last day each issue date covers: a month-only date (2020-02) stands for its month's end.
    this.newest = this.issues.reduce<string | undefined>(
      (a, i) => (!a || (daySpan(i.date)?.[1] ?? 0) > (daySpan(a)?.[1] ?? 0) ? i.date : a),
      undefined,
    );
    this.source = {
      // The paper's name says whose city 全市 is (滨江日报).
      context: (id) => {
        const a = index.docs.article(id);
        if (!a) return '';
        const lead = a.paragraphs[0]?.text.slice(0, 80) ?? '';
        return [a.title, ...a.subtitles, lead, a.publication ?? ''].join('\n');
      },
      preceding: (chunk) => {
        const paragraphs = index.docs.article(chunk.articleId)?.paragraphs ?? [];
        return paragraphs
          .filter((p) => p.n < chunk.paragraph)
          .map((p) => p.text)
          .join('\n')
          .slice(-PRECEDING_CHARS);
      },
      sentences: (chunk) => {
        const key = `${chunk.articleId}:${chunk.paragraph}`;
        let s = this.split.get(key);
        if (!s) {
          const para = this.paragraphText(chunk.articleId, chunk.paragraph) ?? chunk.text;
          s = { para, spans: splitSentences(para) };
          if (this.split.size >= SPLIT_CACHE_SIZE) this.split.delete(this.split.keys().next().value as string);
          this.split.set(key, s);
        }
        return s;
      },
    };
  }

  /** True when some issue's date falls in `range`. */
  covers(range: DateRange): boolean {
    const from = daySpan(range.from)?.[0] ?? 0;
    const to = daySpan(range.to)?.[1] ?? 0;
    return this.issues.some((i) => {
      const span = daySpan(i.date);
      return !!span && span[0] <= to && span[1] >= from;
    });
  }

  /** The text of paragraph `n` of an article, if both exist. */
  paragraphText(articleId: string, n: number): string | undefined {
    return this.index.docs.article(articleId)?.paragraphs.find((p) => p.n === n)?.text;
  }
}
