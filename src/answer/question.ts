import type { Lang } from '../core/types.js';
import type { KeywordSearch } from '../index/loaded-index.js';
import { englishWords } from '../text/english.js';
import { englishFigures, findMentions, isMonthWord, UNITS } from '../text/figures.js';
import type { Lexicon } from '../text/lexicon.js';
import { detectLang, normalize } from '../text/normalize.js';
import { bigrams, segmenter, stripQuestionWords, words } from '../text/tokenizer.js';

/** What kind of answer a question wants. */
export type QuestionType = 'count' | 'percent' | 'duration' | 'date' | 'who' | 'title' | 'where' | 'what' | 'other';

/** One thing the question is about; satisfied by a passage containing any of `alts`. */
export interface Concept {
  label: string;
  alts: string[];
  weight: number;
  /** True for names found by pinyin or figures from the question: passages must match them. */
  key?: boolean;
}

/** A question after analysis: its type, what it is about, and the weighted query terms. */
export interface AnalyzedQuestion {
  text: string;
  lang: Lang;
  type: QuestionType;
  /** Measure word the question asks for (`名` in 多少名), if any. */
  unit?: string;
  concepts: Concept[];
  /** Index terms with weights (translated terms weigh less than typed ones). */
  terms: Map<string, number>;
  /** Figures that appear in the question: they are the givens, not the answer. */
  given: Set<string>;
  /** For who/what questions: the question text before and after the question word. */
  before: string;
  after: string;
}

const ZH_TYPES: Array<[QuestionType, RegExp]> = [
  ['percent', /(比例|百分比|[^效]率)(是)?(多少|几)/],
  ['duration', /多长|多久|几个月|几天|几年|多少天|多少年|多少小时|多少分钟/],
  ['date', /什么时候|何时|哪天|哪一天|哪日|哪年|几月|几号|几日|什么日子|日期/],
  ['title', /(什么|何)(职务|职位|身份|头衔|官职)/],
  ['count', /多少|几/],
  ['who', /谁|哪位|什么人/],
  ['where', /哪里|哪儿|在哪|何地|什么地方|哪个地方/],
  ['what', /什么|哪些|哪个|哪家|啥/],
];

const EN_TYPES: Array<[QuestionType, RegExp]> = [
  ['percent', /\b(what|which) (percentage|percent|proportion|rate|share)\b|\bhow much percent/],
  ['duration', /\bhow long\b|\bhow many (days|months|years|hours|minutes|weeks)\b/],
  ['date', /\bwhen\b|\bwhat (date|day|time)\b|\bwhich (date|day)\b|\bon what day\b/],
  ['title', /\b(what|which) (position|post|title|job|role)\b/],
  [
    'count',
    new RegExp(
      '\\bhow (many|much)\\b|\\bnumber of\\b|\\bwhat (is|was|are|were) the (total |overall )?' +
        '(number|amount|total|investment|cost|price|length|speed|size|value|sum|population|rate)\\b',
    ),
  ],
  ['who', /\bwho\b|\bwhom\b|\bwhich (person|official|leader)\b/],
  ['where', /\bwhere\b/],
  ['what', /\bwhat\b|\bwhich\b/],
];

/** Words that only frame a question of this type (`担任什么职务`): the passage states the slot, not the frame. */
const FRAME: Partial<Record<QuestionType, RegExp>> = {
  title: /^(担任|职务|职位|身份|头衔|官职|position|post|title|job|role|hold|serve|serves)$/,
  date: /^(时候|时间|日期|date|day|time)$/,
  duration: /^(时间|long|time)$/,
  percent: /^(比例|百分比|percentage|percent|proportion|rate)$/,
};

/** English unit words → the Chinese measure word a figure would carry. */
const EN_UNIT_WORDS: Record<string, RegExp> = {
  斤: /\bjin\b/,
  亩: /\bmu\b/,
  元: /\byuan\b|\brmb\b/,
  length: /\b(km|kilomet(er|re)s?|miles?|long)\b/,
  天: /\bdays\b/,
  个月: /\bmonths\b/,
  年: /\byears\b/,
  分钟: /\bminutes\b/,
  小时: /\bhours\b/,
};

