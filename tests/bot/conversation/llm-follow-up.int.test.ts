/**
 * Follow-ups with a chat model (real ChatOpenAI against the loopback OpenAI-compatible server): the
 * model's standalone rewrite is used when it passes the checks, and the offline reading otherwise.
 */
import type { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../../src/answer/answerer.js';
import { createBot } from '../../../src/bot/bot.js';
import { loadConfig } from '../../../src/core/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { createChatModel } from '../../../src/llm/chat-model.js';
import { MODEL_NOT_FOUND } from '../../../src/llm/prompt.js';
import { type Call, FakeBotApi } from '../../../testkit/fake-bot-api.js';
import { type ChatRequest, FakeLlmServer } from '../../../testkit/fake-llm-server.js';
import { at, seedAnswerer, waitFor } from '../../helpers.js';

const api = new FakeBotApi();
const llm = new FakeLlmServer();
const logLines: string[] = [];
let bot: Telegraf;
let rewrite: (req: ChatRequest) => string;

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `u${id}`, language_code: lang });
const isRewrite = (r: ChatRequest) => r.system.includes('standalone question');

/** The model's answers: the passage holding the question's figure, cited; its rewrites: whatever the test says. */
function reply(r: ChatRequest): string {
  if (isRewrite(r)) return rewrite(r);
  const wanted = /通车|open/i.test(r.question) ? '6月15日' : '5.65亿元';
  const p = r.passages.find((x) => x.text.includes(wanted));
  if (!p) return MODEL_NOT_FOUND.zh;
  return r.question.match(/[a-z]/i) ? `It opens on June 15 [${p.n}].` : `工程预计今年${wanted}交工通车[${p.n}]。`;
}

/** Asks in a private chat and waits for the reply. */
async function ask(chatId: number, from: ReturnType<typeof user>, text: string): Promise<Call> {
  const before = api.sent(chatId).length;
  api.push({ chat: { id: chatId, type: 'private' }, from, text });
  return at(await api.waitSent(chatId, before + 1), before);
}

/** The user messages of every chat request the model got, in order. */
const userTexts = (): string[] =>
  llm.requests
    .filter((q) => q.path.endsWith('/chat/completions'))
    .map((q) => q.body.messages.find((m: { role: string }) => m.role === 'user')?.content ?? '');

/** The questions the model was asked to answer (not to rewrite), in order. */
const answered = () =>
  userTexts()
    .filter((u) => u.includes('<question>'))
    .map((u) => /<question>\n([\s\S]*?)\n<\/question>/.exec(u)?.[1]);

beforeAll(async () => {
  const seeded = await seedAnswerer();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: '838383:LlmFollowUpTokenABCDEFGHIJKLMN',
    TELEGRAM_API_ROOT: await api.start(),
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${await llm.start()}/v1`,
    OPENAI_API_KEY: 'sk-follow-up-0123456789abcdef',
    LLM_TIMEOUT_MS: '1500',
  });
  const model = await createChatModel(config);
  if (!model) throw new Error('no chat model');
  const answerer = new Answerer(seeded.index, { topK: 8, maxQuestionChars: 500, llm: { model, timeoutMs: 1500 } });
  bot = createBot(config, answerer, createLogger('info', { write: (l: string) => void logLines.push(l) } as never));
  llm.behaviour = { reply };
  void bot.launch();
  await api.waitPolling();
});
afterAll(async () => {
  bot.stop('test');
  await api.stop();
  await llm.stop();
});

describe('follow-ups rewritten by the model', () => {
  it('Chinese: the model’s standalone question is what gets answered', async () => {
    rewrite = () => '平海公路预计什么时候交工通车?';
    await ask(51, user(51), '平海公路总投资多少?');
    const r = await ask(51, user(51), '它什么时候通车?');
    expect(r.body.text).toMatch(/^<b>平海公路：<\/b>工程预计今年6月15日交工通车\[1\]。/);
    expect(answered().at(-1)).toBe('平海公路预计什么时候交工通车?');
  });

  it('English: the same, and the model saw the previous question and the subject', async () => {
    rewrite = (req) => (req.user.includes('Pinghai') ? 'When will the Pinghai road open to traffic?' : 'x');
    await ask(52, user(52, 'en'), 'How much is the total investment of the Pinghai road?');
    const r = await ask(52, user(52, 'en'), 'And when will it open?');
    expect(r.body.text).toMatch(/^<b>Pinghai: <\/b>It opens on June 15 \[1\]\./);
    expect(answered().at(-1)).toBe('When will the Pinghai road open to traffic?');
    const asked = at(
      userTexts().filter((u) => u.includes('<follow_up>')),
      -1,
    );
    expect(asked).toContain('<previous>\nHow much is the total investment of the Pinghai road?\n</previous>');
    expect(asked).toContain('<subject>\nPinghai\n</subject>');
    expect(asked).toContain('<follow_up>\nAnd when will it open?\n</follow_up>');
  });

  it('a rewrite that answers instead of asking is refused and logged; the offline reading is used', async () => {
    rewrite = () => '平海公路6月15日通车。';
    await ask(53, user(53), '平海公路总投资多少?');
    const r = await ask(53, user(53), '它什么时候通车?');
    expect(r.body.text).toMatch(/^<b>平海公路：<\/b>/);
    expect(answered().at(-1)).toBe('平海公路 它什么时候通车?');
    await waitFor(() => logLines.some((l) => l.includes('"rejected":"new-figure"')), 2_000, 'the log line');
  });

  it('a model that hangs: the rewrite times out, the offline reading and the extractive answer are used', async () => {
    await ask(54, user(54), '平海公路总投资多少?');
    llm.behaviour = { fault: 'hang' };
    const r = await ask(54, user(54), '它什么时候通车?');
    llm.behaviour = { reply };
    expect(r.body.text).toMatch(/^<b>平海公路：<\/b>6月15日（工程预计今年6月15日交工通车）/);
    expect(logLines.some((l) => l.includes('"rejected":"timeout"'))).toBe(true);
  });
});
