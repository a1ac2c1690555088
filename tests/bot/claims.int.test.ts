/** /check as a reply and forwarded claims, through the real telegraf and the loopback Bot API. */
import { describe, expect, it } from 'vitest';
import { type Call, FakeBotApi, forwardedFrom, validTelegramHtml } from '../../testkit/fake-bot-api.js';
import { at, useLoopbackBot } from '../helpers.js';

const api = new FakeBotApi();

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const privateChat = (id: number) => ({ id, type: 'private' as const });
const group = { id: -100888, type: 'supergroup' as const, title: 'staff' };
const command = (text: string) => ({ text, entities: [{ type: 'bot_command', offset: 0, length: text.length }] });
const photo = [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }];

/** Posts a message the bot will not answer (it is not addressed to it) and returns it as kept, to reply to. */
function post(message: Record<string, unknown>): Record<string, any> {
  return api.pushMessage(message).message;
}

/** Sends a message and waits for the bot's reply in that chat. */
async function reply(chatId: number, message: Record<string, unknown>): Promise<Call> {
  const before = api.sent(chatId).length;
  const id = api.push(message);
  await api.waitHandled(id);
  const sent = await api.waitSent(chatId, before + 1);
  const r = at(sent, before);
  expect(validTelegramHtml(r.body.text)).toBe(true);
  return r;
}

useLoopbackBot(api, {
  TELEGRAM_BOT_TOKEN: '515151:ClaimsTokenABCDEFGHIJKLMNOPQRS',
  RATE_LIMIT_PER_MINUTE: '50',
  GROUP_RATE_LIMIT_PER_MINUTE: '50',
});

describe('/check as a reply in a group', () => {
  it('checks the replied-to message: a member’s plain claim, which the bot otherwise ignores', async () => {
    const claim = post({ chat: group, from: user(401), text: '听说海门有30个重大项目2月底复工' });
    const verdict = await reply(group.id, {
      chat: group,
      from: user(402),
      ...command('/check@bulletin_qa_bot'),
      reply_to_message: claim,
    });
    expect(verdict.body.text).toMatch(/^❌ 与公报不符：公报写的是31个/);
    expect(verdict.body.text).toContain('<blockquote>');
    expect(verdict.body.reply_parameters.message_id).toBeGreaterThan(0);
    expect(api.sent(group.id)).toHaveLength(1);
  });

  it('checks a forwarded message, and a photo’s caption', async () => {
    const forwarded = post({
      chat: group,
      from: user(403),
      forward_origin: forwardedFrom(user(999)),
      text: '平海公路快速化改造工程全长28.3千米',
    });
    const supported = await reply(group.id, {
      chat: group,
      from: user(404),
      ...command('/check'),
      reply_to_message: forwarded,
    });
    expect(supported.body.text).toMatch(/^✅ 公报支持这一说法/);
    const captioned = post({ chat: group, from: user(403), photo, caption: '平海公路总投资9亿元' });
    const contradicted = await reply(group.id, {
      chat: group,
      from: user(404),
      ...command('/check'),
      reply_to_message: captioned,
    });
    expect(contradicted.body.text).toMatch(/^❌ .*5\.65亿元/);
  });

  it('says how to use it when there is nothing to check: no reply and no text, or a reply to a sticker', async () => {
    const usage = await reply(group.id, { chat: group, from: user(405), ...command('/check@bulletin_qa_bot') });
    expect(usage.body.text).toMatch(/^用法：回复一条消息并发送 \/check/);
    const sticker = post({
      chat: group,
      from: user(405),
      sticker: { file_id: 's', file_unique_id: 's', type: 'regular' },
    });
    const again = await reply(group.id, {
      chat: group,
      from: user(406, 'en'),
      ...command('/check'),
      reply_to_message: sticker,
    });
    expect(again.body.text).toMatch(/^Usage: reply to a message with \/check/);
  });

  it('a /check with its own text checks that text, not the replied-to message', async () => {
    const other = post({ chat: group, from: user(407), text: '今天开会吗' });
    const r = await reply(group.id, {
      chat: group,
      from: user(408),
      text: '/check 平海公路全长28.3千米',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      reply_to_message: other,
    });
    expect(r.body.text).toMatch(/^✅/);
  });
});

describe('forwarded messages in a private chat', () => {
  it('a forwarded text is a claim: the reply is a verdict, not an answer', async () => {
    const chat = privateChat(411);
    const r = await reply(chat.id, {
      chat,
      from: user(411),
      forward_origin: forwardedFrom(user(998)),
      text: '海门有30个重大项目2月底复工',
    });
    expect(r.body.text).toMatch(/^❌ 与公报不符：公报写的是31个，不是30个/);
    // The same text typed (not forwarded) is a question, answered with the figure.
    const asked = await reply(chat.id, { chat, from: user(411), text: '海门有多少个重大项目2月底复工?' });
    expect(asked.body.text).toMatch(/^31个/);
  });

  it('a forwarded photo’s caption is checked too; a photo of one’s own gets the text-only notice', async () => {
    const chat = privateChat(412);
    const r = await reply(chat.id, {
      chat,
      from: user(412, 'en'),
      forward_origin: forwardedFrom(user(997)),
      photo,
      caption: 'The Pinghai road is 28.3 km long',
    });
    expect(r.body.text).toMatch(/^✅ Supported by the bulletin/);
    const own = await reply(chat.id, { chat, from: user(412, 'en'), photo, caption: 'look' });
    expect(own.body.text).toBe('I answer text questions only.');
  });
});
