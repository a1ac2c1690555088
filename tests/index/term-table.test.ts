import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostingsCache } from '../../src/index/segment/segment-files.js';
import { hash64, TermTable, writeTermTable } from '../../src/index/segment/term-table.js';

describe('TermTable', () => {
  it('finds every key it was written with, and no other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bqa-tbl-'));
    try {
      const keys = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `#词${i}` : `term${i}`));
      const values = new Uint32Array(keys.length * 2).map((_, i) => i);
      writeTermTable(join(dir, 't.tbl'), keys, 2, values);
      const t = TermTable.read(join(dir, 't.tbl'));
      expect(t.size).toBe(keys.length);
      keys.forEach((k, i) => {
        const row = t.find(k);
        expect([t.value(row, 0), t.value(row, 1)]).toEqual([i * 2, i * 2 + 1]);
      });
      expect(t.find('海门')).toBe(-1);
      expect(hash64('海门')).not.toEqual(hash64('海口'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostingsCache', () => {
  it('keeps recently used lists within its byte budget', () => {
    const cache = new PostingsCache(64 * 4);
    let reads = 0;
    const list = () => {
      reads++;
      return new Int32Array(8);
    };
    for (const key of ['a', 'b', 'a', 'c', 'a', 'd', 'e', 'f', 'g', 'a']) cache.get(key, list);
    // 'a' stays hot; the budget holds eight lists of 32 bytes, so nothing else is read twice.
    expect(reads).toBe(7);
    // A list over an eighth of the budget is never kept: it would push out everything else.
    const small = new PostingsCache(8 * 4 * 2);
    for (const key of ['a', 'b', 'c', 'a']) small.get(key, list);
    expect(reads).toBe(11);
  });
});
