/**
 * `npm run eval:llm [-- file.jsonl] [--right 0.7] [--repeat 1]`: measures the grounding check with a simulated
 * model on a loopback OpenAI-compatible server. The model is right with probability `--right`
 * (it quotes the evidence sentence and cites its passage); otherwise it makes one of five
 * typical mistakes. The script reports how many of each the check rejected, how many right
 * answers it wrongly rejected, and the final score of what users would see.
 */

import { Answerer } from '../src/answer/answerer.js';
import { runMain } from '../src/app/run-main.js';
import { type EvalItem, judge, readEvalSet } from '../src/cli/eval-set.js';
import { loadConfig } from '../src/core/config.js';
import { ensureIndex } from '../src/index/store/ensure.js';
import { createChatModel } from '../src/llm/chat-model.js';
import { type ChatRequest, FakeLlmServer } from '../testkit/fake-llm-server.js';
import { rng } from './bench/synthetic-corpus.js';

const MISTAKES = ['changed-figure', 'invented-citation', 'no-citation', 'wrong-passage', 'wrong-abstention'] as const;
type Mode = 'right' | (typeof MISTAKES)[number];

function simulate(item: EvalItem, mode: Mode, req: ChatRequest): string {
  const notFound = item.lang === 'zh' ? '公报没有提到这一点。' : 'The bulletin does not say.';
  const evidence = item.evidence ?? item.keys?.[0] ?? '';
  const p = req.passages.find((x) => evidence && x.text.includes(evidence));
  const other = req.passages.find((x) => x !== p && !/\d/.test(x.text)) ?? req.passages.find((x) => x !== p);
  if (mode === 'right') return item.found && p ? `${evidence}[${p.n}]` : notFound;
  if (!item.found)
    return mode === 'wrong-abstention' || mode === 'no-citation'
      ? '据报道，共有12个项目。'
      : `据报道，共有12个项目[${req.passages[0]?.n ?? 1}]。`;
  const n = p?.n ?? 1;
  switch (mode) {
    case 'changed-figure':
      return /\d/.test(evidence)
        ? `${evidence.replace(/\d+/, (d) => String(Number(d) + 7))}[${n}]`
        : `${evidence}，共计17个[${n}]`;
    case 'invented-citation':
      return `${evidence}[${req.passages.length + 3}]`;
    case 'no-citation':
      return evidence;
    case 'wrong-passage':
      return `${evidence}[${other?.n ?? n}]`;
    case 'wrong-abstention':
      return notFound;
  }
}

runMain(async () => {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.jsonl')) ?? 'tests/eval/questions.jsonl';
  const option = (name: string, fallback: number) =>
    args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
  const right = option('--right', 0.7);
  // Each question asked `--repeat` times, each time with its own draw of right or wrong.
  const items = Array.from({ length: option('--repeat', 1) }, () => readEvalSet(file)).flat();
  const server = new FakeLlmServer();
  const root = await server.start();
  const config = loadConfig({
    ...process.env,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${root}/v1`,
    OPENAI_API_KEY: 'sk-simulated-key',
    EMBEDDINGS_PROVIDER: 'local',
  });
  const index = await ensureIndex(config);
  const model = await createChatModel(config);
  if (!model) throw new Error('LLM_PROVIDER=openai gave no chat model');
  const answerer = new Answerer(index, {
    topK: config.topK,
    maxQuestionChars: config.maxQuestionChars,
    llm: { model, timeoutMs: 5000 },
  });
  const random = rng(20200228);
  const table = new Map<string, { n: number; rejected: number; reasons: Record<string, number> }>();
  let shownRight = 0;
  let shownLlm = 0;
  let current: { item: EvalItem; mode: Mode } = {
    item: items[0] ?? { id: '', lang: 'zh', q: '', found: false },
    mode: 'right',
  };
  server.behaviour = { reply: (req) => simulate(current.item, current.mode, req) };
  for (const item of items) {
    const mode: Mode = random() < right ? 'right' : (MISTAKES[Math.floor(random() * MISTAKES.length)] ?? 'right');
    current = { item, mode };
    const a = await answerer.ask(item.q);
    // A right answer to an unanswerable question is the model's "not covered", which is never a fallback.
    const row = table.get(mode) ?? { n: 0, rejected: 0, reasons: {} };
    row.n++;
    if (a.fallback) {
      row.rejected++;
      row.reasons[a.fallback] = (row.reasons[a.fallback] ?? 0) + 1;
    }
    table.set(mode, row);
    const o = judge(item, a);
    if (item.found ? o.correct && o.cited : o.abstainedOk) shownRight++;
    if (a.source === 'llm') shownLlm++;
  }
  await server.stop();
  process.stdout.write(
    `simulated model right ${(right * 100).toFixed(0)}% of the time; ${items.length} questions from ${file}\n\n`,
  );
  process.stdout.write('model reply          n   rejected by the check (reasons)\n');
  for (const mode of ['right', ...MISTAKES]) {
    const r = table.get(mode);
    if (!r) continue;
    const reasons = Object.entries(r.reasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    process.stdout.write(
      `${mode.padEnd(20)} ${String(r.n).padStart(2)}  ${r.rejected}/${r.n}${reasons ? ` (${reasons})` : ''}\n`,
    );
  }
  process.stdout.write(
    `\nshown to users: ${shownRight}/${items.length} right (answer + evidence quoted, or a correct "not covered"); ${shownLlm} written by the model, the rest extractive\n`,
  );
});
