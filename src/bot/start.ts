/** Starting the bot in polling or webhook mode, hot reload, and a graceful stop. */
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Answerer } from '../answer/answerer.js';
import type { Config } from '../core/config.js';
import { TelegramError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { MESSAGES } from '../core/messages.js';
import type { IndexConfig } from '../index/store/manifest.js';
import { IndexReloader, type ReloadResult } from '../index/store/reloader.js';
import { MemoryStateStore } from '../state/memory-store.js';
import type { StateStore } from '../state/state-store.js';
import { createBot } from './bot.js';
import { deliverUpdates } from './webhook/delivery.js';
import { BotMetrics } from './webhook/metrics.js';
import { type Probes, webhookServer } from './webhook/server.js';

/**
 * Time a stop may take, draining included: the process exits within 10 s of SIGTERM. Answers in
 * flight get what the drain delay leaves of it, and at least a second.
 */
const STOP_BUDGET_MS = 9_000;
const DRAIN_MIN_MS = 1_000;
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
  /**
   * Stops taking updates and waits for answers in flight; in webhook mode, `/readyz` first says
   * "draining" for DRAIN_DELAY_MS, so that the load balancer routes new updates elsewhere.
   */
  stop(reason: string): Promise<void>;
}

/** What {@link launchBot} may be given besides the answerer. */
export interface LaunchOptions {
  /** Aborts start-up while it waits for the Bot API. */
  signal?: AbortSignal;
  /** State shared with other replicas (default: in memory). */
  state?: StateStore;
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
 * Telegram's command menu: in English by default and in Chinese for Chinese clients; admins see the
 * admin commands too, in their private chats. A failure is logged and start-up goes on: the menu is
 * a convenience (an admin who never opened the bot has no chat to set it in).
 */
export async function setCommands(bot: Telegraf, adminUserIds: number[], log: Logger): Promise<void> {
  for (const lang of ['en', 'zh'] as const) {
    const say = MESSAGES[lang].bot;
    const language = lang === 'zh' ? { language_code: 'zh' } : {};
    const menus = [
      { commands: say.commands, extra: language },
      ...adminUserIds.map((id) => ({
        commands: [...say.commands, ...say.adminCommands],
        extra: { ...language, scope: { type: 'chat' as const, chat_id: id } },
      })),
    ];
    for (const m of menus) {
      await bot.telegram.setMyCommands(m.commands, m.extra).catch((err) => {
        log.warn(
          { err: String((err as Error)?.message ?? err), lang },
          'setMyCommands failed; the menu may be missing',
        );
      });
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
  options: LaunchOptions = {},
): Promise<RunningBot> {
  const { signal = new AbortController().signal, state = new MemoryStateStore() } = options;
  const webhook = config.telegram.mode === 'webhook';
  const reloader = new IndexReloader(indexConfig, answerer);
  const metrics = webhook ? new BotMetrics(answerer, state) : undefined;
  const bot = createBot(config, answerer, log, { reloader, state, observer: metrics });
  const apiRoot = config.telegram.apiRoot;
  const drained = (done: Promise<unknown>, ms: number) =>
    Promise.race([done.catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]).then(() => {});

  if (webhook && metrics) {
    const secret = config.telegram.webhookSecret ?? '';
    const url = config.telegram.webhookUrl ?? '';
    try {
      bot.botInfo ??= await bot.telegram.getMe();
      await bot.telegram.setWebhook(url, { secret_token: secret });
      await setCommands(bot, config.telegram.adminUserIds, log);
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
    let draining = false;
    const probes: Probes = {
      readiness: () => {
        const h = state.health();
        const m = answerer.loaded.manifest;
        // Redis down is "degraded", still ready: every replica shares that Redis, and all answer from local state.
        const status = draining ? 'draining' : h.shared && h.redis !== 'up' ? 'degraded' : 'ok';
        const index = { loaded: true, chunks: m.chunks, builtAt: m.builtAt };
        return { ready: !draining, body: { status, index, redis: h.shared ? h.redis : 'not configured', draining } };
      },
      metrics: () => metrics.text(),
    };
    const deliver = deliverUpdates(bot, state.updates, log, metrics);
    const server = webhookServer(config, answerer, (req, res) => void deliver(req, res), probes);
    await new Promise<void>((r) => server.listen(config.telegram.port, r));
    const port = (server.address() as AddressInfo).port;
    const unwatch = reloader.watch(WATCH_MS, (r) => logReload(log, r));
    log.info({ port, bot: bot.botInfo.username, state: state.health().shared ? 'redis' : 'memory' }, 'webhook mode');
    return {
      bot,
      reloader,
      port,
      stop: async (reason) => {
        log.info({ reason, drainDelayMs: config.telegram.drainDelayMs }, 'shutting down: not ready, draining');
        draining = true;
        unwatch();
        // Updates still routed here meanwhile are answered as usual.
        await new Promise((r) => setTimeout(r, config.telegram.drainDelayMs));
        // Closing the server waits for open requests, and each request lasts until its update is handled.
        const closed = new Promise((r) => server.close(r));
        server.closeIdleConnections();
        await drained(closed, Math.max(DRAIN_MIN_MS, STOP_BUDGET_MS - config.telegram.drainDelayMs));
      },
    };
  }
  bot.botInfo ??= await untilReachable(() => bot.telegram.getMe(), apiRoot, log, signal);
  await untilReachable(() => bot.telegram.deleteWebhook(), apiRoot, log, signal);
  await setCommands(bot, config.telegram.adminUserIds, log);
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
      return drained(polling, STOP_BUDGET_MS);
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
  state?: StateStore,
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
    launchBot(config, indexConfig, answerer, log, { signal: stopping.signal, ...(state ? { state } : {}) }),
    signal.then(() => undefined),
  ]);
  if (!running) return;
  const onHup = () => void running.reloader.reload(true).then((r) => logReload(log, r));
  process.on('SIGHUP', onHup);
  const name = await signal;
  process.off('SIGHUP', onHup);
  await running.stop(name);
}
