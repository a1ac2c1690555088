/**
 * 👍/👎 through the real telegraf (launchBot, polling) and the loopback Bot API: records in the
 * append-only file, /feedback for admins, the export in the eval format (the real script), buttons
 * from before a re-ingest and a restart, and the command menus set at start.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { hashUser } from '../../src/bot/feedback.js';
import { launchBot, type RunningBot } from '../../src/bot/start.js';
import { type EvalItem, judge } from '../../src/cli/eval-set.js';
import { type Config, loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { buildIndex } from '../../src/index/store/build.js';
import { loadIndex } from '../../src/index/store/load.js';
import { FileFeedbackLog } from '../../src/state/feedback-file.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { type Call, FakeBotApi } from '../../testkit/fake-bot-api.js';
import { at, waitFor, workspace } from '../helpers.js';

const TOKEN = '737373:FeedbackTokenABCDEFGHIJKLMNOPQ';
const ADMIN = 600;
const api = new FakeBotApi();
const ws = workspace();
const feedbackFile = join(ws.dir, 'data', 'feedback.jsonl');
let config: Config;
let running: RunningBot;

const user = (id: number, lang = 'zh') => ({ id, is_bot: false, first_name: `Name${id}`, language_code: lang });
const privateChat = (id: number) => ({ id, type: 'private' as const });
const group = { id: -100999, type: 'supergroup' as const, title: 'desk' };

/** Starts the bot on a fresh in-memory state (a restart forgets chats) with the feedback file. */
async function start(): Promise<RunningBot> {
  const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
  const state = new MemoryStateStore({ feedback: new FileFeedbackLog(config.feedbackFile) });
  return launchBot(config, config, answerer, createLogger('silent'), { state });
}

async function ask(chat: { id: number }, from: ReturnType<typeof user>, text: string): Promise<Call> {
  const before = api.sent(chat.id).length;
  const command = text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {};
  api.push({ chat, from, text, ...command });
  return at(await api.waitSent(chat.id, before + 1), before);
}

/** Presses a button and returns the toast the bot answered with. */
async function press(sent: Call, data: string, from: ReturnType<typeof user>): Promise<string | undefined> {
  const id = api.pressButton(sent, data, from);
  await api.waitHandled(id);
  const cb = `cb${id}`;
  return api.calls.find((c) => c.method === 'answerCallbackQuery' && c.body.callback_query_id === cb)?.body.text;
}

const records = () =>
  readFileSync(feedbackFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const buttons = (sent: Call): Array<{ text: string; callback_data: string }> =>
  sent.result.reply_markup.inline_keyboard[0];
const data = (sent: Call, text: string) => buttons(sent).find((b) => b.text.includes(text))?.callback_data ?? '';

beforeAll(async () => {
  await buildIndex(ws.config);
  config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: await api.start(),
    CORPUS_DIR: ws.config.corpusDir,
    INDEX_DIR: ws.config.indexDir,
    FEEDBACK_FILE: feedbackFile,
    ADMIN_USER_IDS: String(ADMIN),
    LOG_LEVEL: 'silent',
  });
  running = await start();
  await api.waitPolling();
});
afterAll(async () => {
  await running?.stop('test');
  await api.stop();
  ws.cleanup();
});

describe('command menus', () => {
  it('sets the commands in English and Chinese at start, and the admin commands for admins', () => {
    expect(api.menu().map((c) => c.command)).toEqual(['ask', 'check', 'new', 'latest', 'about', 'help']);
    expect(api.menu('zh').find((c) => c.command === 'new')?.description).toBe('开始新话题');
    const admin = api.menu('zh', { type: 'chat', chat_id: ADMIN }).map((c) => c.command);
    expect(admin).toEqual(expect.arrayContaining(['feedback', 'reload', 'ask']));
    expect(api.calls.filter((c) => c.method === 'setMyCommands' && c.refused)).toEqual([]);
  });
});

