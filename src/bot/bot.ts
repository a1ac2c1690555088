/**
 * The Telegram bot over the shared {@link Answerer}: private chats answer any text (a forwarded
 * message is a claim to check); groups answer on @mention, on replies to the bot, and on /ask@bot or
 * /check@bot (as a reply, it checks the replied-to message); inline queries in any chat. Answers carry
 * source and 👍/👎 buttons, and follow-ups take the chat's topic. One `bot.catch` for everything.
 */
import { type Context, Telegraf } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Answerer } from '../answer/answerer.js';
import { checkClaim } from '../answer/claim/claim-check.js';
import type { Config } from '../core/config.js';
import { userMessageOf } from '../core/errors.js';
import { type Logger, redact } from '../core/logger.js';
import { MESSAGES, type Messages } from '../core/messages.js';
import { type IndexReloader, reloadSummary } from '../index/store/reloader.js';
import { MemoryStateStore } from '../state/memory-store.js';
import type { Limiter } from '../state/rate-limiter.js';
import type { StateStore } from '../state/state-store.js';
import { detectLang } from '../text/normalize.js';
import { aboutText, latestText } from './archive.js';
import { type AskedIn, answerRecord, Conversations } from './conversation.js';
import { decodeFeedback, feedbackButtons, feedbackSummary, rate } from './feedback.js';
import { answerHtml, checkHtml, escapeHtml } from './format.js';
import { inlineHandler } from './inline.js';
import { keepTyping, sendHtml } from './reply.js';
import { withRetries } from './retry.js';
import { type Button, decodeSource, encodeSource, paragraphHash } from './source-buttons.js';
import type { BotObserver } from './webhook/metrics.js';

/** The text of a message, or its caption (a photo's, a document's): what `/check` as a reply checks. */
function textOf(msg: object): string {
  if ('text' in msg && typeof msg.text === 'string') return msg.text;
  return 'caption' in msg && typeof msg.caption === 'string' ? msg.caption : '';
}

/** Longest text accepted as a question before the polite refusal. */
const HARD_LIMIT = 4000;

/** The user's language: their Telegram client's, else the language of what they wrote. */
function messagesFor(ctx: Context, sample = ''): Messages {
  const zh = ctx.from?.language_code?.startsWith('zh') || (sample && detectLang(sample) === 'zh');
  return MESSAGES[zh ? 'zh' : 'en'];
}

/** What a bot needs besides the answerer: the reloader for `/reload`, shared state, and what counts its work. */
export interface BotDeps {
  reloader?: IndexReloader;
  /** Rate limits, chat context and feedback, shared by replicas (default: in this process's memory). */
  state?: StateStore;
  /** Overrides the limits `state` gives. */
  perUser?: Limiter;
  perGroup?: Limiter;
  /** Counts updates, answers, refusals and fallbacks (`/metrics`). */
  observer?: BotObserver;
}

