/** One loaded index with what answering derives from it, taken whole by each question. */
import type { LoadedIndex } from '../index/loaded-index.js';
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
  private readonly split = new Map<string, { para: string; spans: Span[] }>();

  constructor(
    readonly index: LoadedIndex,
    options: { vectors: boolean },
  ) {
    this.search = new HybridSearch(index, { vectors: options.vectors });
    this.source = {
      context: (id) => {
        const a = index.docs.article(id);
        if (!a) return '';
        const lead = a.paragraphs[0]?.text.slice(0, 80) ?? '';
        return [a.title, ...a.subtitles, lead, a.date ?? ''].join('\n');
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

  /** The text of paragraph `n` of an article, if both exist. */
  paragraphText(articleId: string, n: number): string | undefined {
    return this.index.docs.article(articleId)?.paragraphs.find((p) => p.n === n)?.text;
  }
}
