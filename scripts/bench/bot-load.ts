import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import type { Answerer } from '../../src/answer/answerer.js';
import { launchBot } from '../../src/bot/start.js';
import type { Config } from '../../src/core/config.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeBotApi } from '../../testkit/fake-bot-api.js';
import { postUpdates, quantile } from '../../testkit/load-generator.js';

const TOKEN = '424242:BenchTokenABCDEFGHIJKLMNOPQRSTU';

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Webhook throughput: the real `npm start` process in webhook mode (logging at info, as in
 * production) behind a loopback fake Bot API, loaded with `n` updates at `concurrency`.
 */
export async function webhookThroughput(
  index: Pick<Config, 'corpusDir' | 'indexDir'>,
  questions: string[],
  n: number,
  concurrency: number,
) {
  const api = new FakeBotApi();
  const apiRoot = await api.start();
  const port = await freePort();
  const secret = 'bench-secret-0123456789abcdef';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    stdio: 'ignore',
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
      CORPUS_DIR: index.corpusDir,
      INDEX_DIR: index.indexDir,
      LOG_LEVEL: 'info',
    },
  });
  try {
    for (let t0 = Date.now(); ; ) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() - t0 > 60_000) throw new Error('bot did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const updates = Array.from({ length: n }, (_, i) => ({
      update_id: i + 1,
      message: {
        message_id: i + 1,
        date: 0,
        chat: { id: 1_000_000 + i, type: 'private' },
        from: { id: 1_000_000 + i, is_bot: false, first_name: 'r' },
        text: questions[i % questions.length],
      },
    }));
    // Warm-up (the JIT compiles the hot path), then the measured run.
    const warmUp = updates.slice(0, 300).map((u, i) => ({
      ...u,
      update_id: n + 1 + i,
      message: {
        ...u.message,
        chat: { id: 5_000_000 + i, type: 'private' },
        from: { ...u.message.from, id: 5_000_000 + i },
      },
    }));
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    await postUpdates(`http://127.0.0.1:${port}/hook`, secret, warmUp, concurrency, agent);
    api.calls.length = 0;
    const r = await postUpdates(`http://127.0.0.1:${port}/hook`, secret, updates, concurrency, agent);
    agent.destroy();
    const perChat = new Map<number, number>();
    for (const c of api.calls)
      if (c.method === 'sendMessage') perChat.set(c.body.chat_id, (perChat.get(c.body.chat_id) ?? 0) + 1);
    return {
      updates: n,
      concurrency,
      updatesPerSecond: n / r.seconds,
      p50Ms: quantile(r.latencies, 0.5),
      p99Ms: quantile(r.latencies, 0.99),
      non200: r.statuses.filter((s) => s !== 200).length,
      lost: n - perChat.size,
      duplicated: [...perChat.values()].filter((c) => c > 1).length,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    await api.stop();
  }
}

/** Reply latency in polling mode: one question at a time, from the update being offered to the reply arriving. */
export async function pollingLatency(answerer: Answerer, questions: string[], n: number) {
  const api = new FakeBotApi();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: await api.start(),
    RATE_LIMIT_PER_MINUTE: '10000',
  });
  const running = await launchBot(config, { ...config, indexDir: 'unused' }, answerer, createLogger('silent'));
  const latencies: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      api.push({
        chat: { id: 7, type: 'private' },
        from: { id: 7, is_bot: false, first_name: 'r' },
        text: questions[i % questions.length],
      });
      const sent = await api.waitSent(7, i + 1);
      latencies.push((sent[i]?.at ?? t0) - t0);
    }
  } finally {
    await running.stop('bench');
    await api.stop();
  }
  return { questions: n, p50Ms: quantile(latencies, 0.5), p95Ms: quantile(latencies, 0.95) };
}
