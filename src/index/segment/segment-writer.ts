/** Writing one segment: text and postings while the corpus is read, the graph once vectors can be computed. */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Chunk } from '../../core/types.js';
import { bm25Impact } from '../bm25.js';
import { daySpan } from '../chunk-days.js';
import { IMPACT_PARAMS, type SegmentMeta, segmentFile, TERM_COLUMNS } from './segment-files.js';
import { floatBits, writeTermTable } from './term-table.js';

/** A growable Int32 buffer. */
export class IntStream {
  data = new Int32Array(1 << 16);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  /** The filled part (a view). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Drops the spare capacity (up to half the buffer) once nothing more will be pushed. */
  compact(): void {
    this.data = this.data.slice(0, this.length);
  }
}

/** Interns index terms as numbers, so that a million chunks' terms fit in typed arrays. */
export class TermDictionary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/**
 * A chunk's terms as (term id, frequency) pairs, the form both postings and embedding read.
 * Returns the pairs and the chunk's length in terms.
 */
export function termPairs(terms: string[], dict: TermDictionary): Int32Array {
  const ids = Int32Array.from(terms, (t) => dict.id(t)).sort();
  const out: number[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j < ids.length && ids[j] === ids[i]) j++;
    out.push(ids[i] as number, j - i);
    i = j;
  }
  return Int32Array.from(out);
}

/** Appends records to a file and remembers where each starts. */
class RecordFile {
  private readonly fd: number;
  offset = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  append(text: string): [number, number] {
    const buf = Buffer.from(text, 'utf8');
    writeSync(this.fd, buf);
    const at = this.offset;
    this.offset += buf.length;
    return [at, buf.length];
  }

  close(): void {
    closeSync(this.fd);
  }
}

