/**
 * Picks the answer for an analysed question from its scored sentences, by what the question asks
 * for, and decides whether the bulletin answers it at all.
 */
import type { Lang } from '../../core/types.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { ScoredSentence } from '../scorer.js';
import { pickClause, pickDefinition, pickMethod, pickReason, pickRest, pickRoute } from './clause.js';
import type { Extraction } from './extraction.js';
import { pickFigure } from './figure.js';
import { asksTitle, pickName, pickTitle } from './name.js';
import { pickYesNo } from './yes-no.js';

/**
 * Least share of the question's concepts the answer's sentence (with its context) must cover.
 * Chosen on the tuning part of the eval sets with `npm run eval` (see README for the trade-off).
 */
export const FOUND_THRESHOLD: Record<Lang, number> = { zh: 0.6, en: 0.6 };

/** A question asking a route's ends: 从哪儿到哪儿, from where to where. */
const ASKS_ROUTE = /从哪(儿|里)?.{0,2}到哪|from where to where|起点.{0,6}终点/;

/** The span the question's slot asks for, before the decision to answer. */
export function candidate(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  switch (q.intent.slot) {
    case 'number':
    case 'date':
    case 'ordinal':
      return pickFigure(q, sentences);
    case 'person':
    case 'org':
      return pickName(q, sentences);
    case 'place':
      // 从哪儿到哪儿: a route, given by its two ends.
      return (ASKS_ROUTE.test(q.norm) ? pickRoute(sentences) : undefined) ?? pickName(q, sentences);
    case 'name':
      return pickName(q, sentences) ?? (asksTitle(q) ? undefined : pickDefinition(q, sentences));
    case 'title':
      return pickTitle(q, sentences) ?? pickClause(q, sentences);
    case 'reason':
      return pickReason(q, sentences) ?? pickRest(q, sentences) ?? pickClause(q, sentences);
    case 'method':
      return pickMethod(q, sentences);
    case 'definition':
      return pickDefinition(q, sentences) ?? pickClause(q, sentences);
    case 'yesno':
      return pickYesNo(q, sentences);
    default:
      return pickClause(q, sentences);
  }
}

/**
 * The answer, or undefined when the bulletin does not hold it: the sentence must cover the
 * question (every name and figure it gives, and enough of the rest) and hold a span of the
 * asked kind.
 */
export function extract(
  q: AnalyzedQuestion,
  sentences: ScoredSentence[],
  threshold: Record<Lang, number> = FOUND_THRESHOLD,
): Extraction | undefined {
  const least = threshold[q.lang];
  const usable = sentences.filter((s) => s.complete);
  const ex = candidate(q, usable);
  if (ex && ex.fit > 0 && ex.sentence.coverage >= least) return ex;
  // The best span may sit in a sentence that covers too little (a dateline's 27日上午): look again
  // among the sentences that cover the question.
  const covering = usable.filter((s) => s.coverage >= least);
  const again = covering.length && covering.length < usable.length ? candidate(q, covering) : undefined;
  return again && again.fit > 0 ? again : undefined;
}
