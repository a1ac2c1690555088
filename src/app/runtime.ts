/**
 * The composition root: configuration, logger, providers and index wired into one {@link Answerer}.
 * Every front end (bot, local chat, REPL, scripts) starts here.
 */
import 'dotenv/config';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Answerer } from '../answer/answerer.js';
import { type Config, loadConfig, secretsOf } from '../core/config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { defaultLock, ensureIndex, type IndexEvent } from '../index/store/ensure.js';
import { type BuildLock, FallbackBuildLock } from '../index/store/lock.js';
import type { IndexConfig } from '../index/store/manifest.js';
import { createChatModel } from '../llm/chat-model.js';
import { createNeuralEmbeddings } from '../llm/embeddings.js';
import { FileFeedbackLog } from '../state/feedback-file.js';
import { MemoryStateStore } from '../state/memory-store.js';
import { openStateStore } from '../state/open-state.js';
import type { StateStore } from '../state/state-store.js';

/** Config, logger and a ready {@link Answerer}: what every front end starts with. */
export interface Runtime {
  config: Config;
  log: Logger;
  answerer: Answerer;
  /** The index settings, with the neural embeddings factory wired in (for reloads). */
  indexConfig: IndexConfig;
  /** State shared with other replicas (Redis with REDIS_URL, for services), else in memory. */
  state: StateStore;
}

/** The index settings of a configuration, with the neural embeddings provider wired in. */
export function indexConfigOf(config: Config): IndexConfig & { autoIngest: boolean } {
  return { ...config, neural: () => createNeuralEmbeddings(config) };
}

/** Writes index-building notes to stderr, so that `--json` output on stdout stays clean. */
export function reportIndexEvent(e: IndexEvent): void {
  if (e.kind === 'building') process.stderr.write(`Building the index (${e.reason})…\n`);
  if (e.kind === 'waiting') process.stderr.write('Another process is building the index: waiting for it…\n');
  if (e.kind === 'built') {
    process.stderr.write(
      `Index built: ${e.manifest.articles} articles, ${e.manifest.chunks} chunks in ${e.manifest.seconds} s.\n`,
    );
    for (const s of e.manifest.skipped) process.stderr.write(`Skipped ${s.name}: ${s.reason}\n`);
    for (const w of e.manifest.warnings ?? []) process.stderr.write(`Warning: ${w.name}: ${w.warning}\n`);
  }
}

/**
 * The lock that makes one process build the index while the others wait: with shared state (Redis),
 * one lock for every replica on any host, falling back to the lock file next to the index while
 * Redis is unreachable; without it, the lock file alone.
 */
export function buildLockOf(indexDir: string, state: StateStore, log: Logger): BuildLock {
  const file = defaultLock(indexDir);
  // Every replica names the index folder by the same path on the shared volume.
  const name = `index:${createHash('sha256').update(resolve(indexDir)).digest('hex').slice(0, 16)}`;
  const shared = state.lock?.(name);
  if (!shared) return file;
  let warned = false;
  return new FallbackBuildLock(shared, file, (err) => {
    if (!warned) log.warn({ err: String((err as Error)?.message ?? err) }, 'build lock: using the lock file instead');
    warned = true;
  });
}

/**
 * Loads config (dotenv), makes sure the index exists (building it if allowed) and opens the answerer.
 * Interactive tools log warnings only unless LOG_LEVEL asks for more; a `service` logs at LOG_LEVEL
 * and shares state with other replicas when REDIS_URL is set (tools keep theirs in memory).
 */
export async function openRuntime(opts: { service?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig();
  const level = config.logLevel === 'info' && !opts.service ? 'warn' : config.logLevel;
  const log = createLogger(level, undefined, secretsOf(config));
  const indexConfig = indexConfigOf(config);
  const feedback = new FileFeedbackLog(config.feedbackFile);
  const state = opts.service ? await openStateStore(config, log, { feedback }) : new MemoryStateStore();
  const lock = buildLockOf(config.indexDir, state, log);
  const index = await ensureIndex(indexConfig, { onEvent: reportIndexEvent, lock });
  const model = await createChatModel(config);
  const llm = model ? { model, timeoutMs: config.llm.timeoutMs } : undefined;
  const answerer = new Answerer(index, {
    topK: config.topK,
    maxQuestionChars: config.maxQuestionChars,
    ...(llm ? { llm } : {}),
  });
  return { config, log, answerer, indexConfig, state };
}
