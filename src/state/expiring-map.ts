/**
 * A map whose entries expire, with a cap on how many it holds, so that memory stays bounded however
 * many chats or updates a process sees.
 */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires > Date.now()) return e.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, ttlMs: number): void {
    // Deleting first moves the key to the end, so that insertion order approximates expiry order.
    this.entries.delete(key);
    this.entries.set(key, { value, expires: Date.now() + ttlMs });
    this.prune();
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops expired entries from the front, then the oldest ones beyond the cap. */
  private prune(): void {
    const now = Date.now();
    for (const [key, e] of this.entries) {
      if (e.expires > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
