import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../../src/answer/answerer.js';
import { launchBot, type RunningBot } from '../../../src/bot/start.js';
import { loadConfig } from '../../../src/core/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { buildIndex } from '../../../src/index/store/build.js';
import { loadIndex } from '../../../src/index/store/load.js';
import { FakeBotApi, validTelegramHtml } from '../../../testkit/fake-bot-api.js';
import { at, workspace } from '../../helpers.js';

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
function postUpdate(update: Record<string, unknown>, secret: string | null = SECRET): Promise<Response> {
  const body = JSON.stringify({ update_id: nextUpdate++, ...update });
  const headers = {
    'content-type': 'application/json',
    ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
  };
  return fetch(hook, { method: 'POST', headers, body });
}

/** Posts a message update. */
function post(message: Record<string, unknown>, secret: string | null = SECRET): Promise<Response> {
  return postUpdate({ message: { message_id: nextUpdate, date: 0, ...message } }, secret);
}

/** Presses an inline button of a message the bot sent. */
function press(from: number, data: string): Promise<Response> {
  const message = { message_id: 1, date: 0, chat: chat(from) };
  return postUpdate({ callback_query: { id: `cb${nextUpdate}`, from: user(from), chat_instance: 'x', data, message } });
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
    DRAIN_DELAY_MS: '0',
  });
  const answerer = new Answerer(await loadIndex(config), {
    topK: config.topK,
    maxQuestionChars: config.maxQuestionChars,
  });
  const log = createLogger('debug', { write: (line: string) => void logLines.push(line) } as never);
  running = await launchBot(config, config, answerer, log);
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
    expect(
      (await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' }, 'wrong-secret-0000000000')).status,
    ).toBe(401);
    expect((await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' }, null)).status).toBe(401);
    const ok = await post({ chat: chat(1), from: user(1), text: '平海公路总投资多少?' });
    expect(ok.status).toBe(200);
    // The webhook responds after the update is handled, so the answer was already sent.
    const sent = api.sent(1);
    expect(sent).toHaveLength(1);
    expect(at(sent, 0).body.text).toMatch(/^5\.65亿元/);
    expect(validTelegramHtml(at(sent, 0).body.text)).toBe(true);
  });

  it('ignores chats outside ALLOWED_CHAT_IDS', async () => {
    expect((await post({ chat: chat(999), from: user(999), text: '平海公路总投资多少?' })).status).toBe(200);
    expect(api.sent(999)).toHaveLength(0);
  });

  it('keeps a group within its own per-minute limit, with one notice', async () => {
    const ask = (from: number) =>
      post({
        chat: group,
        from: user(from),
        text: '@bulletin_qa_bot 平海公路全长多少千米?',
        entities: [{ type: 'mention', offset: 0, length: 16 }],
      });
    for (const from of [1, 2, 3, 4, 5]) await ask(from);
    const texts = api.sent(group.id).map((m) => m.body.text);
    expect(texts.filter((t) => t.startsWith('28.3千米'))).toHaveLength(3);
    expect(texts.filter((t) => /频繁/.test(t))).toHaveLength(1);
  });

  it('limits /reload to ADMIN_USER_IDS', async () => {
    await post({
      chat: chat(2),
      from: user(2, 'en'),
      text: '/reload',
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
    });
    expect(api.sent(2).at(-1)?.body.text).toBe('Only admins can use this command.');
    await post({
      chat: chat(ADMIN),
      from: user(ADMIN, 'en'),
      text: '/reload',
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
    });
    expect(api.sent(ADMIN).at(-1)?.body.text).toMatch(/^Reloaded: 53 chunks/);
  });

  it('keeps answering while the index is rebuilt, then serves the new build without a restart', async () => {
    writeFileSync(
      join(ws.config.corpusDir, 'extra-bulletin.txt'),
      '如东蓝莓基地扩建\n本报讯 如东县洋口镇蓝莓基地今年扩建到860亩，预计6月上市。\n',
    );
    const answers: Promise<Response>[] = [];
    const ticker = setInterval(
      () => answers.push(post({ chat: chat(3), from: user(3), text: '平海公路总投资多少?' })),
      50,
    );
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

  it('keeps old source buttons on their own article after a re-ingest, and says when a paragraph is gone (regression)', async () => {
    await post({ chat: chat(5), from: user(5), text: '海门有多少项目2月底全面复工?' });
    const answer = at(api.sent(5), 0);
    const data: string = answer.body.reply_markup.inline_keyboard[0][0].callback_data;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    // A new file sorted before the others shifts every article's position.
    writeFileSync(join(ws.config.corpusDir, '0000-first.txt'), '启东新开一家书店\n\n启东市今天新开了一家书店。\n');
    await buildIndex(ws.config);
    await running.reloader.reload(true);
    await press(5, data);
    expect(at(api.sent(5), 1).body.text).toContain('海门31个超10亿元续建重大项目2月底将全面复工');
    // The paragraph itself changes: the button must not open anything else.
    const seed = join(ws.config.corpusDir, 'nantong-bulletin-2020-02.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('海门31个超10亿元', '海门32个超10亿元'));
    await buildIndex(ws.config);
    await running.reloader.reload(true);
    await press(5, data);
    expect(api.sent(5)).toHaveLength(2);
    const toast = api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1);
    expect(toast?.body.text).toMatch(/不在当前的公报索引中/);
  });

  it('never logs the token or the webhook secret', () => {
    const all = logLines.join('');
    expect(all).not.toContain(TOKEN.split(':')[1]);
    expect(all).not.toContain(SECRET);
  });
});