const WH_SPLIT = /什么时候|多少|几|谁|哪里|哪位|哪些|哪个|哪|什么|何时/;

/** True when the unit after 多少/几 is a measure word, not the start of a noun (`多少项目` is not 项). */
function isWholeUnit(text: string, at: number, unit: string): boolean {
  let pos = 0;
  for (const w of segmenter().cut(text, true)) {
    if (pos + w.length > at) return pos < at || w.length <= unit.length || UNITS.includes(w);
    pos += w.length;
  }
  return true;
}

function typeOf(text: string, lang: Lang): { type: QuestionType; unit?: string } {
  const t = lang === 'zh' ? normalize(text) : text.toLowerCase();
  for (const [type, re] of lang === 'zh' ? ZH_TYPES : EN_TYPES) {
    if (!re.test(t)) continue;
    if (type === 'count' && lang === 'zh') {
      const m = new RegExp(`(?:多少|几)(${UNITS.map((u) => u.replace('/', '\\/')).join('|')})`).exec(t);
      const unit = m?.[1];
      return { type, unit: m && unit && isWholeUnit(t, m.index + m[0].length - unit.length, unit) ? unit : undefined };
    }
    if (lang === 'en' && (type === 'count' || type === 'duration')) {
      // 'How long is the road' asks for a length; 'how many jin' names the unit in English.
      const isLength =
        /\bhow long (is|was|are|were)\b|\bhow long (will|would|may|might|could|should|can)\b.*\bbe\b/.test(t);
      if (type === 'duration' && isLength && !/\b(take|took|last|delay|wait)/.test(t))
        return { type: 'count', unit: 'length' };
      const unit = Object.entries(EN_UNIT_WORDS).find(([, re]) => re.test(t))?.[0];
      return { type, unit };
    }
    return { type };
  }
  return { type: 'other' };
}

function addTerms(terms: Map<string, number>, text: string, weight: number): void {
  for (const t of [...words(text), ...bigrams(normalize(text))]) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
}

function zhConcepts(question: string, keyword: KeywordSearch): Concept[] {
  const stripped = stripQuestionWords(question);
  const concepts: Concept[] = [];
  const mentions = findMentions(stripped);
  for (const m of mentions) concepts.push({ label: m.text, alts: [normalize(m.text)], weight: 1.5, key: true });
  let rest = stripped;
  for (const m of mentions) rest = rest.replace(normalize(m.text), ' ');
  const maxIdf = Math.log(1 + (keyword.size + 0.5) / 0.5);
  for (const w of segmenter().cut(rest, true)) {
    if (!/[\p{L}\p{N}]/u.test(w) || words(w).length === 0) continue;
    const idf = keyword.docFrequency(w) > 0 ? keyword.idf(w) : bigramIdf(w, keyword, maxIdf);
    concepts.push({ label: w, alts: [w], weight: Math.max(0.2, idf) });
  }
  return dedupe(concepts);
}

/** A word the index does not know as a whole is judged by its rarest bigram. */
function bigramIdf(word: string, keyword: KeywordSearch, maxIdf: number): number {
  const bs = bigrams(word);
  if (!bs.length) return maxIdf;
  return Math.max(...bs.map((b) => (keyword.docFrequency(b) ? keyword.idf(b) : maxIdf)));
}

function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    if (seen.has(c.label)) return false;
    seen.add(c.label);
    return true;
  });
}

/** How rare a concept is in the corpus: the IDF of its rarest alternative. */
function conceptIdf(alts: string[], keyword: KeywordSearch, maxIdf: number): number {
  if (!alts.length) return maxIdf * 0.7;
  return Math.min(...alts.map((a) => (keyword.docFrequency(a) > 0 ? keyword.idf(a) : bigramIdf(a, keyword, maxIdf))));
}

