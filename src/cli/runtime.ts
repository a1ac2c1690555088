import 'dotenv/config';
import { loadConfig, secretsOf, type Config } from '../core/config.js';
import { AppError, userMessageOf } from '../core/errors.js';
import { createLogger, type Logger } from '../core/logger.js';
import { Answerer } from '../rag/answerer.js';
import { ensureIndex } from '../rag/ensure-index.js';
import { createChatModel } from '../rag/providers.js';

/** Config, logger and a ready {@link Answerer}: what every command-line front end starts with. */
export interface Runtime {
  config: Config;
  log: Logger;
  answerer: Answerer;
}

/**
 * Loads config (dotenv), makes sure the index exists (building it if allowed) and opens the answerer.
 * Index-building notes go to stderr so that `--json` output on stdout stays clean. Interactive
 * tools log warnings only unless LOG_LEVEL asks for more; a `service` logs at LOG_LEVEL.
 */
export async function openRuntime(opts: { service?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' && !opts.service ? 'warn' : config.logLevel, undefined, secretsOf(config));
  const index = await ensureIndex(config, (e) => {
    if (e.kind === 'building') process.stderr.write(`Building the index (${e.reason})…\n`);
    if (e.kind === 'built') process.stderr.write(`Index built: ${e.manifest.articles} articles, ${e.manifest.chunks} chunks in ${e.manifest.seconds} s.\n`);
  });
  const model = await createChatModel(config);
  const llm = model ? { model, timeoutMs: config.llm.timeoutMs } : undefined;
  return { config, log, answerer: new Answerer(index, { topK: config.topK, maxQuestionChars: config.maxQuestionChars, llm }) };
}

/** Runs a command's main function: prints a clean message and exits 1 on failure, without a stack for known errors. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`Unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}

/** Reads stdin line by line (works when piped), calling `fn` in order for each non-empty line. */
export async function forEachLine(fn: (line: string) => Promise<void>): Promise<void> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) await fn(line);
}

/** What a one-shot command (`ask`, `check`) does with one input. */
export interface QueryCommand<T> {
  /** Printed (with exit code 2) when no input is given. */
  usage: string;
  /** Answers one input; an error becomes `onError`'s object. */
  run: (answerer: Answerer, input: string) => Promise<T>;
  /** The JSON object printed for an input that failed. */
  onError: (input: string, message: string) => object;
  /** JSON form of a result (default: the result itself). */
  json?: (result: T) => object;
  /** Readable form of a result. */
  readable: (result: T) => string;
}

/**
 * The shared shell of `ask` and `check`: the input from the arguments (readable, or `--json`),
 * or one input per stdin line with `--jsonl` (one JSON object per output line, in order).
 */
export function runQueryCommand<T>(cmd: QueryCommand<T>): void {
  runMain(async () => {
    const args = process.argv.slice(2);
    const jsonl = args.includes('--jsonl');
    const input = args.filter((a) => !a.startsWith('--')).join(' ');
    if (!jsonl && !input.trim()) {
      process.stderr.write(`${cmd.usage}\n`);
      process.exit(2);
    }
    const { answerer } = await openRuntime();
    const one = async (text: string): Promise<{ ok: true; result: T } | { ok: false; object: object; message: string }> => {
      try {
        return { ok: true, result: await cmd.run(answerer, text) };
      } catch (err) {
        return { ok: false, object: cmd.onError(text, userMessageOf(err)), message: userMessageOf(err) };
      }
    };
    const asJson = (r: Awaited<ReturnType<typeof one>>) => JSON.stringify(r.ok ? (cmd.json?.(r.result) ?? r.result) : r.object);
    if (jsonl) return forEachLine(async (line) => void process.stdout.write(`${asJson(await one(line))}\n`));
    const r = await one(input);
    if (args.includes('--json')) process.stdout.write(`${asJson(r)}\n`);
    else {
      process.stdout.write(`${r.ok ? cmd.readable(r.result) : r.message}\n`);
      if (!r.ok) process.exitCode = 1;
    }
  });
}
