/** Inline mode through the real telegraf and the loopback Bot API, which checks results as Telegram does. */
import { describe, expect, it } from 'vitest';
import { INLINE_CACHE_SECONDS } from '../../src/bot/inline.js';
import { type Call, FakeBotApi, validTelegramHtml } from '../../testkit/fake-bot-api.js';
import { at, useLoopbackBot } from '../helpers.js';

const api = new FakeBotApi();
const user = (id: number, lang = 'zh') => ({ id, first_name: `u${id}`, language_code: lang });

/** The `i`th card of an inline answer. */
const cardOf = (call: Call, i = 0): any => at<any>(call.body.results, i);

/** Sends an inline query and returns the bot's `answerInlineQuery` call, which the API must have accepted. */
async function inline(from: ReturnType<typeof user>, query: string): Promise<Call> {
  const updateId = api.pushInlineQuery(from, query);
  await api.waitHandled(updateId);
  const call = at(api.inlineAnswers(`iq${updateId}`), 0);
  expect(call.refused).toBeUndefined();
  return call;
}

useLoopbackBot(api, {
  TELEGRAM_BOT_TOKEN: '626262:InlineTokenABCDEFGHIJKLMNOPQRS',
  RATE_LIMIT_PER_MINUTE: '3',
});

describe('inline mode', () => {
  it('answers with a card: figure as title, quote as description, answer and citation as HTML', async () => {
    const call = await inline(user(501), '平海公路总投资多少?');
    expect(call.body.cache_time).toBe(INLINE_CACHE_SECONDS);
    const [card, ...rest] = call.body.results;
    expect(rest).toHaveLength(0);
    expect(card.title).toBe('5.65亿元');
    expect(card.description).toContain('总投资5.65亿元');
    const content = card.input_message_content;
    expect(content.parse_mode).toBe('HTML');
    expect(validTelegramHtml(content.message_text)).toBe(true);
    expect(content.message_text).toMatch(/^<i>平海公路总投资多少\?<\/i>\n5\.65亿元/);
    expect(content.message_text).toContain('<b>平海公路快速化改造全面复工</b> · 2020年2月\n<blockquote>');
  });

  it('answers English queries with the figure in English, and escapes markup in the query', async () => {
    const en = await inline(user(502, 'en'), 'How long is the Pinghai road?');
    expect(cardOf(en).title).toBe('28.3 km (28.3千米)');
    const hostile = await inline(user(503), '<b>平海公路</b> & 总投资多少? <script>x</script>');
    const text = cardOf(hostile).input_message_content.message_text;
    expect(validTelegramHtml(text)).toBe(true);
    expect(text).toContain('&amp;');
    expect(text).not.toContain('<script>');
  });

  it('a short or empty query gets the help card, naming the bot, in the user’s language', async () => {
    const empty = await inline(user(504, 'en'), '');
    const help = cardOf(empty);
    expect(help).toMatchObject({ id: 'help', title: 'Type a question about the bulletin' });
    expect(help.input_message_content.message_text).toContain('@bulletin_qa_bot');
    const short = await inline(user(504), '平海');
    expect(cardOf(short).title).toBe('输入一个关于公报的问题');
    const punctuation = await inline(user(504), '?? !! ??');
    expect(cardOf(punctuation).id).toBe('help');
  });

  it('is rate-limited per user, with a notice button and no card; cached answers cost nothing', async () => {
    const from = user(505);
    const questions = ['平海公路全长多少千米?', '海门有多少项目2月底全面复工?', '平海公路预计什么时候交工通车?'];
    for (const q of questions) expect((await inline(from, q)).body.results).toHaveLength(1);
    const limited = await inline(from, '通州把驻企干部划分成了多少个工作组?');
    expect(limited.body.results).toEqual([]);
    expect(limited.body.button.text).toMatch(/频繁/);
    expect(limited.body.is_personal).toBe(true);
    // Asked before (by anyone) within the cache time: answered from the cache, not counted.
    const cached = await inline(from, '平海公路总投资多少?');
    expect(cardOf(cached).title).toBe('5.65亿元');
    // Another user is not limited.
    expect((await inline(user(506), '通州把驻企干部划分成了多少个工作组?')).body.results).toHaveLength(1);
  });
});

describe('the loopback Bot API checks inline answers as Telegram does', () => {
  it('refuses duplicate ids, empty titles, bad HTML and over-long text', async () => {
    const { inlineAnswerProblem } = await import('../../testkit/bot-api-checks.js');
    const card = (over: Record<string, unknown> = {}) => ({
      type: 'article',
      id: 'a',
      title: 't',
      input_message_content: { message_text: '<b>x</b>', parse_mode: 'HTML' },
      ...over,
    });
    const answer = (results: unknown[]) => ({ inline_query_id: 'q', results });
    expect(inlineAnswerProblem(answer([card()]))).toBeUndefined();
    expect(inlineAnswerProblem(answer([card(), card()]))).toBe('RESULT_ID_DUPLICATE');
    expect(inlineAnswerProblem(answer([card({ title: ' ' })]))).toBe('RESULT_TITLE_EMPTY');
    expect(inlineAnswerProblem(answer([card({ id: 'x'.repeat(65) })]))).toBe('RESULT_ID_INVALID');
    const html = card({ input_message_content: { message_text: '<b>x', parse_mode: 'HTML' } });
    expect(inlineAnswerProblem(answer([html]))).toMatch(/can't parse entities/);
    const long = card({ input_message_content: { message_text: 'x'.repeat(4097) } });
    expect(inlineAnswerProblem(answer([long]))).toMatch(/too long/);
  });
});
