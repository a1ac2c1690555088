/**
 * 👍/👎 under each answer. A rating records the question, the answer, its citations, the index
 * build, the chat type and a keyed hash of the user id (never a name) in the feedback log; admins
 * see counts and the latest 👎 with `/feedback`, and `npm run feedback -- --export` turns the
 * records into eval cases.
 */
import { createHmac } from 'node:crypto';
import type { Context } from 'telegraf';
import type { Messages } from '../core/messages.js';
import type { FeedbackLog, FeedbackRecord } from '../state/state-store.js';
import type { AnswerRecord, Conversations } from './conversation.js';
import { escapeHtml } from './format.js';
import type { Button } from './source-buttons.js';

/**
 * A rating as recorded in the feedback log (the log's JSON; its `id` is one per answer and user). A
 * type, not an interface, so that it is a {@link FeedbackRecord} as it is.
 */
export type Rating = {
  id: string;
  at: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  /** The answer's figure or name alone, when it had one. */
  lead?: string;
  found?: boolean;
  lang?: 'zh' | 'en';
  citations: AnswerRecord['citations'];
  build?: string;
  chatType: string;
  /** HMAC-SHA256 of the user id keyed by the bot token: the same user gives the same value, and no name. */
  user: string;
  /** The answer was no longer remembered (older than a day, or many answers ago): taken from its message. */
  partial?: true;
};

/** Ratings read for `/feedback`: enough for recent counts, cheap to read. */
const SUMMARY_WINDOW = 1_000;
/** 👎 items `/feedback` lists. */
const SUMMARY_ITEMS = 5;

/** The 👍 and 👎 buttons of an answer, naming it by its record id. */
export function feedbackButtons(answerId: string): Button[] {
  return [
    { text: '👍', callback_data: `f:u:${answerId}` },
    { text: '👎', callback_data: `f:d:${answerId}` },
  ];
}

/** The rating and answer id of a 👍/👎 button's callback data, or undefined for other data. */
export function decodeFeedback(data: string): { rating: 'up' | 'down'; answerId: string } | undefined {
  const m = /^f:([ud]):([\w-]{1,16})$/.exec(data);
  return m?.[1] && m[2] ? { rating: m[1] === 'u' ? 'up' : 'down', answerId: m[2] } : undefined;
}

/** A keyed hash of a user id: stable for one bot, and not reversible by hashing every possible id. */
export function hashUser(userId: number, key: string): string {
  return createHmac('sha256', key).update(`user:${userId}`).digest('hex').slice(0, 16);
}

/** What a rating needs besides the answer. */
export interface RateDeps {
  conversations: Conversations;
  feedback: FeedbackLog;
  /** The key of {@link hashUser} (the bot token). */
  userKey: string;
}

/**
 * Records a 👍/👎 press and acknowledges it with a toast. An answer the chat no longer remembers is
 * recorded from its message (its text, and the question it replies to in groups), marked partial.
 */
export async function rate(
  ctx: Context,
  pressed: { rating: 'up' | 'down'; answerId: string },
  say: Messages,
  deps: RateDeps,
): Promise<void> {
  const cb = ctx.callbackQuery;
  const message = cb?.message;
  if (!cb || !message) return;
  const user = hashUser(cb.from.id, deps.userKey);
  const kept = await deps.conversations.answer(message.chat.id, pressed.answerId);
  const shown = 'text' in message ? message : undefined;
  const replied = shown?.reply_to_message;
  const rating: Rating = {
    id: `${pressed.answerId}.${user}`,
    at: new Date().toISOString(),
    rating: pressed.rating,
    ...(kept
      ? {
          question: kept.question,
          answer: kept.answer,
          ...(kept.lead ? { lead: kept.lead } : {}),
          found: kept.found,
          lang: kept.lang,
          citations: kept.citations,
          build: kept.build,
        }
      : {
          question: replied && 'text' in replied ? replied.text : '',
          answer: shown?.text ?? '',
          citations: [],
          partial: true as const,
        }),
    chatType: message.chat.type,
    user,
  };
  await deps.feedback.append(rating);
  await ctx.answerCbQuery(pressed.rating === 'up' ? say.feedback.up : say.feedback.down).catch(() => {});
}

/** The newest rating of each answer and user, newest first (a user who changes their mind counts once). */
export function distinctRatings(records: readonly FeedbackRecord[]): Rating[] {
  const seen = new Set<string>();
  const out: Rating[] = [];
  for (const r of records as readonly Partial<Rating>[]) {
    if ((r.rating !== 'up' && r.rating !== 'down') || typeof r.id !== 'string' || seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(r as Rating);
  }
  return out;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `/feedback` for admins, as Telegram HTML: counts over the latest ratings, then the latest 👎. */
export async function feedbackSummary(feedback: FeedbackLog, say: Messages): Promise<string> {
  const ratings = distinctRatings(await feedback.latest(SUMMARY_WINDOW));
  if (!ratings.length) return escapeHtml(say.feedback.none);
  const down = ratings.filter((r) => r.rating === 'down');
  const items = down.slice(0, SUMMARY_ITEMS).map((r) => {
    const when = r.at.slice(0, 16).replace('T', ' ');
    return `• <i>${escapeHtml(clip(r.question || '?', 120))}</i>\n  → ${escapeHtml(clip(r.answer, 160))} (${when})`;
  });
  const counts = escapeHtml(say.feedback.summary(ratings.length - down.length, down.length, ratings.length));
  return items.length ? `${counts}\n\n<b>${escapeHtml(say.feedback.latestDown)}</b>\n${items.join('\n')}` : counts;
}

/**
 * A rating as an eval case (the format of `tests/eval/*.jsonl`), for `npm run feedback -- --export`.
 * A 👍 on an answer keeps its figure or name as the key and its quote as the evidence; a 👎 leaves
 * `keys` empty and says `needs_review`: staff write the right key and evidence (or set `found` false).
 */
export function evalCase(r: Rating): Record<string, unknown> {
  const confirmed = r.rating === 'up' && !r.partial;
  return {
    id: `fb-${r.id}`,
    lang: r.lang ?? (/\p{Script=Han}/u.test(r.question) ? 'zh' : 'en'),
    q: r.question,
    keys: confirmed && r.found && r.lead ? [r.lead] : [],
    evidence: confirmed && r.found ? (r.citations[0]?.quote ?? '') : '',
    found: confirmed ? Boolean(r.found) : true,
    style: 'feedback',
    rating: r.rating,
    ...(r.rating === 'down' || r.partial ? { needs_review: true } : {}),
    answer_given: r.answer,
    citations: r.citations.map((c) => ({
      n: c.n,
      article_id: c.articleId,
      title: c.title,
      quote: c.quote,
      source: c.source,
      paragraph: c.paragraph,
      ...(c.date ? { date: c.date } : {}),
    })),
    ...(r.build ? { build: r.build } : {}),
    chat_type: r.chatType,
    user: r.user,
    at: r.at,
  };
}
