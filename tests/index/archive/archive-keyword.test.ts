import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/core/types.js';
import { Archive, DELETED_FILE, SEGMENTS_DIR } from '../../../src/index/archive/archive.js';
import { ArchiveKeyword } from '../../../src/index/archive/archive-keyword.js';
import { BM25_B, BM25_K1, bm25Impact } from '../../../src/index/bm25.js';
import { isoDay } from '../../../src/index/chunk-days.js';
import type { DateRange, KeywordHit } from '../../../src/index/loaded-index.js';
import { mergeSegments } from '../../../src/index/segment/merge.js';
import { Segment } from '../../../src/index/segment/segment.js';
import { SegmentWriter, TermDictionary, termPairs } from '../../../src/index/segment/segment-writer.js';
import { DEFAULT_HNSW } from '../../../src/index/vector-index.js';

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const VOCABULARY = 400;
const FIRST_DAY = 16_436; // 2015-01-01
const rand = random(13);
/** Zipf-like: a few terms reach most documents, most terms few. */
const term = () => `t${Math.floor(VOCABULARY * rand() ** 3)}`;
const dict = new TermDictionary();
/** Every document's terms, by document number, for the reference scores. */
const docTerms: string[][] = [];
const docDay: number[] = [];

function writeSegment(dir: string, id: string, firstDoc: number, count: number, meanLength: number): string {
  const w = new SegmentWriter(join(dir, SEGMENTS_DIR, id), id);
  for (let i = 0; i < count; i++) {
    const doc = firstDoc + i;
    const terms = Array.from({ length: 1 + Math.floor(rand() * 2 * meanLength) }, term);
    // Repeated words, so that term frequencies vary.
    if (rand() < 0.3) terms.push(...terms.slice(0, 3));
    const day = FIRST_DAY + Math.floor(doc / 40);
    docTerms[doc] = terms;
    docDay[doc] = day;
    const chunk = { id: `c${doc}`, articleId: `a${doc}`, title: '', source: 's', paragraph: 0, start: 0, end: 0 };
    w.addChunk(doc, { ...chunk, text: '', date: isoDay(day) } as Chunk, termPairs(terms, dict));
  }
  w.finishText(dict.terms);
  w.finish(0);
  return id;
}

const counts = (terms: string[]) => {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

let tfs: Map<number, Map<string, number>> | undefined;

/** Scores computed from the documents' terms, summed in query order as the searches do. */
function reference(archive: Archive, query: string[], weights: Map<string, number>, k: number, range?: DateRange) {
  const live = docTerms.map((_, doc) => doc).filter((doc) => archive.segmentOf[doc] !== 0xffff);
  const avg = live.reduce((s, d) => s + (docTerms[d]?.length ?? 0), 0) / live.length;
  const unique = [...new Set(query)];
  tfs ??= new Map(live.map((d) => [d, counts(docTerms[d] ?? [])]));
  const df = new Map(unique.map((t) => [t, live.filter((d) => tfs?.get(d)?.has(t)).length]));
  const hits: KeywordHit[] = [];
  for (const doc of live) {
    if (archive.deleted[doc]) continue;
    const day = docDay[doc] ?? 0;
    if (range && (isoDay(day) < range.from || isoDay(day) > range.to)) continue;
    let score = 0;
    for (const t of unique) {
      const n = df.get(t) ?? 0;
      const tf = tfs?.get(doc)?.get(t) ?? 0;
      if (!n || !tf) continue;
      const idf = Math.log(1 + (live.length - n + 0.5) / (n + 0.5));
      const len = docTerms[doc]?.length ?? 0;
      score +=
        ((weights.get(t) ?? 1) * idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avg));
    }
    if (score > 0) hits.push({ doc, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
}

let dir = '';
let archive: Archive;
let keyword: ArchiveKeyword;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bqa-maxscore-'));
  // Segments of different average lengths, so that the stored impacts are rescaled at search time;
  // the third is a merge of two, which computes its impacts anew.
  const ids = [writeSegment(dir, 'a', 0, 1500, 30), writeSegment(dir, 'b', 1500, 1200, 80)];
  const parts = [writeSegment(dir, 'c1', 2700, 400, 12), writeSegment(dir, 'c2', 3100, 500, 20)];
  const inputs = parts.map((id) => Segment.open(join(dir, SEGMENTS_DIR, id)));
  const dead = new Uint8Array(3600);
  for (let doc = 2700; doc < 3600; doc += 7) dead[doc] = 1;
  mergeSegments(inputs, dead, () => true, join(dir, SEGMENTS_DIR, 'c'), 'c', DEFAULT_HNSW);
  for (let doc = 2700; doc < 3600; doc += 7) delete docTerms[doc];
  const deleted = Int32Array.from({ length: 120 }, () => Math.floor(rand() * 2700));
  writeFileSync(join(dir, DELETED_FILE), new Uint8Array(deleted.buffer));
  archive = Archive.open(dir, [...ids, 'c'], 3600);
  keyword = new ArchiveKeyword(archive);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ArchiveKeyword (MaxScore)', () => {
  it('stores maximum impacts no lower than any posting’s', () => {
    const avg = archive.totalLength / archive.docCount;
    for (const segment of archive.segments) {
      for (let t = 0; t < VOCABULARY; t += 5) {
        const row = segment.terms.find(`t${t}`);
        if (row < 0) continue;
        const p = segment.postingsAt(row);
        const bound = segment.maxImpact(row, avg, BM25_K1, BM25_B);
        for (let i = 0; i < p.length; i += 2) {
          expect(bm25Impact(p[i + 1] as number, archive.lengths[p[i] as number] as number, avg)).toBeLessThanOrEqual(
            bound,
          );
        }
      }
    }
  });

  it('returns the exhaustive search’s top k, with weights, deletions and date ranges', () => {
    let pruned = 0;
    for (let q = 0; q < 400; q++) {
      const query = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
        rand() < 0.3 ? `t${Math.floor(rand() * 12)}` : term(),
      );
      if (rand() < 0.1) query.push('absent');
      const weights = new Map(query.filter(() => rand() < 0.5).map((t) => [t, 0.2 + rand() * 2]));
      const k = [1, 5, 10, 50, 200][q % 5] as number;
      const from = FIRST_DAY + Math.floor(rand() * 90);
      const range = rand() < 0.3 ? { from: isoDay(from), to: isoDay(from + Math.floor(rand() * 20)) } : undefined;
      const got = keyword.search(query, k, weights, range);
      const full = keyword.exhaustive(keyword.weighted(query, weights), k, range && archive.days.matcher(range));
      expect(got).toEqual(full);
      const ref = reference(archive, query, weights, k, range);
      expect(got.map((h) => h.doc)).toEqual(ref.map((h) => h.doc));
      got.forEach((h, i) => {
        expect(h.score).toBeCloseTo(ref[i]?.score ?? 0, 9);
      });
      if (got.length === k) pruned++;
    }
    expect(pruned).toBeGreaterThan(100);
  });

  it('falls back to scoring every posting when a weight is not positive', () => {
    const weights = new Map([['t1', 0]]);
    const got = keyword.search(['t1', 't30'], 10, weights);
    expect(got).toEqual(keyword.exhaustive(keyword.weighted(['t1', 't30'], weights), 10));
    expect(got.length).toBe(10);
  });
});
