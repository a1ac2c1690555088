/**
 * Figure answers: the number of the asked measure (a length for 多长, a rate for 增长多少, money for
 * 总投资), the date of the asked event, or a rank — bound to the question's own words and entities.
 */

import { findMentions, type Mention } from '../../text/figures.js';
import { tokens } from '../../text/names.js';
import { normalize } from '../../text/normalize.js';
import { type Span, splitClauses } from '../../text/sentences.js';
import { unitInfo } from '../../text/units.js';
import { matchIn, otherFigure } from '../match/concept-match.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import { altNorm } from '../question/concept.js';
import { anyOf } from '../question/en/measure.js';
import type { ScoredSentence } from '../scorer.js';
import { askedItemsFrom, inFurniture, nearness, ownership } from './binding.js';
import type { Extraction } from './extraction.js';
import { ofTheAsked } from './figure-scope.js';
import { respectively } from './respectively.js';

/** Words for a place in a ranking (冠军 = 1st), which answer 第几 without a 第. */
/** How precise a date mention is. */
function grainOfMention(m: Mention): 'year' | 'quarter' | 'month' | 'day' | 'time' {
  const text = m.text;
  if (m.measure === 'clock') return 'time';
  if (/[日号]/.test(text)) return 'day';
  if (/季度|半年/.test(text)) return 'quarter';
  if (/月/.test(text)) return 'month';
  return 'year';
}

const RANK_WORDS = /冠军|亚军|季军|榜首|首位|第一名|头名|状元/;
/** Verbs of change right before a figure: 增长3.2%, 下降1.5个百分点. */
const CHANGE_BEFORE =
  /(增长|增加|下降|减少|上涨|下跌|提高|降低|回落|回升|增|降|涨|跌|扩大|缩小|提升|缩减)(了)?(约|近)?$/;

/** The dimensions a length measures, as questions ask them and as prose states them before a figure. */
const DIMENSIONS: Array<[string, RegExp, RegExp]> = [
  ['depth', /多深|深度|埋深|水深|深多少|\bhow deep\b|\bdepth\b/, /(深度?|埋深)(为|达|约|超过|仅)?$/],
  [
    'height',
    /多高|高度|海拔|身高|高多少|\bhow (high|tall)\b|\b(height|altitude)\b/,
    /(高度?|海拔|高出)(为|达|约|超过|仅)?$/,
  ],
  ['width', /多宽|宽度|宽多少|\bhow wide\b|\bwidth\b/, /(宽度?)(为|达|约|超过|仅)?$/],
  [
    'length',
    /多长|长度|全长|总长|长多少|里程|\bhow long is\b|\blength\b/,
    /(长度?|全长|总长|里程)(为|达|约|超过|仅)?$/,
  ],
];

/** True when the question asks one dimension (全长) and the words before the figure state another (高度达). */
function otherDimension(question: string, before: string): boolean {
  const asked = DIMENSIONS.find(([, ask]) => ask.test(question))?.[0];
  const stated = DIMENSIONS.find(([, , state]) => state.test(before))?.[0];
  return asked !== undefined && stated !== undefined && asked !== stated;
}

/** Verbs that make the figure after them a difference between two states. */
const CHANGED_BY = /(缩短|延长|减少|增加|提高|降低|节省)(了)?(约|近)?$/;
/** Words by which a question asks a difference: 快了多少, 缩短多久, 比…多. */
const COMPARATIVE = anyOf(
  /快|慢|缩短|延长|节省|省(了|下|多少|几)|能省|少了|多了|增加|减少|提高|降低|增长|下降|上涨|回落|比|较/,
  /faster|slower|shorter|longer|save|saved|cut|more|less|fewer|increase|decrease|rise|fall|drop/,
);

/** A question asking for all of something together. */
const ASKS_TOTAL = anyOf(/总投资|总额|一共|总共|合计|累计|总计/, /\b(total|combined|altogether|in all)\b/);

/** Counters of people. */
const PEOPLE = /^(人|名|位)$/;
/** Classifiers spoken Chinese uses for nearly anything counted. */
const GENERIC_CLASSIFIER = /^(个|块|只|件|样)$/;

