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
    const within = range ? inRange(range) : () => true;
    return this.articles
      .filter((a) => within(a.date))
      .map(({ id, title, source, date }) => ({ id, title, source, ...(date ? { date } : {}) }));
  }

  issues(): IssueSummary[] {
    const byDate = new Map<string, { files: Set<string>; articles: number }>();
    for (const a of this.articles) {
      if (!a.date) continue;
      const issue = byDate.get(a.date) ?? { files: new Set(), articles: 0 };
      issue.files.add(a.source);
      issue.articles++;
      byDate.set(a.date, issue);
    }
    return [...byDate]
      .map(([date, i]) => ({ date, files: i.files.size, articles: i.articles }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}

/** A test of whether an issue date overlaps a range of days. */
function inRange(range: DateRange): (date: string | undefined) => boolean {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  return (date) => {
    const span = daySpan(date);
    return !!span && span[0] <= to && span[1] >= from;
  };
}
