/**
 * Two `npm start` replicas in webhook mode behind a real haproxy, sharing a real redis-server, fed by
 * the loopback Bot API, which re-delivers failed and timed-out webhook calls as Telegram does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balancerStates,
  freePort,
  readiness,
  type Started,
  startHaproxy,
  startRedis,
  startReplica,
} from '../../../testkit/cluster.js';
import { FakeBotApi } from '../../../testkit/fake-bot-api.js';
import { waitFor, workspace } from '../../helpers.js';

// One bot (same id, so the same keys in Redis); each replica its own token text, to tell who answered.
const TOKENS = ['770077:ReplicaOneTokenABCDEFGHIJKLMN', '770077:ReplicaTwoTokenABCDEFGHIJKLMN'];
const SECRET = 'cluster-secret-0123456789';
const LIMIT = 5;
// The loopback Bot API gives up on a webhook call after 1.5 s and tries again after a backoff.
const api = new FakeBotApi({ webhook: { timeoutMs: 1_500 } });
const ws = workspace();
let redis: Started & { url: string };
let haproxy: Started;
const replicas: Started[] = [];

const question = (user: number, text = '平海公路总投资多少?') =>
  api.push({ chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'r' }, text });

/** Messages the bot sent to a chat, with the replica (1 or 2) that sent each. */
const answers = (chat: number) => api.sent(chat).map((c) => ({ by: TOKENS.indexOf(c.token) + 1, text: c.body.text }));

/** Waits until every update given was acknowledged (a 2xx to one of its webhook calls). */
const acknowledged = (ids: number[], ms = 30_000) =>
  waitFor(() => ids.every((id) => api.webhook?.acknowledgedUpdate(id)), ms, `${ids.length} updates acknowledged`);

beforeAll(async () => {
  redis = await startRedis();
  const apiRoot = await api.start();
  const [lb, stats, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  haproxy = await startHaproxy({ port: lb as number, path: '/hook', replicas: ports, statsPort: stats });
  // No index yet: the replicas start together and must not both build it.
  for (const [i, port] of ports.entries()) {
    replicas.push(
      startReplica({
        CORPUS_DIR: ws.config.corpusDir,
        INDEX_DIR: ws.config.indexDir,
        TELEGRAM_BOT_TOKEN: TOKENS[i] as string,
        TELEGRAM_API_ROOT: apiRoot,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${lb}/hook`,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        REDIS_URL: redis.url,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        DRAIN_DELAY_MS: '1500',
        LOG_LEVEL: 'info',
      }),
    );
  }
  for (const r of replicas) await waitFor(async () => (await readiness(r.port)).status === 200, 90_000, 'ready');
  const bothUp = async () => Object.values(await balancerStates(stats as number)).join() === 'UP,UP';
  await waitFor(bothUp, 10_000, 'haproxy to route to both replicas');
}, 120_000);

afterAll(async () => {
  for (const p of [...replicas, haproxy, redis]) await p?.stop('SIGKILL');
  await api.stop();
  ws.cleanup();
});

describe('two replicas behind haproxy with Redis', () => {
  it('builds the index once: one replica builds under the Redis lock, the other waits and loads it', async () => {
    const logs = replicas.map((r) => r.output());
    expect(logs.filter((l) => l.includes('Building the index'))).toHaveLength(1);
    expect(logs.join('')).not.toContain('using the lock file instead');
    for (const r of replicas) expect((await readiness(r.port)).body).toMatchObject({ status: 'ok', redis: 'up' });
  });

  it('holds one rate limit for a user across both replicas', async () => {
    const ids = Array.from({ length: 2 * LIMIT }, () => question(1001));
    await acknowledged(ids);
    const got = answers(1001);
    expect(got.filter((a) => a.text.startsWith('5.65亿元'))).toHaveLength(LIMIT);
    expect(got.filter((a) => /频繁/.test(a.text))).toHaveLength(1);
    // Round robin: both replicas took part, so the limit was counted in one place.
    expect(new Set(got.map((a) => a.by))).toEqual(new Set([1, 2]));
  });

  it('answers once an update re-delivered after its webhook call timed out', async () => {
    // Sending the answer outlasts the webhook timeout: Telegram re-delivers while it is still being handled.
    api.slowChat(1002, 2_500);
    const id = question(1002);
    await acknowledged([id]);
    await new Promise((r) => setTimeout(r, 500));
    const calls = api.webhook?.deliveries.filter((d) => d.updateId === id) ?? [];
    expect(calls[0]?.status).toBe(-1);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)?.status).toBe(200);
    expect(answers(1002)).toHaveLength(1);
  });

  it('loses no update when a replica is killed with SIGKILL mid-stream', async () => {
    const first = replicas[0] as Started;
    const users = Array.from({ length: 300 }, (_, i) => 20_000 + i);
    const ids = users.map((u) => question(u, '平海公路全长多少千米?'));
    await waitFor(() => ids.filter((id) => api.webhook?.acknowledgedUpdate(id)).length >= 60, 20_000, '60 answered');
    await first.stop('SIGKILL');
    await acknowledged(ids, 40_000);
    expect(api.webhook?.undelivered).toEqual([]);
    const perUser = users.map((u) => answers(u));
    expect(perUser.filter((a) => a.length === 0)).toHaveLength(0);
    expect(perUser.every((a) => a.every((m) => m.text.startsWith('28.3千米')))).toBe(true);
    // At least once: an update answered twice was answered first by the killed replica, which died
    // between sending the answer and recording it (the claim then expired and the survivor answered).
    for (const twice of perUser.filter((a) => a.length > 1)) {
      expect(twice).toHaveLength(2);
      expect(twice[0]?.by).toBe(1);
    }
    // The survivor took the updates the dead replica held once their claims expired.
    const calls = api.webhook?.deliveries.filter((d) => ids.includes(d.updateId)) ?? [];
    expect(calls.some((d) => d.status !== 200)).toBe(true);
  }, 60_000);

  it('keeps answering with Redis killed, says so in /readyz and in one log line, and recovers', async () => {
    const survivor = replicas[1] as Started;
    const before = survivor.output().length;
    await redis.stop('SIGKILL');
    const users = Array.from({ length: 20 }, (_, i) => 30_000 + i);
    const ids = users.map((u) => question(u));
    await acknowledged(ids);
    expect(users.every((u) => answers(u).length === 1)).toBe(true);
    expect((await readiness(survivor.port)).body).toMatchObject({ status: 'degraded', redis: 'down' });
    const outage = survivor.output().slice(before);
    expect(outage.match(/Redis unreachable/g)).toHaveLength(1);
    // Back on the same port: the replica reconnects by itself (backoff of at most 5 s).
    redis = await startRedis(redis.port);
    await waitFor(async () => (await readiness(survivor.port)).body?.status === 'ok', 15_000, 'Redis back');
    expect(survivor.output().slice(before)).toMatch(/Redis reachable again/);
  }, 40_000);

  it('on SIGTERM turns not ready first, then exits 0', async () => {
    const survivor = replicas[1] as Started;
    process.kill(survivor.pid, 'SIGTERM');
    let body: unknown;
    await waitFor(
      async () => {
        const r = await readiness(survivor.port);
        body = r.body;
        return r.status === 503;
      },
      1_500,
      'not ready',
    );
    expect(body).toMatchObject({ status: 'draining', draining: true });
    expect(await survivor.exited).toBe(0);
  }, 15_000);
});
