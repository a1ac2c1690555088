import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIssues } from '../../scripts/bench/synthetic-corpus.js';
import { Answerer } from '../../src/answer/answerer.js';
import { buildIndex } from '../../src/index/store/build.js';
import { buildWhenStale } from '../../src/index/store/ensure.js';
import { loadIndex } from '../../src/index/store/load.js';
import { buildsDirOf } from '../../src/index/store/publish.js';
import { waitFor, workspace } from '../helpers.js';

let cleanup = () => {};
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  cleanup();
});

/** Bytes written so far into builds other than `published`: the ingest is mid-write once they grow. */
function unpublishedBytes(indexDir: string, published: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else total += statSync(p).size;
    }
  };
  const builds = buildsDirOf(indexDir);
  if (!existsSync(builds)) return 0;
  for (const name of readdirSync(builds)) if (join(builds, name) !== published) walk(join(builds, name));
  return total;
}

describe('an ingest killed mid-write', () => {
  it.each([
    ['an incremental update', []],
    ['a forced full build', ['--force']],
  ])('(%s) leaves the previous index serving, and the next ingest completes', async (_, args) => {
    const w = workspace();
    cleanup = w.cleanup;
    const { config } = w;
    await buildIndex(config);
    const published = realpathSync(config.indexDir);
    writeIssues(config.corpusDir, 0, 4);
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
      env: { ...process.env, CORPUS_DIR: config.corpusDir, INDEX_DIR: config.indexDir, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    await waitFor(() => unpublishedBytes(config.indexDir, published) > 200_000, 60_000, 'the ingest to write');
    child.kill('SIGKILL');
    await once(child, 'exit');

    expect(realpathSync(config.indexDir)).toBe(published);
    const index = await loadIndex(config);
    expect(index.manifest.chunks).toBe(53);
    const answer = await new Answerer(index, { topK: 8, maxQuestionChars: 500 }).ask('海门有多少项目2月底全面复工?');
    expect(answer.answer).toContain('31个');

    // The dead builder's lock and half-written folder do not stop the next ingest.
    const manifest = await buildWhenStale(config, { pollMs: 50 });
    expect(manifest?.chunks).toBeGreaterThan(3000);
    expect(readdirSync(buildsDirOf(config.indexDir))).toHaveLength(2);
    expect((await loadIndex(config)).manifest.builtAt).toBe(manifest?.builtAt);
  });
});
