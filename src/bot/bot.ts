import { Telegraf, type Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Config } from '../core/config.js';
import { userMessageOf } from '../core/errors.js';
import { redact, type Logger } from '../core/logger.js';
import type { Answerer } from '../rag/answerer.js';
import { checkClaim } from '../rag/checker.js';
import { reloadSummary, type IndexReloader } from '../rag/index-reloader.js';
import { detectLang } from '../rag/question.js';
import { answerHtml, checkHtml, escapeHtml, htmlToText, splitHtml } from './format.js';
import { RateLimiter } from './rate-limiter.js';
import { withRetries } from './retry.js';

const TEXTS = {
  zh: {
    start: '你好！我回答关于本地新闻公报的问题，并引用原文。试试：\n• 海门有多少项目2月底全面复工?\n• 平海公路预计什么时候交工通车?\n• 谁主持召开了分管部门安全生产工作专题推进会?\n\n/check 后面加一句话可以核对说法。',
    help: '直接发问题即可（中文或英文）。\n/ask 问题 — 提问\n/check 说法 — 核对说法\n/about — 已收录的公报\n群里请 @我 或回复我的消息。',
    notText: '我只回答文字问题。',
    limited: '提问太频繁了，请稍等一分钟再试。',
    tooLong: (n: number) => `问题太长了（超过 ${n} 字），请精简后再问。`,
    failed: '抱歉，出了点问题，请稍后再试。',
    adminOnly: '只有管理员可以使用这个命令。',
  },
  en: {
    start: 'Hello! I answer questions about the local news bulletin, quoting it. Try:\n• How many Haimen projects resume by end of February?\n• When will the Pinghai road be open to traffic?\n• How many jin of crabs were still unsold after the holiday?\n\nUse /check followed by a statement to fact-check it.',
    help: 'Just send a question (Chinese or English).\n/ask question — ask\n/check statement — fact-check\n/about — bulletins indexed\nIn groups, @mention me or reply to my message.',
    notText: 'I answer text questions only.',
    limited: 'Too many questions: please wait a minute.',
    tooLong: (n: number) => `That question is too long (over ${n} characters): please shorten it.`,
    failed: 'Sorry, something went wrong. Please try again later.',
    adminOnly: 'Only admins can use this command.',
  },
};

type Texts = (typeof TEXTS)['en'];
const textsFor = (ctx: Context, sample = ''): Texts =>
  (ctx.from?.language_code?.startsWith('zh') || (sample && detectLang(sample) === 'zh') ? TEXTS.zh : TEXTS.en) as Texts;

/** Longest text accepted as a question before the polite refusal. */
const HARD_LIMIT = 4000;
/** Answers quicker than this need no "typing…" (it would double the Bot API calls for nothing). */
const TYPING_AFTER_MS = 400;
/** Telegram shows a chat action for about 5 s, so a long answer renews it at this interval. */
const TYPING_EVERY_MS = 4_000;

/** Shows "typing…" once an answer takes noticeable time, until the returned function is called. */
function keepTyping(ctx: Context): () => void {
  const send = () => void ctx.sendChatAction('typing').catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    send();
    timer = setInterval(send, TYPING_EVERY_MS);
  }, TYPING_AFTER_MS);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Builds the Telegram bot over the shared {@link Answerer}: private chats answer any text;
 * groups answer on @mention, on replies to the bot, and on /ask@bot or /check@bot.
 * With a `reloader`, admins (ADMIN_USER_IDS) can `/reload` the index.
 */
