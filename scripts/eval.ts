/**
 * `npm run eval [-- file.jsonl]`: scores the project's question set (tests/eval/questions.jsonl)
 * per language, with per-question latency and the abstention threshold's trade-off.
 */

import { FOUND_THRESHOLD } from '../src/answer/answerer.js';
import { runMain } from '../src/app/run-main.js';
import { openRuntime } from '../src/app/runtime.js';
import { type EvalOutcome, judge, readEvalSet } from '../src/cli/eval-set.js';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

runMain(async () => {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'tests/eval/questions.jsonl';
  const items = readEvalSet(file);
  const { answerer } = await openRuntime();
  const outcomes: Array<EvalOutcome & { confidence: number; ms: number; answer: string }> = [];
  for (const item of items) {
    const a = await answerer.ask(item.q);
    outcomes.push({ ...judge(item, a), confidence: a.confidence, ms: a.elapsedMs, answer: a.answer });
  }
  for (const o of outcomes) {
    const status = o.item.found
      ? `${o.correct ? (o.direct ? 'ok    ' : 'buried') : 'WRONG '} ${o.cited ? 'cite' : 'NOCITE'}`
      : o.abstainedOk
        ? 'abstain-ok   '
        : 'HALLUCINATED ';
    process.stdout.write(
      `${o.item.id}\t${status}\t${o.confidence.toFixed(2)}\t${o.item.q}\t=> ${o.answer.slice(0, 60)}\n`,
    );
  }
  process.stdout.write('\nlang  answers   direct    citations  abstentions\n');
  for (const lang of ['zh', 'en', 'all'] as const) {
    const os = outcomes.filter((o) => lang === 'all' || o.item.lang === lang);
    const ans = os.filter((o) => o.item.found);
    const un = os.filter((o) => !o.item.found);
    const n = (f: (o: EvalOutcome) => boolean, xs: EvalOutcome[]) => xs.filter(f).length;
    process.stdout.write(
      `${lang.padEnd(5)} ${`${n((o) => o.correct, ans)}/${ans.length}`.padEnd(9)} ${pct(
        n((o) => o.direct, ans),
        ans.length,
      ).padEnd(9)} ${pct(
        n((o) => o.cited, ans),
        ans.length,
      ).padEnd(10)} ${n((o) => o.abstainedOk, un)}/${un.length}\n`,
    );
  }
  const ms = outcomes.map((o) => o.ms);
  process.stdout.write(
    `\nper-question time: p50 ${quantile(ms, 0.5).toFixed(2)} ms, p95 ${quantile(ms, 0.95).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms\n`,
  );
  // Trade-off of the abstention threshold: answerable questions kept vs unanswerable ones let through.
  process.stdout.write(
    `\nthreshold (current zh ${FOUND_THRESHOLD.zh}, en ${FOUND_THRESHOLD.en}): answerable kept / unanswerable let through\n`,
  );
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const kept = outcomes.filter((o) => o.item.found && o.confidence >= t).length;
    const leaked = outcomes.filter((o) => !o.item.found && o.confidence >= t).length;
    process.stdout.write(
      `  ${t.toFixed(1)}: ${kept}/${outcomes.filter((o) => o.item.found).length} kept, ${leaked}/${outcomes.filter((o) => !o.item.found).length} let through\n`,
    );
  }
});
