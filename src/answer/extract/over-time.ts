/**
 * Answers across issues: the same topic comes back with new figures, so a question that names no
 * time is answered from the newest issue that holds the answer, and a figure that changed is
 * reported with the earlier one and its date. A question comparing two times takes the newest and
 * the oldest answer within them.
 */
import { daySpan } from '../../index/chunk-days.js';
import { findPeriods, parseIsoDate, periodDays } from '../../text/dates.js';
import { normalize } from '../../text/normalize.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { ScoredSentence } from '../scorer.js';
import { candidate } from './extract.js';
import type { Extraction } from './extraction.js';

/** The answer to give and, when it changed between issues, the earlier one. */
export interface IssueAnswers {
  main: Extraction;
  earlier?: Extraction;
}

/**
 * How far below the best sentence's coverage a newer issue's sentence may be and still answer: the
 * newer wording of the same report often leaves a word of the question to its headline.
 */
export const NEWER_MARGIN = 0.15;

/** Slots whose answers are worth comparing between issues: figures and names, not clauses. */
const COMPARABLE = new Set(['number', 'date', 'ordinal', 'person', 'org', 'place', 'name']);

/** The last day an issue date covers, for ordering (a month-only date sorts at its end). */
const lastDay = (date: string | undefined) => daySpan(date)?.[1] ?? -1;

/** How precisely a sentence dates its figure: by day 3, month 2, year 1, not at all 0. */
function datedBy(s: ScoredSentence): number {
  let precision = 0;
  for (const p of findPeriods(s.text)) precision = Math.max(precision, p.day ? 3 : p.months ? 2 : p.year ? 1 : 0);
  return precision;
}

/**
 * Two answers of one kind: figures of the same measure, not a whole year's beside a month's or a
 * day's (a month's 25 good days is no change from a year's 316), or two names.
 */
function comparable(a: Extraction, b: Extraction): boolean {
  if (!a.mention || !b.mention) return !a.mention && !b.mention;
  if (a.mention.kind !== b.mention.kind || a.mention.measure !== b.mention.measure) return false;
  const [pa, pb] = [datedBy(a.sentence), datedBy(b.sentence)];
  return !(pa === 1 && pb > 1) && !(pb === 1 && pa > 1);
}

function sameAnswer(a: Extraction, b: Extraction): boolean {
  if (a.mention && b.mention) return a.mention.value === b.mention.value && a.mention.unit === b.mention.unit;
  return normalize(a.span).replace(/\s/g, '') === normalize(b.span).replace(/\s/g, '');
}

function inWindow(date: string | undefined, q: AnalyzedQuestion): boolean {
  const span = daySpan(date);
  const w = q.time.window && [daySpan(q.time.window.from)?.[0], daySpan(q.time.window.to)?.[1]];
  if (!w || w[0] === undefined || w[1] === undefined) return true;
  return !!span && span[0] <= w[1] && span[1] >= w[0];
}

/** The last day a sentence dates its news by (2月7日, 上周), up to its issue's date; undefined when it names none. */
function statedDay(s: ScoredSentence): number | undefined {
  const issueEnd = lastDay(s.chunk.date);
  let latest: number | undefined;
  for (const p of findPeriods(s.text, parseIsoDate(s.chunk.date))) {
    if (p.day === undefined || /^\s*(以来|来)/.test(s.text.slice(p.end, p.end + 3))) continue;
    const end = periodDays(p)?.[1];
    if (end !== undefined && end <= issueEnd && (latest === undefined || end > latest)) latest = end;
  }
  return latest;
}

/**
 * One issue may give a figure twice (上周一度涨至3.2元 … 2月7日回落至2.4元): the later day's is the
 * newer, when both sentences date theirs.
 */
function newestWithin(q: AnalyzedQuestion, group: ScoredSentence[], ex: Extraction): Extraction {
  let pick = ex;
  let day = statedDay(ex.sentence);
  if (day === undefined) return ex;
  for (const s of group) {
    const d = statedDay(s);
    if (s === ex.sentence || d === undefined || d <= day) continue;
    const other = candidate(q, [s]);
    if (other && other.fit >= ex.fit * 0.8) {
      pick = other;
      day = d;
    }
  }
  return pick;
}

/**
 * Chooses among the issues that answer a question. `best` is the answer over all sentences; the
 * result keeps it unless a newer issue answers as well (or the question compares times).
 *
 * @example
 * const { main, earlier } = acrossIssues(q, sentences, best, 0.6);
 * // main: 78% (2021-04-20), earlier: 60% (2021-03-23)
 */
export function acrossIssues(
  q: AnalyzedQuestion,
  sentences: ScoredSentence[],
  best: Extraction,
  threshold: number,
): IssueAnswers {
  // A question naming one time is answered from the issues about it: the scorer has seen to that.
  if ((q.time.periods.length && !q.time.compare) || q.time.issue) return { main: best };
  const floor = Math.max(threshold, best.sentence.coverage - NEWER_MARGIN);
  const byIssue = new Map<string, ScoredSentence[]>();
  for (const s of sentences) {
    const date = s.chunk.date;
    if (!date || !s.complete || s.coverage < floor || !inWindow(date, q)) continue;
    byIssue.set(date, [...(byIssue.get(date) ?? []), s]);
  }
  if (byIssue.size < 2 && !q.time.compare) return { main: best };
  const answers: Extraction[] = [];
  for (const date of [...byIssue.keys()].sort((a, b) => lastDay(b) - lastDay(a))) {
    const ex = candidate(q, byIssue.get(date) ?? []);
    // The issue's other answering sentences, however worded, may give a later day's figure.
    const rest = sentences.filter((s) => s.chunk.date === date && s.complete && s.coverage >= threshold);
    if (ex && ex.fit > 0) answers.push(newestWithin(q, rest, ex));
  }
  const main = answers[0] ?? best;
  if (!COMPARABLE.has(q.intent.slot)) return { main };
  const older = answers.slice(1).filter((a) => comparable(a, main) && !sameAnswer(a, main));
  // Compared times: the oldest answer within them; otherwise the one just before the newest.
  const earlier = q.time.compare ? older.at(-1) : older[0];
  return earlier ? { main, earlier } : { main };
}
