import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBot, type RunningBot } from '../../../src/bot/start.js';
import { readEvalSet } from '../../../src/cli/eval-set.js';
import { loadConfig } from '../../../src/core/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { FakeBotApi } from '../../../testkit/fake-bot-api.js';
import { postUpdates } from '../../../testkit/load-generator.js';
import { seedAnswerer } from '../../helpers.js';

const SECRET = 'load-test-secret-0123456789';
const api = new FakeBotApi();
let running: RunningBot;
let seeded: Awaited<ReturnType<typeof seedAnswerer>>;

beforeAll(async () => {
  seeded = await seedAnswerer();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: '999888:LoadTestTokenABCDEFGHIJKLMNOP',
    TELEGRAM_API_ROOT: await api.start(),
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.org/hook',
    WEBHOOK_SECRET: SECRET,
    PORT: '0',
    DRAIN_DELAY_MS: '0',
  });
  running = await launchBot(config, seeded.config, seeded.answerer, createLogger('silent'));
});
afterAll(async () => {
  await running.stop('test');
  await api.stop();
});

describe('load through webhook mode', () => {
  it('answers 2,000 questions at concurrency 50: none lost, none answered twice', async () => {
    const questions = readEvalSet('tests/eval/questions.jsonl').map((i) => i.q);
    // 2,000 residents, each asking once: rate limits are per user and do not interfere.
    const updates = Array.from({ length: 2000 }, (_, i) => ({
      update_id: 10_000 + i,
      message: {
        message_id: i + 1,
        date: 0,
        chat: { id: 100_000 + i, type: 'private' },
        from: { id: 100_000 + i, is_bot: false, first_name: 'r' },
        text: questions[i % questions.length],
      },
    }));
    const r = await postUpdates(`http://127.0.0.1:${running.port}/hook`, SECRET, updates, 50);
    expect(r.statuses.filter((s) => s !== 200)).toEqual([]);
    const perChat = new Map<number, number>();
    for (const c of api.calls)
      if (c.method === 'sendMessage') perChat.set(c.body.chat_id, (perChat.get(c.body.chat_id) ?? 0) + 1);
    expect(perChat.size).toBe(2000);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);
});
