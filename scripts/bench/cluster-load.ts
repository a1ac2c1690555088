/**
 * The replicas benchmark: webhook throughput and p99 through a real haproxy with 1 and 2 `npm start`
 * replicas, with and without Redis, side by side in one run; what Redis adds per update, in process;
 * and the loss / double-answer count of every run. `npm run bench` runs it as its cluster section;
 * `npm run bench:cluster [-- --quick]` runs it alone and writes bench/results-cluster.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../../src/app/run-main.js';
import { readEvalSet } from '../../src/cli/eval-set.js';
import type { Config } from '../../src/core/config.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { buildIndex } from '../../src/index/store/build.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { RedisLink } from '../../src/state/redis-link.js';
import { RedisStateStore } from '../../src/state/redis-store.js';
import type { StateStore } from '../../src/state/state-store.js';
import {
  balancerStates,
  freePort,
  readiness,
  type Started,
  startHaproxy,
  startRedis,
  startReplica,
} from '../../testkit/cluster.js';
import { FakeBotApi } from '../../testkit/fake-bot-api.js';
import { postUpdates, quantile } from '../../testkit/load-generator.js';

const SECRET = 'cluster-bench-secret-0123456789';
const WARM_UP = 300;

/** What a webhook load run measured: throughput, latency, and updates refused, lost or answered twice. */
export interface LoadFigures {
  updates: number;
  concurrency: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non200: number;
  lost: number;
  duplicated: number;
}

/** One topology's figures. */
export interface ClusterRun extends LoadFigures {
  name: string;
  replicas: number;
  redis: boolean;
}

/** Everything the cluster section measured. */
export interface ClusterResults {
  runs: ClusterRun[];
  /** Measured runs per topology (interleaved); figures are medians over them. */
  rounds: number;
  /** The state operations of one update (claim, user limit, finish), one at a time, in microseconds. */
  statePerUpdateUs: { memory: number; redis: number; updates: number };
}

/** Claim, rate-limit and finish `n` updates one after another; mean microseconds per update. */
async function stateCost(state: StateStore, n: number, offset: number): Promise<number> {
  const limiter = state.limiter('user', 10);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await state.updates.claim(offset + i);
    await limiter.take(offset + i);
    await state.updates.finish(offset + i);
  }
  return ((performance.now() - t0) * 1000) / n;
}

/** One topology up and running: its load balancer, its loopback Bot API, and how to stop it. */
interface Topology {
  name: string;
  replicas: number;
  redis: boolean;
  url: string;
  api: FakeBotApi;
  agent: Agent;
  stop(): Promise<void>;
}

