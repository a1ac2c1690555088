import { readFileSync } from 'node:fs';
import type { Answer } from '../core/types.js';

/** One question of an eval set (same format as the shared dev set). */
export interface EvalItem {
  id: string;
  lang: 'zh' | 'en';
  q: string;
  keys?: string[];
  evidence?: string;
  found: boolean;
}

/** Per-question outcome, judged the way the external scorer judges it. */
export interface EvalOutcome {
  item: EvalItem;
  correct: boolean;
  direct: boolean;
  cited: boolean;
  abstainedOk: boolean;
}

/** Reads a JSONL eval set. */
export function readEvalSet(path: string): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .toLowerCase();

/** Judges one answer: right key in a short answer, leading with it, and the evidence quoted. */
export function judge(item: EvalItem, a: Pick<Answer, 'found' | 'answer' | 'citations'>): EvalOutcome {
  if (!item.found) return { item, correct: false, direct: false, cited: false, abstainedOk: a.found === false };
  const ans = norm(a.answer);
  const keys = item.keys ?? [];
  const correct = a.found && a.answer.length <= 200 && keys.some((k) => ans.includes(norm(k)));
  const lead = norm(a.answer.slice(0, 40));
  const ev = norm(item.evidence);
  return {
    item,
    correct,
    direct: correct && keys.some((k) => lead.includes(norm(k))),
    cited: a.citations.some(
      (c) => norm(c.quote).includes(ev) || (ev.length > 12 && norm(c.quote).includes(ev.slice(0, 12))),
    ),
    abstainedOk: false,
  };
}
