import { Agent, request } from 'node:http';

/** How the loopback Bot API calls a webhook: Telegram's behaviour, with times short enough for tests. */
export interface WebhookOptions {
  /** Longest wait for the bot's response; past it the call counts as failed and is made again. */
  timeoutMs?: number;
  /** Calls in flight at most (Telegram's `max_connections`, 40 by default). */
  maxConnections?: number;
  /** Waits before each re-delivery of an update whose call failed; it is given up after the last. */
  retryDelaysMs?: number[];
}

/** One webhook call: its status (0: no response, the connection failed or was reset; -1: timed out). */
export interface Delivery {
  updateId: number;
  attempt: number;
  status: number;
  ms: number;
}

interface Pending {
  update: { update_id: number };
  attempt: number;
  due: number;
}

/**
 * Delivers updates to a webhook URL as Telegram does: several calls in flight, each with the secret
 * token header; a call that fails (a status other than 2xx, a reset connection, a timeout) is made
 * again after a backoff, until the update is acknowledged or the attempts run out.
 */
export class WebhookSender {
  /** Every call made, in the order they ended. */
  readonly deliveries: Delivery[] = [];
  /** Updates given up after every attempt failed. */
  readonly undelivered: number[] = [];
  private readonly pending: Pending[] = [];
  private readonly acknowledged = new Set<number>();
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  private target?: { url: URL; secret: string };
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxConnections: number;
  private readonly retryDelaysMs: number[];

  constructor(options: WebhookOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxConnections = options.maxConnections ?? 40;
    this.retryDelaysMs = options.retryDelaysMs ?? [200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000];
    this.agent = new Agent({ keepAlive: true, maxSockets: this.maxConnections });
  }

  /** Points delivery at a URL (from `setWebhook`), or stops it (`deleteWebhook`). */
  setTarget(url: string | undefined, secret = ''): void {
    this.target = url ? { url: new URL(url), secret } : undefined;
    this.pump();
  }

  /** True while a webhook is set (then `getUpdates` is refused, as by Telegram). */
  get active(): boolean {
    return this.target !== undefined;
  }

  /** Queues an update; it is delivered once a webhook is set. */
  send(update: { update_id: number }): void {
    this.pending.push({ update, attempt: 1, due: 0 });
    this.pump();
  }

  /** True once a call delivering the update got a 2xx. */
  acknowledgedUpdate(updateId: number): boolean {
    return this.acknowledged.has(updateId);
  }

  /** Updates neither acknowledged nor given up yet. */
  get outstanding(): number {
    return this.pending.length + this.inFlight;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.target = undefined;
    this.agent.destroy();
  }

  private pump(): void {
    clearTimeout(this.timer);
    while (this.target && this.inFlight < this.maxConnections) {
      const now = Date.now();
      const i = this.pending.findIndex((p) => p.due <= now);
      if (i < 0) {
        const next = Math.min(...this.pending.map((p) => p.due));
        if (Number.isFinite(next)) this.timer = setTimeout(() => this.pump(), next - now);
        return;
      }
      const [item] = this.pending.splice(i, 1);
      if (!item) return;
      this.inFlight++;
      void this.call(item, this.target).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async call(item: Pending, target: { url: URL; secret: string }): Promise<void> {
    const t0 = performance.now();
    const status = await new Promise<number>((resolve) => {
      const body = JSON.stringify(item.update);
      const req = request(
        {
          host: target.url.hostname,
          port: target.url.port,
          path: target.url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-telegram-bot-api-secret-token': target.secret,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.setTimeout(this.timeoutMs, () => {
        resolve(-1);
        req.destroy();
      });
      req.on('error', () => resolve(0));
      req.end(body);
    });
    const id = item.update.update_id;
    this.deliveries.push({ updateId: id, attempt: item.attempt, status, ms: performance.now() - t0 });
    if (status >= 200 && status < 300) {
      this.acknowledged.add(id);
      return;
    }
    const wait = this.retryDelaysMs[item.attempt - 1];
    if (wait === undefined) this.undelivered.push(id);
    else this.pending.push({ update: item.update, attempt: item.attempt + 1, due: Date.now() + wait });
  }
}
