/**
 * Yes-no answers: the best sentence decides. A figure or date of the question that the sentence
 * contradicts, or a denial the sentence does not share, makes it a no; otherwise it is a yes.
 */
import { findMentions } from '../../text/figures.js';
import { tokens } from '../../text/names.js';
import { normalize } from '../../text/normalize.js';
import { splitClauses } from '../../text/sentences.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { ScoredSentence } from '../scorer.js';
import type { Extraction } from './extraction.js';

/** Least share of the asked words (not names, periods or figures) a yes-no answer's sentence must hold itself. */
const MIN_OWN_SHARE = 0.4;

const DENIAL = /^(没|没有|未|尚未|不|无|并未|未及|未能|没能|无法|未曾|尚无)$/;

/** True when a text denies (没有复工, 尚未销售). */
export function denies(text: string): boolean {
  // 未及销售的扣蟹已基本销罄: a denial inside a noun's description (…的) denies nothing of the clause.
  const described = text.replace(/(没有|没|未及|尚未|未|不)[^,，。;；的]{1,6}的/g, '');
  return tokens(described).some((t) => DENIAL.test(t.word));
}

/**
 * The clause that says yes or no: the one holding most of the question, its names counting half
 * (该局工作队下沉挂钩平潮镇 names the place; 16家企业已全部安全复工复产 answers).
 */
function predicateClause(s: ScoredSentence): string {
  let best = { text: s.text, score: -1 };
  for (const c of splitClauses(s.text)) {
    let score = 0;
    for (const m of s.matches) {
      if (m.at >= c.start && m.at < c.end) score += m.concept.weight * (m.concept.kind === 'entity' ? 0.5 : 1);
    }
    if (score > best.score) best = { text: c.text, score };
  }
  return best.text.replace(/[,，；;：:。]$/, '');
}

/** The yes or no the best sentence gives, with the clause that says so. */
export function pickYesNo(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const s = sentences[0];
  if (!s) return undefined;
  // The sentence must say what is asked of it (具备试通车条件): words found only in its context decide nothing.
  const asked = q.concepts.filter((c) => c.kind !== 'entity' && !c.period && !c.figure);
  const total = asked.reduce((sum, c) => sum + c.weight, 0);
  const own = s.matches.filter((m) => m.at >= 0 && asked.includes(m.concept)).reduce((x, m) => x + m.concept.weight, 0);
  if (total && own / total < MIN_OWN_SHARE) return undefined;
  const stated = findMentions(s.text);
  let yes = !s.matches.some((m) => m.conflict);
  for (const g of findMentions(q.norm)) {
    if (g.kind !== 'date' && g.kind !== 'quantity' && g.kind !== 'percent') continue;
    const same = stated.filter((m) => m.kind === g.kind && (m.kind !== 'quantity' || m.measure === g.measure));
    if (same.length && !same.some((m) => m.value === g.value)) yes = false;
  }
  if (q.negated !== denies(s.text)) yes = !yes;
  const clause = predicateClause(s);
  return { sentence: s, span: clause, context: normalize(s.text), yes, score: s.score + 0.2, fit: 1 };
}
