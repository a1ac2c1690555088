import type { Telegram } from 'telegraf';
import type { Logger } from '../core/logger.js';

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes every Bot API call honour 429 `retry_after` and retry 5xx and network errors with
 * bounded exponential backoff. A call that still fails is rethrown for the caller to log.
 */
export function withRetries(telegram: Telegram, log: Logger, baseDelayMs = 250): void {
  const call = telegram.callApi.bind(telegram);
  telegram.callApi = (async (method: string, payload: unknown, options?: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (call as (m: string, p: unknown, o?: unknown) => Promise<unknown>)(method, payload, options);
      } catch (err) {
        const e = err as {
          name?: string;
          code?: number | string;
          parameters?: { retry_after?: number };
          response?: unknown;
        };
        // Stopping the bot aborts the long poll: that is not a failure to retry.
        if (e.name === 'AbortError') throw err;
        const status = typeof e.code === 'number' ? e.code : undefined;
        const transient =
          status === 429 || (status !== undefined && status >= 500) || (!e.response && status === undefined);
        if (!transient || attempt >= MAX_ATTEMPTS) throw err;
        const wait = status === 429 ? (e.parameters?.retry_after ?? 1) * 1000 : baseDelayMs * 2 ** (attempt - 1);
        if (wait > MAX_WAIT_MS) throw err;
        // Network failures are summarised by the caller (one line per failure window), not per attempt.
        if (status !== undefined) log.warn({ method, status, attempt, waitMs: wait }, 'telegram call retried');
        await sleep(wait);
      }
    }
  }) as Telegram['callApi'];
}
