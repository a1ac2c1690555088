/**
 * `npm run bench [-- --quick]`: the synthetic archive at 100k, 300k and 1M chunks: full ingest,
 * adding issues one at a time, load, answers, recall@10 against an exact scan and memory, side by
 * side with today's full rebuild (the store before segments) on the same archive; the keyword
 * engines compared; frozen against refreshed IDF; answer quality and the bot on the seed
 * bulletin. Each step runs in its own process. The full run writes docs/benchmarks.md and
 * bench/results.json; `--quick` (2k chunks) writes bench/results-quick.json only; `--report`
 * re-renders docs/benchmarks.md from bench/results.json; `--sizes 100000,300000` picks sizes and
 * `--baseline-max N` measures today's rebuild up to N chunks (300k by default).
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
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', 'scripts/bench/size-run.ts', ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

/** A step that may fail (an engine out of memory): its error instead of its figures. */
function tryRun(args: string[]) {
  try {
    return run(args);
  } catch (err) {
    return {
      engine: args[1],
      error: String((err as Error).message)
        .split('\n')[0]
        ?.slice(0, 120),
    };
  }
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

runMain(async () => {
  if (process.argv.includes('--report')) {
    // Re-render docs/benchmarks.md from the last full run without measuring again.
    const { markdown, summary } = renderReport(JSON.parse(readFileSync('bench/results.json', 'utf8')));
    writeFileSync('docs/benchmarks.md', markdown);
    process.stdout.write(`${summary}\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const sizes = arg('--sizes')?.split(',').map(Number) ?? (quick ? [2000] : [100_000, 300_000, 1_000_000]);
  // Today's store at 1M chunks needs about 14 GB and most of an hour (issue 13); pass a larger
  // --baseline-max to measure it anyway.
  const baselineMax = Number(arg('--baseline-max') ?? 300_000);
  const questionCount = quick ? 100 : 500;
  const t0 = performance.now();
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
      const issues = String(ingest.issues);
      const query = run(['query', dir, String(questionCount), issues]);
      let baseline: unknown;
      let baselineQuery: unknown;
      if (size <= baselineMax) {
        say(`${size} chunks: today's full rebuild…`);
        baseline = run(['baseline', dir]);
        baselineQuery = run(['query', dir, String(questionCount), issues, '--baseline']);
        rmSync(join(dir, 'baseline'), { recursive: true, force: true });
      }
      say(`${size} chunks: adding issues…`);
      const add = run(['add', dir, quick ? '2' : '9']);
      // MiniSearch needs about 4.5 GB of JavaScript objects at 100k chunks: it is measured there only.
      const engines = size <= 300_000 ? ['own', 'fts5', ...(size <= 100_000 ? ['minisearch'] : [])] : [];
      const keyword = engines.map((engine) => {
        say(`${size} chunks: keyword engine ${engine}…`);
        return tryRun(['keyword', engine, dir, String(questionCount)]);
      });
      results.sizes.push({ target: size, ingest, baseline, add, query, baselineQuery, keyword });
      rmSync(dir, { recursive: true, force: true });
      // A long run keeps what it measured so far.
      mkdirSync('bench', { recursive: true });
      writeFileSync('bench/results-partial.json', `${JSON.stringify(results, null, 2)}\n`);
    }
    if (!quick) {
      say('frozen against refreshed IDF…');
      results.idf = run(['idf', '40000', join(work, 'idf')]);
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
    // The quick run stays under 30 s: no webhook or cluster load there.
    if (!quick) {
      results.webhook = await webhookThroughput(
        { corpusDir: 'corpus', indexDir: config.indexDir },
        questions,
        2000,
        50,
      );
      say('replicas behind haproxy, with and without Redis…');
      try {
        const index = { corpusDir: 'corpus', indexDir: config.indexDir };
        results.cluster = await clusterLoad(index, questions, 2000, 50, 3);
      } catch (err) {
        say(`cluster section skipped: ${(err as Error).message}`);
      }
    }

    results.seconds = (performance.now() - t0) / 1000;
    mkdirSync('bench', { recursive: true });
    writeFileSync(quick ? 'bench/results-quick.json' : 'bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    const { markdown, summary } = renderReport(results);
    if (!quick) writeFileSync('docs/benchmarks.md', markdown);
    process.stdout.write(`${markdown}\n${summary}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
