/**
 * A table from strings to a few unsigned 32-bit values, kept as one sorted Uint32Array keyed by a
 * 64-bit hash of the string. It holds the keyword dictionary, article offsets, pinyin keys and
 * the embedding's document frequencies of a segment: millions of keys cost 16–20 bytes each,
 * outside the JS heap, and load as one read instead of a JSON parse.
 * Two different strings share a 64-bit hash with probability about n²/2⁶⁵ (3·10⁻⁶ for ten
 * million keys); such a pair would share one entry, which costs a mis-scored term, never a crash.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const MAGIC = 0x54424c31; // 'TBL1'

/** Two independent 32-bit hashes of a string (FNV-1a and a murmur-mixed multiplicative hash). */
export function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}

/** Sorts row numbers by their 64-bit key (hi, lo) with four 16-bit radix passes. */
export function radixOrder(hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = hi.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65_537);
  for (const [words, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[(((words[i] as number) >>> shift) & 0xffff) + 1] as number)++;
    for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < n; i++) {
      const row = order[i] as number;
      const digit = ((words[row] as number) >>> shift) & 0xffff;
      next[counts[digit] as number] = row;
      counts[digit] = (counts[digit] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Lookup side of a table written by {@link writeTermTable}.
 *
 * @example
 * const t = TermTable.read('terms.bin');
 * const row = t.find('海门'); // -1 when absent
 * if (row >= 0) t.value(row, 0);
 */
export class TermTable {
  /** The same words read as 32-bit floats, for columns that hold one (see {@link floatBits}). */
  private readonly floats: Float32Array;

  private constructor(
    /** Rows of `2 + width` words: hash hi, hash lo, values. */
    private readonly rows: Uint32Array,
    readonly width: number,
  ) {
    this.floats = new Float32Array(rows.buffer, rows.byteOffset, rows.length);
  }

  /** Reads a table file; throws when it is truncated or not a table. */
  static read(path: string): TermTable {
    const buf = readFileSync(path);
    if (buf.byteLength < 12 || buf.byteLength % 4 !== 0) throw new Error(`${path} is truncated`);
    const words = new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const [magic, width = 0, count = 0] = words;
    if (magic !== MAGIC || words.length !== 3 + count * (2 + width)) throw new Error(`${path} is not a complete table`);
    return new TermTable(words.subarray(3), width);
  }

  /** An empty table, for segments without such keys. */
  static empty(width: number): TermTable {
    return new TermTable(new Uint32Array(0), width);
  }

  get size(): number {
    return this.rows.length / (2 + this.width);
  }

  /** Bytes held in memory. */
  get bytes(): number {
    return this.rows.byteLength;
  }

  /** Row of `key`, or -1. */
  find(key: string): number {
    const [hi, lo] = hash64(key);
    const stride = 2 + this.width;
    let a = 0;
    let b = this.size - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const h = this.rows[mid * stride] as number;
      const l = this.rows[mid * stride + 1] as number;
      if (h === hi && l === lo) return mid;
      if (h < hi || (h === hi && l < lo)) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  /** The two hash words of a row (rows are sorted by them). */
  hashAt(row: number): [number, number] {
    const at = row * (2 + this.width);
    return [this.rows[at] as number, this.rows[at + 1] as number];
  }

  /** Value `column` of a row found by {@link find}. */
  value(row: number, column: number): number {
    return this.rows[row * (2 + this.width) + 2 + column] as number;
  }

  /** Value `column` of a row, written as {@link floatBits}. */
  float(row: number, column: number): number {
    return this.floats[row * (2 + this.width) + 2 + column] as number;
  }
}

const floatWord = new Float32Array(1);
const floatWordBits = new Uint32Array(floatWord.buffer);

/**
 * A non-negative number as the bits of a 32-bit float no smaller than it, for a table column read
 * back by {@link TermTable.float}: the columns that hold one are upper bounds.
 */
export function floatBits(x: number): number {
  floatWord[0] = x * (1 + 1e-6);
  return floatWordBits[0] as number;
}

/** Writes rows that already carry their hashes, sorted by (hi, lo) and distinct. */
export function writeHashedRows(path: string, width: number, rows: Uint32Array): void {
  const out = new Uint32Array(3 + rows.length);
  out[0] = MAGIC;
  out[1] = width;
  out[2] = rows.length / (2 + width);
  out.set(rows, 3);
  writeFileSync(path, new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
}

/**
 * Writes keys with `width` values each (`values[row * width + column]`), sorted by hash. Keys must
 * be distinct; a later key with the hash of an earlier one is dropped.
 */
export function writeTermTable(path: string, keys: ArrayLike<string>, width: number, values: Uint32Array): void {
  const n = keys.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) [hi[i], lo[i]] = hash64(keys[i] as string);
  const order = radixOrder(hi, lo);
  const stride = 2 + width;
  const out = new Uint32Array(3 + n * stride);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const r = order[i] as number;
    const at = 3 + rows * stride;
    if (rows > 0 && out[at - stride] === hi[r] && out[at - stride + 1] === lo[r]) continue;
    out[at] = hi[r] as number;
    out[at + 1] = lo[r] as number;
    for (let c = 0; c < width; c++) out[at + 2 + c] = values[r * width + c] as number;
    rows++;
  }
  out[0] = MAGIC;
  out[1] = width;
  out[2] = rows;
  const used = out.subarray(0, 3 + rows * stride);
  writeFileSync(path, new Uint8Array(used.buffer, used.byteOffset, used.byteLength));
}
