/** Eval sets: reading them, and judging an answer the way the external scorer does. */
import { readFileSync } from 'node:fs';
import type { Answer } from '../core/types.js';

/** One question of an eval set (the shared dev set's format, with optional tags). */
export interface EvalItem {
  id: string;
  lang: 'zh' | 'en';
  q: string;
  keys?: string[];
  /** Every one of these must be in the answer (instead of any one of `keys`). */
  keys_all?: string[];
  evidence?: string;
  found: boolean;
  /** How the question is worded: formal, spoken, traditional, typo, english, near-miss… */
  style?: string;
  /** What kind of answer it wants: person, amount, rate, date… (news-desk set). */
  type?: string;
  /** Dated-archive set: latest, dated-abs, dated-rel, uncovered, change… */
  kind?: string;
  /** The issue date the answer must cite (dated-archive set). */
  date?: string | null;
}

/** Per-question outcome, judged the way the external scorer judges it. */
export interface EvalOutcome {
  item: EvalItem;
  /** Right: the key in a short answer for an answerable question; "not found" for an unanswerable one. */
  right: boolean;
  correct: boolean;
  direct: boolean;
  cited: boolean;
  abstainedOk: boolean;
  /** For an item with a `date`: the first citation is of that issue. */
  dated?: boolean;
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

/** Judges one answer: the right key in a short answer, leading with it, and the evidence quoted. */
export function judge(item: EvalItem, a: Pick<Answer, 'found' | 'answer' | 'citations'>): EvalOutcome {
  if (!item.found) {
    const abstainedOk = a.found === false;
    return { item, right: abstainedOk, correct: false, direct: false, cited: false, abstainedOk };
  }
  const ans = norm(a.answer);
  const has = (text: string) =>
    item.keys_all
      ? item.keys_all.every((k) => text.includes(norm(k)))
      : (item.keys ?? []).some((k) => text.includes(norm(k)));
  const correct = a.found && a.answer.length <= 200 && has(ans);
  const ev = norm(item.evidence);
  const cited = a.citations.some(
    (c) => norm(c.quote).includes(ev) || (ev.length > 12 && norm(c.quote).includes(ev.slice(0, 12))),
  );
  return {
    item,
    right: correct,
    correct,
    direct: correct && has(norm(a.answer.slice(0, 40))),
    cited,
    abstainedOk: false,
    ...(item.date ? { dated: a.found && a.citations[0]?.date === item.date } : {}),
  };
}