function enConcepts(question: string, lexicon: Lexicon, keyword: KeywordSearch): Concept[] {
  const concepts: Concept[] = [];
  const figures = englishFigures(question);
  for (const d of figures.dates) concepts.push({ label: d, alts: [d], weight: 1.5, key: true });
  const withoutDates = question.replace(/\b(end|start|beginning|early|late) of\b/gi, ' ');
  for (const n of figures.numbers) {
    if (!figures.dates.some((d) => d.includes(String(n))))
      concepts.push({ label: String(n), alts: [String(n)], weight: 1.5, key: true });
  }
  // Month names that made a date are in the date concept; 'may' as a verb is a stopword anyway.
  const raw = englishWords(withoutDates).filter((w) => !(figures.dates.length && isMonthWord(w)));
  const tokens = question.match(/[A-Za-z]+/g) ?? [];
  const used = new Set<number>();
  // Names: runs of up to three capitalised or unknown words read as pinyin (Xue Weisheng → 薛卫生).
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > tokens.length || [...Array(n).keys()].some((k) => used.has(i + k))) continue;
      const run = tokens.slice(i, i + n);
      const first = run[0] ?? '';
      if (n === 1 && lexicon.translate(first).length && !/^[A-Z]/.test(first)) continue;
      const hits = lexicon.byPinyin(run.join(''));
      if (hits.length && run.join('').length >= 4) {
        concepts.push({ label: run.join(' '), alts: hits, weight: 2, key: true });
        for (let k = 0; k < n; k++) used.add(i + k);
        break;
      }
    }
  }
  const usedWords = new Set([...used].map((i) => (tokens[i] ?? '').toLowerCase()));
  const capitalised = new Set(
    tokens
      .slice(1)
      .filter((t) => /^[A-Z][a-z]/.test(t))
      .map((t) => t.toLowerCase()),
  );
  for (const w of raw) {
    if (usedWords.has(w)) continue;
    const tr = lexicon.translate(w);
    // A name the corpus does not know (Shanghai) means the question is about something else.
    const unknownName = !tr.length && capitalised.has(w);
    concepts.push({ label: w, alts: tr.map(([zh]) => zh), weight: unknownName ? 2 : 1, key: unknownName || undefined });
  }
  // Common words (海门 in a Haimen bulletin) say less than rare ones; untranslatable words stay costly.
  const maxIdf = Math.log(1 + (keyword.size + 0.5) / 0.5);
  for (const c of concepts) c.weight *= Math.max(0.3, conceptIdf(c.alts, keyword, maxIdf));
  return dedupe(concepts);
}

/**
 * Analyses a question in Chinese or English into typed, weighted concepts and query terms.
 * English questions are bridged to Chinese through the corpus lexicon (CC-CEDICT glosses,
 * pinyin of the corpus's own names, English dates and numbers).
 */
export function analyzeQuestion(question: string, keyword: KeywordSearch, lexicon: Lexicon): AnalyzedQuestion {
  const lang = detectLang(question);
  const { type, unit } = typeOf(question, lang);
  const terms = new Map<string, number>();
  let concepts: Concept[];
  if (lang === 'zh') {
    concepts = zhConcepts(question, keyword);
    addTerms(terms, stripQuestionWords(question), 1);
  } else {
    concepts = enConcepts(question, lexicon, keyword);
    for (const c of concepts) {
      for (const [i, zh] of c.alts.entries()) addTerms(terms, zh, Math.min(1, c.weight) * (1 - i * 0.05));
    }
  }
  const frame = FRAME[type];
  if (frame) concepts = concepts.filter((c) => !frame.test(c.label));
  const given = new Set(
    lang === 'zh'
      ? findMentions(question).map((m) => normalize(m.text))
      : [...englishFigures(question).dates, ...englishFigures(question).numbers.map(String)],
  );
  const norm = normalize(question).replace(/[?？。!！\s]+$/, '');
  const wh = WH_SPLIT.exec(norm);
  const before = wh ? norm.slice(0, wh.index) : norm;
  const after = wh ? norm.slice(wh.index + wh[0].length) : '';
  return { text: question, lang, type, unit, concepts, terms, given, before, after };
}
