/** Reading one segment: tables and numbering in memory, text and postings read from disk on demand. */
import { existsSync, readFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import type { Article, Chunk } from '../../core/types.js';
import { DiskFile, postingsCache, type SegmentMeta, segmentFile, TERM_COLUMNS } from './segment-files.js';
import { TermTable } from './term-table.js';

const int32s = (path: string) => {
  const buf = readFileSync(path);
  if (buf.byteLength % 4) throw new Error(`${path} is truncated`);
  return new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
};

/** A heads record: one corpus file, its issue date and its articles' ids and headlines. */
export type HeadsRecord = [source: string, date: string | null, heads: Array<[id: string, title: string]>];

/**
 * One open segment. Shared by every loaded index that keeps it (a reload opens only new segments),
 * so it holds nothing that depends on which chunks a build has deleted.
 */
export class Segment {
  readonly docs: Int32Array;
  readonly lengths: Int32Array;
  /** Issue day span per chunk: [start, end] pairs, -1 when undated. */
  readonly days: Int32Array;
  readonly terms: TermTable;
  private readonly articleTable: TermTable;
  private readonly pinyinTable: TermTable;
  private readonly chunkOffsets: Float64Array;
  private readonly chunkFile: DiskFile;
  private readonly articleFile: DiskFile;
  private readonly postingFile: DiskFile;
  private pinyinFile?: DiskFile;
  graph?: hnswlib.HierarchicalNSW;

  private constructor(
    readonly dir: string,
    readonly meta: SegmentMeta,
  ) {
    this.docs = int32s(segmentFile(dir, 'docs'));
    this.lengths = int32s(segmentFile(dir, 'lengths'));
    this.days = int32s(segmentFile(dir, 'days'));
    const idx = readFileSync(segmentFile(dir, 'chunkIndex'));
    this.chunkOffsets = new Float64Array(idx.buffer.slice(idx.byteOffset, idx.byteOffset + idx.byteLength));
    this.terms = TermTable.read(segmentFile(dir, 'terms'));
    this.articleTable = TermTable.read(segmentFile(dir, 'articleTable'));
    const hasPinyin = existsSync(segmentFile(dir, 'pinyin'));
    this.pinyinTable = hasPinyin ? TermTable.read(segmentFile(dir, 'pinyin')) : TermTable.empty(2);
    if (hasPinyin) this.pinyinFile = new DiskFile(segmentFile(dir, 'pinyinText'));
    this.chunkFile = new DiskFile(segmentFile(dir, 'chunks'));
    this.articleFile = new DiskFile(segmentFile(dir, 'articles'));
    this.postingFile = new DiskFile(segmentFile(dir, 'postings'));
    const n = meta.docs;
    if (
      this.docs.length !== n ||
      this.lengths.length !== n ||
      this.days.length !== 2 * n ||
      this.chunkOffsets.length !== n + 1
    )
      throw new Error(`segment ${meta.id} is inconsistent (its files disagree on ${n} chunks)`);
  }

  /** Opens a finished segment; throws when a file is missing, truncated or inconsistent. */
  static open(dir: string, withGraph = true): Segment {
    const meta = JSON.parse(readFileSync(segmentFile(dir, 'meta'), 'utf8')) as SegmentMeta;
    const segment = new Segment(dir, meta);
    if (withGraph && meta.dimensions > 0 && meta.docs > 0) {
      const graph = new hnswlib.HierarchicalNSW('cosine', meta.dimensions);
      graph.readIndexSync(segmentFile(dir, 'graph'));
      if (graph.getCurrentCount() !== meta.docs)
        throw new Error(`the graph of segment ${meta.id} holds ${graph.getCurrentCount()} of ${meta.docs} vectors`);
      segment.graph = graph;
    }
    return segment;
  }

  /** Position of a global document number in this segment, or -1. */
  local(doc: number): number {
    let a = 0;
    let b = this.docs.length - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const d = this.docs[mid] as number;
      if (d === doc) return mid;
      if (d < doc) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /** The chunk at a local position. */
  chunk(local: number): Chunk {
    const start = this.chunkOffsets[local] as number;
    return JSON.parse(this.chunkFile.text(start, (this.chunkOffsets[local + 1] as number) - start)) as Chunk;
  }

  /** An article by id with the first chunk number of its corpus file (to tell whether the file is deleted). */
  article(id: string): { article: Article; fileDoc: number } | undefined {
    const row = this.articleTable.find(id);
    if (row < 0) return undefined;
    const text = this.articleFile.text(this.articleTable.value(row, 0), this.articleTable.value(row, 1));
    const article = JSON.parse(text) as Article;
    return article.id === id ? { article, fileDoc: this.articleTable.value(row, 2) } : undefined;
  }

  /** Every article's id and headline, per corpus file. */
  heads(): HeadsRecord[] {
    return JSON.parse(readFileSync(segmentFile(this.dir, 'heads'), 'utf8')) as HeadsRecord[];
  }

  /** Document frequency of a term in this segment (deleted chunks included until a merge drops them). */
  docFrequency(term: string): number {
    const row = this.terms.find(term);
    return row < 0 ? 0 : this.terms.value(row, 1);
  }

  /**
   * An upper bound of the BM25 term-frequency factor (`bm25Impact`) of the postings at table row
   * `row`, in a collection of average length `avgLength` (all segments' documents).
   */
  maxImpact(row: number, avgLength: number, k1: number, b: number): number {
    const ceiling = k1 + 1;
    const { impacts, docs, totalLength } = this.meta;
    if (impacts?.k1 !== k1 || impacts.b !== b || this.terms.width < TERM_COLUMNS) return ceiling;
    const stored = this.terms.float(row, 2);
    const own = docs ? totalLength / docs : 1;
    // Stored at the segment's own average: a longer one makes every document relatively shorter,
    // which raises the factor by at most the ratio of the averages.
    return Math.min(ceiling, avgLength > own ? (stored * avgLength) / own : stored);
  }

  /**
   * The (doc, tf) pairs of the term at table row `row`, through the postings cache (shared: never
   * modify the array). A merge reads every term once and passes `cached` false.
   */
  postingsAt(row: number, cached = true): Int32Array {
    const read = () => {
      const list = new Int32Array(this.terms.value(row, 1) * 2);
      this.postingFile.readInto(new Uint8Array(list.buffer), this.terms.value(row, 0) * 8);
      return list;
    };
    return cached ? postingsCache.get(`${this.meta.id}:${row}`, read) : read();
  }

  /** Corpus n-grams read as this pinyin key. */
  pinyin(key: string): string[] {
    const row = this.pinyinTable.find(key);
    return row < 0 ? [] : this.pinyinAt(row);
  }

  /** The n-grams at a pinyin table row. */
  pinyinAt(row: number): string[] {
    if (!this.pinyinFile) return [];
    return JSON.parse(this.pinyinFile.text(this.pinyinTable.value(row, 0), this.pinyinTable.value(row, 1)));
  }

  /** The article table (for merges, which walk it by row). */
  articleTableOf(): TermTable {
    return this.articleTable;
  }

  /** The pinyin table (for merges). */
  pinyinTableOf(): TermTable {
    return this.pinyinTable;
  }

  /** The stored bytes of the article at a table row, with its file's first chunk number. */
  articleRecord(row: number): { bytes: Buffer; fileDoc: number } {
    const t = this.articleTable;
    return { bytes: Buffer.from(this.articleFile.read(t.value(row, 0), t.value(row, 1))), fileDoc: t.value(row, 2) };
  }
}