const bytes = (a: Int32Array | Float64Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Writes one segment folder. Chunks must come in ascending global document number.
 *
 * @example
 * const w = new SegmentWriter(dir, 's1');
 * w.addFile(articles, chunks, firstDoc, (c) => termPairs(passageTerms(c.text), dict));
 * w.finishText(dict.terms);
 * // …graph written by buildGraph into segmentFile(dir, 'graph')…
 * w.finish(512);
 */
export class SegmentWriter {
  readonly docs = new IntStream();
  /** Per chunk: start of its pairs in {@link pairs}; one more entry marks the end. */
  readonly pairStarts = new IntStream();
  readonly pairs = new IntStream();
  private readonly lengths = new IntStream();
  private readonly days = new IntStream();
  private readonly chunkOffsets: number[] = [0];
  private readonly chunks: RecordFile;
  private readonly articles: RecordFile;
  private readonly articleIds: string[] = [];
  private readonly articleValues: number[] = [];
  private readonly heads: Array<[string, string | null, Array<[string, string]>]> = [];
  private totalLength = 0;

  constructor(
    readonly dir: string,
    readonly id: string,
  ) {
    mkdirSync(dir, { recursive: true });
    this.chunks = new RecordFile(segmentFile(dir, 'chunks'));
    this.articles = new RecordFile(segmentFile(dir, 'articles'));
  }

  get docCount(): number {
    return this.docs.length;
  }

  /** Adds one corpus file's articles and its chunks, numbered from `firstDoc`. */
  addFile(
    source: string,
    date: string | undefined,
    articles: Article[],
    chunks: Chunk[],
    firstDoc: number,
    pairsOf: (chunk: Chunk, i: number) => Int32Array,
  ): void {
    for (const a of articles) {
      const [at, len] = this.articles.append(JSON.stringify(a));
      this.articleIds.push(a.id);
      this.articleValues.push(at, len, firstDoc);
    }
    this.heads.push([source, date ?? null, articles.map((a) => [a.id, a.title])]);
    for (const [i, c] of chunks.entries()) this.addChunk(firstDoc + i, c, pairsOf(c, i));
  }

  /** Adds one chunk with its (term id, frequency) pairs. */
  addChunk(doc: number, chunk: Chunk, pairs: Int32Array): void {
    this.docs.push(doc);
    this.pairStarts.push(this.pairs.length);
    let length = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      this.pairs.push(pairs[i] as number);
      this.pairs.push(pairs[i + 1] as number);
      length += pairs[i + 1] as number;
    }
    this.lengths.push(length);
    this.totalLength += length;
    const span = daySpan(chunk.date);
    this.days.push(span?.[0] ?? -1);
    this.days.push(span?.[1] ?? -1);
    const [at, len] = this.chunks.append(JSON.stringify(chunk));
    this.chunkOffsets.push(at + len);
  }

  /** Writes text, numbering and postings; `terms` names the term ids used in the pairs. */
  finishText(terms: ArrayLike<string>): void {
    this.pairStarts.push(this.pairs.length);
    this.chunks.close();
    this.articles.close();
    writeFileSync(segmentFile(this.dir, 'docs'), bytes(this.docs.view()));
    writeFileSync(segmentFile(this.dir, 'lengths'), bytes(this.lengths.view()));
    writeFileSync(segmentFile(this.dir, 'days'), bytes(this.days.view()));
    writeFileSync(segmentFile(this.dir, 'chunkIndex'), bytes(Float64Array.from(this.chunkOffsets)));
    writeTermTable(segmentFile(this.dir, 'articleTable'), this.articleIds, 3, Uint32Array.from(this.articleValues));
    writeFileSync(segmentFile(this.dir, 'heads'), JSON.stringify(this.heads));
    this.writePostings(terms);
    for (const s of [this.docs, this.pairStarts, this.pairs]) s.compact();
  }

  /** Groups the pairs by term (a counting sort): documents stay in ascending order within a term. */
  private writePostings(terms: ArrayLike<string>): void {
    const pairs = this.pairs.view();
    const counts = new Int32Array(terms.length);
    for (let i = 0; i < pairs.length; i += 2) (counts[pairs[i] as number] as number)++;
    const used: number[] = [];
    const cursor = new Int32Array(terms.length);
    let total = 0;
    for (let t = 0; t < counts.length; t++) {
      if (!counts[t]) continue;
      used.push(t);
      cursor[t] = total;
      total += counts[t] as number;
    }
    const postings = new Int32Array(total * 2);
    const starts = this.pairStarts.view();
    const docs = this.docs.view();
    const lengths = this.lengths.view();
    const impacts = new Float64Array(terms.length);
    const avgLength = this.avgLength;
    for (let c = 0; c < docs.length; c++) {
      const from = starts[c] as number;
      const to = starts[c + 1] as number;
      const length = lengths[c] as number;
      for (let i = from; i < to; i += 2) {
        const t = pairs[i] as number;
        const at = cursor[t] as number;
        postings[at * 2] = docs[c] as number;
        postings[at * 2 + 1] = pairs[i + 1] as number;
        cursor[t] = at + 1;
      }
      for (let i = from; i < to; i += 2) {
        const impact = bm25Impact(pairs[i + 1] as number, length, avgLength);
        if (impact > (impacts[pairs[i] as number] as number)) impacts[pairs[i] as number] = impact;
      }
    }
    const values = new Uint32Array(used.length * TERM_COLUMNS);
    used.forEach((t, i) => {
      values[i * TERM_COLUMNS] = (cursor[t] as number) - (counts[t] as number);
      values[i * TERM_COLUMNS + 1] = counts[t] as number;
      values[i * TERM_COLUMNS + 2] = floatBits(impacts[t] as number);
    });
    writeTermTable(
      segmentFile(this.dir, 'terms'),
      used.map((t) => terms[t] as string),
      TERM_COLUMNS,
      values,
    );
    writeFileSync(segmentFile(this.dir, 'postings'), bytes(postings));
  }

  /** Average chunk length, the reference of the stored maximum impacts. */
  private get avgLength(): number {
    return this.docs.length ? this.totalLength / this.docs.length : 1;
  }

  /** Writes `segment.json`, which marks the segment complete. */
  finish(dimensions: number): SegmentMeta {
    const meta: SegmentMeta = {
      id: this.id,
      docs: this.docs.length,
      totalLength: this.totalLength,
      articles: this.articleIds.length,
      dimensions,
      impacts: IMPACT_PARAMS,
    };
    writeFileSync(segmentFile(this.dir, 'meta'), JSON.stringify(meta));
    return meta;
  }
}

/**
 * Pinyin key → n-grams, as a table of offsets into one file of JSON arrays: `pinyin.tbl` and
 * `pinyin.bin`, or `<name>.tbl` and `<name>.bin` for a part that {@link mergePinyinParts} joins later.
 */
export function writePinyinTable(dir: string, pinyin: Record<string, string[]>, name = 'pinyin'): void {
  const keys = Object.keys(pinyin);
  const text = new RecordFile(join(dir, `${name}.bin`));
  const values = new Uint32Array(keys.length * 2);
  keys.forEach((k, i) => {
    const [at, len] = text.append(JSON.stringify(pinyin[k]));
    values[i * 2] = at;
    values[i * 2 + 1] = len;
  });
  text.close();
  writeTermTable(join(dir, `${name}.tbl`), keys, 2, values);
}