/** How well a mention fits the asked measure: 1 right, 0.5 acceptable, 0 wrong. */
function measureFit(q: AnalyzedQuestion, m: Mention, before: string, after = ''): number {
  const { slot, measure, unit } = q.intent;
  // 几点 wants a time of day; 哪天 or 什么时候 a date, not the hour.
  if (slot === 'date') return m.kind === 'date' && (m.measure === 'clock') === (q.intent.grain === 'time') ? 1 : 0;
  if (slot === 'ordinal') return m.kind === 'ordinal' ? 1 : 0;
  if (m.kind === 'date' || m.kind === 'ordinal') return 0;
  if (unit) {
    if (m.unit === unit) return 1;
    // 多少人 is answered by 1880名 or 12位: all count people.
    if (PEOPLE.test(unit) && PEOPLE.test(m.unit)) return 1;
    const asked = unitInfo(unit).measure;
    // 多少人 against 3万多民政服务对象: a big number with no measure word may count the people; a bare
    // number before another word (19胜 for 多少分) counts that word's thing.
    if (asked === 'count' && m.measure === 'other' && m.kind === 'quantity') {
      const countsOther = /^\d+$/.test(m.text) && /^\p{Script=Han}/u.test(after) && !after.startsWith(unit);
      return countsOther && !GENERIC_CLASSIFIER.test(unit) ? 0 : 0.5;
    }
    // 几块金牌 against 14枚金牌: spoken Chinese counts most things with 个 or 块.
    if (GENERIC_CLASSIFIER.test(unit) && m.measure === 'count') return 0.6;
    // 多少户 against 110个省级示范扣蟹养殖户: the noun a 个 counts may end in the asked classifier.
    if (GENERIC_CLASSIFIER.test(m.unit ?? '') && new RegExp(`^[^,，。;；、]{1,8}?${unit}`).test(after)) return 0.9;
    return asked === m.measure && m.measure !== 'count' ? 0.9 : 0;
  }
  switch (measure) {
    case 'price': {
      // A price is money per something: 每斤6.8元, 发行价为每股38.6元, 3790元/吨 — not a total.
      if (m.measure !== 'money') return 0;
      return /每.?$|价.{0,3}$/.test(before) || /^\s*[/每]/.test(after) ? 1 : 0;
    }
    case 'change':
      if (m.measure === 'percent' || m.measure === 'points') return CHANGE_BEFORE.test(before) ? 1 : 0.6;
      return CHANGE_BEFORE.test(before) ? 0.8 : 0;
    case 'percent':
      return m.measure === 'percent' ? 1 : 0;
    case 'count':
      // 多少扣蟹: a thing sold by weight or volume is counted in 斤 or 吨.
      if (m.measure === 'weight' || m.measure === 'volume') return 0.6;
      return m.measure === 'count' ? 1 : m.measure === 'other' ? 0.5 : 0;
    case undefined:
    case 'any':
      if (m.measure === 'date' || m.kind === 'score') return 0.2;
      return m.measure === 'other' ? 0.6 : 1;
    default:
      return m.measure === measure ? 1 : 0;
  }
}

/** Dates of the sentence, or of the one before it: news prose sets the date once and tells the event after it. */
function mentionsFor(s: ScoredSentence, dates: boolean): Array<{ m: Mention; from: Span; own: boolean }> {
  const own = findMentions(s.text).map((m) => ({ m, from: s as Span, own: true }));
  const prev = s.siblings[s.index - 1];
  if (!dates || own.some((x) => x.m.kind === 'date') || !prev) return own;
  return [
    ...own,
    ...findMentions(prev.text)
      .filter((m) => m.kind === 'date')
      .map((m) => ({ m, from: prev, own: false })),
  ];
}

/** The clause of `text` that contains offset `at`, trimmed of its closing delimiter. */
export function clauseAt(text: string, at: number): string {
  const c = splitClauses(text).find((cl) => at >= cl.start && at < cl.end) ?? { text };
  return c.text.replace(/[,，；;：:。]$/, '');
}

/** One citation spanning a sentence and the one before it. */
function joinSentences(prev: Span, s: ScoredSentence): ScoredSentence {
  return { ...s, start: prev.start, index: s.index - 1, text: s.para.slice(prev.start, s.end) };
}

