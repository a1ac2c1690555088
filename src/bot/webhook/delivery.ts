/**
 * Webhook delivery with de-duplication: an update is claimed (by `update_id`, in the shared state)
 * before it is handled, so that one Telegram re-delivers, after a failed or timed-out call, is
 * answered once across all replicas.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/logger.js';
import { CLAIM_LEASE_MS, type UpdateClaims } from '../../state/state-store.js';
import type { BotObserver } from './metrics.js';

/** Longest update accepted; Telegram's are a few kilobytes. */
const MAX_BODY_BYTES = 1 << 20;

/** Reads the request body as an update, or says which status refuses it. */
async function readUpdate(req: IncomingMessage): Promise<Update | number> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 413;
    chunks.push(chunk);
  }
  try {
    const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
    return Number.isSafeInteger(update?.update_id) ? update : 400;
  } catch {
    return 400;
  }
}

/**
 * Handles webhook requests (already past the secret check): claims the update, hands it to the bot,
 * marks it answered, then responds 200. An update answered before gets 200 and nothing else; one
 * being handled right now (by a slow replica, or one that died holding it) gets 503, so that the
 * sender delivers it again later, by when it is answered or its claim has expired.
 */
export function deliverUpdates(
  bot: Telegraf,
  claims: UpdateClaims,
  log: Logger,
  observer?: BotObserver,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let update: Update | number;
    try {
      update = await readUpdate(req);
    } catch {
      // The sender went away mid-body: it will deliver the update again.
      return;
    }
    if (typeof update === 'number') {
      res.writeHead(update).end();
      return;
    }
    const id = update.update_id;
    const claim = await claims.claim(id);
    if (claim !== 'claimed') {
      observer?.deduplicated(claim);
      log.info({ update: id, outcome: claim === 'done' ? 'duplicate' : 'busy' }, 'update');
      if (claim === 'done') res.writeHead(200).end();
      else res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const renew = setInterval(() => void claims.renew(id), CLAIM_LEASE_MS / 3);
    try {
      await bot.handleUpdate(update);
      // Marked answered before the 200, so that a re-delivery after a lost 200 is acknowledged, not answered.
      await claims.finish(id);
      res.writeHead(200).end();
    } catch (err) {
      await claims.release(id);
      log.error({ err: String((err as Error)?.stack ?? err), update: id }, 'update failed; left for re-delivery');
      if (!res.headersSent) res.writeHead(500).end();
    } finally {
      clearInterval(renew);
    }
  };
}
