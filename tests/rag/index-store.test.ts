import { appendFileSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, IndexError } from '../../src/core/errors.js';
import { buildIndex, loadIndex, readManifest, staleReason } from '../../src/rag/index-store.js';
import { searchVectors } from '../../src/rag/vector-store.js';
import { passageTerms } from '../../src/rag/tokenizer.js';
import { workspace } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('index build and load', () => {
  it('round-trips: save → load → search finds the Haimen sentence', async () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    const manifest = await buildIndex(ws.config);
    expect(manifest).toMatchObject({ articles: 10, chunks: 53, embedding: { id: 'local-hashing-v1-d512', dimensions: 512 } });
    const index = await loadIndex(ws.config);
    const query = '海门 续建 重大项目 复工';
    const [kwTop] = index.keyword.search(passageTerms(query), 1);
    expect(index.chunks[kwTop.doc].text).toContain('海门31个超10亿元续建重大项目2月底将全面复工');
    const [[vecTop, sim]] = await searchVectors(index.vectors, await index.embeddings.embedQuery(query), 1);
    expect(index.chunks[vecTop].articleId).toBe(index.chunks[kwTop.doc].articleId);
    expect(sim).toBeGreaterThan(0.2);
  });

  it('is a no-op for an unchanged corpus and stale after a change', async () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    await buildIndex(ws.config);
    expect(staleReason(ws.config)).toBeUndefined();
    appendFileSync(join(ws.config.corpusDir, 'nantong-bulletin-2020-02.txt'), '\n新增标题\n\n新增正文一句。\n');
    expect(staleReason(ws.config)).toBe('the corpus changed');
    writeFileSync(join(ws.config.corpusDir, 'more.txt'), '另一期\n\n又一句话。\n');
    expect(staleReason(ws.config)).toBe('the corpus changed');
  });

  it('publishes atomically through a symlink and keeps the previous build for readers', async () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    await buildIndex(ws.config);
    const first = realpathSync(ws.config.indexDir);
    await buildIndex(ws.config);
    const second = realpathSync(ws.config.indexDir);
    expect(second).not.toBe(first);
    expect(readManifest(first)).toBeDefined();
    await buildIndex(ws.config);
    expect(readManifest(first)).toBeUndefined();
  });

  it('never replaces a good index with a broken build', async () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    await buildIndex(ws.config);
    const before = realpathSync(ws.config.indexDir);
    rmSync(join(ws.config.corpusDir, 'nantong-bulletin-2020-02.txt'));
    writeFileSync(join(ws.config.corpusDir, 'bad.txt'), Buffer.from([0, 1, 2, 3]));
    await expect(buildIndex(ws.config)).rejects.toThrow(CorpusError);
    expect(realpathSync(ws.config.indexDir)).toBe(before);
    expect((await loadIndex(ws.config)).chunks.length).toBe(53);
  });

  it('refuses a missing, foreign or corrupt index with a message to run ingest', async () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    await expect(loadIndex(ws.config)).rejects.toThrow(/npm run ingest/);
    await buildIndex(ws.config);
    const manifestPath = join(ws.config.indexDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, embedding: { id: 'openai-text-embedding-3-small', dimensions: 1536 } }));
    await expect(loadIndex(ws.config)).rejects.toThrow(IndexError);
    expect(staleReason(ws.config)).toMatch(/built with openai/);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(ws.config.indexDir, 'chunks.json'), '[{"truncated');
    await expect(loadIndex(ws.config)).rejects.toThrow(/corrupt.*npm run ingest/);
  });
});
