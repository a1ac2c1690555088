/** Follow-up questions through the real telegraf and the loopback Bot API: private chats, groups, /new. */
import { describe, expect, it } from 'vitest';
import { type Call, FakeBotApi, validTelegramHtml } from '../../../testkit/fake-bot-api.js';
import { at, useLoopbackBot } from '../../helpers.js';

const api = new FakeBotApi();

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const privateChat = (id: number) => ({ id, type: 'private' as const });
const group = { id: -100777, type: 'supergroup' as const, title: 'residents' };
const mention = (text: string) => ({
  text: `@bulletin_qa_bot ${text}`,
  entities: [{ type: 'mention', offset: 0, length: 16 }],
});

/** Sends a message and waits for the bot's reply in that chat; returns the reply. */
async function say(chatId: number, message: Record<string, unknown>): Promise<Call> {
  const before = api.sent(chatId).length;
  const id = api.push(message);
  const sent = await api.waitSent(chatId, before + 1);
  await api.waitHandled(id);
  const reply = at(sent, before);
  expect(validTelegramHtml(reply.body.text)).toBe(true);
  return reply;
}

useLoopbackBot(api, {
  TELEGRAM_BOT_TOKEN: '424242:ConversationTokenABCDEFGHIJKLMN',
  RATE_LIMIT_PER_MINUTE: '50',
  GROUP_RATE_LIMIT_PER_MINUTE: '50',
});

describe('follow-up questions in a private chat', () => {
  it('Chinese: 它什么时候通车? after 平海公路总投资多少? shows what it took 它 to mean', async () => {
    const chat = privateChat(201);
    const first = await say(chat.id, { chat, from: user(201), text: '平海公路总投资多少?' });
    expect(first.body.text).toMatch(/^5\.65亿元/);
    const next = await say(chat.id, { chat, from: user(201), text: '它什么时候通车?' });
    expect(next.body.text).toMatch(/^<b>平海公路：<\/b>6月15日/);
    expect(next.body.text).toContain('<blockquote>平海公路项目指挥部副指挥长吴艳飞说');
  });

  it('English: "And when will it open?" after the Pinghai road; /new forgets the topic', async () => {
    const chat = privateChat(202);
    const from = user(202, 'en');
    await say(chat.id, { chat, from, text: 'How much is the total investment of the Pinghai road?' });
    const next = await say(chat.id, { chat, from, text: 'And when will it open?' });
    expect(next.body.text).toMatch(/^<b>Pinghai: <\/b>June 15 \(6月15日\)/);
    const cleared = await say(chat.id, {
      chat,
      from,
      text: '/new',
      entities: [{ type: 'bot_command', offset: 0, length: 4 }],
    });
    expect(cleared.body.text).toBe('OK, a new topic.');
    const alone = await say(chat.id, { chat, from, text: 'And when will it open?' });
    expect(alone.body.text).not.toMatch(/Pinghai: |June 15/);
  });

  it('a question with its own subject replaces the topic', async () => {
    const chat = privateChat(203);
    await say(chat.id, { chat, from: user(203), text: '平海公路总投资多少?' });
    await say(chat.id, { chat, from: user(203), text: '通州把驻企干部划分成了多少个工作组?' });
    const next = await say(chat.id, { chat, from: user(203), text: '全长呢?' });
    expect(next.body.text).toMatch(/^<b>通州：<\/b>/);
  });
});

describe('follow-up questions in a group: only along a reply chain or for the same user', () => {
  it('another member’s question does not take the topic; a reply to the answer does, and the asker', async () => {
    const first = await say(group.id, { chat: group, from: user(301), ...mention('平海公路总投资多少?') });
    expect(first.body.text).toMatch(/^5\.65亿元/);
    const stranger = await say(group.id, { chat: group, from: user(302), ...mention('它什么时候通车?') });
    expect(stranger.body.text).not.toContain('平海公路：');
    const chained = await say(group.id, {
      chat: group,
      from: user(302),
      text: '它什么时候通车?',
      reply_to_message: first.result,
    });
    expect(chained.body.text).toMatch(/^<b>平海公路：<\/b>6月15日/);
    expect(chained.body.reply_parameters.message_id).toBeGreaterThan(0);
    const asker = await say(group.id, { chat: group, from: user(301), ...mention('全长呢?') });
    expect(asker.body.text).toMatch(/^<b>平海公路：<\/b>/);
    expect(asker.body.text).toContain('28.3千米');
  });
});
