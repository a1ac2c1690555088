/** The webhook's HTTP server: liveness, readiness, metrics, and the webhook path guarded by the secret token. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Answerer } from '../../answer/answerer.js';
import type { Config } from '../../core/config.js';

/** Readiness and metrics, for the load balancer and Prometheus. */
export interface Probes {
  /** `GET /readyz`: `ready` false (503) while draining; the body says why, and whether Redis is reachable. */
  readiness(): { ready: boolean; body: object };
  /** `GET /metrics`, in Prometheus's text format. */
  metrics(): Promise<{ contentType: string; body: string }>;
}

/**
 * Serves the webhook: GET /healthz (liveness) answers with index info, GET /readyz and /metrics with
 * `probes`; POSTs to the webhook path are refused (401) before their body is read unless they carry
 * the secret token header.
 */
export function webhookServer(
  config: Config,
  answerer: Answerer,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  probes: Probes,
): Server {
  const path = new URL(config.telegram.webhookUrl ?? 'http://localhost/').pathname;
  const json = (res: ServerResponse, status: number, body: object) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      const m = answerer.loaded.manifest;
      json(res, 200, { ok: true, articles: m.articles, chunks: m.chunks, builtAt: m.builtAt, answers: answerer.stats });
      return;
    }
    if (req.method === 'GET' && req.url === '/readyz') {
      const r = probes.readiness();
      json(res, r.ready ? 200 : 503, r.body);
      return;
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      probes.metrics().then(
        (m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body),
        () => res.writeHead(500).end(),
      );
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
