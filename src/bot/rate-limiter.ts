/**
 * Sliding-window rate limiter keyed by user or chat. `take` says whether the event may pass and,
 * when it may not, whether this is the first refusal in the window (so one notice is sent).
 */
export class RateLimiter {
  private readonly hits = new Map<string | number, number[]>();
  private readonly warned = new Set<string | number>();

  constructor(private readonly limit: number, private readonly windowMs = 60_000, private readonly now = () => Date.now()) {}

  take(key: string | number): { ok: boolean; notify: boolean } {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length < this.limit) {
      recent.push(t);
      this.hits.set(key, recent);
      this.warned.delete(key);
      return { ok: true, notify: false };
    }
    this.hits.set(key, recent);
    const notify = !this.warned.has(key);
    this.warned.add(key);
    return { ok: false, notify };
  }
}
