/** The parts of an analysed question: concepts with their alternatives and weights. */
import type { KeywordSearch } from '../../index/loaded-index.js';
import type { Period } from '../../text/dates.js';
import { normalize } from '../../text/normalize.js';

/** A way a concept may be written in a passage, and how much a match on it counts (0–1). */
export interface Alt {
  text: string;
  quality: number;
  /** `text` normalised for matching, computed once (see {@link altNorm}). */
  norm?: string;
}

/** An alternative's normalised text, computed on first use: scoring matches it against every sentence. */
export function altNorm(a: Alt): string {
  a.norm ??= normalize(a.text);
  return a.norm;
}

/**
 * What a concept is: a name (person, place, organisation, quoted term), a figure or date the
 * question gives, the thing the question asks about (its focus), or another content word.
 */
export type ConceptKind = 'entity' | 'figure' | 'focus' | 'content';

/** One thing the question is about; a passage covers it when it contains one of `alts`. */
export interface Concept {
  label: string;
  alts: Alt[];
  weight: number;
  kind: ConceptKind;
  /** Must be found in the answer's sentence or its context, or the question is about something else. */
  required: boolean;
  /**
   * Must be found in the answer's sentence itself (or the one before): a word of the asked thing's own name
   * (研究生 in 研究生招生规模). `'head'`: a word further from the question word, the topic (瓦卢纳 in
   * 瓦卢纳议会选举投票率), may stand in the article's headline or lead instead.
   */
  inSentence?: boolean | 'head';
  /** For a place the corpus knows: news prose may refer back to it as 全市 or 该镇. */
  place?: boolean;
  /** For a figure the question gives: its value and what it measures, matched whatever its wording (超过10亿元 = 超10亿元). */
  figure?: { value: number; kind: string; measure: string };
  /** For a time the question names (2023年一季度): matched as a period, and a sentence about another period conflicts. */
  period?: Period;
  /**
   * A post (局长) is matched where a deputy holds it too (副局长): an English question says "deputy" as a
   * word of its own. Otherwise a deputy's post is another post.
   */
  deputyToo?: boolean;
  /** An English name the dictionary lacks (Kiprotich): found where a transliteration sounds like it (基普罗蒂奇). */
  sound?: string;
}

/** Words in the question's text: an alternative found as written counts fully. */
export const exact = (text: string): Alt => ({ text, quality: 1 });

/**
 * How specific a term is in this corpus, from 0 (in every chunk) to 1 (in one chunk). A term the
 * corpus does not hold at all is judged by the caller.
 */
export function specificity(term: string, keyword: KeywordSearch): number {
  const df = keyword.docFrequency(term);
  if (df === 0 || keyword.size === 0) return 0;
  const max = Math.log(1 + (keyword.size + 0.5) / 0.5);
  return Math.min(1, keyword.idf(term) / max);
}

/** The weight of a concept from the specificity of its best-known alternative. */
export function weightOf(alts: Alt[], keyword: KeywordSearch, floor = 0.25): number {
  let best = 0;
  for (const a of alts) best = Math.max(best, specificity(a.text, keyword) * a.quality);
  return floor + best;
}

/** A period the question names: required, so that a sentence about another time never answers it. */
export const periodConcept = (p: Period): Concept => ({
  label: p.text,
  alts: [exact(p.text)],
  weight: 1,
  kind: 'figure',
  required: true,
  period: p,
});

/** Keeps the first concept of each label. */
export function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    if (seen.has(c.label)) return false;
    seen.add(c.label);
    return true;
  });
}
