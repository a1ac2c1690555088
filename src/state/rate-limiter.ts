/**
 * Per-user and per-group rate limits over rate-limiter-flexible. Its memory store drops each key
 * when its window ends, so memory stays bounded by the users of one window.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Whether an event may pass and, when it may not, whether this is the first refusal of the window. */
export interface Take {
  ok: boolean;
  notify: boolean;
}

/** A rate limit on events per key. */
export interface Limiter {
  take(key: string | number): Promise<Take>;
}

/**
 * A limiter over a rate-limiter-flexible limiter: `limit` events per key and window. The first
 * refused event of a window says `notify`, so that one notice is sent, then silence.
 *
 * @example
 * const perUser = limiterOf(new RateLimiterMemory({ points: 10, duration: 60 }), 10);
 * if (!(await perUser.take(userId)).ok) return;
 */
export function limiterOf(limiter: Pick<RateLimiterMemory, 'consume'>, limit: number): Limiter {
  return {
    async take(key) {
      try {
        await limiter.consume(String(key));
        return { ok: true, notify: false };
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        return { ok: false, notify: res.consumedPoints === limit + 1 };
      }
    },
  };
}

/** An in-memory limiter: `limit` events per key per `windowSeconds`. */
export function memoryLimiter(limit: number, windowSeconds = 60): Limiter {
  return limiterOf(new RateLimiterMemory({ points: limit, duration: windowSeconds }), limit);
}
