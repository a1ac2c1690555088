import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callbackAnswerProblem,
  commandsProblem,
  inlineAnswerProblem,
  replyMarkupProblem,
  textProblem,
} from './bot-api-checks.js';
import { type WebhookOptions, WebhookSender } from './webhook-sender.js';

export { validTelegramHtml } from './bot-api-checks.js';

/** A recorded Bot API call. */
export interface Call {
  method: string;
  body: Record<string, any>;
  /** performance.now() when the call arrived. */
  at: number;
  /** The bot token in the call's path: tells apart processes that use different tokens. */
  token: string;
  /** What the call returned: for `sendMessage`, the message as Telegram would store it. */
  result?: any;
  /** Why the API refused the call with 400 (its checks of text, results, menus), if it did. */
  refused?: string;
}

/** A user as updates carry it. */
export interface FakeUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  language_code?: string;
}

/** The `forward_origin` of a message forwarded from `user` (Bot API 7.0 and later). */
export function forwardedFrom(user: FakeUser): Record<string, any> {
  return { type: 'user', sender_user: { is_bot: false, ...user }, date: 0 };
}

/**
 * A small loopback Bot API: long polling, recorded calls, injectable failures, and the checks
 * Telegram makes on messages, inline answers, command menus and callback answers (bot-api-checks.ts).
 * It keeps the chats and messages it has seen, so that a sent message can be replied to and its
 * buttons pressed.
 * With `webhook` options, updates are delivered instead to the URL the bot gives `setWebhook`, and
 * re-delivered when a call fails or times out, as Telegram does (see {@link WebhookSender}).
 */
export class FakeBotApi {
  readonly calls: Call[] = [];
  private updates: any[] = [];
  private nextUpdate = 1;
  private nextMessage = 1000;
  private waiters: Array<() => void> = [];
  /** The offset of every getUpdates call, in order. */
  readonly offsets: number[] = [];
  private failures = new Map<string, Array<{ code: number; retry_after?: number }>>();
  private server?: Server;
  private readonly slowChats = new Map<number, number>();
  private readonly chats = new Map<number, Record<string, any>>();
  private readonly messages = new Map<string, Record<string, any>>();
  /** Command menus set with `setMyCommands`, by scope and language (see {@link menu}). */
  private readonly menus = new Map<string, Array<{ command: string; description: string }>>();
  readonly bot = { id: 4242, is_bot: true, first_name: 'Bulletin', username: 'bulletin_qa_bot' };
  /** Webhook delivery, when the API was created with `webhook` options. */
  readonly webhook?: WebhookSender;

  constructor(options: { webhook?: WebhookOptions } = {}) {
    if (options.webhook) this.webhook = new WebhookSender(options.webhook);
  }

