/** The {@link DocStore} of a segmented index: chunk and article records read from disk when asked for. */
import type { Article, Chunk } from '../../core/types.js';
import { dayNumber, daySpan } from '../chunk-days.js';
import type { ArticleHead, DateRange, DocStore, IssueSummary } from '../loaded-index.js';
import type { Archive } from './archive.js';

/** What the docs need to know about each corpus file of the build. */
export interface FileEntry {
  segment: string;
  first: number;
  count: number;
  articles: number;
  date?: string;
}

/**
 * Chunks by document number and articles by id, never all in memory: a chunk costs one read of a
 * few hundred bytes from the page cache. Deleted chunks are holes (`chunk` returns undefined).
 *
 * @example
 * docs.issues().at(-1); // { date: '2020-02-28', files: 1, articles: 42 }
 * docs.articleHeads({ from: '2020-02-28', to: '2020-02-28' }); // the newest issue's headlines
 */
export class ArchiveDocs implements DocStore {
  constructor(
    private readonly archive: Archive,
    private readonly files: Record<string, FileEntry>,
  ) {}

  /** One past the highest document number: loops over `chunk(i)` meet holes for deleted chunks. */
  get chunkCount(): number {
    return this.archive.maxDoc;
  }

  chunk(doc: number): Chunk | undefined {
    const at = this.archive.locate(doc);
    return at ? at.segment.chunk(at.local) : undefined;
  }

  article(id: string): Article | undefined {
    // Newest first: a changed file's unchanged article keeps its id in the newer segment.
    for (let i = this.archive.segments.length - 1; i >= 0; i--) {
      const found = this.archive.segments[i]?.article(id);
      if (found && !this.archive.deleted[found.fileDoc]) return found.article;
    }
    return undefined;
  }

  /**
   * Headlines of every article in corpus order, or only of the issues in `range`: the newest
   * issue's headlines read one segment's heads, not the archive.
   */
  articleHeads(range?: DateRange): ArticleHead[] {
    const from = range ? dayNumber(range.from) : undefined;
    const to = range ? dayNumber(range.to) : undefined;
    const inRange = (date: string | undefined) => {
      if (from === undefined || to === undefined) return true;
      const span = daySpan(date);
      return !!span && span[0] <= to && span[1] >= from;
    };
    const wanted = new Set(
      Object.entries(this.files)
        .filter(([, f]) => inRange(f.date))
        .map(([, f]) => f.segment),
    );
    const out: Array<[string, ArticleHead[]]> = [];
    for (const s of this.archive.segments) {
      if (!wanted.has(s.meta.id)) continue;
      for (const [source, date, heads] of s.heads()) {
        if (this.files[source]?.segment !== s.meta.id || !inRange(date ?? undefined)) continue;
        out.push([source, heads.map(([id, title]) => ({ id, title, source, ...(date ? { date } : {}) }))]);
      }
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).flatMap(([, h]) => h);
  }

  /** The archive's issues by date, oldest first, with file and article counts: cheap at any size. */
  issues(): IssueSummary[] {
    const byDate = new Map<string, IssueSummary>();
    for (const f of Object.values(this.files)) {
      if (!f.date) continue;
      const s = byDate.get(f.date) ?? { date: f.date, files: 0, articles: 0 };
      s.files++;
      s.articles += f.articles;
      byDate.set(f.date, s);
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}
