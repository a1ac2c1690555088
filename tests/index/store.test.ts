import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, IndexError } from '../../src/core/errors.js';
import { buildIndex } from '../../src/index/store/build.js';
import { buildWhenStale } from '../../src/index/store/ensure.js';
import { loadIndex } from '../../src/index/store/load.js';
import { FileBuildLock } from '../../src/index/store/lock.js';
import { readManifest, staleReason } from '../../src/index/store/manifest.js';
import { buildsDirOf } from '../../src/index/store/publish.js';
import { passageTerms } from '../../src/text/tokenizer.js';
import { at, workspace } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

function ws() {
  const w = workspace();
  cleanup = w.cleanup;
  return w;
}

describe('index build and load', () => {
  it('round-trips: save → load → search finds the Haimen sentence', async () => {
    const { config } = ws();
    const manifest = await buildIndex(config);
    expect(manifest).toMatchObject({
      articles: 10,
      chunks: 53,
      embedding: { id: 'local-hashing-v1-d256', dimensions: 256 },
    });
    const index = await loadIndex(config);
    const query = '海门 续建 重大项目 复工';
    const kwTop = at(index.keyword.search(passageTerms(query), 1), 0);
    expect(index.docs.chunk(kwTop.doc)?.text).toContain('海门31个超10亿元续建重大项目2月底将全面复工');
    const [vecTop, sim] = at(index.vectors.search(await index.embeddings.embedQuery(query), 1), 0);
    expect(index.docs.chunk(vecTop)?.articleId).toBe(index.docs.chunk(kwTop.doc)?.articleId);
    expect(sim).toBeGreaterThan(0.2);
  });

  it('is a no-op for an unchanged corpus and stale after a change', async () => {
    const { config } = ws();
    await buildIndex(config);
    expect(staleReason(config)).toBeUndefined();
    expect(await buildWhenStale(config)).toBeUndefined();
    appendFileSync(join(config.corpusDir, 'nantong-bulletin-2020-02.txt'), '\n新增标题\n\n新增正文一句。\n');
    expect(staleReason(config)).toBe('the corpus changed');
    writeFileSync(join(config.corpusDir, 'more.txt'), '另一期\n\n又一句话。\n');
    expect(staleReason(config)).toBe('the corpus changed');
  });

  it('publishes atomically through a symlink and keeps the previous build for readers', async () => {
    const { config } = ws();
    await buildIndex(config);
    const first = realpathSync(config.indexDir);
    await buildIndex(config);
    const second = realpathSync(config.indexDir);
    expect(second).not.toBe(first);
    expect(readManifest(first)).toBeDefined();
    await buildIndex(config);
    expect(readManifest(first)).toBeUndefined();
  });

  it('links the index relatively, so a copied project serves its own index (regression)', async () => {
    const { config, dir } = ws();
    await buildIndex(config);
    expect(isAbsolute(readlinkSync(config.indexDir))).toBe(false);
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
    try {
      rmSync(buildsDirOf(config.indexDir), { recursive: true });
      // The original's builds are gone: a copy that still pointed at them could not load.
      const copied = await loadIndex({ ...config, indexDir: join(copy, 'index') });
      expect(copied.docs.chunkCount).toBe(53);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('never removes a build another live process is still writing (regression)', async () => {
    const { config } = ws();
    // A build in progress: no manifest yet, named after a live process on this host (this one's parent).
    const inProgress = join(
      buildsDirOf(config.indexDir),
      `${Date.now()}-${hostname().replace(/[^\w.-]/g, '_')}-${process.ppid}`,
    );
    mkdirSync(inProgress, { recursive: true });
    writeFileSync(join(inProgress, 'chunks.json'), '[]');
    // An abandoned one, whose builder is gone.
    const abandoned = join(buildsDirOf(config.indexDir), `1-${hostname().replace(/[^\w.-]/g, '_')}-999999`);
    mkdirSync(abandoned, { recursive: true });
    await buildIndex(config);
    await buildIndex(config);
    expect(existsSync(inProgress)).toBe(true);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('lets one of two concurrent builders build; the other waits and uses its index', async () => {
    const { config } = ws();
    const events: string[][] = [[], []];
    const [a, b] = await Promise.all(
      [0, 1].map((i) => buildWhenStale(config, { pollMs: 50, onEvent: (e) => events[i]?.push(e.kind) })),
    );
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(events.flat().filter((k) => k === 'building')).toHaveLength(1);
    expect(events.flat()).toContain('waiting');
    expect((await loadIndex(config)).docs.chunkCount).toBe(53);
  });

  it('takes over a lock whose holder died', async () => {
    const { config } = ws();
    writeFileSync(
      `${config.indexDir}.lock`,
      JSON.stringify({ host: hostname(), pid: 999999, at: new Date().toISOString() }),
    );
    const release = await new FileBuildLock(`${config.indexDir}.lock`).tryAcquire();
    expect(release).toBeDefined();
    expect(await new FileBuildLock(`${config.indexDir}.lock`).tryAcquire()).toBeUndefined();
    await release?.();
    expect(existsSync(`${config.indexDir}.lock`)).toBe(false);
  });

  it('never replaces a good index with a broken build', async () => {
    const { config } = ws();
    await buildIndex(config);
    const before = realpathSync(config.indexDir);
    rmSync(join(config.corpusDir, 'nantong-bulletin-2020-02.txt'));
    writeFileSync(join(config.corpusDir, 'bad.txt'), Buffer.from([0, 1, 2, 3]));
    await expect(buildIndex(config)).rejects.toThrow(CorpusError);
    expect(realpathSync(config.indexDir)).toBe(before);
    expect((await loadIndex(config)).docs.chunkCount).toBe(53);
  });

  it('refuses a missing, foreign or corrupt index with a message to run ingest', async () => {
    const { config } = ws();
    await expect(loadIndex(config)).rejects.toThrow(/npm run ingest/);
    await buildIndex(config);
    const manifestPath = join(config.indexDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(
      manifestPath,
      JSON.stringify({ ...manifest, embedding: { id: 'openai-text-embedding-3-small', dimensions: 1536 } }),
    );
    await expect(loadIndex(config)).rejects.toThrow(IndexError);
    expect(staleReason(config)).toMatch(/built with openai/);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const [segment] = readManifest(config.indexDir)?.segments ?? [];
    writeFileSync(join(config.indexDir, 'segments', segment ?? '', 'docs.bin'), 'trunc');
    await expect(loadIndex(config)).rejects.toThrow(/corrupt.*npm run ingest/);
  });
});
