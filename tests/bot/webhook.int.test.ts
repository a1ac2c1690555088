import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { launchBot, type RunningBot } from '../../src/bot/start.js';
import { Answerer } from '../../src/rag/answerer.js';
import { buildIndex, loadIndex } from '../../src/rag/index-store.js';
import { workspace } from '../helpers.js';
import { FakeBotApi, validTelegramHtml } from './fake-bot-api.js';

const TOKEN = '654321:XYZdefGhIJKlmnoPQRstuVWxyz_9876543210';
const SECRET = 'webhook-secret-0123456789';
const ADMIN = 77;
const api = new FakeBotApi();
const ws = workspace();
const logLines: string[] = [];
let running: RunningBot;
let hook = '';
let nextUpdate = 1;

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const chat = (id: number) => ({ id, type: 'private' as const });
const group = { id: -100555, type: 'supergroup' as const, title: 'newsroom' };

/** Posts one update to the webhook the way Telegram does. */
function post(message: Record<string, unknown>, secret: string | null = SECRET): Promise<Response> {
  const body = JSON.stringify({ update_id: nextUpdate++, message: { message_id: nextUpdate, date: 0, ...message } });
  return fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body });
}

beforeAll(async () => {
  await buildIndex(ws.config);
  const apiRoot = await api.start();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.org/tg/hook',
    WEBHOOK_SECRET: SECRET,
    PORT: '0',
    CORPUS_DIR: ws.config.corpusDir,
    INDEX_DIR: ws.config.indexDir,
    ALLOWED_CHAT_IDS: `1,2,3,4,5,${ADMIN},${group.id}`,
    ADMIN_USER_IDS: String(ADMIN),
    GROUP_RATE_LIMIT_PER_MINUTE: '3',
    RATE_LIMIT_PER_MINUTE: '1000',
  });
  const answerer = new Answerer(await loadIndex(config), { topK: config.topK, maxQuestionChars: config.maxQuestionChars });
  const log = createLogger('debug', { write: (line: string) => void logLines.push(line) } as never);
  running = await launchBot(config, answerer, log);
  hook = `http://127.0.0.1:${running.port}/tg/hook`;
});

afterAll(async () => {
  await running?.stop('test');
  await api.stop();
  ws.cleanup();
});

describe('webhook mode (real telegraf, real HTTP)', () => {
  it('registers the webhook with its secret and serves /healthz', async () => {
    const set = api.calls.find((c) => c.method === 'setWebhook');
    expect(set?.body).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: SECRET });
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, chunks: 53 });
  });

  it('refuses a wrong or missing secret before reading the update, and answers the right one', async () => {
    expect((await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' }, 'wrong-secret-0000000000')).status).toBe(401);
    expect((await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' }, null)).status).toBe(401);
    const ok = await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' });
    expect(ok.status).toBe(200);
    // The webhook responds after the update is handled, so the answer was already sent.
    const sent = api.sent(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.text).toMatch(/^5\.65亿元/);
    expect(validTelegramHtml(sent[0].body.text)).toBe(true);
  });

  it('ignores chats outside ALLOWED_CHAT_IDS', async () => {
    expect((await post({ chat: chat(999), from: user(999), text: '平海公路总投资多少?' })).status).toBe(200);
    expect(api.sent(999)).toHaveLength(0);
  });

  it('keeps a group within its own per-minute limit, with one notice', async () => {
    const ask = (from: number) => post({ chat: group, from: user(from), text: '@bulletin_qa_bot 平海公路全长多少千米?', entities: [{ type: 'mention', offset: 0, length: 16 }] });
    for (const from of [1, 2, 3, 4, 5]) await ask(from);
    const texts = api.sent(group.id).map((m) => m.body.text);
    expect(texts.filter((t) => t.startsWith('28.3千米'))).toHaveLength(3);
    expect(texts.filter((t) => /频繁/.test(t))).toHaveLength(1);
  });

  it('limits /reload to ADMIN_USER_IDS', async () => {
    await post({ chat: chat(2), from: user(2, 'en'), text: '/reload', entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
    expect(api.sent(2).at(-1)?.body.text).toBe('Only admins can use this command.');
    await post({ chat: chat(ADMIN), from: user(ADMIN, 'en'), text: '/reload', entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
    expect(api.sent(ADMIN).at(-1)?.body.text).toMatch(/^Reloaded: 53 chunks/);
  });

  it('keeps answering while the index is rebuilt, then serves the new build without a restart', async () => {
    writeFileSync(
      join(ws.config.corpusDir, 'extra-bulletin.txt'),
      '如东蓝莓基地扩建\n本报讯 如东县洋口镇蓝莓基地今年扩建到860亩，预计6月上市。\n',
    );
    const answers: Promise<Response>[] = [];
    const ticker = setInterval(() => answers.push(post({ chat: chat(3), from: user(3), text: '平海公路总投资多少?' })), 50);
    await buildIndex(ws.config);
    const t0 = Date.now();
    while (Date.now() - t0 < 8000) {
      await post({ chat: chat(4), from: user(4), text: '如东蓝莓基地扩建到多少亩?' });
      if (api.sent(4).at(-1)?.body.text.startsWith('860亩')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    clearInterval(ticker);
    const statuses = await Promise.all(answers.map(async (r) => (await r).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const during = api.sent(3).map((m) => m.body.text);
    expect(statuses.length).toBeGreaterThan(0);
    expect(during).toHaveLength(statuses.length);
    expect(during.every((t) => t.startsWith('5.65亿元'))).toBe(true);
    expect(api.sent(4).at(-1)?.body.text).toMatch(/^860亩/);
    expect(logLines.some((l) => l.includes('"msg":"index reload"'))).toBe(true);
  }, 30_000);

  it('never logs the token or the webhook secret', () => {
    const all = logLines.join('');
    expect(all).not.toContain(TOKEN.split(':')[1]);
    expect(all).not.toContain(SECRET);
  });
});
