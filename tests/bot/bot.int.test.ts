import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeBotApi, validTelegramHtml } from '../../testkit/fake-bot-api.js';
import { at, seedAnswerer, waitFor } from '../helpers.js';

const TOKEN = '123456:ABCdefGhIJKlmnoPQRstuVWxyz_0123456789';
const api = new FakeBotApi();
let bot: Telegraf;
const logLines: string[] = [];

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const privateChat = (id: number) => ({ id, type: 'private' as const });
const group = { id: -100123, type: 'supergroup' as const, title: 'staff' };

beforeAll(async () => {
  const seeded = await seedAnswerer();
  const apiRoot = await api.start();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    RATE_LIMIT_PER_MINUTE: '5',
    LOG_LEVEL: 'debug',
  });
  const log = createLogger('debug', { write: (line: string) => void logLines.push(line) } as never);
  bot = createBot(config, seeded.answerer, log);
  void bot.launch();
  await api.waitPolling();
});

afterAll(async () => {
  bot.stop('test');
  await api.stop();
});

describe('the bot over a loopback Bot API (real telegraf, polling)', () => {
  it('answers a private question with the figure and a citation, in valid HTML, with source buttons', async () => {
    api.push({ chat: privateChat(1), from: user(1), text: '海门有多少项目2月底全面复工?' });
    const m = at(await api.waitSent(1, 1), 0);
    expect(m.body.parse_mode).toBe('HTML');
    expect(m.body.text).toMatch(/^31个/);
    expect(m.body.text).toContain('<blockquote>据初步统计,海门31个超10亿元续建重大项目2月底将全面复工。</blockquote>');
    const button = m.body.reply_markup.inline_keyboard[0][0];
    expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    api.pushUpdate({
      callback_query: {
        id: 'cb1',
        from: user(1),
        chat_instance: 'x',
        data: button.callback_data,
        message: { message_id: 1, date: 0, chat: privateChat(1) },
      },
    });
    const sent = await api.waitSent(1, 2);
    expect(at(sent, 1).body.text).toContain('当前,海门在抓好企业复工复产的同时');
  });

  it('answers English questions and says when the bulletin has no answer', async () => {
    api.push({ chat: privateChat(2), from: user(2, 'en'), text: 'how many Haimen projects resume by end of February' });
    api.push({ chat: privateChat(2), from: user(2, 'en'), text: 'What is the weather forecast for Nantong tomorrow?' });
    const sent = await api.waitSent(2, 2);
    expect(at(sent, 0).body.text).toMatch(/^31 /);
    expect(at(sent, 1).body.text).toMatch(/^The bulletin does not say\./);
  });

  it('in groups: ignores chatter, answers on mention, on reply to the bot and on /ask@bot', async () => {
    api.push({ chat: group, from: user(3), text: '今天开会吗' });
    api.push({
      chat: group,
      from: user(3),
      text: '@bulletin_qa_bot 平海公路总投资多少?',
      entities: [{ type: 'mention', offset: 0, length: 16 }],
    });
    await api.waitSent(group.id, 1);
    api.push({
      chat: group,
      from: user(3),
      text: '平海公路全长多少千米?',
      reply_to_message: { message_id: 5, date: 0, chat: group, from: api.bot, text: 'x' },
    });
    const last = api.push({
      chat: group,
      from: user(4),
      text: '/ask@bulletin_qa_bot 通州把驻企干部划分成了多少个工作组?',
      entities: [{ type: 'bot_command', offset: 0, length: 20 }],
    });
    const sent = await api.waitSent(group.id, 3);
    await api.waitHandled(last);
    expect(api.sent(group.id)).toHaveLength(3);
    // Telegraf handles a batch of updates concurrently, so replies may come in any order.
    expect(sent.map((m) => m.body.text.split('（')[0]).sort()).toEqual(['15个', '28.3千米', '5.65亿元']);
    expect(at(sent, 0).body.reply_parameters.message_id).toBeGreaterThan(0);
  });

  it('replies to a sticker, escapes HTML in questions and survives a 5,000-character message', async () => {
    api.push({
      chat: privateChat(5),
      from: user(5),
      sticker: {
        file_id: 's',
        file_unique_id: 's',
        type: 'regular',
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    });
    api.push({ chat: privateChat(5), from: user(5), text: '<b>x</b> & <script>平海公路总投资多少</script>' });
    api.push({ chat: privateChat(5), from: user(5), text: '平'.repeat(5000) });
    const sent = await api.waitSent(5, 3);
    const texts = sent.map((m) => m.body.text);
    expect(texts.some((t) => /文字问题/.test(t))).toBe(true);
    expect(texts.some((t) => /太长/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('5.65亿元'))).toBe(true);
    for (const m of sent) expect(validTelegramHtml(m.body.text)).toBe(true);
  });

  it('honours 429 retry_after and retries 502s: the reply still arrives', async () => {
    api.failNext('sendMessage', { code: 429, retry_after: 1 }, { code: 502 }, { code: 502 });
    api.push({ chat: privateChat(6), from: user(6), text: '平海公路预计什么时候交工通车?' });
    const m = at(await api.waitSent(6, 1, 15_000), 0);
    expect(m.body.text).toMatch(/^6月15日/);
    expect(api.calls.filter((c) => c.method.startsWith('sendMessage!'))).toHaveLength(3);
  });

  it('resends as plain text when Telegram rejects the formatting', async () => {
    api.failNext('sendMessage', { code: 400 });
    api.push({ chat: privateChat(10), from: user(10), text: '平海公路总投资多少?' });
    const m = at(await api.waitSent(10, 1), 0);
    expect(m.body.parse_mode).toBeUndefined();
    expect(m.body.text).toMatch(/^5\.65亿元/);
    expect(m.body.text).not.toMatch(/<\/?(b|blockquote)>/);
  });

  it('keeps polling through 502, 429 and connection resets on getUpdates, and a reset on sendMessage', async () => {
    api.failNext('getUpdates', { code: 502 }, { code: 0 }, { code: 429, retry_after: 1 });
    api.failNext('sendMessage', { code: 0 });
    await waitFor(
      () => api.calls.filter((c) => /^getUpdates!/.test(c.method)).length === 3,
      15_000,
      'three failed polls',
    );
    api.push({ chat: privateChat(9), from: user(9), text: '平海公路全长多少千米?' });
    const m = at(await api.waitSent(9, 1, 15_000), 0);
    expect(m.body.text).toMatch(/^28\.3千米/);
    expect(api.calls.filter((c) => /^getUpdates!/.test(c.method))).toHaveLength(3);
  });

  it('rate-limits a flood from one user with one notice, while another user is answered', async () => {
    for (let i = 0; i < 12; i++) api.push({ chat: privateChat(7), from: user(7), text: '平海公路总投资多少?' });
    const last = api.push({ chat: privateChat(8), from: user(8), text: '平海公路总投资多少?' });
    await api.waitSent(8, 1);
    await api.waitSent(7, 6);
    await api.waitHandled(last);
    const flood = api.sent(7).map((m) => m.body.text);
    expect(flood).toHaveLength(6);
    expect(flood.filter((t) => /频繁/.test(t))).toHaveLength(1);
  });

  it('never logs the token; logs one line per update without question text above debug', () => {
    const all = logLines.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(':')[1]);
    expect(logLines.some((l) => l.includes('"msg":"update"'))).toBe(true);
  });
});
