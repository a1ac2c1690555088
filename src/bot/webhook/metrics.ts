/** What the bot counts, served in Prometheus's text format at `GET /metrics` (prom-client). */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { IndexHolder } from '../../index/loaded-index.js';
import type { StateStore } from '../../state/state-store.js';

/** The events the bot reports as it handles updates; {@link BotMetrics} counts them. */
export interface BotObserver {
  /** An update went through the bot's middleware with this outcome (`ok`, `error`, `not-allowed`…). */
  update(outcome: string): void;
  /** An update was acknowledged without being handled: answered before, or being handled elsewhere. */
  deduplicated(claim: 'done' | 'busy'): void;
  /** A question, claim or inline query was refused by a rate limit. */
  limited(scope: 'user' | 'group' | 'inline'): void;
  /** A question (`ask`), claim (`check`) or inline query (`inline`) was answered in `ms`, from update to reply. */
  answered(kind: 'ask' | 'check' | 'inline', ms: number): void;
  /** An answer fell back: the LLM's answer was not used (its reason), or vectors failed (`vector`). */
  fallback(reason: string): void;
}

/**
 * The bot's Prometheus metrics in their own registry (several bots may share a process in tests).
 *
 * @example
 * const metrics = new BotMetrics(answerer, state);
 * createBot(config, answerer, log, { observer: metrics });
 * res.end(await metrics.text());
 */
export class BotMetrics implements BotObserver {
  readonly registry = new Registry();
  private readonly updates: Counter<'outcome'>;
  private readonly dedup: Counter<'reason'>;
  private readonly limitedCount: Counter<'scope'>;
  private readonly latency: Histogram<'kind'>;
  private readonly fallbacks: Counter<'reason'>;

  constructor(index: IndexHolder, state: StateStore) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.updates = new Counter({
      name: 'bqa_updates_total',
      help: 'Updates handled, by outcome (ok, error, not-allowed, ignored-bot, duplicate, busy).',
      labelNames: ['outcome'],
      registers,
    });
    this.dedup = new Counter({
      name: 'bqa_deduplicated_updates_total',
      help: 'Updates acknowledged without an answer: answered before (done) or being handled elsewhere (busy).',
      labelNames: ['reason'],
      registers,
    });
    this.limitedCount = new Counter({
      name: 'bqa_rate_limited_updates_total',
      help: 'Questions refused by a rate limit, by scope (user, group, inline).',
      labelNames: ['scope'],
      registers,
    });
    this.latency = new Histogram({
      name: 'bqa_answer_duration_seconds',
      help: 'Time from an update to its answer being sent, by kind (ask, check, inline).',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.fallbacks = new Counter({
      name: 'bqa_answer_fallbacks_total',
      help: 'Answers that fell back: LLM answer not used (by reason), or keyword-only retrieval (vector).',
      labelNames: ['reason'],
      registers,
    });
    const manifest = () => index.loaded.manifest;
    const gauge = (name: string, help: string, value: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(value());
        },
      });
    gauge('bqa_index_chunks', 'Chunks in the index being served.', () => manifest().chunks);
    gauge('bqa_index_articles', 'Articles in the index being served.', () => manifest().articles);
    gauge('bqa_index_build_seconds', 'How long the served index took to build.', () => manifest().seconds);
    gauge('bqa_index_built_timestamp_seconds', 'When the served index was built (Unix time).', () =>
      Math.round(Date.parse(manifest().builtAt) / 1000),
    );
    if (!state.health().shared) return;
    gauge('bqa_redis_up', 'Whether Redis is in use right now (0: answering from local state).', () =>
      state.health().redis === 'up' ? 1 : 0,
    );
    const total = (name: string, help: string, value: () => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(value());
        },
      });
    total('bqa_redis_errors_total', 'Redis commands that failed and connection errors.', () => state.health().errors);
    total(
      'bqa_state_fallbacks_total',
      'State operations served locally because Redis could not be used.',
      () => state.health().fallbacks,
    );
  }

  update(outcome: string): void {
    this.updates.inc({ outcome });
  }

  deduplicated(claim: 'done' | 'busy'): void {
    this.updates.inc({ outcome: claim === 'done' ? 'duplicate' : 'busy' });
    this.dedup.inc({ reason: claim });
  }

  limited(scope: 'user' | 'group' | 'inline'): void {
    this.limitedCount.inc({ scope });
  }

  answered(kind: 'ask' | 'check' | 'inline', ms: number): void {
    this.latency.observe({ kind }, ms / 1000);
  }

  fallback(reason: string): void {
    this.fallbacks.inc({ reason });
  }

  /** The metrics in Prometheus's text format, with its content type. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
