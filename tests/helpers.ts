import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, inject } from 'vitest';
import { Answerer } from '../src/answer/answerer.js';
import { createBot } from '../src/bot/bot.js';
import { type Config, loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import type { LoadedIndex } from '../src/index/loaded-index.js';
import { loadIndex } from '../src/index/store/load.js';
import type { FakeBotApi } from '../testkit/fake-bot-api.js';

export { SEED } from './seed.js';

/** A throw-away workspace: a corpus folder holding a copy of the seed bulletin (or none), and an index folder. */
export function workspace(withSeed = true): { dir: string; config: Config; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bqa-'));
  const corpusDir = join(dir, 'corpus');
  cpSync('corpus', corpusDir, { recursive: true, filter: (src) => withSeed || !src.endsWith('.txt') });
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, 'index'), LOG_LEVEL: 'silent' });
  return { dir, config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A workspace holding the seed page and the small dated archive of tests/eval/dated (eight issues
 * dated by front matter, banner and file name), one issue moved to a dated folder (2021/04/06/a1.txt).
 */
export function datedWorkspace(): { dir: string; config: Config; cleanup: () => void } {
  const ws = workspace();
  const archive = join(ws.config.corpusDir, 'archive');
  cpSync('tests/eval/dated/corpus', archive, { recursive: true });
  mkdirSync(join(archive, '2021', '04', '06'), { recursive: true });
  renameSync(join(archive, '2021-04-06.txt'), join(archive, '2021', '04', '06', 'a1.txt'));
  return ws;
}

/** The seed index built once per run by the global setup, with its config. */
export function seedConfig(): Config {
  const { corpusDir, indexDir } = inject('seed');
  return loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
}

/** Loads the shared seed index and opens an Answerer on it. */
export async function seedAnswerer(): Promise<{ index: LoadedIndex; answerer: Answerer; config: Config }> {
  const config = seedConfig();
  const index = await loadIndex(config);
  return {
    index,
    answerer: new Answerer(index, { topK: config.topK, maxQuestionChars: config.maxQuestionChars }),
    config,
  };
}

/** What {@link seedAnswerer} gives. */
export type Seeded = Awaited<ReturnType<typeof seedAnswerer>>;

/** The shared seed index for the calling test file; its fields are filled in once `beforeAll` has run. */
export function useSeed(): Seeded {
  const seeded = {} as Seeded;
  beforeAll(async () => {
    Object.assign(seeded, await seedAnswerer());
  });
  return seeded;
}

/** Waits until `condition` holds, polling every 20 ms; fails after `ms`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'condition',
): Promise<void> {
  const t0 = Date.now();
  while (!(await condition())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element at `i`, failing the test when there is none (for `noUncheckedIndexedAccess`). */
export function at<T>(xs: readonly T[], i: number): T {
  const x = xs.at(i);
  if (x === undefined) throw new Error(`expected an element at ${i} of ${xs.length}`);
  return x;
}

/**
 * A bot (real telegraf, polling) over the loopback Bot API for the calling test file: started before
 * its tests with `env` (token, limits), stopped after. It answers from the shared seed index unless
 * `answerer` gives another.
 */
export function useLoopbackBot(api: FakeBotApi, env: Record<string, string>, answerer?: () => Promise<Answerer>): void {
  let bot: Telegraf | undefined;
  beforeAll(async () => {
    const served = answerer ? await answerer() : (await seedAnswerer()).answerer;
    const config = loadConfig({ ...env, TELEGRAM_API_ROOT: await api.start() });
    bot = createBot(config, served, createLogger('silent'));
    void bot.launch();
    await api.waitPolling();
  }, 120_000);
  afterAll(async () => {
    bot?.stop('test');
    await api.stop();
  });
}