  /** Starts listening on loopback (`port` 0: any free port) and returns the API root. */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', async () => {
        const [, tokenPart = '', method = ''] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
        const token = tokenPart.replace(/^bot/, '');
        const body = raw ? JSON.parse(raw) : {};
        const call: Call = { method, body, at: performance.now(), token };
        const reply = (status: number, payload: object) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        const refuse = (description: string) => {
          call.refused = description;
          reply(400, { ok: false, error_code: 400, description: `Bad Request: ${description}` });
        };
        const fail = this.failures.get(method)?.shift();
        if (fail) {
          this.calls.push({ method: `${method}!${fail.code}`, body, at: performance.now(), token });
          // Code 0 stands for a connection reset.
          if (fail.code === 0) return req.socket.destroy();
          return reply(fail.code, {
            ok: false,
            error_code: fail.code,
            description:
              fail.code === 429
                ? 'Too Many Requests: retry later'
                : fail.code === 400
                  ? "Bad Request: can't parse entities"
                  : 'Bad Gateway',
            ...(fail.retry_after ? { parameters: { retry_after: fail.retry_after } } : {}),
          });
        }
        if (method !== 'getUpdates') this.calls.push(call);
        switch (method) {
          case 'getMe':
            return reply(200, { ok: true, result: this.bot });
          case 'setWebhook':
            this.webhook?.setTarget(body.url, body.secret_token);
            return reply(200, { ok: true, result: true });
          case 'deleteWebhook':
            this.webhook?.setTarget(undefined);
            return reply(200, { ok: true, result: true });
          case 'getUpdates': {
            if (this.webhook?.active) {
              const description = "Conflict: can't use getUpdates method while webhook is active";
              return reply(409, { ok: false, error_code: 409, description });
            }
            const offset = Number(body.offset ?? 0);
            this.offsets.push(offset);
            this.updates = this.updates.filter((u) => u.update_id >= offset);
            if (!this.updates.length)
              await new Promise<void>((r) => {
                this.waiters.push(r);
                setTimeout(r, 300);
              });
            return reply(200, { ok: true, result: this.updates.filter((u) => u.update_id >= offset) });
          }
          case 'sendMessage': {
            const problem = textProblem(body.text, body.parse_mode) ?? replyMarkupProblem(body.reply_markup);
            if (problem) return refuse(problem);
            const slow = this.slowChats.get(body.chat_id);
            if (slow) await new Promise((r) => setTimeout(r, slow));
            const replied = this.messages.get(`${body.chat_id}:${body.reply_parameters?.message_id}`);
            const result = this.remember({
              message_id: this.nextMessage++,
              date: 0,
              chat: this.chats.get(body.chat_id) ?? { id: body.chat_id, type: 'private' },
              from: this.bot,
              text: body.text,
              ...(replied ? { reply_to_message: replied } : {}),
              ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
            });
            call.result = result;
            return reply(200, { ok: true, result });
          }
          case 'answerInlineQuery': {
            const problem = inlineAnswerProblem(body);
            return problem ? refuse(problem) : reply(200, { ok: true, result: true });
          }
          case 'answerCallbackQuery': {
            const problem = callbackAnswerProblem(body);
            return problem ? refuse(problem) : reply(200, { ok: true, result: true });
          }
          case 'setMyCommands': {
            const problem = commandsProblem(body);
            if (problem) return refuse(problem);
            this.menus.set(this.menuKey(body.scope, body.language_code), body.commands);
            return reply(200, { ok: true, result: true });
          }
          default:
            return reply(200, { ok: true, result: true });
        }
      });
    });
    await new Promise<void>((r) => this.server?.listen(port, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.webhook?.stop();
    for (const w of this.waiters) w();
    await new Promise<void>((r) => this.server?.close(() => r()));
    this.server?.closeAllConnections?.();
  }

  /** Queues failures for the next calls of a method (code 0: the connection is reset; 400: entities rejected). */
  failNext(method: string, ...failures: Array<{ code: number; retry_after?: number }>): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** Makes every `sendMessage` to a chat take `ms` longer (0: no delay), e.g. to outlast a webhook timeout. */
  slowChat(chatId: number, ms: number): void {
    this.slowChats.set(chatId, ms);
  }

  /** Keeps a message (and its chat) so that later messages can reply to it and its buttons be pressed. */
  private remember(message: Record<string, any>): Record<string, any> {
    if (message.chat?.id !== undefined) {
      this.chats.set(message.chat.id, message.chat);
      this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    }
    return message;
  }

  private menuKey(scope: unknown, languageCode: unknown): string {
    return `${JSON.stringify(scope ?? { type: 'default' })}|${languageCode ?? ''}`;
  }

  /** The command menu set for a scope (default: everyone) and language ('' for the default language). */
  menu(languageCode = '', scope?: Record<string, unknown>): Array<{ command: string; description: string }> {
    return this.menus.get(this.menuKey(scope, languageCode || undefined)) ?? [];
  }

  /** Queues a message update and returns its update id. */
  push(message: Record<string, any>): number {
    return this.pushMessage(message).updateId;
  }

  /** Queues a message update; returns its update id and the message as kept (to reply to it later). */
  pushMessage(message: Record<string, any>): { updateId: number; message: Record<string, any> } {
    const kept = this.remember({ message_id: this.nextMessage++, date: 0, ...message });
    return { updateId: this.pushUpdate({ message: kept }), message: kept };
  }

  /** Queues an inline query from `from` and returns its update id; its `id` is `iq<update id>`. */
  pushInlineQuery(from: FakeUser, query: string): number {
    const id = `iq${this.nextUpdate}`;
    return this.pushUpdate({ inline_query: { id, from: { is_bot: false, ...from }, query, offset: '' } });
  }

  /**
   * Presses the button with `data` under a message the bot sent (a recorded `sendMessage` call), as
   * `from`: queues the callback query with the message as Telegram keeps it. Returns its update id.
   */
  pressButton(sent: Call, data: string, from: FakeUser): number {
    const message = sent.result;
    const buttons = (message?.reply_markup?.inline_keyboard ?? []).flat();
    if (!buttons.some((b: any) => b.callback_data === data)) throw new Error(`no button with data ${data}`);
    return this.pushUpdate({
      callback_query: {
        id: `cb${this.nextUpdate}`,
        from: { is_bot: false, ...from },
        chat_instance: String(message.chat.id),
        message,
        data,
      },
    });
  }

  /** The answers given to an inline query (`answerInlineQuery` calls), by its id. */
  inlineAnswers(inlineQueryId: string): Call[] {
    return this.calls.filter((c) => c.method === 'answerInlineQuery' && c.body.inline_query_id === inlineQueryId);
  }

  /** Queues any update (callback query, inline query…) for polling or webhook delivery; returns its update id. */
  pushUpdate(update: Record<string, any>): number {
    const update_id = this.nextUpdate++;
    if (this.webhook) {
      this.webhook.send({ update_id, ...update });
      return update_id;
    }
    this.updates.push({ update_id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return update_id;
  }

  /** Waits until `condition` holds (polling every 20 ms), or fails after `ms` saying `what`. */
  private async until(condition: () => boolean, ms: number, what: () => string): Promise<void> {
    const t0 = Date.now();
    while (!condition()) {
      if (Date.now() - t0 > ms) throw new Error(what());
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until the bot polls for updates. */
  waitPolling(ms = 10_000): Promise<void> {
    return this.until(
      () => this.offsets.length > 0,
      ms,
      () => 'the bot never polled',
    );
  }

  /**
   * Waits until the bot has handled the update: telegraf asks for the next offset only once every
   * update of a batch is handled, so an offset past `updateId` says it is done.
   */
  waitHandled(updateId: number, ms = 10_000): Promise<void> {
    return this.until(
      () => this.offsets.some((o) => o > updateId),
      ms,
      () => `update ${updateId} was not handled`,
    );
  }

  /** Waits until `method` was called (or failed) `n` times in all. */
  waitCalls(method: string, n: number, ms = 10_000): Promise<void> {
    const count = () => this.calls.filter((c) => c.method.split('!')[0] === method).length;
    return this.until(
      () => count() >= n || (method === 'getUpdates' && this.offsets.length >= n),
      ms,
      () => `${method} called ${count()} of ${n} times`,
    );
  }

  sent(chatId: number): Call[] {
    return this.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === chatId);
  }

  /** Waits until `n` messages were sent to the chat (or fails after `ms`). */
  async waitSent(chatId: number, n: number, ms = 10_000): Promise<Call[]> {
    await this.until(
      () => this.sent(chatId).length >= n,
      ms,
      () => `only ${this.sent(chatId).length} of ${n} messages to ${chatId}`,
    );
    return this.sent(chatId);
  }
}
