/**
 * Whether a figure speaks of what the question asks, as the words around it say: of the asked half of a
 * pair or item of a list, of the asked period, of all or of the new ones, of a target or of what was done,
 * of what was done or of what was not.
 */
import { otherHalf } from '../../text/contrasts.js';
import { findPeriods } from '../../text/dates.js';
import type { Mention } from '../../text/figures.js';
import { normalize } from '../../text/normalize.js';
import { clashes } from '../match/period-match.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import { anyOf } from '../question/en/measure.js';
import { denies } from './yes-no.js';

/** Words by which a figure counts only what is new (新开通航线4条, 新增就业岗位). */
const NEWLY = /新(增|开|建|开通|设|签约|引进|落户|招录|认定|登记)/;
/** Words by which a question asks for what is new. */
const ASKS_NEW = anyOf(/新|增加|多了/, /\b(new|newly|added|add|adds|opened|launched)\b/);

/** A question asking a target, and the words that state one. */
const ASKS_TARGET = anyOf(
  /目标|指标/,
  /\b(sales|annual|output|growth|production|delivery|year's) (target|goal)s?\b|\b(target|goal) (for|of)\b|\baims? to\b/,
);
const TARGET = /目标|指标|力争|计划|争取|确保|预计|拟/;

/** Any denial, a described one too (未及销售的350多万斤). */
const DENIAL_WORD = /没有|没|未|尚未|不|无法/;

/** The item of a list (…、本地病例145例) a figure stands in, to the delimiters around it. */
function itemAt(text: string, m: { start: number; end: number }): string {
  const before = text.slice(0, m.start);
  const start = Math.max(...[...'、,，;；:：。'].map((d) => before.lastIndexOf(d))) + 1;
  const end = text.slice(m.end).search(/[、,，;；:：。]/);
  return text.slice(start, end < 0 ? text.length : m.end + end);
}

/**
 * The words that date a figure: its clause, or where that names no time, the nearest clause before it
 * in the sentence that does (公布3月交付数据，当月交付新车5.74万辆), a dateline opening the sentence aside.
 */
function periodOf(clause: string, before: string): string {
  const dated = (text: string) => findPeriods(normalize(text)).length > 0;
  if (dated(clause)) return clause;
  // 自5月22日启用以来: a time running up to the figure's own does not date it.
  const since = (text: string) => /以来|至今|起/.test(text);
  const earlier = before.split(/[,，;；]/).slice(0, -1);
  // 4月1日，远航汽车公布…: the day it was told, not the time told of.
  if (/^\s*(本报讯\s*[(（][^)）]*[)）])?\s*\d{1,2}月\d{1,2}日[上下午晚]*\s*$/.test(earlier[0] ?? '')) earlier.shift();
  const governing = [...earlier].reverse().find(dated);
  return governing && !since(governing) ? governing : clause;
}

/**
 * True when a figure (`m`, in `text`, in its `clause`) can answer the question: false when the words around
 * it make it another thing's figure than the asked one.
 */
export function ofTheAsked(
  q: AnalyzedQuestion,
  text: string,
  m: Mention,
  clause: string,
  issueDate: string | undefined,
): boolean {
  // 左洞长8.72公里，右洞长8.69公里: the clause of the other one of a pair is not the asked one's;
  // 境外输入病例41例、本地病例145例: nor is the other item of a list.
  if (q.contrasts.some((w) => otherHalf(w, clause) || otherHalf(w, itemAt(text, m)))) return false;
  if (q.intent.slot !== 'date' && q.concepts.some((c) => c.period)) {
    const period = periodOf(clause, text.slice(0, m.start));
    if (q.concepts.some((c) => c.period && clashes(c.period, period, issueDate))) return false;
  }
  // 一共开通了多少条航线: the newly opened ones (新开通航线4条) are not all of them.
  const lead =
    text
      .slice(0, m.start)
      .split(/[,，;；。:：]/)
      .at(-1) ?? '';
  if (!ASKS_NEW.test(q.norm) && NEWLY.test(lead)) return false;
  // 销量目标是多少: a target is stated as one (目标为, 力争), never by what was done.
  if (ASKS_TARGET.test(q.norm) && !TARGET.test(clause)) return false;
  // 还有多少家没有复工: a figure of those that did (全部复工) is no answer.
  if (q.negated && !denies(clause)) return false;
  // 没卖掉的扣蟹有多少斤: the figure of those not sold (未及销售的350多万斤), not of those sold.
  const ofThing = m.kind === 'quantity' && m.measure !== 'duration';
  return !(q.deniedThing && !q.negated && ofThing && !DENIAL_WORD.test(clause));
}
