/** Sending answers to Telegram: HTML split under the message limit, a plain-text fallback, "typing…". */
import type { Context } from 'telegraf';
import { htmlToText, splitHtml } from './format.js';
import type { Button } from './source-buttons.js';

/** Answers quicker than this need no "typing…" (it would double the Bot API calls for nothing). */
const TYPING_AFTER_MS = 400;
/** Telegram shows a chat action for about 5 s, so a long answer renews it at this interval. */
const TYPING_EVERY_MS = 4_000;

/** Shows "typing…" once an answer takes noticeable time, until the returned function is called. */
export function keepTyping(ctx: Context): () => void {
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
 * Sends Telegram HTML, split into messages under 4096 characters, as a reply in groups; the buttons go
 * under the last part. If Telegram rejects the markup, the part is resent as plain text. Returns the
 * ids of the messages sent.
 */
export async function sendHtml(ctx: Context, html: string, buttons?: Button[][]): Promise<number[]> {
  const sent: number[] = [];
  const parts = splitHtml(html);
  const inGroup = ctx.chat?.type !== 'private';
  const replyTo =
    inGroup && ctx.message
      ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } }
      : {};
  for (const [i, part] of parts.entries()) {
    const markup = buttons?.length && i === parts.length - 1 ? { reply_markup: { inline_keyboard: buttons } } : {};
    try {
      sent.push((await ctx.reply(part, { parse_mode: 'HTML', ...replyTo, ...markup })).message_id);
    } catch (err) {
      if (!/can't parse entities/i.test(String((err as Error).message))) throw err;
      sent.push((await ctx.reply(htmlToText(part), { ...replyTo, ...markup })).message_id);
    }
  }
  return sent;
}
