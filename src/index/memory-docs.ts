/** The in-memory {@link DocStore}: chunks and articles as loaded from the build's JSON files. */
import type { Article, Chunk } from '../core/types.js';
import { dayNumber, daySpan } from './chunk-days.js';
import type { ArticleHead, DateRange, DocStore, IssueSummary } from './loaded-index.js';

/**
 * Keeps every chunk and article in memory, looked up by position and by id.
 *
 * @example
 * const docs = new MemoryDocStore(articles, chunks);
 * docs.article(docs.chunk(0)?.articleId ?? '')?.title;
 */
export class MemoryDocStore implements DocStore {
  private readonly byId: Map<string, Article>;

  constructor(
    private readonly articles: Article[],
    private readonly chunks: Chunk[],
  ) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  chunk(doc: number): Chunk | undefined {
    return this.chunks[doc];
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  articleHeads(range?: DateRange): ArticleHead[] {
    const from = range ? dayNumber(range.from) : Number.NEGATIVE_INFINITY;
    const to = range ? dayNumber(range.to) : Number.POSITIVE_INFINITY;
    return this.articles
      .filter(({ date }) => {
        const d = daySpan(date);
        return !range || (!!d && d[0] <= to && d[1] >= from);
      })
      .map(({ id, title, source, date }) => ({ id, title, source, ...(date ? { date } : {}) }));
  }

  issues(): IssueSummary[] {
    const byDate = new Map<string, { files: Set<string>; articles: number }>();
    for (const a of this.articles) {
      if (!a.date) continue;
      const s = byDate.get(a.date) ?? { files: new Set<string>(), articles: 0 };
      s.files.add(a.source);
      s.articles++;
      byDate.set(a.date, s);
    }
    return [...byDate]
      .map(([date, s]) => ({ date, files: s.files.size, articles: s.articles }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}
