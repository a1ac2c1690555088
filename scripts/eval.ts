/**
 * `npm run eval [-- set…] [--list]`: scores the project's question sets, each on its own corpus:
 *   seed            tests/eval/questions.jsonl, worded like the newspaper (per language)
 *   styles-tune     seed questions worded as people write them (per style), for tuning
 *   styles2-tune    more seed questions as people write them, by a third blind writer, for tuning
 *   styles3-tune    a fourth blind writer's seed questions (English, how, why, near misses…), for tuning
 *   styles-heldout  the same kinds by another writer, never tuned on (aggregates only)
 *   newsdesk-tune / newsdesk-heldout   ~330 short news articles of many topics (per answer type)
 *   newsdesk2-tune / newsdesk2-heldout  a second archive (124 articles, 2024) by another blind writer
 *   newsdesk3-tune / newsdesk4-tune   that writer's questions on the two archives, for tuning
 *   nearmiss-tune / nearmiss-heldout, nearmiss2-…   near misses of six kinds and controls on both archives
 *   dated           the seed plus a small dated archive (per kind: latest, dated, uncovered, change…)
 *   seed-archive / styles-archive   the seed's questions asked of the seed plus that archive
 * `--list` prints each question's outcome, for tuning sets only: held-out sets print aggregates.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Answerer } from '../src/answer/answerer.js';
import { runMain } from '../src/app/run-main.js';
import { type EvalItem, type EvalOutcome, judge, readEvalSet } from '../src/cli/eval-set.js';
import { loadConfig } from '../src/core/config.js';
import { buildWhenStale } from '../src/index/store/ensure.js';
import { loadIndex } from '../src/index/store/load.js';

interface EvalSet {
  name: string;
  file: string;
  /** The corpus folders, and the name of the index built from them under data/eval/. */
  corpus: { name: string; dirs: string[] };
  by: keyof EvalItem;
  heldout?: boolean;
}

const SEED = { name: 'seed', dirs: ['corpus'] };
const NEWSDESK = { name: 'newsdesk', dirs: ['tests/eval/newsdesk/corpus'] };
const NEWSDESK2 = { name: 'newsdesk2', dirs: ['tests/eval/newsdesk2/corpus'] };
const DATED = { name: 'seed+dated', dirs: ['corpus', 'tests/eval/dated/corpus'] };
/** A held-out set by answer type: scored as totals only. */
const heldOut = (name: string, file: string, corpus: EvalSet['corpus']): EvalSet => ({
  name,
  file,
  corpus,
  by: 'type',
  heldout: true,
});
const SETS: EvalSet[] = [
  { name: 'seed', file: 'tests/eval/questions.jsonl', corpus: SEED, by: 'lang' },
  { name: 'styles-tune', file: 'tests/eval/seed-styles-tune.jsonl', corpus: SEED, by: 'style' },
  { name: 'styles2-tune', file: 'tests/eval/seed-styles2-tune.jsonl', corpus: SEED, by: 'style' },
  // A fourth blind writer's questions (this session), as people write them: tuning only.
  { name: 'styles3-tune', file: 'tests/eval/seed-styles3-tune.jsonl', corpus: SEED, by: 'style' },
  { name: 'styles-heldout', file: 'tests/eval/seed-styles-heldout.jsonl', corpus: SEED, by: 'style', heldout: true },
  { name: 'newsdesk-tune', file: 'tests/eval/newsdesk/tune.jsonl', corpus: NEWSDESK, by: 'type' },
  heldOut('newsdesk-heldout', 'tests/eval/newsdesk/heldout.jsonl', NEWSDESK),
  { name: 'newsdesk2-tune', file: 'tests/eval/newsdesk2/tune.jsonl', corpus: NEWSDESK2, by: 'type' },
  { name: 'newsdesk3-tune', file: 'tests/eval/newsdesk/tune3.jsonl', corpus: NEWSDESK, by: 'type' },
  { name: 'newsdesk4-tune', file: 'tests/eval/newsdesk2/tune3.jsonl', corpus: NEWSDESK2, by: 'type' },
  heldOut('newsdesk2-heldout', 'tests/eval/newsdesk2/heldout.jsonl', NEWSDESK2),
  // Near misses of every kind (another entity, period, measure, post, detail, rank) and controls, on both archives.
  { name: 'nearmiss-tune', file: 'tests/eval/newsdesk/nearmiss-tune.jsonl', corpus: NEWSDESK, by: 'type' },
  { name: 'nearmiss2-tune', file: 'tests/eval/newsdesk2/nearmiss-tune.jsonl', corpus: NEWSDESK2, by: 'type' },
  heldOut('nearmiss-heldout', 'tests/eval/newsdesk/nearmiss-heldout.jsonl', NEWSDESK),
  heldOut('nearmiss2-heldout', 'tests/eval/newsdesk2/nearmiss-heldout.jsonl', NEWSDESK2),
  { name: 'dated', file: 'tests/eval/dated/questions.jsonl', corpus: DATED, by: 'kind' },
  // The seed's questions once the dated archive is added beside it: none may drop.
  { name: 'seed-archive', file: 'tests/eval/questions.jsonl', corpus: DATED, by: 'lang' },
  { name: 'styles-archive', file: 'tests/eval/seed-styles-tune.jsonl', corpus: DATED, by: 'style' },
];

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');

