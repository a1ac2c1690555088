import { Agent, request } from 'node:http';

/** Result of {@link postUpdates}: per-request latency (ms) and HTTP status, in update order. */
export interface LoadResult {
  latencies: number[];
  statuses: number[];
  seconds: number;
}

/**
 * Posts Telegram updates to a webhook with `concurrency` requests in flight over keep-alive
 * connections, the way Telegram delivers them to a busy bot (it keeps up to 40 connections
 * open). Each response marks its update done. Pass the same `agent` to a warm-up run and the
 * measured run so that the measured one does not pay for opening connections.
 */
export async function postUpdates(
  url: string,
  secret: string,
  updates: object[],
  concurrency: number,
  shared?: Agent,
): Promise<LoadResult> {
  const agent = shared ?? new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies = new Array<number>(updates.length);
  const statuses = new Array<number>(updates.length);
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < updates.length) {
      const i = next++;
      const body = JSON.stringify(updates[i]);
      const start = performance.now();
      statuses[i] = await new Promise<number>((resolve) => {
        const req = request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-telegram-bot-api-secret-token': secret,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });
      latencies[i] = performance.now() - start;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (!shared) agent.destroy();
  return { latencies, statuses, seconds: (performance.now() - t0) / 1000 };
}

/** The q-quantile of a list of numbers. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}
