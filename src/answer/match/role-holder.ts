/**
 * A role the question names for a person the bulletin names in another sentence: 那个最美渔技员
 * is 薛卫生 (曾获“全国最美渔技员”称号的薛卫生), whose 42 years stand where only his name is.
 */
import { findNames } from '../../text/names.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { ScoredSentence } from '../scorer.js';

/** Between a role and its holder's name: nothing (渔技员薛卫生), or a title's close (…”称号的). */
const HOLDER_GAP = /^[”"」》]?(荣誉)?(称号|称谓|美誉)?的?$/;

const NAME_SLOTS = new Set(['person', 'org', 'place', 'name']);

/** Sentences naming the role must hold the whole question (but its answer): this share of it at least. */
const MIN_COVERAGE = 0.8;

/**
 * The question with the role's words replaced by the name of the person holding it (`text`), when
 * one of the best sentences (`naming`) names that person right after the role; undefined otherwise.
 * For a second search when the first found no answer: the answer may stand where only the name is.
 *
 * @example
 * roleHolderQuestion(q, sentences)?.text // '那个薛卫生干这行多少年了' for 那个最美渔技员干这行多少年了
 */
export function roleHolderQuestion(
  q: AnalyzedQuestion,
  sentences: ScoredSentence[],
): { text: string; naming: ScoredSentence } | undefined {
  // Asked for a name (谁, 哪家公司), the holder's name would be the answer, not a way to it.
  if (q.lang !== 'zh' || NAME_SLOTS.has(q.intent.slot)) return undefined;
  for (const s of sentences.slice(0, 3)) {
    if (!s.complete || s.coverage < MIN_COVERAGE) continue;
    const own = s.matches.filter((m) => m.at >= 0 && !m.concept.period && !m.concept.figure);
    if (!own.length) continue;
    const end = Math.max(...own.map((m) => m.at + m.length));
    const holder = findNames(s.text).find(
      (n) => n.kind === 'person' && n.start >= end && HOLDER_GAP.test(s.text.slice(end, n.start)),
    );
    if (!holder || q.norm.includes(holder.text)) continue;
    // The role's words in the question: from the first of them to the last.
    const at = own.map((m) => [q.norm.indexOf(m.concept.label), m.concept.label.length] as const);
    if (at.some(([i]) => i < 0)) continue;
    const from = Math.min(...at.map(([i]) => i));
    const to = Math.max(...at.map(([i, n]) => i + n));
    return { text: `${q.norm.slice(0, from)}${holder.text}${q.norm.slice(to)}`, naming: s };
  }
  return undefined;
}
