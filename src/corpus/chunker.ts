import type { Article, Chunk } from '../core/types.js';
import { splitSentences } from '../text/sentences.js';

/** Chunking parameters; recorded in the index manifest. */
export interface ChunkOptions {
  /** A chunk grows by whole sentences until adding one would pass this many characters. */
  maxChars: number;
}

/** Default chunk size: about two to three sentences of this bulletin's prose. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 160 };

/**
 * Splits articles into sentence-bounded chunks that never cross a paragraph, so each chunk
 * has one paragraph number and offsets into that paragraph for verbatim quoting.
 */
export function chunkArticles(articles: Article[], options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const a of articles) {
    for (const p of a.paragraphs) {
      let start = -1;
      let end = -1;
      const flush = () => {
        if (start < 0) return;
        chunks.push({
          id: `${a.id}:p${p.n}:${start}`,
          articleId: a.id,
          title: a.title,
          source: a.source,
          paragraph: p.n,
          start,
          end,
          text: p.text.slice(start, end),
          ...(a.date ? { date: a.date } : {}),
        });
        start = -1;
      };
      for (const s of splitSentences(p.text)) {
        if (start >= 0 && s.end - start > options.maxChars) flush();
        if (start < 0) start = s.start;
        end = s.end;
      }
      flush();
    }
  }
  return chunks;
}

/** The text indexed for a chunk: its headline and sub-headlines make every chunk findable by them. */
export function searchableText(chunk: Chunk, article?: Pick<Article, 'title' | 'subtitles'>): string {
  const heads = article ? [article.title, ...article.subtitles] : [chunk.title];
  return `${heads.join(' ')}\n${chunk.text}`;
}
