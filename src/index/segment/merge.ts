/**
 * Merging segments into one, dropping deleted chunks: text records are copied, postings and
 * pinyin keys merged by their hashed keys, and the graph rebuilt from the stored vectors (no
 * tokenising, no embedding). Document numbers are kept, so corpus files keep theirs.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { maxImpact } from '../bm25.js';
import type { HnswParams } from '../vector-index.js';
import { buildGraphFromPoints } from './graph-build.js';
import type { HeadsRecord, Segment } from './segment.js';
import { DiskFile, IMPACT_PARAMS, type SegmentMeta, segmentFile, TERM_COLUMNS } from './segment-files.js';
import { floatBits, radixOrder, TermTable, writeHashedRows } from './term-table.js';

const bytes = (a: Int32Array | Float64Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Every row of several tables, grouped by key: calls `each` with the (input, row) pairs of one key, in input order. */
function forEachKey(tables: TermTable[], each: (hi: number, lo: number, rows: Array<[number, number]>) => void): void {
  const total = tables.reduce((n, t) => n + t.size, 0);
  const hi = new Uint32Array(total);
  const lo = new Uint32Array(total);
  const src = new Uint32Array(total);
  const row = new Uint32Array(total);
  let at = 0;
  tables.forEach((t, i) => {
    for (let r = 0; r < t.size; r++, at++) {
      [hi[at], lo[at]] = t.hashAt(r);
      src[at] = i;
      row[at] = r;
    }
  });
  const order = radixOrder(hi, lo);
  for (let i = 0; i < total; ) {
    const first = order[i] as number;
    const group: Array<[number, number]> = [];
    let j = i;
    for (; j < total; j++) {
      const r = order[j] as number;
      if (hi[r] !== hi[first] || lo[r] !== lo[first]) break;
      group.push([src[r] as number, row[r] as number]);
    }
    // Radix sorting is stable, so a key's rows come in input (age) order: postings stay ascending.
    each(hi[first] as number, lo[first] as number, group);
    i = j;
  }
}

/** One table of pinyin keys and how to read the n-grams of a row. */
export interface PinyinSource {
  table: TermTable;
  at(row: number): string[];
}

/** Writes `pinyin.tbl` and `pinyin.bin` in `dir`: the union of every source's n-grams per key. */
export function mergePinyin(sources: PinyinSource[], dir: string): void {
  const pinyin = new Appender(segmentFile(dir, 'pinyinText'));
  const rows: number[] = [];
  forEachKey(
    sources.map((s) => s.table),
    (hi, lo, group) => {
      const words = new Set<string>();
      for (const [src, row] of group) for (const w of sources[src]?.at(row) ?? []) words.add(w);
      const text = Buffer.from(JSON.stringify([...words]), 'utf8');
      rows.push(hi, lo, pinyin.append(text), text.length);
    },
  );
  pinyin.close();
  writeHashedRows(segmentFile(dir, 'pinyin'), 2, Uint32Array.from(rows));
}

/**
 * Joins the pinyin parts `names` a build wrote into `dir` (one per batch of articles) into the
 * segment's pinyin table, and removes them.
 */
export function mergePinyinParts(dir: string, names: string[]): void {
  if (names.length === 1) {
    renameSync(join(dir, `${names[0]}.tbl`), segmentFile(dir, 'pinyin'));
    renameSync(join(dir, `${names[0]}.bin`), segmentFile(dir, 'pinyinText'));
    return;
  }
  const sources = names.map((name): PinyinSource => {
    const table = TermTable.read(join(dir, `${name}.tbl`));
    const text = new DiskFile(join(dir, `${name}.bin`));
    return { table, at: (row) => JSON.parse(text.text(table.value(row, 0), table.value(row, 1))) };
  });
  mergePinyin(sources, dir);
  for (const name of names) for (const ext of ['tbl', 'bin']) rmSync(join(dir, `${name}.${ext}`), { force: true });
}

