import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Answerer } from '../rag/answerer.js';
import { IndexReloader, type ReloadResult } from '../rag/index-reloader.js';
import { createBot } from './bot.js';

/** Longest wait for in-flight answers at shutdown; the process exits within 10 s either way. */
const DRAIN_MS = 8_000;
/** How often the published index is checked for a new build (hot reload). */
const WATCH_MS = 2_000;

/**
 * Serves the webhook: GET /healthz answers with index info; POSTs to the webhook path are refused
 * (401) before their body is read unless they carry the secret token header.
 */
export function webhookServer(config: Config, answerer: Answerer, handle: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const path = new URL(config.telegram.webhookUrl!).pathname;
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      const m = answerer.loaded.manifest;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, articles: m.articles, chunks: m.chunks, builtAt: m.builtAt, answers: answerer.stats }));
      return;
    }
    if (req.method !== 'POST' || req.url?.split('?')[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['x-telegram-bot-api-secret-token'] !== config.telegram.webhookSecret) {
      req.resume();
      res.writeHead(401).end();
      return;
    }
    handle(req, res);
  });
}

/** A bot taking updates; {@link RunningBot.stop} drains it. */
export interface RunningBot {
  bot: Telegraf;
  reloader: IndexReloader;
  /** The webhook server's local port, in webhook mode. */
  port?: number;
  /** Stops taking updates and waits (at most {@link DRAIN_MS}) for answers in flight. */
  stop(reason: string): Promise<void>;
}

/** Starts the bot in polling or webhook mode and returns once it takes updates. */
export async function launchBot(config: Config, answerer: Answerer, log: Logger): Promise<RunningBot> {
  const reloader = new IndexReloader(config, answerer);
  const bot = createBot(config, answerer, log, reloader);
  const unwatch = reloader.watch(WATCH_MS, (r) => logReload(log, r));
  bot.botInfo ??= await bot.telegram.getMe();
  const drained = (done: Promise<unknown>) =>
    Promise.race([done.catch(() => {}), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]).then(() => {});

  if (config.telegram.mode === 'webhook') {
    const secret = config.telegram.webhookSecret!;
    const path = new URL(config.telegram.webhookUrl!).pathname;
    const callback = bot.webhookCallback(path, { secretToken: secret });
    const server = webhookServer(config, answerer, (req, res) => void callback(req, res));
    await new Promise<void>((r) => server.listen(config.telegram.port, r));
    await bot.telegram.setWebhook(config.telegram.webhookUrl!, { secret_token: secret });
    const port = (server.address() as AddressInfo).port;
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
  await bot.telegram.deleteWebhook();
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
  if (r.status === 'failed') log.error({ err: String((r.error as Error)?.message ?? r.error) }, 'index reload failed; still serving the previous index');
  else log.info(r, 'index reload');
}

/**
 * Runs the bot until SIGINT/SIGTERM, then drains it and resolves. SIGHUP reloads the index.
 */
export async function startBot(config: Config, answerer: Answerer, log: Logger): Promise<void> {
  const running = await launchBot(config, answerer, log);
  const onHup = () => void running.reloader.reload(true).then((r) => logReload(log, r));
  process.on('SIGHUP', onHup);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.off('SIGHUP', onHup);
  await running.stop(signal);
}
