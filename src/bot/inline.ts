/**
 * Inline mode: `@bot <question>` in any chat answers with cards. A card's title is the figure or
 * name, its description the quote, and the message it sends the answer with its citation and issue
 * date as safe HTML. A short query gets a help card; queries are rate-limited per user like
 * questions, and results are cached briefly (here and by Telegram).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import { type Answerer, cleanQuestion } from '../answer/answerer.js';
import { isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { MESSAGES, type Messages } from '../core/messages.js';
import type { Lang } from '../core/types.js';
import { ExpiringMap } from '../state/expiring-map.js';
import type { Limiter } from '../state/rate-limiter.js';
import { detectLang } from '../text/normalize.js';
import { answerHtml, escapeHtml, splitHtml } from './format.js';
import type { BotObserver } from './webhook/metrics.js';

/** How long results are cached, here and by Telegram (`cache_time`). */
export const INLINE_CACHE_SECONDS = 60;
/** Queries cached at most in this process. */
const CACHE_ENTRIES = 2_000;
/** Shorter queries get the help card: fewer Han characters (Chinese), or fewer words (English). */
const MIN_QUERY = { zh: 4, en: 2 } as const;
const MAX_TITLE = 100;
const MAX_DESCRIPTION = 200;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What inline answers need. */
export interface InlineDeps {
  answerer: Answerer;
  /** Per-user limit on answered queries (cached results and help cards cost nothing). */
  limiter: Limiter;
  log: Logger;
  observer?: BotObserver;
}

function tooShort(query: string, lang: Lang): boolean {
  const n =
    lang === 'zh' ? (query.match(/\p{Script=Han}/gu)?.length ?? 0) : (query.match(/[A-Za-z0-9]+/g)?.length ?? 0);
  return n < MIN_QUERY[lang];
}

function helpCard(say: Messages, bot: string): InlineQueryResultArticle {
  return {
    type: 'article',
    id: 'help',
    title: say.inline.helpTitle,
    description: say.inline.helpDescription,
    input_message_content: { message_text: escapeHtml(say.inline.helpText(bot)), parse_mode: 'HTML' },
  };
}

/** The card of an answer: figure or name, quote, and the message with the question, answer and citation. */
async function answerCards(answerer: Answerer, query: string): Promise<InlineQueryResultArticle[]> {
  const a = await answerer.ask(query);
  const say = MESSAGES[a.lang];
  const quoted = a.citations[0] ?? a.related?.[0];
  const html = `<i>${escapeHtml(clip(query, 300))}</i>\n${answerHtml(a)}`;
  return [
    {
      type: 'article',
      id: createHash('sha256').update(query).digest('base64url').slice(0, 32),
      title: clip(a.found ? (a.lead ?? a.answer) : say.notFound, MAX_TITLE),
      ...(quoted ? { description: clip(quoted.quote, MAX_DESCRIPTION) } : {}),
      // The first part is whole HTML: splitHtml closes any tag it cuts.
      input_message_content: {
        message_text: splitHtml(html)[0] ?? escapeHtml(a.answer),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
    },
  ];
}

/**
 * The `inline_query` handler.
 *
 * @example
 * bot.on('inline_query', inlineHandler({ answerer, limiter: state.limiter('inline', 10), log }));
 */
export function inlineHandler(deps: InlineDeps): (ctx: Context) => Promise<void> {
  const cache = new ExpiringMap<string, InlineQueryResultArticle[]>(CACHE_ENTRIES);
  return async (ctx) => {
    const iq = ctx.inlineQuery;
    if (!iq) return;
    const query = cleanQuestion(iq.query).slice(0, deps.answerer.options.maxQuestionChars);
    const lang: Lang = query ? detectLang(query) : iq.from.language_code?.startsWith('zh') ? 'zh' : 'en';
    const say = MESSAGES[lang];
    const help = () =>
      ctx.answerInlineQuery([helpCard(say, ctx.botInfo?.username ?? 'bot')], { cache_time: INLINE_CACHE_SECONDS });
    if (tooShort(query, lang)) return void (await help());
    // Keyed by the query as typed: the card's message quotes it.
    let cards = cache.get(query);
    if (!cards) {
      if (!(await deps.limiter.take(iq.from.id)).ok) {
        deps.observer?.limited('inline');
        // No card to send by mistake: the notice is the button above the (empty) results.
        await ctx.answerInlineQuery([], {
          cache_time: 0,
          is_personal: true,
          button: { text: say.bot.limited, start_parameter: 'limited' },
        });
        return;
      }
      const t0 = performance.now();
      try {
        cards = await answerCards(deps.answerer, query);
      } catch (err) {
        if (isAppError(err, 'empty')) return void (await help());
        throw err;
      } finally {
        deps.observer?.answered('inline', performance.now() - t0);
      }
      cache.set(query, cards, INLINE_CACHE_SECONDS * 1000);
    }
    deps.log.debug({ query, cards: cards.length }, 'inline query');
    await ctx.answerInlineQuery(cards, { cache_time: INLINE_CACHE_SECONDS });
  };
}
