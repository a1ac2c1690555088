/**
 * What the Bot API refuses, as its documentation states it: HTML parse mode, inline query results,
 * command menus and callback answers. The loopback Bot API answers 400 with the reason, as Telegram does.
 */

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span',
]);

/**
 * Validates HTML the way the Bot API documents it: known tags, balanced, entities only &lt; &gt; &amp;
 * &quot; and numeric ones.
 */
export function validTelegramHtml(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>|&([a-z#0-9]+);|[<>]|&/gi)) {
    if (m[0] === '<' || m[0] === '>') return false;
    if (m[0] === '&') return false;
    if (m[3] !== undefined) {
      if (!/^(lt|gt|amp|quot|#\d+|#x[0-9a-f]+)$/i.test(m[3])) return false;
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return false;
    if (m[1]) {
      if (stack.pop() !== tag) return false;
    } else stack.push(tag);
  }
  return stack.length === 0;
}

/** Telegram's limit on a message's text, and on callback data. */
const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA = 64;

/** Why an inline keyboard is refused, or undefined. */
function keyboardProblem(markup: any): string | undefined {
  if (markup === undefined) return undefined;
  if (!Array.isArray(markup?.inline_keyboard)) return 'reply_markup.inline_keyboard must be an array of rows';
  for (const row of markup.inline_keyboard) {
    if (!Array.isArray(row)) return 'a keyboard row must be an array';
    for (const b of row) {
      if (typeof b?.text !== 'string' || !b.text) return 'a button needs text';
      if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data)) > MAX_CALLBACK_DATA)
        return 'BUTTON_DATA_INVALID';
    }
  }
  return undefined;
}

/** Why a message's text (with its parse mode) is refused, or undefined. */
export function textProblem(text: unknown, parseMode: unknown): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return 'message text is empty';
  if (text.length > MAX_TEXT) return 'message is too long';
  if (parseMode === 'HTML' && !validTelegramHtml(text)) return "can't parse entities";
  return undefined;
}

/**
 * Why `answerInlineQuery` is refused, or undefined: at most 50 results with unique ids of 1–64
 * bytes; articles need a title and message content whose text passes the same checks as messages;
 * the optional button needs text and a start parameter of 1–64 characters `A-Za-z0-9_-`.
 */
export function inlineAnswerProblem(body: any): string | undefined {
  if (typeof body?.inline_query_id !== 'string' || !body.inline_query_id) return 'inline_query_id is missing';
  const results = body.results;
  if (!Array.isArray(results)) return 'results must be an array';
  if (results.length > 50) return 'RESULTS_TOO_MUCH';
  const ids = new Set<string>();
  for (const r of results) {
    const id = r?.id;
    if (typeof id !== 'string' || !id || Buffer.byteLength(id) > 64) return 'RESULT_ID_INVALID';
    if (ids.has(id)) return 'RESULT_ID_DUPLICATE';
    ids.add(id);
    if (r.type !== 'article') return `result type ${r.type} is not supported here`;
    if (typeof r.title !== 'string' || !r.title.trim()) return 'RESULT_TITLE_EMPTY';
    if (r.description !== undefined && typeof r.description !== 'string') return 'description must be a string';
    const content = r.input_message_content;
    const problem =
      textProblem(content?.message_text, content?.parse_mode) ?? keyboardProblem(r.reply_markup ?? undefined);
    if (problem) return `result ${id}: ${problem}`;
  }
  if (body.cache_time !== undefined && (!Number.isInteger(body.cache_time) || body.cache_time < 0))
    return 'cache_time must be a whole number of seconds';
  const button = body.button;
  if (button !== undefined) {
    if (typeof button?.text !== 'string' || !button.text) return 'button text is empty';
    if (button.start_parameter !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(button.start_parameter))
      return 'START_PARAM_INVALID';
  }
  return undefined;
}

/** Why `setMyCommands` is refused, or undefined: 1–100 commands of 1–32 `a-z0-9_`, descriptions of 1–256 characters. */
export function commandsProblem(body: any): string | undefined {
  const commands = body?.commands;
  if (!Array.isArray(commands) || commands.length > 100) return 'commands must be an array of at most 100';
  for (const c of commands) {
    if (typeof c?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) return 'BOT_COMMAND_INVALID';
    if (typeof c.description !== 'string' || !c.description.trim() || c.description.length > 256)
      return 'BOT_COMMAND_DESCRIPTION_INVALID';
  }
  if (body.language_code !== undefined && !/^[a-z]{2}$/.test(body.language_code)) return 'language_code is invalid';
  return undefined;
}

/** Why `answerCallbackQuery` is refused, or undefined: a toast of at most 200 characters. */
export function callbackAnswerProblem(body: any): string | undefined {
  if (typeof body?.callback_query_id !== 'string' || !body.callback_query_id) return 'callback_query_id is missing';
  if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > 200))
    return 'callback answer text is over 200 characters';
  return undefined;
}

/** Why a `sendMessage` keyboard is refused, or undefined. */
export function replyMarkupProblem(markup: any): string | undefined {
  return keyboardProblem(markup);
}