export function createBot(config: Config, answerer: Answerer, log: Logger, reloader?: IndexReloader): Telegraf {
  const tg = config.telegram;
  // webhookReply off: every call goes through the Bot API client, so retries and logging cover it.
  const bot = new Telegraf(tg.token!, { telegram: { apiRoot: tg.apiRoot, webhookReply: false }, handlerTimeout: tg.updateTimeoutMs });
  withRetries(bot.telegram, log);
  const perUser = new RateLimiter(tg.rateLimitPerMinute);
  const perGroup = new RateLimiter(tg.groupRateLimitPerMinute);
  const articles = () => answerer.loaded.articles;

  bot.use(async (ctx, next) => {
    // Telegraf gives each update its own Telegram client, so the retry policy is applied per update.
    withRetries(ctx.telegram, log);
    const t0 = performance.now();
    let outcome = 'ok';
    try {
      if (tg.allowedChatIds && ctx.chat && !tg.allowedChatIds.includes(ctx.chat.id)) outcome = 'not-allowed';
      else if (ctx.from?.is_bot) outcome = 'ignored-bot';
      else await next();
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      log.info({ update: ctx.update.update_id, chat: ctx.chat?.type, ms: Math.round(performance.now() - t0), outcome }, 'update');
    }
  });

  const send = async (ctx: Context, html: string, buttons?: Array<{ text: string; callback_data: string }>) => {
    const parts = splitHtml(html);
    const inGroup = ctx.chat?.type !== 'private';
    const replyTo = inGroup && ctx.message ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {};
    for (const [i, part] of parts.entries()) {
      const markup = buttons?.length && i === parts.length - 1 ? { reply_markup: { inline_keyboard: [buttons] } } : {};
      try {
        await ctx.reply(part, { parse_mode: 'HTML', ...replyTo, ...markup });
      } catch (err) {
        if (!/can't parse entities/i.test(String((err as Error).message))) throw err;
        await ctx.reply(htmlToText(part), { ...replyTo, ...markup });
      }
    }
  };

  const allowed = async (ctx: Context, sample: string): Promise<boolean> => {
    const group = ctx.chat && ctx.chat.type !== 'private' ? perGroup.take(ctx.chat.id) : { ok: true, notify: false };
    const user = perUser.take(ctx.from?.id ?? 0);
    if (group.ok && user.ok) return true;
    if (user.notify || group.notify) await send(ctx, escapeHtml(textsFor(ctx, sample).limited));
    return false;
  };

  const answer = async (ctx: Context, question: string, mode: 'ask' | 'check') => {
    const t = textsFor(ctx, question);
    if (!(await allowed(ctx, question))) return;
    if (question.length > HARD_LIMIT) return send(ctx, escapeHtml(t.tooLong(HARD_LIMIT)));
    log.debug({ question }, 'question');
    const stopTyping = keepTyping(ctx);
    try {
      if (mode === 'check') return await send(ctx, checkHtml(await checkClaim(answerer, question)));
      const a = await answerer.ask(question);
      if (a.fallback) log.warn({ fallback: a.fallback, detail: a.fallback_detail }, 'LLM answer not used; extractive answer shown');
      if (a.vectorError) log.warn({ vectorError: a.vectorError }, 'embeddings provider failed; keyword retrieval only');
      const buttons = a.citations.map((c) => {
        const idx = articles().findIndex((x) => x.id === c.article_id);
        return { text: `[${c.n}] ${a.lang === 'zh' ? '原文段落' : 'Full paragraph'}`, callback_data: `p:${idx}:${c.paragraph}` };
      });
      await send(ctx, answerHtml(a), buttons);
    } catch (err) {
      await send(ctx, escapeHtml(userMessageOf(err)));
    } finally {
      stopTyping();
    }
  };

  const mentioned = (ctx: Context, msg: Message.TextMessage): boolean => {
    const me = ctx.botInfo?.username?.toLowerCase();
    const byMention = (msg.entities ?? []).some((e) => e.type === 'mention' && msg.text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me);
    const byReply = msg.reply_to_message?.from?.id === ctx.botInfo?.id;
    return byMention || byReply;
  };
  const stripMention = (ctx: Context, text: string) => text.replace(new RegExp(`@${ctx.botInfo?.username ?? '\\0'}\\b`, 'gi'), ' ').trim();

  bot.start((ctx) => send(ctx, escapeHtml(textsFor(ctx).start)));
  bot.help((ctx) => send(ctx, escapeHtml(textsFor(ctx).help)));
  bot.command('about', (ctx) => {
    const m = answerer.loaded.manifest;
    const files = m.corpus.filter((f) => !m.skipped.some((s) => s.name === f.name)).map((f) => f.name);
    return send(ctx, escapeHtml(`bulletin-qa ${process.env.npm_package_version ?? ''}\n${files.join('\n')}\n${m.articles} articles, ${m.chunks} chunks (built ${m.builtAt}).`));
  });
  bot.command('reload', async (ctx) => {
    if (!reloader || !tg.adminUserIds.includes(ctx.from.id)) return send(ctx, escapeHtml(textsFor(ctx).adminOnly));
    const r = await reloader.reload(true);
    log.info({ status: r.status, by: ctx.from.id }, 'reload command');
    return send(ctx, escapeHtml(reloadSummary(r)));
  });
  bot.command('ask', (ctx) => answer(ctx, ctx.payload || '', 'ask'));
  bot.command('check', (ctx) => answer(ctx, ctx.payload || '', 'check'));
  bot.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const m = /^p:(\d+):(\d+)$/.exec(data ?? '');
    const a = m ? articles()[Number(m[1])] : undefined;
    const p = a ? answerer.paragraph(a.id, Number(m![2])) : undefined;
    await ctx.answerCbQuery().catch(() => {});
    if (p) await send(ctx, `<b>${escapeHtml(p.title)}</b> (${escapeHtml(p.source)}, ¶${m![2]})\n${escapeHtml(p.text)}`);
  });
  bot.on('text', async (ctx) => {
    const msg = ctx.message;
    if (msg.text.startsWith('/')) return;
    if (ctx.chat.type !== 'private') {
      if (!mentioned(ctx, msg)) return;
      return answer(ctx, stripMention(ctx, msg.text), 'ask');
    }
    return answer(ctx, msg.text, 'ask');
  });
  bot.on('message', async (ctx) => {
    if (ctx.chat.type === 'private') await send(ctx, escapeHtml(textsFor(ctx).notText));
  });

  bot.catch(async (err, ctx) => {
    log.error({ err: redact(String((err as Error)?.stack ?? err)), update: ctx.update.update_id }, 'update failed');
    if (ctx.chat) await ctx.reply(textsFor(ctx).failed).catch(() => {});
  });
  return bot;
}

