import { existsSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIssues } from '../../scripts/bench/synthetic-corpus.js';
import type { ArchiveDocs } from '../../src/index/archive/archive-docs.js';
import { buildIndex } from '../../src/index/store/build.js';
import { compactIndex, MERGE_FACTOR, planMerges } from '../../src/index/store/compact.js';
import { buildWhenStale } from '../../src/index/store/ensure.js';
import { loadIndex } from '../../src/index/store/load.js';
import { readManifest } from '../../src/index/store/manifest.js';
import { updateIndex } from '../../src/index/store/update.js';
import { passageTerms } from '../../src/text/tokenizer.js';
import { at, workspace } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

function ws() {
  const w = workspace();
  cleanup = w.cleanup;
  return w;
}

const inode = (p: string) => statSync(p).ino;
const HAIMEN = '海门31个超10亿元续建重大项目2月底将全面复工';

describe('incremental ingest', () => {
  it('adds a file as one new segment and hard-links every unchanged one', async () => {
    const { config } = ws();
    const first = await buildIndex(config);
    const before = realpathSync(config.indexDir);
    writeIssues(config.corpusDir, 0, 1, 40);
    const m = await updateIndex(config);
    expect(m?.kind).toBe('update');
    expect(m?.segments).toEqual([...first.segments, expect.any(String)]);
    expect(m?.chunks).toBeGreaterThan(first.chunks);
    const after = realpathSync(config.indexDir);
    const seg = at(first.segments, 0);
    const file = join('segments', seg, 'postings.bin');
    expect(inode(join(after, file))).toBe(inode(join(before, file)));
    // The old chunks keep their numbers; the new ones follow.
    const index = await loadIndex(config);
    expect(index.docs.chunk(0)?.source).toBe('nantong-bulletin-2020-02.txt');
    expect(index.docs.chunk(first.chunks)?.source).toBe('2015/2015-01-01.txt');
    expect(index.docs.chunk(m?.nextDoc ?? 0)).toBeUndefined();
  });

  it('is a no-op when nothing changed', async () => {
    const { config } = ws();
    await buildIndex(config);
    expect(await updateIndex(config)).toBeUndefined();
  });

  it('turns a changed file into holes plus a new segment, and a removed one into holes', async () => {
    const { config } = ws();
    writeIssues(config.corpusDir, 0, 2, 40);
    const first = await buildIndex(config);
    const seedFile = first.files['nantong-bulletin-2020-02.txt'];
    const path = join(config.corpusDir, 'nantong-bulletin-2020-02.txt');
    writeFileSync(path, '---\ndate: 2020-03-01\n---\n新标题\n\n启东今年新建学校12所，总投资3.5亿元。\n');
    const changed = await updateIndex(config);
    let index = await loadIndex(config);
    expect(index.docs.chunk(seedFile?.first ?? -1)).toBeUndefined();
    const hit = at(index.keyword.search(passageTerms('启东 新建 学校'), 1), 0);
    expect(index.docs.chunk(hit.doc)?.text).toContain('12所');
    expect(
      index.keyword.search(passageTerms('海门 续建 重大项目 复工'), 10).map((h) => index.docs.chunk(h.doc)?.text),
    ).not.toContain(HAIMEN);
    expect(changed?.deleted).toBe(seedFile?.count);
    rmSync(join(config.corpusDir, '2015', '2015-01-01.txt'));
    const removed = await updateIndex(config);
    index = await loadIndex(config);
    expect(removed?.chunks).toBe((changed?.chunks ?? 0) - (first.files['2015/2015-01-01.txt']?.count ?? 0));
    expect(index.vectors.size).toBe(removed?.chunks);
    const q = await index.embeddings.embedQuery('启东 新建 学校');
    for (const [doc] of index.vectors.search(q, 20)) expect(index.docs.chunk(doc)).toBeDefined();
  });

  it('lists issues and the newest issue’s headlines without reading the archive', async () => {
    const { config } = ws();
    // Only the synthetic issues: the seed bulletin would add an issue of its own.
    rmSync(join(config.corpusDir, 'nantong-bulletin-2020-02.txt'));
    writeIssues(config.corpusDir, 0, 3, 30);
    await buildIndex(config);
    const docs = (await loadIndex(config)).docs as ArchiveDocs;
    const issues = docs.issues();
    expect(issues.map((i) => i.date)).toEqual(['2015-01-01', '2015-01-02', '2015-01-03']);
    const newest = at(issues, -1);
    const heads = docs.articleHeads({ from: newest.date, to: newest.date });
    expect(heads).toHaveLength(newest.articles);
    expect(heads.every((h) => h.date === '2015-01-03')).toBe(true);
    expect(docs.articleHeads().length).toBeGreaterThan(heads.length);
  });

  it('keeps keyword and vector date ranges working across segments', async () => {
    const { config } = ws();
    writeIssues(config.corpusDir, 0, 1, 30);
    await buildIndex(config);
    writeIssues(config.corpusDir, 1, 2, 30);
    await updateIndex(config);
    const index = await loadIndex(config);
    const range = { from: '2015-01-02', to: '2015-01-02' };
    const hits = index.keyword.search(passageTerms('项目 发展 工作 记者'), 20, undefined, range);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(index.docs.chunk(h.doc)?.date).toBe('2015-01-02');
    const v = await index.embeddings.embedQuery('项目 发展 工作');
    const near = index.vectors.search(v, 20, range);
    expect(near.length).toBeGreaterThan(0);
    for (const [doc] of near) expect(index.docs.chunk(doc)?.date).toBe('2015-01-02');
  });

  it('merges a run of small segments into one, keeping every live chunk findable', async () => {
    const { config } = ws();
    await buildIndex(config);
    for (let i = 0; i < MERGE_FACTOR; i++) {
      writeIssues(config.corpusDir, i, i + 1, 30);
      await updateIndex(config);
    }
    rmSync(join(config.corpusDir, '2015', '2015-01-03.txt'));
    const before = await updateIndex(config);
    const merged = await compactIndex(config);
    expect(merged?.kind).toBe('merge');
    expect(merged?.segments.length).toBeLessThan(before?.segments.length ?? 0);
    expect(merged?.chunks).toBe(before?.chunks);
    const index = await loadIndex(config);
    expect(index.vectors.size).toBe(merged?.chunks);
    const hit = at(index.keyword.search(passageTerms('海门 续建 重大项目 复工'), 1), 0);
    expect(index.docs.chunk(hit.doc)?.text).toContain(HAIMEN);
    const gone = before?.files['2015/2015-01-04.txt'];
    expect(index.docs.chunk(gone?.first ?? -1)?.source).toBe('2015/2015-01-04.txt');
    expect(readdirSync(join(realpathSync(config.indexDir), 'segments'))).toHaveLength(merged?.segments.length ?? -1);
  });

  it('plans merges by tier and rewrites segments with many deletions', () => {
    const seg = (id: string, live: number, held = live) => ({ id, live, held });
    const small = Array.from({ length: MERGE_FACTOR }, (_, i) => seg(`s${i}`, 800));
    expect(planMerges([seg('big', 250_000), ...small])).toEqual([small.map((s) => s.id)]);
    expect(planMerges([seg('big', 250_000), ...small.slice(1)])).toEqual([]);
    expect(planMerges([seg('big', 200_000, 300_000)])).toEqual([['big']]);
  });

  it('rebuilds from scratch with --force, renumbering compactly', async () => {
    const { config } = ws();
    writeIssues(config.corpusDir, 0, 1, 30);
    await buildIndex(config);
    rmSync(join(config.corpusDir, 'nantong-bulletin-2020-02.txt'));
    // Most of the segment is deleted now, so the update is followed by a rewrite without the holes.
    const updated = await buildWhenStale(config);
    expect(updated?.kind).toBe('merge');
    expect(updated?.deleted).toBe(0);
    expect(updated?.nextDoc).toBeGreaterThan(updated?.chunks ?? 0);
    const forced = await buildWhenStale(config, { force: true });
    expect(forced?.kind).toBe('full');
    expect(forced?.nextDoc).toBe(forced?.chunks);
    expect(forced?.segments).toHaveLength(1);
    expect(existsSync(join(config.indexDir, 'deleted.bin'))).toBe(false);
    expect(readManifest(config.indexDir)?.deleted).toBe(0);
  });
});
