import { createServer, type Server } from 'node:http';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Answerer } from '../rag/answerer.js';
import { createBot } from './bot.js';

/** Longest wait for in-flight answers at shutdown; the process exits within 10 s either way. */
const DRAIN_MS = 8_000;

/**
 * Serves the webhook: GET /healthz answers with index info; POSTs to the webhook path are refused
 * (401) before their body is read unless they carry the secret token header.
 */
export function webhookServer(config: Config, answerer: Answerer, handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void): Server {
  const path = new URL(config.telegram.webhookUrl!).pathname;
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      const m = answerer.loaded.manifest;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, articles: m.articles, chunks: m.chunks, builtAt: m.builtAt }));
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

/**
 * Runs the bot in polling or webhook mode until SIGINT/SIGTERM, then stops taking updates,
 * lets in-flight answers finish (bounded) and resolves.
 */
export async function startBot(config: Config, answerer: Answerer, log: Logger): Promise<void> {
  const bot = createBot(config, answerer, log);
  let server: Server | undefined;
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      const timer = setTimeout(resolve, DRAIN_MS);
      timer.unref();
      if (server) server.close(() => resolve());
      else {
        bot.stop(signal);
        resolve();
      }
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  bot.botInfo ??= await bot.telegram.getMe();
  if (config.telegram.mode === 'webhook') {
    const secret = config.telegram.webhookSecret!;
    const path = new URL(config.telegram.webhookUrl!).pathname;
    const callback = bot.webhookCallback(path, { secretToken: secret });
    server = webhookServer(config, answerer, (req, res) => void callback(req, res));
    await new Promise<void>((r) => server!.listen(config.telegram.port, r));
    await bot.telegram.setWebhook(config.telegram.webhookUrl!, { secret_token: secret });
    log.info({ port: config.telegram.port, bot: bot.botInfo.username }, 'webhook mode');
  } else {
    await bot.telegram.deleteWebhook().catch(() => {});
    void bot.launch().catch((err) => log.error({ err: String(err) }, 'polling stopped'));
    log.info({ bot: bot.botInfo.username }, 'polling mode');
  }
  await stopped;
}
