/**
 * `npm run bench [-- --quick]`: ingest and query benchmarks at 1k, 10k and 100k chunks of a
 * synthetic corpus, side by side with an exact scan, LangChain's HNSWLib defaults and a
 * keyword-only baseline; answer quality with and without vectors; bot latency and webhook
 * throughput. Each size runs in its own process. The full run writes docs/benchmarks.md and
 * bench/results.json; `--quick` (1k chunks, fewer updates) writes bench/results-quick.json only;
 * `--report` re-renders docs/benchmarks.md from bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Answerer } from '../src/answer/answerer.js';
import { runMain } from '../src/app/run-main.js';
import { judge, readEvalSet } from '../src/cli/eval-set.js';
import { loadConfig } from '../src/core/config.js';
import { buildIndex } from '../src/index/store/build.js';
import { loadIndex } from '../src/index/store/load.js';
import { pollingLatency, webhookThroughput } from './bench/bot-load.js';
import { clusterLoad } from './bench/cluster-load.js';
import { type BenchResults, renderReport } from './bench/report.js';

/** Runs one benchmark step in its own process and returns the JSON object it prints last. */
function run(args: string[]) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/size-run.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

runMain(async () => {
  if (process.argv.includes('--report')) {
    // Re-render docs/benchmarks.md from the last full run without measuring again.
    const { markdown, summary } = renderReport(JSON.parse(readFileSync('bench/results.json', 'utf8')));
    writeFileSync('docs/benchmarks.md', markdown);
    process.stdout.write(`${summary}\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [1000] : [1000, 10_000, 100_000];
  const work = mkdtempSync(join(tmpdir(), 'bulletin-qa-bench-'));
  const say = (s: string) => process.stderr.write(`${s}\n`);
  try {
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? '?',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        freeGb: Math.round(freemem() / 2 ** 30),
        node: process.version,
      },
      quick,
      sizes: [],
    };
    for (const size of sizes) {
      const dir = join(work, String(size));
      say(`${size} chunks: generating and ingesting…`);
      const ingest = run(['ingest', String(size), dir]);
      say(`${size} chunks: ${ingest.chunks} chunks in ${ingest.seconds.toFixed(1)} s; querying…`);
      const query = run(['query', dir, '500', '--full']);
      results.sizes.push({ target: size, ingest, query });
      rmSync(dir, { recursive: true, force: true });
    }

    say('answer quality and bot figures on the seed bulletin…');
    const seedDir = join(work, 'seed');
    const config = loadConfig({ CORPUS_DIR: 'corpus', INDEX_DIR: join(seedDir, 'index'), LOG_LEVEL: 'silent' });
    await buildIndex(config);
    const index = await loadIndex(config);
    const items = readEvalSet('tests/eval/questions.jsonl');
    const quality = async (retrieval: 'hybrid' | 'keyword') => {
      const a = new Answerer(index, { topK: 8, maxQuestionChars: 500, retrieval });
      let right = 0;
      for (const item of items) {
        const o = judge(item, await a.ask(item.q));
        if (item.found ? o.correct && o.cited : o.abstainedOk) right++;
      }
      return right;
    };
    results.quality = {
      questions: items.length,
      hybrid: await quality('hybrid'),
      keywordOnly: await quality('keyword'),
    };
    const questions = items.map((i) => i.q);
    results.polling = await pollingLatency(new Answerer(index, { topK: 8, maxQuestionChars: 500 }), questions, 100);
    results.webhook = await webhookThroughput(
      { corpusDir: 'corpus', indexDir: config.indexDir },
      questions,
      quick ? 500 : 2000,
      50,
    );
    say('replicas behind haproxy, with and without Redis…');
    try {
      const index = { corpusDir: 'corpus', indexDir: config.indexDir };
      results.cluster = await clusterLoad(index, questions, quick ? 500 : 2000, 50, quick ? 1 : 3);
    } catch (err) {
      say(`cluster section skipped: ${(err as Error).message}`);
    }

    mkdirSync('bench', { recursive: true });
    writeFileSync(quick ? 'bench/results-quick.json' : 'bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    const { markdown, summary } = renderReport(results);
    if (!quick) writeFileSync('docs/benchmarks.md', markdown);
    process.stdout.write(`${markdown}\n${summary}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
