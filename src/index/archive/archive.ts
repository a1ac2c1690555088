/**
 * One published build of a segmented index, opened: its segments (shared with the build served
 * before it), the chunks it has deleted, and per-document arrays the searches index by global
 * document number. Nothing here holds the archive's text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChunkDays } from '../chunk-days.js';
import { Segment } from '../segment/segment.js';

/** Where a build keeps its segments and its list of deleted chunks. */
export const SEGMENTS_DIR = 'segments';
export const DELETED_FILE = 'deleted.bin';

/** Reads the deleted document numbers of a build folder (none when the file is absent). */
export function readDeleted(buildDir: string): Int32Array {
  const path = join(buildDir, DELETED_FILE);
  if (!existsSync(path)) return new Int32Array(0);
  const buf = readFileSync(path);
  if (buf.byteLength % 4) throw new Error(`${path} is truncated`);
  return new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/**
 * The open segments of one build. `previous` lends the segments it shares with this build, so a
 * reload after adding one issue opens one small segment and the big graphs stay where they are.
 */
export class Archive {
  /** 1 for a deleted (or never used) document number. */
  readonly deleted: Uint8Array;
  /** Segment position per document number (0xffff: none). */
  readonly segmentOf: Uint16Array;
  readonly lengths: Int32Array;
  readonly days: ChunkDays;
  readonly docCount: number;
  readonly liveCount: number;
  readonly totalLength: number;
  /** Per segment: true when some of its chunks are deleted (searches must filter them). */
  readonly hasDeleted: boolean[];

  private constructor(
    readonly segments: Segment[],
    /** One past the highest document number. */
    readonly maxDoc: number,
    deletedDocs: Int32Array,
  ) {
    if (segments.length > 0xfffe) throw new Error('too many segments');
    this.deleted = new Uint8Array(maxDoc).fill(1);
    this.segmentOf = new Uint16Array(maxDoc).fill(0xffff);
    this.lengths = new Int32Array(maxDoc);
    const spans = new Int32Array(maxDoc * 2).fill(-1);
    let docCount = 0;
    let totalLength = 0;
    segments.forEach((s, si) => {
      docCount += s.meta.docs;
      totalLength += s.meta.totalLength;
      s.docs.forEach((doc, i) => {
        this.deleted[doc] = 0;
        this.segmentOf[doc] = si;
        this.lengths[doc] = s.lengths[i] as number;
        spans[doc * 2] = s.days[i * 2] as number;
        spans[doc * 2 + 1] = s.days[i * 2 + 1] as number;
      });
    });
    let gone = 0;
    this.hasDeleted = segments.map(() => false);
    for (const doc of deletedDocs) {
      if (doc >= maxDoc || this.deleted[doc]) continue;
      gone++;
      this.deleted[doc] = 1;
      this.hasDeleted[this.segmentOf[doc] as number] = true;
    }
    this.days = new ChunkDays(spans);
    this.docCount = docCount;
    this.liveCount = docCount - gone;
    this.totalLength = totalLength;
  }

  /**
   * Opens the segments `ids` of the build at `buildDir`, reusing those `previous` has open.
   * @throws when a segment is missing or inconsistent.
   */
  static open(buildDir: string, ids: string[], maxDoc: number, previous?: Archive): Archive {
    const reuse = new Map(previous?.segments.map((s) => [s.meta.id, s]));
    const segments = ids.map((id) => reuse.get(id) ?? Segment.open(join(buildDir, SEGMENTS_DIR, id)));
    return new Archive(segments, maxDoc, readDeleted(buildDir));
  }

  /** The segment and local position of a live document, or undefined. */
  locate(doc: number): { segment: Segment; local: number } | undefined {
    if (!(doc >= 0 && doc < this.maxDoc) || this.deleted[doc]) return undefined;
    const segment = this.segments[this.segmentOf[doc] as number];
    const local = segment ? segment.local(doc) : -1;
    return segment && local >= 0 ? { segment, local } : undefined;
  }
}