/** Appends to a file, counting bytes. */
class Appender {
  private readonly fd: number;
  offset = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  append(data: Uint8Array | string): number {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeSync(this.fd, buf);
    const at = this.offset;
    this.offset += buf.length;
    return at;
  }
  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Writes one segment holding the live chunks of `inputs` (oldest first). `deleted` marks dead
 * document numbers; `liveFile(source, segmentId)` says whether a file's heads still belong to that
 * segment.
 */
export function mergeSegments(
  inputs: Segment[],
  deleted: Uint8Array,
  liveFile: (source: string, segmentId: string) => boolean,
  dir: string,
  id: string,
  hnsw: HnswParams,
): SegmentMeta {
  mkdirSync(dir, { recursive: true });
  const isDead = (doc: number) => doc < deleted.length && deleted[doc] === 1;
  // Chunks, in ascending document number (inputs are in age order, each ascending).
  const docs: number[] = [];
  const lengths: number[] = [];
  const days: number[] = [];
  const offsets: number[] = [0];
  const points: Array<[Segment, number]> = [];
  const chunks = new Appender(segmentFile(dir, 'chunks'));
  let totalLength = 0;
  for (const s of inputs) {
    for (let i = 0; i < s.docs.length; i++) {
      const doc = s.docs[i] as number;
      if (isDead(doc)) continue;
      docs.push(doc);
      lengths.push(s.lengths[i] as number);
      totalLength += s.lengths[i] as number;
      days.push(s.days[i * 2] as number, s.days[i * 2 + 1] as number);
      chunks.append(JSON.stringify(s.chunk(i)));
      offsets.push(chunks.offset);
      points.push([s, doc]);
    }
  }
  chunks.close();
  writeFileSync(segmentFile(dir, 'docs'), bytes(Int32Array.from(docs)));
  writeFileSync(segmentFile(dir, 'lengths'), bytes(Int32Array.from(lengths)));
  writeFileSync(segmentFile(dir, 'days'), bytes(Int32Array.from(days)));
  writeFileSync(segmentFile(dir, 'chunkIndex'), bytes(Float64Array.from(offsets)));

  // Postings: one run per term, the inputs' live postings concatenated, with their maximum impact.
  const lengthOf = new Int32Array(docs.length ? (docs[docs.length - 1] as number) + 1 : 0);
  docs.forEach((doc, i) => {
    lengthOf[doc] = lengths[i] as number;
  });
  const avgLength = docs.length ? totalLength / docs.length : 1;
  const postings = new Appender(segmentFile(dir, 'postings'));
  const termRows: number[] = [];
  let written = 0;
  forEachKey(
    inputs.map((s) => s.terms),
    (hi, lo, rows) => {
      const kept: number[] = [];
      for (const [src, row] of rows) {
        const p = inputs[src]?.postingsAt(row, false) ?? new Int32Array(0);
        for (let i = 0; i < p.length; i += 2)
          if (!isDead(p[i] as number)) kept.push(p[i] as number, p[i + 1] as number);
      }
      if (!kept.length) return;
      postings.append(bytes(Int32Array.from(kept)));
      const impact = maxImpact(kept, 0, kept.length, (doc) => lengthOf[doc] as number, avgLength);
      termRows.push(hi, lo, written, kept.length / 2, floatBits(impact));
      written += kept.length / 2;
    },
  );
  postings.close();
  writeHashedRows(segmentFile(dir, 'terms'), TERM_COLUMNS, Uint32Array.from(termRows));

  // Articles of live files, and their heads.
  const articles = new Appender(segmentFile(dir, 'articles'));
  const articleRows: number[] = [];
  let articleCount = 0;
  forEachKey(
    inputs.map((s) => s.articleTableOf()),
    (hi, lo, rows) => {
      for (let k = rows.length - 1; k >= 0; k--) {
        const [src, row] = rows[k] as [number, number];
        const record = inputs[src]?.articleRecord(row);
        if (!record || isDead(record.fileDoc)) continue;
        const at = articles.append(record.bytes);
        articleRows.push(hi, lo, at, record.bytes.length, record.fileDoc);
        articleCount++;
        return;
      }
    },
  );
  articles.close();
  writeHashedRows(segmentFile(dir, 'articleTable'), 3, Uint32Array.from(articleRows));
  const heads: HeadsRecord[] = inputs.flatMap((s) => s.heads().filter(([source]) => liveFile(source, s.meta.id)));
  writeFileSync(segmentFile(dir, 'heads'), JSON.stringify(heads));

  mergePinyin(
    inputs.map((s) => ({ table: s.pinyinTableOf(), at: (row: number) => s.pinyinAt(row) })),
    dir,
  );

  const dimensions = inputs.find((s) => s.meta.dimensions)?.meta.dimensions ?? 0;
  buildGraphFromPoints(segmentFile(dir, 'graph'), dimensions, hnsw, Int32Array.from(docs), (i) => {
    const [s, doc] = points[i] as [Segment, number];
    return s.graph?.getPoint(doc) ?? [];
  });
  const meta: SegmentMeta = {
    id,
    docs: docs.length,
    totalLength,
    articles: articleCount,
    dimensions,
    impacts: IMPACT_PARAMS,
  };
  writeFileSync(segmentFile(dir, 'meta'), JSON.stringify(meta));
  return meta;
}