/** An answerer over the union of the given corpus folders, built once into data/eval/. */
async function answererFor(corpus: EvalSet['corpus']): Promise<Answerer> {
  const work = join('data', 'eval', corpus.name);
  const corpusDir = join(work, 'corpus');
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  for (const dir of corpus.dirs) cpSync(dir, corpusDir, { recursive: true });
  const config = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: join(work, 'index') });
  await buildWhenStale(config);
  const foundThreshold = sweep ? { zh: 0, en: 0 } : undefined;
  return new Answerer(await loadIndex(config), {
    topK: config.topK,
    maxQuestionChars: config.maxQuestionChars,
    ...(foundThreshold ? { foundThreshold } : {}),
  });
}

function table(outcomes: EvalOutcome[], by: keyof EvalItem): string[] {
  const groups = new Map<string, EvalOutcome[]>();
  for (const o of outcomes) {
    const key = String(o.item[by] ?? '-');
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const line = (name: string, os: EvalOutcome[]) => {
    const right = os.filter((o) => o.right).length;
    const cited = os.filter((o) => o.item.found && o.cited).length;
    const answerable = os.filter((o) => o.item.found).length;
    const withDate = os.filter((o) => o.dated !== undefined);
    const dated = withDate.length
      ? `   issue date ${pct(withDate.filter((o) => o.dated).length, withDate.length)}`
      : '';
    return `  ${name.padEnd(12)} ${`${right}/${os.length}`.padStart(8)} ${pct(right, os.length).padStart(5)}   cited ${pct(cited, answerable).padStart(4)}${dated}`;
  };
  return [...rows.map(([k, os]) => line(k, os)), line('all', outcomes)];
}

const sweep = process.argv.includes('--sweep');

/** For tuning sets: answered right / wrong / invented at each threshold, from answers given at threshold 0. */
function sweepTable(rows: Array<{ o: EvalOutcome; confidence: number; found: boolean }>): string[] {
  const out = ['  threshold  right  wrong-answer  invented  (by language)'];
  for (const lang of ['zh', 'en'] as const) {
    const xs = rows.filter((r) => r.o.item.lang === lang);
    for (const t of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
      const shown = (r: (typeof xs)[number]) => r.found && r.confidence >= t;
      const right = xs.filter((r) => (r.o.item.found ? shown(r) && r.o.correct : !shown(r))).length;
      const wrong = xs.filter((r) => r.o.item.found && shown(r) && !r.o.correct).length;
      const invented = xs.filter((r) => !r.o.item.found && shown(r)).length;
      out.push(
        `  ${lang} ${t.toFixed(2)}    ${String(right).padStart(4)}/${xs.length}  ${String(wrong).padStart(5)}  ${String(invented).padStart(8)}`,
      );
    }
  }
  return out;
}

runMain(async () => {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const sets = wanted.length ? SETS.filter((s) => wanted.includes(s.name)) : SETS;
  if (!sets.length) throw new Error(`unknown set; choose from ${SETS.map((s) => s.name).join(', ')}`);
  const answerers = new Map<string, Answerer>();
  for (const set of sets) {
    const answerer = answerers.get(set.corpus.name) ?? (await answererFor(set.corpus));
    answerers.set(set.corpus.name, answerer);
    const outcomes: EvalOutcome[] = [];
    const swept: Array<{ o: EvalOutcome; confidence: number; found: boolean }> = [];
    const ms: number[] = [];
    for (const item of readEvalSet(set.file)) {
      const a = await answerer.ask(item.q);
      ms.push(a.elapsedMs);
      const o = judge(item, a);
      outcomes.push(o);
      swept.push({ o, confidence: a.confidence, found: a.found });
      if (list && !set.heldout) {
        const status = item.found
          ? o.correct
            ? o.dated === false
              ? 'DATE '
              : o.cited
                ? 'ok   '
                : 'NOCIT'
            : 'WRONG'
          : o.abstainedOk
            ? 'abst '
            : 'INVNT';
        process.stdout.write(
          `${item.id}\t${status}\t${a.confidence.toFixed(2)}\t${item.q}\t=> ${a.answer.slice(0, 70)}\n`,
        );
      }
    }
    const p95 = [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.95)] ?? 0;
    process.stdout.write(
      `\n${set.name}${set.heldout ? ' (held out)' : ''}: right by ${String(set.by)}; p95 ${p95.toFixed(1)} ms\n`,
    );
    process.stdout.write(`${table(outcomes, set.by).join('\n')}\n`);
    if (sweep && !set.heldout) process.stdout.write(`${sweepTable(swept).join('\n')}\n`);
  }
});
