/** The webhook's HTTP server: health, and the webhook path guarded by the secret token. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Answerer } from '../answer/answerer.js';
import type { Config } from '../core/config.js';

/**
 * Serves the webhook: GET /healthz answers with index info; POSTs to the webhook path are refused
 * (401) before their body is read unless they carry the secret token header.
 */
export function webhookServer(
  config: Config,
  answerer: Answerer,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const path = new URL(config.telegram.webhookUrl ?? 'http://localhost/').pathname;
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      const m = answerer.loaded.manifest;
      const body = { ok: true, articles: m.articles, chunks: m.chunks, builtAt: m.builtAt, answers: answerer.stats };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
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
