/** Checking a claim against the bulletin: figures with their units decide supported / contradicted / not found. */
import { MESSAGES } from '../../core/messages.js';
import type { CheckResult, Lang } from '../../core/types.js';
import { daySpan } from '../../index/chunk-days.js';
import { normalize } from '../../text/normalize.js';
import type { Answerer } from '../answerer.js';
import { NEWER_MARGIN } from '../extract/over-time.js';
import type { Concept } from '../question/concept.js';
import { citationOf } from '../render.js';
import type { ScoredSentence } from '../scorer.js';
import { type Amount, claimAmounts, compareAmounts, sentenceAmounts } from './claim-figures.js';

/** Share of a claim's concepts a sentence must cover before its figures are compared. */
const CHECK_THRESHOLD: Record<Lang, number> = { zh: 0.55, en: 0.5 };

/**
 * Checks a claim against the bulletin. Figures decide: a figure of the same unit in the best
 * matching sentence that equals the claim's supports it, one that differs contradicts it. A claim
 * naming a time is checked against the issues about it; one naming none against the newest issue
 * that speaks to it, saying so when an earlier issue supported it.
 *
 * @example
 * (await checkClaim(answerer, '海门有30个重大项目2月底复工')).verdict // 'contradicted'
 */
export async function checkClaim(answerer: Answerer, raw: string): Promise<CheckResult> {
  const t0 = performance.now();
  const { text } = answerer.prepare(raw);
  const { q, sentences } = await answerer.evidence(text);
  const lang = q.lang;
  const say = MESSAGES[lang].check;
  const done = (verdict: CheckResult['verdict'], answer: string, s?: ScoredSentence): CheckResult => ({
    claim: raw,
    lang,
    verdict,
    answer,
    citations: s ? [citationOf(s, 1)] : [],
    elapsedMs: Number((performance.now() - t0).toFixed(2)),
  });
  // Figures in the claim are what is being checked, so they do not count towards finding the sentence.
  const figures = claimAmounts(text, lang);
  const figureTexts = new Set(figures.map((f) => normalize(f.text)));
  const candidates = sentences.filter((s) => s.coverage >= CHECK_THRESHOLD[lang]).slice(0, 8);
  const best = candidates[0];
  if (!best) return done('not_found', say.notFound);
  if (!figures.length) {
    return best.coverage >= 0.8
      ? done('supported', say.supported(best.text), best)
      : done('not_found', say.notFound, best);
  }
  // A claim naming no time is checked against the newest issue that speaks to it.
  const ordered = q.time.periods.length ? candidates : [...candidates].sort((a, b) => lastDay(b) - lastDay(a));
  let found: { verdict: 'supported' | 'contradicted'; s: ScoredSentence; rival?: string; claimed?: string } | undefined;
  // A sentence with another figure never matches the claim's own: compare coverage of the rest.
  const rest = (s: ScoredSentence) => besideFigures(q.concepts, s);
  const bestRest = Math.max(...candidates.map(rest));
  for (const s of ordered) {
    const v = verdictOf(s, figures, figureTexts, rest(s) >= bestRest - NEWER_MARGIN);
    if (!v) continue;
    if (!found) {
      found = { ...v, s };
      if (v.verdict === 'supported' || q.time.periods.length) break;
    } else if (v.verdict === 'supported' && lastDay(s) < lastDay(found.s)) {
      // The newest issue has another figure; an earlier one said what the claim says.
      const r = done('contradicted', say.contradicted(found.rival ?? '', found.claimed ?? ''), found.s);
      const earlier = say.earlierSupported(MESSAGES[lang].dates.issue(s.chunk.date));
      return { ...r, answer: `${r.answer}${earlier}`, citations: [citationOf(found.s, 1), citationOf(s, 2)] };
    }
  }
  if (!found) return done('not_found', say.notFound, best);
  return found.verdict === 'supported'
    ? done('supported', say.supported(found.s.text), found.s)
    : done('contradicted', say.contradicted(found.rival ?? '', found.claimed ?? ''), found.s);
}

const lastDay = (s: ScoredSentence) => daySpan(s.chunk.date)?.[1] ?? -1;

/** How much of the claim a sentence covers apart from the claim's figures. */
function besideFigures(concepts: Concept[], s: ScoredSentence): number {
  let total = 0;
  let got = 0;
  for (const c of concepts) {
    if (c.figure) continue;
    total += c.weight;
    got += c.weight * Math.max(0, ...s.matches.filter((m) => m.concept === c).map((m) => m.quality));
  }
  return total ? got / total : 0;
}

/** What one sentence says of the claim's figures: all of them (supported), another of the same measure, or nothing. */
function verdictOf(
  s: ScoredSentence,
  figures: Amount[],
  figureTexts: Set<string>,
  aboutIt: boolean,
): { verdict: 'supported' | 'contradicted'; rival?: string; claimed?: string } | undefined {
  const stated = sentenceAmounts(s.text);
  const matched = figures.map((f) => stated.find((m) => compareAmounts(f, m) === 'same'));
  if (matched.every(Boolean)) return { verdict: 'supported' };
  for (const [i, f] of figures.entries()) {
    if (matched[i]) continue;
    // The bulletin's figure for the same thing: the same measure, not itself one of the claim's figures.
    const rival = stated.find((m) => compareAmounts(f, m) === 'differs' && !figureTexts.has(normalize(m.text)));
    if (rival && aboutIt) return { verdict: 'contradicted', rival: rival.text, claimed: f.text };
  }
  return undefined;
}
