import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../src/core/config.js';
import { Answerer } from '../src/rag/answerer.js';
import { buildIndex, loadIndex, type LoadedIndex } from '../src/rag/index-store.js';

/** The bulletin shipped in corpus/, the only corpus tests rely on. */
export const SEED = 'corpus/nantong-bulletin-2020-02.txt';

/** A throw-away workspace: a corpus folder holding a copy of the seed bulletin, and an index folder. */
export function workspace(withSeed = true): { dir: string; config: Config; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bqa-'));
  const corpusDir = join(dir, 'corpus');
  if (withSeed) cpSync('corpus', corpusDir, { recursive: true });
  else cpSync('corpus', corpusDir, { recursive: true, filter: (src) => !src.endsWith('.txt') });
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, 'index'), LOG_LEVEL: 'silent' });
  return { dir, config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds the seed index in a temporary folder and opens an Answerer on it. */
export async function seedAnswerer(): Promise<{ index: LoadedIndex; answerer: Answerer; config: Config; cleanup: () => void }> {
  const ws = workspace();
  await buildIndex(ws.config);
  const index = await loadIndex(ws.config);
  return { index, answerer: new Answerer(index, { topK: ws.config.topK, maxQuestionChars: ws.config.maxQuestionChars }), config: ws.config, cleanup: ws.cleanup };
}

/** What {@link seedAnswerer} gives. */
export type Seeded = Awaited<ReturnType<typeof seedAnswerer>>;

/**
 * Registers a seed index for the calling test file (built before its tests, removed after) and
 * returns it; its fields are filled in once `beforeAll` has run.
 */
export function useSeed(): Seeded {
  const seeded = {} as Seeded;
  beforeAll(async () => {
    Object.assign(seeded, await seedAnswerer());
  });
  afterAll(() => seeded.cleanup?.());
  return seeded;
}
