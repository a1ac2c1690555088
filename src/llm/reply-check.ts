/**
 * Checks an LLM's reply before it is shown (not to be confused with the claim check, which checks
 * a user's claim against the bulletin).
 */
import type { Lang } from '../core/types.js';
import { figureValues, sameValue } from '../text/figures.js';
import { normalize } from '../text/normalize.js';
import { MODEL_NOT_FOUND, type Passage } from './prompt.js';

/** Why a model's answer was not shown; the extractive answer is shown instead. */
export type FallbackReason =
  | 'empty'
  | 'no-citation'
  | 'unknown-citation'
  | 'unsupported-figure'
  | 'unsupported-wording'
  | 'says-not-found'
  | 'answers-unanswerable'
  | 'timeout'
  | 'provider-error';

/** The outcome of {@link checkModelReply}. */
export type ReplyCheck =
  | { ok: true; notFound: false; text: string; cited: number[] }
  | { ok: true; notFound: true }
  | { ok: false; reason: FallbackReason; detail?: string };

/** What the extractive answerer concluded, to cross-check the model against. */
export interface ExtractiveView {
  found: boolean;
  /** Best sentence coverage in [0, 1]. */
  confidence: number;
}

/** Below this coverage nothing retrieved is about the question: a model answer would be invented. */
export const UNANSWERABLE_BELOW = 0.3;
/** Share of a Chinese answer's character pairs that its cited passages must contain. */
export const MIN_WORDING_SUPPORT = 0.5;

const MARKER = /[[【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】]/g;
const NOT_FOUND_PHRASES = new RegExp(
  [
    "does not (say|mention|cover|contain|state)|doesn't (say|mention|cover)|not (mentioned|covered|stated) in|no information",
    '公报(中)?(没有|未)(提到|提及|涉及|说明)|没有(相关|提到|提及)|未(提及|提到)',
  ].join('|'),
  'i',
);

/** Adjacent Han character pairs of a text. */
function hanPairs(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** Passage numbers cited in a text, in order of first appearance. */
export function citedPassages(text: string): number[] {
  const seen: number[] = [];
  for (const m of text.matchAll(MARKER))
    for (const n of (m[1] ?? '').split(/[,，、]/)) if (!seen.includes(Number(n))) seen.push(Number(n));
  return seen;
}

/**
 * Checks a model's answer before it is shown: it cites only passages it was given, cites at
 * least one, every figure it states is in a passage it cites, a Chinese answer is worded from
 * what it cites, and its "not covered" agrees with what retrieval found.
 *
 * @example
 * checkModelReply('海门31个项目2月底将全面复工[1]。', 'zh', passages, { found: true, confidence: 0.9 });
 * // { ok: true, notFound: false, text: …, cited: [1] }
 */
export function checkModelReply(
  reply: string,
  lang: Lang,
  passages: Passage[],
  extractive: ExtractiveView,
): ReplyCheck {
  const text = reply.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const cited = citedPassages(text);
  const saysNotFound = text.includes(MODEL_NOT_FOUND[lang]) || (cited.length === 0 && NOT_FOUND_PHRASES.test(text));
  if (saysNotFound) {
    return extractive.found ? { ok: false, reason: 'says-not-found' } : { ok: true, notFound: true };
  }
  if (!cited.length) return { ok: false, reason: 'no-citation' };
  const unknown = cited.filter((n) => !passages.some((p) => p.n === n));
  if (unknown.length)
    return { ok: false, reason: 'unknown-citation', detail: `[${unknown.join('], [')}] of ${passages.length}` };
  const sources = passages.filter((p) => cited.includes(p.n));
  const known = sources.flatMap((p) => figureValues(`${p.title} ${p.text}`));
  const missing = figureValues(text.replace(MARKER, ' ')).filter((v) => !known.some((k) => sameValue(k, v)));
  if (missing.length) return { ok: false, reason: 'unsupported-figure', detail: missing.join(', ') };
  // Claims without figures: a Chinese answer must be worded from what it cites. (An English answer
  // translates, so only its figures and citations can be checked.)
  if (lang === 'zh') {
    const pairs = hanPairs(text.replace(MARKER, ''));
    const sourcePairs = new Set(sources.flatMap((p) => hanPairs(`${p.title} ${p.text}`)));
    const support = pairs.length ? pairs.filter((b) => sourcePairs.has(b)).length / pairs.length : 1;
    if (support < MIN_WORDING_SUPPORT) return { ok: false, reason: 'unsupported-wording', detail: support.toFixed(2) };
  }
  if (!extractive.found && extractive.confidence < UNANSWERABLE_BELOW)
    return { ok: false, reason: 'answers-unanswerable' };
  return { ok: true, notFound: false, text, cited };
}

/** Rewrites `[n]` markers to the numbers of the citations shown (`[3]` → `[1]` when passage 3 is cited first). */
export function renumberMarkers(text: string, order: number[]): string {
  return text.replace(MARKER, (_, list: string) =>
    list
      .split(/[,，、]/)
      .map((n) => `[${order.indexOf(Number(n)) + 1}]`)
      .join(''),
  );
}
