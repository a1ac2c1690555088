/** Starting the bot in polling or webhook mode, hot reload, and a graceful stop. */
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Answerer } from '../answer/answerer.js';
import type { Config } from '../core/config.js';
import { TelegramError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { IndexConfig } from '../index/store/manifest.js';
import { IndexReloader, type ReloadResult } from '../index/store/reloader.js';
import { createBot } from './bot.js';
import { webhookServer } from './server.js';

/** Longest wait for in-flight answers at shutdown; the process exits within 10 s either way. */
const DRAIN_MS = 8_000;
/** How often the published index is checked for a new build (hot reload). */
const WATCH_MS = 2_000;
/** Backoff bounds while the Bot API cannot be reached at start-up. */
const UNREACHABLE_FIRST_MS = 1_000;
const UNREACHABLE_MAX_MS = 60_000;

/** A bot taking updates; {@link RunningBot.stop} drains it. */
export interface RunningBot {
  bot: Telegraf;
  reloader: IndexReloader;
  /** The webhook server's local port, in webhook mode. */
  port?: number;
  /** Stops taking updates and waits (at most {@link DRAIN_MS}) for answers in flight. */
  stop(reason: string): Promise<void>;
}

/** True for a failure to reach the server at all (as opposed to an error the Bot API answered with). */
function unreachable(err: unknown): boolean {
  const e = err as { name?: string; code?: unknown; response?: unknown };
  return !e.response && typeof e.code !== 'number';
}

/**
 * Calls the Bot API until it answers: one log line per failed attempt, with exponential backoff, so a
 * bot started without network keeps trying instead of dying with a stack trace. `signal` stops it.
 */
async function untilReachable<T>(
  call: () => Promise<T>,
  apiRoot: string,
  log: Logger,
  signal: AbortSignal,
): Promise<T> {
  for (let wait = UNREACHABLE_FIRST_MS; ; wait = Math.min(wait * 2, UNREACHABLE_MAX_MS)) {
    try {
      return await call();
    } catch (err) {
      if (!unreachable(err)) throw err;
      log.warn(`cannot reach the Bot API at ${apiRoot}: retrying in ${Math.round(wait / 1000)} s`);
      await new Promise((r) => setTimeout(r, wait));
      if (signal.aborted)
        throw new TelegramError('unreachable', `Stopped while waiting for the Bot API at ${apiRoot}.`);
    }
  }
}

/**
 * Starts the bot in polling or webhook mode and returns once it takes updates. In polling mode an
 * unreachable Bot API is retried; in webhook mode `setWebhook` failing is a {@link TelegramError}.
 */
export async function launchBot(
  config: Config,
  indexConfig: Omit<IndexConfig, 'corpusDir'>,
  answerer: Answerer,
  log: Logger,
  signal: AbortSignal = new AbortController().signal,
): Promise<RunningBot> {
  const reloader = new IndexReloader(indexConfig, answerer);
  const bot = createBot(config, answerer, log, { reloader });
  const apiRoot = config.telegram.apiRoot;
  const drained = (done: Promise<unknown>) =>
    Promise.race([done.catch(() => {}), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]).then(() => {});

  if (config.telegram.mode === 'webhook') {
    const secret = config.telegram.webhookSecret ?? '';
    const url = config.telegram.webhookUrl ?? '';
    try {
      bot.botInfo ??= await bot.telegram.getMe();
      await bot.telegram.setWebhook(url, { secret_token: secret });
    } catch (cause) {
      const why = unreachable(cause)
        ? `cannot reach the Bot API at ${apiRoot}`
        : `the Bot API refused it (${(cause as Error).message})`;
      throw new TelegramError(
        'unreachable',
        `setWebhook failed: ${why}. Check TELEGRAM_API_ROOT, the token and the network.`,
        { cause },
      );
    }
    const callback = bot.webhookCallback(new URL(url).pathname, { secretToken: secret });
    const server = webhookServer(config, answerer, (req, res) => void callback(req, res));
    await new Promise<void>((r) => server.listen(config.telegram.port, r));
    const port = (server.address() as AddressInfo).port;
    const unwatch = reloader.watch(WATCH_MS, (r) => logReload(log, r));
    log.info({ port, bot: bot.botInfo.username }, 'webhook mode');
    return {
      bot,
      reloader,
      port,
      // Closing the server waits for open requests, and each request lasts until its update is handled.
      stop: (reason) => {
        log.info({ reason }, 'shutting down');
        unwatch();
        const closed = new Promise((r) => server.close(r));
        server.closeIdleConnections();
        return drained(closed);
      },
    };
  }
  bot.botInfo ??= await untilReachable(() => bot.telegram.getMe(), apiRoot, log, signal);
  await untilReachable(() => bot.telegram.deleteWebhook(), apiRoot, log, signal);
  const unwatch = reloader.watch(WATCH_MS, (r) => logReload(log, r));
  // launch() resolves when polling has stopped and the last batch of updates has been handled.
  const polling = bot.launch().catch((err) => log.error({ err: String(err) }, 'polling stopped'));
  log.info({ bot: bot.botInfo.username }, 'polling mode');
  return {
    bot,
    reloader,
    stop: (reason) => {
      log.info({ reason }, 'shutting down');
      unwatch();
      bot.stop(reason);
      return drained(polling);
    },
  };
}

function logReload(log: Logger, r: ReloadResult): void {
  if (r.status === 'failed') {
    log.error(
      { err: String((r.error as Error)?.message ?? r.error) },
      'index reload failed; still serving the previous index',
    );
  } else log.info(r, 'index reload');
}

/** Runs the bot until SIGINT/SIGTERM, then drains it and resolves. SIGHUP reloads the index. */
export async function startBot(
  config: Config,
  indexConfig: Omit<IndexConfig, 'corpusDir'>,
  answerer: Answerer,
  log: Logger,
): Promise<void> {
  const stopping = new AbortController();
  const signal = new Promise<string>((resolve) => {
    const on = (name: string) => () => {
      stopping.abort();
      resolve(name);
    };
    process.once('SIGINT', on('SIGINT'));
    process.once('SIGTERM', on('SIGTERM'));
  });
  const running = await Promise.race([
    launchBot(config, indexConfig, answerer, log, stopping.signal),
    signal.then(() => undefined),
  ]);
  if (!running) return;
  const onHup = () => void running.reloader.reload(true).then((r) => logReload(log, r));
  process.on('SIGHUP', onHup);
  const name = await signal;
  process.off('SIGHUP', onHup);
  await running.stop(name);
}
