/** Webhook delivery in one process (state in memory): de-duplication, refusals, /readyz, /metrics, draining. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBot, type RunningBot } from '../../../src/bot/start.js';
import { loadConfig } from '../../../src/core/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { FakeBotApi } from '../../../testkit/fake-bot-api.js';
import { useSeed } from '../../helpers.js';

const SECRET = 'delivery-secret-0123456789';
const api = new FakeBotApi();
const seeded = useSeed();
let running: RunningBot;
let base = '';

const message = (update_id: number, chat: number, text = '平海公路总投资多少?') => ({
  update_id,
  message: { message_id: update_id, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat }, text },
});
const post = (body: unknown) =>
  fetch(`${base}/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const metrics = async () => (await fetch(`${base}/metrics`)).text();

beforeAll(async () => {
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: '313131:DeliveryTokenABCDEFGHIJKLMNOP',
    TELEGRAM_API_ROOT: await api.start(),
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.org/hook',
    WEBHOOK_SECRET: SECRET,
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '2',
    DRAIN_DELAY_MS: '600',
  });
  running = await launchBot(config, seeded.config, seeded.answerer, createLogger('silent'));
  base = `http://127.0.0.1:${running.port}`;
});
afterAll(async () => {
  await api.stop();
});

describe('webhook delivery', () => {
  it('answers an update delivered twice once, and acknowledges the second delivery', async () => {
    expect((await post(message(500, 1))).status).toBe(200);
    expect((await post(message(500, 1))).status).toBe(200);
    expect(api.sent(1)).toHaveLength(1);
    expect(await metrics()).toMatch(/bqa_deduplicated_updates_total\{reason="done"\} 1\n/);
  });

  it('asks for a later delivery (503) of an update still being handled, then acknowledges it once done', async () => {
    api.slowChat(2, 700);
    const first = post(message(501, 2));
    await new Promise((r) => setTimeout(r, 200));
    const again = await post(message(501, 2));
    expect(again.status).toBe(503);
    expect(again.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(200);
    expect((await post(message(501, 2))).status).toBe(200);
    expect(api.sent(2)).toHaveLength(1);
  });

  it('refuses a body that is not an update, or too large, without handling it', async () => {
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ message: {} })).status).toBe(400);
    expect((await post({ update_id: 'x' })).status).toBe(400);
    expect((await post(message(502, 3, 'x'.repeat(1_100_000)))).status).toBe(413);
    expect(api.sent(3)).toHaveLength(0);
  });

  it('serves readiness and Prometheus metrics: outcomes, latency, limits, index', async () => {
    for (let i = 0; i < 3; i++) await post(message(510 + i, 4));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      index: { loaded: true, chunks: 53 },
      redis: 'not configured',
      draining: false,
    });
    const text = await metrics();
    expect(text).toMatch(/bqa_updates_total\{outcome="ok"\} \d+/);
    expect(text).toMatch(/bqa_rate_limited_updates_total\{scope="user"\} 1\n/);
    expect(text).toMatch(/bqa_answer_duration_seconds_count\{kind="ask"\} [1-9]/);
    expect(text).toMatch(/bqa_index_chunks 53\n/);
    expect(text).toMatch(/process_resident_memory_bytes/);
    expect(text).not.toMatch(/bqa_redis_up/);
  });

  it('on stop, turns not ready first and keeps answering while the load balancer drains it', async () => {
    const stopped = running.stop('test');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining', draining: true });
    expect((await post(message(520, 5))).status).toBe(200);
    expect(api.sent(5)).toHaveLength(1);
    await stopped;
    await expect(fetch(`${base}/readyz`)).rejects.toThrow();
  });
});
