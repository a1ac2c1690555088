import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { createBot } from '../../src/bot/bot.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createChatModel } from '../../src/llm/chat-model.js';
import { FakeBotApi, validTelegramHtml } from '../../testkit/fake-bot-api.js';
import { FakeLlmServer } from '../../testkit/fake-llm-server.js';
import { at, seedAnswerer } from '../helpers.js';

const KEY = 'sk-bot-llm-0f1e2d3c4b5a69788796';
const api = new FakeBotApi();
const llm = new FakeLlmServer();
const logLines: string[] = [];
let bot: Telegraf;
let seeded: Awaited<ReturnType<typeof seedAnswerer>>;

beforeAll(async () => {
  seeded = await seedAnswerer();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: '777888:LlmBotTokenABCDEFGHIJKLMNOPQRS',
    TELEGRAM_API_ROOT: await api.start(),
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${await llm.start()}/v1`,
    OPENAI_API_KEY: KEY,
    LLM_TIMEOUT_MS: '3000',
  });
  const model = await createChatModel(config);
  if (!model) throw new Error('no chat model');
  const answerer = new Answerer(seeded.index, {
    topK: 8,
    maxQuestionChars: 500,
    llm: { model, timeoutMs: config.llm.timeoutMs },
  });
  bot = createBot(
    config,
    answerer,
    createLogger('info', { write: (l: string) => void logLines.push(l) } as never, [KEY]),
  );
  void bot.launch();
  await api.waitPolling();
});
afterAll(async () => {
  bot.stop('test');
  await api.stop();
  await llm.stop();
});

describe('the bot with an LLM provider (real telegraf, real ChatOpenAI, loopback servers)', () => {
  it('shows "typing…" while a slow model answers, then its checked answer with verbatim quotes', async () => {
    llm.delayMs = 1200;
    llm.behaviour = { reply: (r) => `总投资5.65亿元[${r.passages.find((p) => p.text.includes('5.65亿元'))?.n}]。` };
    api.push({
      chat: { id: 41, type: 'private' },
      from: { id: 41, is_bot: false, first_name: 'a', language_code: 'zh' },
      text: '平海公路总投资多少?',
    });
    const m = at(await api.waitSent(41, 1), 0);
    expect(
      api.calls.some((c) => c.method === 'sendChatAction' && c.body.chat_id === 41 && c.body.action === 'typing'),
    ).toBe(true);
    expect(m.body.text).toMatch(/^总投资5\.65亿元\[1\]。/);
    expect(m.body.text).toContain('<blockquote>');
    expect(validTelegramHtml(m.body.text)).toBe(true);
  });

  it('shows the extractive answer when the model states a figure its passage lacks, and logs why', async () => {
    llm.delayMs = 0;
    llm.behaviour = { reply: () => '总投资9.9亿元[1]。' };
    api.push({
      chat: { id: 42, type: 'private' },
      from: { id: 42, is_bot: false, first_name: 'a', language_code: 'zh' },
      text: '平海公路总投资多少?',
    });
    const m = at(await api.waitSent(42, 1), 0);
    expect(m.body.text).toMatch(/^5\.65亿元/);
    expect(api.calls.some((c) => c.method === 'sendChatAction' && c.body.chat_id === 42)).toBe(false);
    expect(logLines.some((l) => l.includes('"fallback":"unsupported-figure"'))).toBe(true);
    expect(logLines.join('')).not.toContain(KEY);
  });
});
