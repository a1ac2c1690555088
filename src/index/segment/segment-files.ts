/**
 * The files of one segment: the chunks and articles of the corpus files ingested together, their
 * keyword postings, HNSW graph and pinyin keys. A segment is written once, never changed, and
 * hard-linked into every later build that keeps it; deleted chunks are listed by the build.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { BM25_B, BM25_K1 } from '../bm25.js';

/** What a segment holds, written last into `segment.json`: a folder without it is unfinished. */
export interface SegmentMeta {
  id: string;
  /** Chunks (documents) in the segment; their global numbers are in `docs.bin`. */
  docs: number;
  /** Sum of the documents' term counts, for BM25's average length. */
  totalLength: number;
  articles: number;
  /** Vector dimensions of its graph (0: no graph). */
  dimensions: number;
  /**
   * The BM25 parameters its terms' maximum impacts were computed with, at the segment's own average
   * length; absent, or other than the search's, the searches assume the largest impact possible.
   */
  impacts?: { k1: number; b: number };
}

/** BM25 parameters of the maximum impacts segments store. */
export const IMPACT_PARAMS = { k1: BM25_K1, b: BM25_B };

/** Columns of a segment's term table: postings offset, document frequency, maximum impact (a float). */
export const TERM_COLUMNS = 3;

/** File names inside a segment folder. */
export const SEGMENT_FILES = {
  meta: 'segment.json',
  docs: 'docs.bin',
  lengths: 'lengths.bin',
  days: 'days.bin',
  chunks: 'chunks.bin',
  chunkIndex: 'chunks.idx',
  articles: 'articles.bin',
  articleTable: 'articles.tbl',
  heads: 'heads.json',
  terms: 'terms.tbl',
  postings: 'postings.bin',
  pinyin: 'pinyin.tbl',
  pinyinText: 'pinyin.bin',
  graph: 'hnsw.index',
} as const;

/** Path of one of a segment's files. */
export function segmentFile(dir: string, name: keyof typeof SEGMENT_FILES): string {
  return join(dir, SEGMENT_FILES[name]);
}

/** Closes the descriptors of segments nobody references any more (a reload replaced them). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * Positional reads from a file that stays on disk (the page cache holds what is hot), so that the
 * archive's text and postings never become part of the process's memory.
 */
export class DiskFile {
  private readonly fd: number;
  private scratch = Buffer.alloc(1 << 16);

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    closer.register(this, this.fd);
  }

  /** `length` bytes at `offset`; the returned buffer is reused by the next read. */
  read(offset: number, length: number): Buffer {
    if (this.scratch.length < length) this.scratch = Buffer.alloc(Math.max(length, this.scratch.length * 2));
    const got = readSync(this.fd, this.scratch, 0, length, offset);
    if (got !== length) throw new Error(`short read: ${got} of ${length} bytes at ${offset}`);
    return this.scratch.subarray(0, length);
  }

  /** Fills `target` with the bytes at `offset` (no intermediate copy, for postings kept by a cache). */
  readInto(target: Uint8Array, offset: number): void {
    const got = readSync(this.fd, target, 0, target.length, offset);
    if (got !== target.length) throw new Error(`short read: ${got} of ${target.length} bytes at ${offset}`);
  }

  /** `length` bytes at `offset` as UTF-8 text. */
  text(offset: number, length: number): string {
    return this.read(offset, length).toString('utf8');
  }
}

/**
 * Postings read recently, kept up to a byte budget shared by every open segment: questions keep
 * coming back to the same common words, and copying their long postings from the page cache again
 * costs more than scoring them. Least recently used lists go first.
 */
export class PostingsCache {
  private readonly entries = new Map<string, Int32Array>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The cached list for `key`, or the one `read` gives (kept when it fits the budget). */
  get(key: string, read: () => Int32Array): Int32Array {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const list = read();
    if (list.byteLength > this.maxBytes / 8) return list;
    this.entries.set(key, list);
    this.bytes += list.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
    return list;
  }
}

/** Budget of the postings cache: a quarter of a million chunks' worth of common terms, at most. */
export const POSTINGS_CACHE_BYTES = 512 * 2 ** 20;

/** The one postings cache of the process. */
export const postingsCache = new PostingsCache(POSTINGS_CACHE_BYTES);
