/**
 * The composition root: configuration, logger, providers and index wired into one {@link Answerer}.
 * Every front end (bot, local chat, REPL, scripts) starts here.
 */
import 'dotenv/config';
import { Answerer } from '../answer/answerer.js';
import { type Config, loadConfig, secretsOf } from '../core/config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { ensureIndex, type IndexEvent } from '../index/store/ensure.js';
import type { IndexConfig } from '../index/store/manifest.js';
import { createChatModel } from '../llm/chat-model.js';
import { createNeuralEmbeddings } from '../llm/embeddings.js';

/** Config, logger and a ready {@link Answerer}: what every front end starts with. */
export interface Runtime {
  config: Config;
  log: Logger;
  answerer: Answerer;
  /** The index settings, with the neural embeddings factory wired in (for reloads). */
  indexConfig: IndexConfig;
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
  }
}

/**
 * Loads config (dotenv), makes sure the index exists (building it if allowed) and opens the answerer.
 * Interactive tools log warnings only unless LOG_LEVEL asks for more; a `service` logs at LOG_LEVEL.
 */
export async function openRuntime(opts: { service?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig();
  const level = config.logLevel === 'info' && !opts.service ? 'warn' : config.logLevel;
  const log = createLogger(level, undefined, secretsOf(config));
  const indexConfig = indexConfigOf(config);
  const index = await ensureIndex(indexConfig, { onEvent: reportIndexEvent });
  const model = await createChatModel(config);
  const llm = model ? { model, timeoutMs: config.llm.timeoutMs } : undefined;
  const answerer = new Answerer(index, {
    topK: config.topK,
    maxQuestionChars: config.maxQuestionChars,
    ...(llm ? { llm } : {}),
  });
  return { config, log, answerer, indexConfig };
}