/** A question about when something starts (从哪天开始, 何时开通, 起施行). */
const STARTS = /开始|起|开通|启用|实施|执行|施行|投用|运营|starts?|begins?|opens?|effect/;

/** The noun a Chinese count question counts (干部 in 派了多少干部去企业), if it names one. */
function countedNoun(q: AnalyzedQuestion): string | undefined {
  if (q.lang !== 'zh' || q.intent.measure !== 'count' || q.intent.unit || !q.intent.at) return undefined;
  const next = tokens(q.norm.slice(q.intent.at.end))[0];
  return next && next.start === 0 && /^(n|x)/.test(next.tag) && next.word.length >= 2 ? next.word : undefined;
}

/** True when a clause names another value of a figure the question gives (200米 where 400米 was asked), and not it. */
function ofAnotherFigure(q: AnalyzedQuestion, clause: string): boolean {
  return q.concepts.some((c) => c.figure && c.required && otherFigure(c.figure, clause) && !matchIn(c, clause));
}

/**
 * The best figure of the asked kind among the best sentences, with its score; undefined when no
 * sentence holds one.
 */
export function pickFigure(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  let best: Extraction | undefined;
  const counted = countedNoun(q);
  const top = sentences[0]?.coverage ?? 0;
  const askYear = /哪年|哪一年|几几年|what year|which year/i.test(q.text);
  const asksChange = ['change', 'percent'].includes(q.intent.measure ?? '') || COMPARATIVE.test(q.norm);
  for (const s of sentences.slice(0, 12)) {
    if (s.coverage < top * 0.6) continue;
    const items = askedItemsFrom(s);
    for (const { m, from, own } of mentionsFor(s, q.intent.slot === 'date')) {
      if (own && m.start < items) continue;
      if (q.given.has(normalize(m.text)) || q.given.has(String(m.value)) || inFurniture(from.text, m)) continue;
      const before = normalize(from.text.slice(Math.max(0, m.start - 4), m.start));
      let f = measureFit(q, m, before, from.text.slice(m.end, m.end + 10));
      if (q.intent.slot === 'ordinal' && f === 0 && RANK_WORDS.test(m.text)) f = 1;
      if (f === 0) continue;
      // 车程将缩短20分钟 is a difference: it answers 快了多久, not 要多长时间.
      if (!asksChange && CHANGED_BY.test(before)) continue;
      if (m.kind === 'date') {
        const grain = q.intent.grain;
        const mine = grainOfMention(m);
        // 哪一年开工 is not answered by 27日上午: a date without its year names no year.
        if (grain === 'year' && mine !== 'year' && !/\d{4}年/.test(m.text)) continue;
        if (grain && grain === mine) f *= 1.2;
        // 'Which day' wants a day, not the year the article mentions in passing.
        else if ((m.value >= 10000 || m.value === 0) && !askYear) f *= 0.6;
        // 从哪天开始, 哪天开通: the date something starts from (4月10日起), not the day it was announced.
        if (STARTS.test(q.norm) && /^\s*(起|开始|正式|开通|启用|实施|执行|施行)/.test(from.text.slice(m.end))) f *= 1.3;
        // 6月15日交工通车: the date right before the asked event is when it happens.
        const next = normalize(from.text.slice(m.end, m.end + 6));
        const event = q.concepts.some(
          (c) => c.kind !== 'entity' && !c.figure && !c.period && c.alts.some((a) => next.startsWith(altNorm(a))),
        );
        if (event) f *= 1.2;
        // A date that qualifies a noun (落实2020年安全生产…清单) is not when something happened.
        else if (
          /^\p{Script=Han}/u.test(from.text.slice(m.end)) &&
          !/^(起|至|前|后|以来|开始|期间|当天|晚|早|上午|下午|凌晨|左右)/.test(from.text.slice(m.end))
        )
          f *= 0.5;
      }
      // 派了多少干部: 1880名党员干部 counts them; 15个工作组 counts something else.
      if (counted && m.measure === 'count') {
        // The counted noun stands right before the figure (床位600张) or in the phrase after it.
        // The noun phrase after the figure, up to a verb (15个养殖户也同样外销扣蟹 counts farmers).
        let after = '';
        for (const t of tokens(from.text.slice(m.end, m.end + 12).split(/[,，。；;、]/)[0] ?? '')) {
          if (!/^(n\w*|x|b|a|an|vn|m|q|j|ng)$/.test(t.tag)) break;
          after += t.word;
        }
        // 300多个扣蟹养殖户 counts farmers: the asked noun only describes the one counted.
        const i = after.indexOf(counted);
        const describes = i >= 0 && /^n/.test(tokens(after.slice(i + counted.length))[0]?.tag ?? '');
        const own = from.text.slice(0, m.start).endsWith(counted) || (i >= 0 && !describes);
        if (describes && !own) continue;
        f *= own ? 1.2 : 0.7;
      }
      // `向西2公里处` is a position (at 2 km), not the length of anything.
      if (m.measure === 'length' && from.text[m.end] === '处') f *= 0.4;
      // 全长多少米 against 桥面高度达218米: a height is no length, a depth no height.
      if (m.measure === 'length' && otherDimension(q.norm, from.text.slice(Math.max(0, m.start - 8), m.start)))
        continue;
      // 10万吨级泊位: a class of berth, not an amount of anything.
      if (from.text[m.end] === '级') continue;
      // A measure used as an attribute (超10亿元续建重大项目) describes a noun; the asked measure is stated of it.
      const measured = q.intent.measure !== undefined && !['any', 'count'].includes(q.intent.measure);
      if (
        measured &&
        m.kind === 'quantity' &&
        /^\p{Script=Han}/u.test(from.text.slice(m.end)) &&
        !/^(以上|以下|左右|以内|多|余)/.test(from.text.slice(m.end))
      ) {
        // Each project's size (31个超10亿元续建重大项目) is never all of them together (总投资一共是多少);
        // 1.5万亩蟹塘 is all of the ponds.
        const each = /\d+\s*(个|家|项|座|所|条|台|辆|艘)$/.test(from.text.slice(0, m.start));
        if (each && ASKS_TOTAL.test(q.norm)) continue;
        f *= 0.5;
      }
      const owner = own ? ownership(s, m) : 0;
      if (owner < 0) continue;
      // 其中200米蝶泳成绩为2分06秒18 answers for the 200米 event, not the 400米 one asked about;
      // 其中第三季度净利润13.8亿元, for the third quarter, not the three asked about.
      const clause = clauseAt(from.text, m.start);
      if (ofAnotherFigure(q, clause)) continue;
      if (!ofTheAsked(q, from.text, m, clause, s.chunk.date)) continue;
      // News prose opens with when it happened (27日下午，…主持召开…): a date leading the sentence is its time.
      const leading =
        m.kind === 'date' && /^\s*(本报讯\s*[(（][^)）]*[)）])?\s*$/.test(from.text.slice(0, m.start)) ? 0.25 : 0;
      const near = own ? nearness(s, m) + leading : 0.2;
      const score = s.score + 0.35 * f + 0.45 * near + 0.1 * owner - (own ? 0 : 0.1);
      if (!best || score > best.score) {
        const sentence = own ? s : joinSentences(from, s);
        const pick = (own && respectively(q, s.text, m)) || m;
        // 18时至23时: a time of day opening a range answers with the range (its end read as a clock too).
        const until =
          pick.measure === 'clock'
            ? findMentions(from.text).find(
                (x) => x.measure === 'clock' && /^(至|到|—|-|~)$/.test(from.text.slice(pick.end, x.start)),
              )
            : undefined;
        const span = until ? from.text.slice(pick.start, until.end) : pick.text;
        best = { sentence, span, context: clauseAt(from.text, pick.start), mention: pick, score, fit: f };
      }
    }
    if (q.intent.slot === 'ordinal') {
      for (const r of s.text.matchAll(new RegExp(RANK_WORDS, 'g'))) {
        const span = { start: r.index, end: r.index + r[0].length };
        const score = s.score + 0.35 + 0.45 * nearness(s, span);
        if (!best || score > best.score)
          best = { sentence: s, span: r[0], context: clauseAt(s.text, r.index), score, fit: 1 };
      }
    }
  }
  return best;
}
