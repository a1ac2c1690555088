/**
 * Two bot replicas sharing a real redis-server (REDIS_URL, through openStateStore): a follow-up
 * answered by the other replica keeps its topic, and a 👎 pressed there records the full answer in the
 * shared stream, which /feedback on the first replica shows.
 */
import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot/bot.js';
import { loadConfig } from '../../../src/core/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { MemoryFeedbackLog } from '../../../src/state/memory-store.js';
import { openStateStore } from '../../../src/state/open-state.js';
import type { StateStore } from '../../../src/state/state-store.js';
import { type Started, startRedis } from '../../../testkit/cluster.js';
import { type Call, FakeBotApi } from '../../../testkit/fake-bot-api.js';
import { at, seedAnswerer, waitFor } from '../../helpers.js';

const TOKEN = '848484:RedisConversationTokenABCDEFGH';
const ADMIN = 90;
const apis = [new FakeBotApi(), new FakeBotApi()];
const bots: Telegraf[] = [];
const states: StateStore[] = [];
let redis: Started & { url: string };

const user = (id: number) => ({ id, is_bot: false, first_name: `u${id}`, language_code: 'zh' });
const chat = { id: 91, type: 'private' as const };

/** Asks replica `i` and waits for its reply. */
async function ask(i: number, text: string, from = user(91)): Promise<Call> {
  const api = at(apis, i);
  const before = api.sent(chat.id).length;
  const command = text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {};
  api.push({ chat, from, text, ...command });
  return at(await api.waitSent(chat.id, before + 1), before);
}

beforeAll(async () => {
  redis = await startRedis();
  const seeded = await seedAnswerer();
  const log = createLogger('silent');
  for (const api of apis) {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await api.start(),
      REDIS_URL: redis.url,
      ADMIN_USER_IDS: String(ADMIN),
    });
    const state = await openStateStore(config, log, { feedback: new MemoryFeedbackLog() });
    const bot = createBot(config, seeded.answerer, log, { state });
    void bot.launch();
    await api.waitPolling();
    states.push(state);
    bots.push(bot);
  }
});
afterAll(async () => {
  for (const bot of bots) bot.stop('test');
  for (const api of apis) await api.stop();
  for (const state of states) await state.close();
  await redis?.stop('SIGKILL');
});

describe('conversation state shared by replicas in Redis', () => {
  it('a follow-up on the other replica takes the topic; a 👎 there records the full answer in the stream', async () => {
    expect(at(states, 0).health()).toMatchObject({ shared: true, redis: 'up' });
    const first = await ask(0, '平海公路总投资多少?');
    expect(first.body.text).toMatch(/^5\.65亿元/);
    const next = await ask(1, '它什么时候通车?');
    expect(next.body.text).toMatch(/^<b>平海公路：<\/b>6月15日/);
    const down = first.result.reply_markup.inline_keyboard[0].find((b: { text: string }) => b.text === '👎');
    const pressed = at(apis, 1).pressButton(first, down.callback_data, user(91));
    await at(apis, 1).waitHandled(pressed);
    await waitFor(async () => (await at(states, 0).feedback.latest(1)).length === 1, 5_000, 'the shared record');
    expect(at(await at(states, 0).feedback.latest(1), 0)).toMatchObject({
      rating: 'down',
      question: '平海公路总投资多少?',
      found: true,
      chatType: 'private',
    });
    const summary = await ask(0, '/feedback', user(ADMIN));
    expect(summary.body.text).toMatch(/^最近 1 条评价：👍 0，👎 1。/);
  });
});
