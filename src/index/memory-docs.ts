/** The in-memory {@link DocStore}: chunks and articles as loaded from the build's JSON files. */
import type { Article, Chunk } from '../core/types.js';
import type { ArticleHead, DocStore } from './loaded-index.js';

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

  articleHeads(): ArticleHead[] {
    return this.articles.map(({ id, title, source, date }) => ({ id, title, source, ...(date ? { date } : {}) }));
  }
}