describe('rating answers', () => {
  it('an answer carries 👍/👎 next to its source button; 👎 records it with a toast, without names or ids', async () => {
    const sent = await ask(privateChat(601), user(601), '平海公路总投资多少?');
    expect(buttons(sent).map((b) => b.text)).toEqual(['[1] 原文段落', '👍', '👎']);
    for (const b of buttons(sent)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(await press(sent, data(sent, '👎'), user(601))).toBe('谢谢，已记录这条回答，我们会核查。');
    const r = at(records(), -1);
    expect(r).toMatchObject({
      rating: 'down',
      question: '平海公路总投资多少?',
      lead: '5.65亿元',
      found: true,
      lang: 'zh',
      chatType: 'private',
      user: hashUser(601, TOKEN),
      build: (await loadIndex(config)).manifest.builtAt,
    });
    expect(r.answer).toMatch(/^5\.65亿元/);
    expect(r.citations[0]).toMatchObject({ n: 1, title: '平海公路快速化改造全面复工', paragraph: expect.any(Number) });
    const raw = readFileSync(feedbackFile, 'utf8');
    expect(raw).not.toContain('Name601');
    expect(raw).not.toMatch(/"601"|:601\b/);
    expect(raw).not.toContain(TOKEN.split(':')[1]);
  });

  it('in a group, a member rates a "does not say" answer; /feedback gives admins counts and the latest 👎', async () => {
    api.push({
      chat: group,
      from: user(602, 'en'),
      text: '@bulletin_qa_bot What is the weather forecast for Nantong tomorrow?',
      entities: [{ type: 'mention', offset: 0, length: 16 }],
    });
    const sent = at(await api.waitSent(group.id, 1), 0);
    expect(buttons(sent).map((b) => b.text)).toEqual(['👍', '👎']);
    expect(await press(sent, data(sent, '👍'), user(603, 'en'))).toBe('Thanks!');
    expect(await press(sent, data(sent, '👎'), user(604, 'en'))).toMatch(/^Thanks: this answer has been recorded/);
    expect(at(records(), -1)).toMatchObject({ chatType: 'supergroup', found: false, rating: 'down' });
    const denied = await ask(privateChat(605), user(605), '/feedback');
    expect(denied.body.text).toBe('只有管理员可以使用这个命令。');
    const summary = await ask(privateChat(ADMIN), user(ADMIN, 'en'), '/feedback');
    expect(summary.body.text).toMatch(/^Last 3 ratings: 👍 1, 👎 2\./);
    expect(summary.body.text).toContain('What is the weather forecast for Nantong tomorrow?');
    expect(summary.body.text).toContain('平海公路总投资多少?');
  });

  it('npm run feedback -- --export prints the ratings as eval cases, oldest first', () => {
    const env = { ...process.env, FEEDBACK_FILE: feedbackFile, REDIS_URL: '', LOG_LEVEL: 'silent' };
    const out = spawnSync('npx', ['tsx', 'scripts/feedback.ts', '--export'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    const cases = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)) as Array<EvalItem & Record<string, any>>;
    expect(cases.map((c) => [c.q.slice(0, 8), c.rating])).toEqual([
      ['平海公路总投资多', 'down'],
      ['What is ', 'up'],
      ['What is ', 'down'],
    ]);
    expect(cases[0]).toMatchObject({ lang: 'zh', keys: [], found: true, needs_review: true, style: 'feedback' });
    expect(cases[0]?.answer_given).toMatch(/^5\.65亿元/);
    // A 👍 on "does not say" is a ready eval case: judged right when the bot abstains.
    expect(cases[1]).toMatchObject({ lang: 'en', found: false, chat_type: 'supergroup' });
    expect(judge(cases[1] as EvalItem, { found: false, answer: '', citations: [] }).right).toBe(true);
  });
});

describe('buttons from before a re-ingest and a restart', () => {
  it('an old source button says the paragraph is gone; its 👎 still records the build that answered', async () => {
    const chat = privateChat(610);
    const sent = await ask(chat, user(610), '海门有多少项目2月底全面复工?');
    const oldBuild = (await loadIndex(config)).manifest.builtAt;
    const seed = join(ws.config.corpusDir, 'nantong-bulletin-2020-02.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('海门31个超10亿元', '海门32个超10亿元'));
    await buildIndex(ws.config);
    expect((await running.reloader.reload(true)).status).toBe('reloaded');
    expect(await press(sent, data(sent, '原文段落'), user(610))).toMatch(/不在当前的公报索引中/);
    expect(api.sent(chat.id)).toHaveLength(1);
    expect(await press(sent, data(sent, '👎'), user(610))).toMatch(/已记录/);
    expect(at(records(), -1)).toMatchObject({ question: '海门有多少项目2月底全面复工?', build: oldBuild });
  });

  it('after a restart the ratings are kept, and a 👎 on an answer the bot forgot is taken from its message', async () => {
    const before = records().length;
    const sent = at(api.sent(601), 0);
    await running.stop('restart');
    running = await start();
    expect(await press(sent, data(sent, '👎'), user(601))).toMatch(/已记录/);
    await waitFor(() => records().length === before + 1, 5_000, 'the record');
    expect(at(records(), -1)).toMatchObject({ partial: true, question: '', rating: 'down', chatType: 'private' });
    expect(at(records(), -1).answer).toMatch(/^5\.65亿元/);
  });
});
