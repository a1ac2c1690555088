import { afterAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { buildIndex } from '../../src/index/store/build.js';
import { loadIndex } from '../../src/index/store/load.js';
import { FakeBotApi, validTelegramHtml } from '../../testkit/fake-bot-api.js';
import { at, datedWorkspace, useLoopbackBot } from '../helpers.js';

const TOKEN = '123456:ABCdefGhIJKlmnoPQRstuVWxyz_0123456789';
const api = new FakeBotApi();
const ws = datedWorkspace();

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const chat = (id: number) => ({ id, type: 'private' as const });

/** Sends one message and returns the bot's reply text. */
async function reply(id: number, text: string, lang = 'zh'): Promise<string> {
  const command = text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {};
  api.push({ chat: chat(id), from: user(id, lang), text, ...command });
  const sent = at(await api.waitSent(id, 1), 0);
  expect(validTelegramHtml(sent.body.text)).toBe(true);
  return sent.body.text;
}

useLoopbackBot(api, { TELEGRAM_BOT_TOKEN: TOKEN }, async () => {
  await buildIndex(ws.config);
  return new Answerer(await loadIndex(ws.config), { topK: 8, maxQuestionChars: 500 });
});
afterAll(() => ws.cleanup());

describe('a dated archive in the bot (real telegraf, loopback Bot API)', () => {
  it('answers from the newest issue, reports the earlier figure, and dates every citation', async () => {
    const text = await reply(801, '滨江大桥现在完成了多少?');
    expect(text).toMatch(/^78%.*（2021年4月20日报）；此前为60%（2021年3月23日报）/);
    expect(text).toContain('[1] <b>滨江大桥进度达78% 通车时间调整</b> · 2021年4月20日\n<blockquote>');
    expect(text).toContain('[2] <b>滨江大桥工程进度达60%</b> · 2021年3月23日\n<blockquote>');
  });

  it('reads a relative time against the newest issue and says so, in English too', async () => {
    expect(await reply(802, '上周春节期间青菜批发价最高涨到每斤多少?')).toMatch(
      /^3\.2元.*“上周”按最新一期2022年2月8日推算，指2022年1月31日至2022年2月6日/,
    );
    const en = await reply(803, "What was Binjiang's GDP last year?", 'en');
    expect(en).toMatch(/^312\.8 billion yuan.*read as 2021/);
    expect(en).toContain(' · 25 January 2022\n<blockquote>');
  });

  it('answers a dated question from its issue and says when no issue covers the period', async () => {
    expect(await reply(804, '2021年3月20日滨江大桥工程进度是多少?')).toContain(' · 2021年3月23日\n');
    expect(await reply(805, '2023年滨江国际马拉松的冠军是谁?')).toMatch(/^公报存档中没有2023年这一时期的内容/);
  });

  it('lists the newest issue’s headlines with /latest, and the date range with /about', async () => {
    const latest = await reply(806, '/latest');
    expect(latest).toMatch(/^最新一期：2022年2月8日\n• 临港新区97家企业节后复工\n/);
    expect(latest).not.toContain('滨江大桥');
    const about = await reply(807, '/about', 'en');
    expect(about).toMatch(/9 issues, from February 2020 to 8 February 2022\./);
  });
});
