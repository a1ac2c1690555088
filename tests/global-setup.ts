/**
 * Builds the seed index once for the whole run (and reuses it across runs while the seed, the code's
 * index format and the embedding are unchanged); tests read its location with `inject('seed')`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/core/config.js';
import { buildWhenStale } from '../src/index/store/ensure.js';
import { SEED } from './seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    seed: { corpusDir: string; indexDir: string };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // Keyed by checkout too: two working copies with different index formats must not share one.
  const hash = createHash('sha256').update(readFileSync(SEED)).update(process.cwd()).digest('hex').slice(0, 12);
  const indexDir = join(tmpdir(), `bulletin-qa-seed-${hash}`, 'index');
  const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
  // The build lock lets the unit and integration projects set up at once: one builds, the other waits.
  await buildWhenStale(config);
  project.provide('seed', { corpusDir: config.corpusDir, indexDir });
}
