/** Telegram HTML: escaping, answers and verdicts with their citations, and splitting under the message limit. */
import { MESSAGES, type Messages } from '../core/messages.js';
import type { Answer, CheckResult, Citation } from '../core/types.js';

/** Telegram's limit on one message's text. */
export const MAX_MESSAGE = 4096;

/** Escapes text for Telegram's HTML parse mode (`<`, `>`, `&`; quotes are safe outside attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function citationsHtml(citations: Citation[], heading: string, say: Messages): string {
  if (!citations.length) return '';
  return `\n\n<b>${escapeHtml(heading)}</b>\n${citations
    .map((c) => {
      const date = escapeHtml(say.dates.issue(c.date));
      return `[${c.n}] <b>${escapeHtml(c.title)}</b> · ${date}\n<blockquote>${escapeHtml(c.quote)}</blockquote>`;
    })
    .join('\n')}`;
}

/**
 * An answer as Telegram HTML: the answer first (after what a follow-up was taken to be about), then
 * numbered citations in blockquotes with their issue dates; a notice first when the question was
 * cut to `maxQuestionChars`.
 */
export function answerHtml(
  a: Answer & { truncated?: boolean; followUp?: { subject: string } },
  maxQuestionChars?: number,
): string {
  const say = MESSAGES[a.lang];
  const note = a.truncated && maxQuestionChars ? `<i>${escapeHtml(say.truncated(maxQuestionChars))}</i>\n` : '';
  const about = a.followUp ? `<b>${escapeHtml(say.about(a.followUp.subject))}</b>` : '';
  const related = a.related?.length ? citationsHtml(a.related, say.related, say) : '';
  return `${note}${about}${escapeHtml(a.answer)}${citationsHtml(a.citations, say.sources, say)}${related}`;
}

/** A claim-check result as Telegram HTML. */
export function checkHtml(r: CheckResult): string {
  const label = { supported: '✅', contradicted: '❌', not_found: '❔' }[r.verdict];
  const say = MESSAGES[r.lang];
  return `${label} ${escapeHtml(r.answer)}${citationsHtml(r.citations, say.sources, say)}`;
}

/** Visible text of Telegram HTML (tags removed, entities decoded), for the plain-text fallback. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Splits Telegram HTML into messages of at most `max` characters, preferring sentence and line
 * ends, and never inside a tag or an entity; tags open at a cut are closed and reopened.
 */
export function splitHtml(html: string, max = MAX_MESSAGE): string[] {
  const out: string[] = [];
  let rest = html;
  let reopen = '';
  while (reopen.length + rest.length > max) {
    const room = max - reopen.length - 40;
    let cut = -1;
    for (const re of [/\n/g, /[。！？!?]/g, /[，,；; ]/g]) {
      for (const m of rest.matchAll(re)) {
        if (m.index >= room) break;
        cut = m.index + 1;
      }
      if (cut > room / 2) break;
    }
    if (cut <= 0) cut = room;
    // Step back out of a tag or an entity.
    const lt = rest.lastIndexOf('<', cut - 1);
    if (lt > rest.lastIndexOf('>', cut - 1)) cut = lt;
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp > rest.lastIndexOf(';', cut - 1)) cut = amp;
    if (cut <= 0) cut = Math.max(1, room);
    const piece = reopen + rest.slice(0, cut);
    const open = openTags(piece);
    out.push(
      piece +
        open
          .map((t) => `</${t}>`)
          .reverse()
          .join(''),
    );
    reopen = open.map((t) => `<${t}>`).join('');
    rest = rest.slice(cut);
  }
  out.push(reopen + rest);
  return out.filter((p) => htmlToText(p).trim());
}

function openTags(html: string): string[] {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    const tag = m[2] ?? '';
    if (m[1]) stack.splice(stack.lastIndexOf(tag), 1);
    else stack.push(tag);
  }
  return stack;
}