/** Starts haproxy in front of `replicas` processes (sharing `redisUrl` if given); resolves once all are in rotation. */
async function startTopology(
  index: Pick<Config, 'corpusDir' | 'indexDir'>,
  plan: { name: string; replicas: number; redisUrl?: string },
  concurrency: number,
): Promise<Topology> {
  const api = new FakeBotApi();
  const apiRoot = await api.start();
  const [lb, stats, ...ports] = await Promise.all(Array.from({ length: plan.replicas + 2 }, () => freePort()));
  const haproxy = await startHaproxy({ port: lb as number, path: '/hook', replicas: ports, statsPort: stats });
  const replicas: Started[] = ports.map((port) =>
    startReplica({
      CORPUS_DIR: index.corpusDir,
      INDEX_DIR: index.indexDir,
      AUTO_INGEST: 'false',
      TELEGRAM_BOT_TOKEN: '515151:ClusterBenchTokenABCDEFGHIJ',
      TELEGRAM_API_ROOT: apiRoot,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: `http://127.0.0.1:${lb}/hook`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DRAIN_DELAY_MS: '0',
      REDIS_URL: plan.redisUrl ?? '',
    }),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const stop = async () => {
    agent.destroy();
    await Promise.all(replicas.map((p) => p.stop('SIGTERM')));
    await haproxy.stop();
    await api.stop();
  };
  try {
    for (const r of replicas) {
      while ((await readiness(r.port)).status !== 200) {
        if (!r.running()) throw new Error(`a replica exited:\n${r.output()}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    while (Object.values(await balancerStates(stats as number)).some((st) => st !== 'UP')) {
      await new Promise((res) => setTimeout(res, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const url = `http://127.0.0.1:${lb}/hook`;
  return { name: plan.name, replicas: plan.replicas, redis: Boolean(plan.redisUrl), url, api, agent, stop };
}

/** `count` updates from residents who each ask once (no rate limit refuses), ids from `first` on. */
function updatesFrom(questions: string[], count: number, first: number) {
  return Array.from({ length: count }, (_, i) => ({
    update_id: first + i,
    message: {
      message_id: i + 1,
      date: 0,
      chat: { id: first + i, type: 'private' },
      from: { id: first + i, is_bot: false, first_name: 'r' },
      text: questions[i % questions.length],
    },
  }));
}

/** Posts `n` updates at `concurrency` through the topology's load balancer; counts what was lost or doubled. */
async function load(t: Topology, questions: string[], n: number, concurrency: number, firstId: number) {
  t.api.calls.length = 0;
  const r = await postUpdates(t.url, SECRET, updatesFrom(questions, n, firstId), concurrency, t.agent);
  const perChat = new Map<number, number>();
  for (const c of t.api.calls)
    if (c.method === 'sendMessage') perChat.set(c.body.chat_id, (perChat.get(c.body.chat_id) ?? 0) + 1);
  return {
    updatesPerSecond: n / r.seconds,
    p50Ms: quantile(r.latencies, 0.5),
    p99Ms: quantile(r.latencies, 0.99),
    non200: r.statuses.filter((st) => st !== 200).length,
    lost: n - perChat.size,
    duplicated: [...perChat.values()].filter((c) => c > 1).length,
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);

/**
 * Starts the three topologies on one Redis (1 replica without Redis, 1 with, 2 with), warms each up,
 * then loads them in turn, `rounds` times (A B C A B C…), so that all share the machine's moods; each
 * figure is the median over rounds, losses and doubles are summed. Also measures the state cost per update.
 */
export async function clusterLoad(
  index: Pick<Config, 'corpusDir' | 'indexDir'>,
  questions: string[],
  n: number,
  concurrency: number,
  rounds = 3,
): Promise<ClusterResults> {
  const redis = await startRedis();
  const topologies: Topology[] = [];
  try {
    const link = await RedisLink.open(redis.url, createLogger('silent'));
    const shared = new RedisStateStore(link, 'bqa:bench:');
    const updates = 5_000;
    const statePerUpdateUs = {
      memory: await stateCost(new MemoryStateStore(), updates, 0),
      redis: await stateCost(shared, updates, 0),
      updates,
    };
    await shared.close();
    const plans = [
      { name: '1 replica, state in memory', replicas: 1 },
      { name: '1 replica, Redis', replicas: 1, redisUrl: redis.url },
      { name: '2 replicas, Redis', replicas: 2, redisUrl: redis.url },
    ];
    for (const plan of plans) topologies.push(await startTopology(index, plan, concurrency));
    let nextId = 1_000_000;
    for (const t of topologies) {
      await load(t, questions, WARM_UP, concurrency, nextId);
      nextId += WARM_UP;
    }
    const measured = topologies.map(() => [] as Awaited<ReturnType<typeof load>>[]);
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of topologies.entries()) {
        measured[i]?.push(await load(t, questions, n, concurrency, nextId));
        nextId += n;
      }
    }
    const runs = topologies.map((t, i): ClusterRun => {
      const m = measured[i] ?? [];
      const sum = (k: 'non200' | 'lost' | 'duplicated') => m.reduce((a, x) => a + x[k], 0);
      return {
        name: t.name,
        replicas: t.replicas,
        redis: t.redis,
        updates: n * rounds,
        concurrency,
        updatesPerSecond: median(m.map((x) => x.updatesPerSecond)),
        p50Ms: median(m.map((x) => x.p50Ms)),
        p99Ms: median(m.map((x) => x.p99Ms)),
        non200: sum('non200'),
        lost: sum('lost'),
        duplicated: sum('duplicated'),
      };
    });
    return { runs, rounds, statePerUpdateUs };
  } finally {
    for (const t of topologies) await t.stop();
    await redis.stop();
  }
}

/** The cluster section of docs/benchmarks.md. */
export function renderCluster(c: ClusterResults): string[] {
  const f = (x: number, d = 1) => x.toFixed(d);
  const s = c.statePerUpdateUs;
  return [
    '## Replicas behind haproxy (webhook, loopback Bot API)',
    '',
    `Three topologies up at once, loaded in turn ${c.rounds} times (medians; lost and doubled summed over all ` +
      'rounds): haproxy (Debian) in front of `npm start` replicas logging at info, after a 300-update warm-up on ' +
      'the same keep-alive connections, each update from a different resident. ' +
      'Everything (replicas, haproxy, Redis, the load generator and the fake Bot API) shares this machine’s cores, ' +
      'so the figures say what one host does, not what replicas on hosts of their own would.',
    '',
    '| topology | updates in all | concurrency | updates/s | p50 ms | p99 ms | non-200 | lost | answered twice |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...c.runs.map((r) => {
      const cells = [r.name, r.updates, r.concurrency, f(r.updatesPerSecond, 0), f(r.p50Ms), f(r.p99Ms)];
      return `| ${[...cells, r.non200, r.lost, r.duplicated].join(' | ')} |`;
    }),
    '',
    `State per update (claim the update_id, take the user's limit, mark it answered; ${s.updates} updates one ` +
      `at a time, in process): in memory ${f(s.memory)} µs, in Redis on loopback ${f(s.redis)} µs ` +
      `(${f(s.redis - s.memory)} µs more: three round trips).`,
  ];
}

// Alone: `npm run bench:cluster [-- --quick]`.
if (process.argv[1]?.endsWith('cluster-load.ts')) {
  runMain(async () => {
    const quick = process.argv.includes('--quick');
    const work = mkdtempSync(join(tmpdir(), 'bulletin-qa-cluster-bench-'));
    try {
      const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: join(work, 'index'), LOG_LEVEL: 'silent' });
      await buildIndex(config);
      const questions = readEvalSet('tests/eval/questions.jsonl').map((i) => i.q);
      const results = await clusterLoad(config, questions, quick ? 500 : 2000, 50, quick ? 1 : 3);
      mkdirSync('bench', { recursive: true });
      writeFileSync('bench/results-cluster.json', `${JSON.stringify(results, null, 2)}\n`);
      process.stdout.write(`${renderCluster(results).join('\n')}\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