/** Builds the bot; with a `reloader`, admins (ADMIN_USER_IDS) can `/reload` the index. */
export function createBot(config: Config, answerer: Answerer, log: Logger, deps: BotDeps = {}): Telegraf {
  const tg = config.telegram;
  // webhookReply off: every call goes through the Bot API client, so retries and logging cover it.
  const bot = new Telegraf(tg.token ?? '', {
    telegram: { apiRoot: tg.apiRoot, webhookReply: false },
    handlerTimeout: tg.updateTimeoutMs,
  });
  withRetries(bot.telegram, log);
  const state = deps.state ?? new MemoryStateStore();
  const perUser = deps.perUser ?? state.limiter('user', tg.rateLimitPerMinute);
  const perGroup = deps.perGroup ?? state.limiter('group', tg.groupRateLimitPerMinute);
  const observer = deps.observer;
  const conversations = new Conversations(state.chats);
  const isAdmin = (ctx: Context) => ctx.from !== undefined && tg.adminUserIds.includes(ctx.from.id);

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
      log.info(
        { update: ctx.update.update_id, chat: ctx.chat?.type, ms: Math.round(performance.now() - t0), outcome },
        'update',
      );
      observer?.update(outcome);
    }
  });

  const allowed = async (ctx: Context, sample: string): Promise<boolean> => {
    const group =
      ctx.chat && ctx.chat.type !== 'private' ? await perGroup.take(ctx.chat.id) : { ok: true, notify: false };
    const user = await perUser.take(ctx.from?.id ?? 0);
    if (group.ok && user.ok) return true;
    observer?.limited(group.ok ? 'user' : 'group');
    if (user.notify || group.notify) await sendHtml(ctx, escapeHtml(messagesFor(ctx, sample).bot.limited));
    return false;
  };

  const sourceButtons = (
    citations: { articleId: string; paragraph: number; n: number }[],
    say: Messages,
  ): Button[][] => {
    const row = citations.flatMap((c) => {
      const text = answerer.paragraph(c.articleId, c.paragraph)?.text;
      return text === undefined
        ? []
        : [{ text: `[${c.n}] ${say.fullParagraph}`, callback_data: encodeSource(c, text) }];
    });
    return row.length ? [row] : [];
  };

  /** Where a question was asked, for its follow-up topic; undefined outside a chat message. */
  const askedIn = (ctx: Context): AskedIn | undefined => {
    const msg = ctx.message;
    if (!ctx.chat || !ctx.from || !msg) return undefined;
    const replyTo = 'reply_to_message' in msg ? msg.reply_to_message?.message_id : undefined;
    return {
      chatId: ctx.chat.id,
      group: ctx.chat.type !== 'private',
      userId: ctx.from.id,
      messageId: msg.message_id,
      ...(replyTo === undefined ? {} : { replyTo }),
    };
  };

  const answer = async (ctx: Context, question: string, mode: 'ask' | 'check') => {
    const say = messagesFor(ctx, question);
    if (!(await allowed(ctx, question))) return;
    if (question.length > HARD_LIMIT) return sendHtml(ctx, escapeHtml(say.bot.tooLong(HARD_LIMIT)));
    log.debug({ question }, 'question');
    const stopTyping = keepTyping(ctx);
    const t0 = performance.now();
    try {
      if (mode === 'check') return await sendHtml(ctx, checkHtml(await checkClaim(answerer, question)));
      const asked = askedIn(ctx);
      const topic = asked && (await conversations.topicFor(asked));
      const a = await answerer.ask(question, topic ? { topic } : {});
      if (a.followUp?.rejected) log.info({ rejected: a.followUp.rejected }, 'follow-up rewrite not used; rules used');
      if (a.fallback) {
        log.warn({ fallback: a.fallback, detail: a.fallbackDetail }, 'LLM answer not used; extractive answer shown');
        observer?.fallback(a.fallback);
      }
      if (a.vectorError) {
        log.warn({ vectorError: a.vectorError }, 'embeddings provider failed; keyword retrieval only');
        observer?.fallback('vector');
      }
      const record = answerRecord(a, answerer.loaded.manifest.builtAt);
      const buttons = sourceButtons(a.citations, MESSAGES[a.lang]);
      const sent = await sendHtml(ctx, answerHtml(a, config.maxQuestionChars), [
        [...(buttons[0] ?? []), ...feedbackButtons(record.id)],
      ]);
      if (asked) await conversations.remember(asked, sent, a.topic, record);
    } catch (err) {
      await sendHtml(ctx, escapeHtml(userMessageOf(err)));
    } finally {
      stopTyping();
      observer?.answered(mode, performance.now() - t0);
    }
  };

  const mentioned = (ctx: Context, msg: Message.TextMessage): boolean => {
    const me = ctx.botInfo?.username?.toLowerCase();
    const byMention = (msg.entities ?? []).some(
      (e) => e.type === 'mention' && msg.text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me,
    );
    return byMention || msg.reply_to_message?.from?.id === ctx.botInfo?.id;
  };
  const stripMention = (ctx: Context, text: string) =>
    text.replace(new RegExp(`@${ctx.botInfo?.username ?? '\\0'}\\b`, 'gi'), ' ').trim();

  bot.start((ctx) => sendHtml(ctx, escapeHtml(messagesFor(ctx).bot.start)));
  bot.help((ctx) => sendHtml(ctx, escapeHtml(messagesFor(ctx).bot.help)));
  bot.command('about', (ctx) => sendHtml(ctx, escapeHtml(aboutText(answerer, messagesFor(ctx)))));
  bot.command('latest', (ctx) => sendHtml(ctx, escapeHtml(latestText(answerer, messagesFor(ctx)))));
  bot.command('reload', async (ctx) => {
    if (!deps.reloader || !tg.adminUserIds.includes(ctx.from.id))
      return sendHtml(ctx, escapeHtml(messagesFor(ctx).bot.adminOnly));
    const r = await deps.reloader.reload(true);
    log.info({ status: r.status, by: ctx.from.id }, 'reload command');
    return sendHtml(ctx, escapeHtml(reloadSummary(r)));
  });
  bot.command('feedback', async (ctx) => {
    const say = messagesFor(ctx);
    if (!isAdmin(ctx)) return sendHtml(ctx, escapeHtml(say.bot.adminOnly));
    return sendHtml(ctx, await feedbackSummary(state.feedback, say));
  });
  bot.command('new', async (ctx) => {
    await conversations.forgetTopics(ctx.chat.id);
    return sendHtml(ctx, escapeHtml(messagesFor(ctx).bot.newTopic));
  });
  bot.command('ask', (ctx) => answer(ctx, ctx.payload || '', 'ask'));
  bot.command('check', (ctx) => {
    // Sent as a reply, it checks the replied-to message (its text or caption; forwarded ones too).
    const replied = ctx.message.reply_to_message;
    const claim = ctx.payload.trim() || (replied ? textOf(replied) : '');
    if (!claim.trim()) return sendHtml(ctx, escapeHtml(messagesFor(ctx).check.usage));
    return answer(ctx, claim, 'check');
  });
  bot.on(
    'inline_query',
    inlineHandler({ answerer, limiter: state.limiter('inline', tg.rateLimitPerMinute), log, observer }),
  );
  bot.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const pressed = decodeFeedback(data ?? '');
    if (pressed) {
      const say = messagesFor(ctx);
      return rate(ctx, pressed, say, { conversations, feedback: state.feedback, userKey: tg.token ?? '' });
    }
    const button = decodeSource(data ?? '');
    const p = button ? answerer.paragraph(button.articleId, button.paragraph) : undefined;
    if (!button || !p || paragraphHash(p.text) !== button.hash) {
      // An old button whose paragraph is gone or changed: say so, never show another article.
      await ctx.answerCbQuery(messagesFor(ctx).staleButton).catch(() => {});
      return;
    }
    await ctx.answerCbQuery().catch(() => {});
    await sendHtml(
      ctx,
      `<b>${escapeHtml(p.title)}</b> (${escapeHtml(p.source)}, ¶${button.paragraph})\n${escapeHtml(p.text)}`,
    );
  });
  bot.on('text', async (ctx) => {
    const msg = ctx.message;
    if (msg.text.startsWith('/')) return;
    if (ctx.chat.type !== 'private') {
      if (!mentioned(ctx, msg)) return;
      return answer(ctx, stripMention(ctx, msg.text), 'ask');
    }
    // A message forwarded into a private chat is a claim someone made: it gets a verdict.
    return answer(ctx, msg.text, msg.forward_origin ? 'check' : 'ask');
  });
  bot.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const caption = 'caption' in ctx.message ? ctx.message.caption : undefined;
    const forwarded = 'forward_origin' in ctx.message && ctx.message.forward_origin !== undefined;
    if (forwarded && caption) return answer(ctx, caption, 'check');
    await sendHtml(ctx, escapeHtml(messagesFor(ctx).bot.notText));
  });

  bot.catch(async (err, ctx) => {
    log.error({ err: redact(String((err as Error)?.stack ?? err)), update: ctx.update.update_id }, 'update failed');
    if (ctx.chat) await ctx.reply(messagesFor(ctx).bot.failed).catch(() => {});
  });
  return bot;
}
