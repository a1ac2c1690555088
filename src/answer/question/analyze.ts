/**
 * Question analysis: language, what is asked (intent), what it is about (concepts), the figures it
 * gives, and the weighted index terms retrieval searches with.
 */
import type { Lang } from '../../core/types.js';
import type { DateRange, KeywordSearch } from '../../index/loaded-index.js';
import type { Lexicon } from '../../text/bridge/lexicon.js';
import { contrastWords } from '../../text/contrasts.js';
import { englishFigures, findEnglishMentions, findMentions } from '../../text/figures.js';
import { tokens } from '../../text/names.js';
import { detectLang, normalize } from '../../text/normalize.js';
import { bigrams, words } from '../../text/tokenizer.js';
import type { Concept } from './concept.js';
import { enConcepts } from './en/concepts.js';
import { type Intent, intentOf } from './intent.js';
import { type AskedTime, askedTime } from './when.js';
import { zhConcepts } from './zh/concepts.js';
import { zhMeasure } from './zh/measure.js';

/** A question after analysis. */
export interface AnalyzedQuestion {
  /** The question as asked (cleaned). */
  text: string;
  /** Normalised: NFKC, lower case, simplified script; offsets match `text`. */
  norm: string;
  lang: Lang;
  intent: Intent;
  concepts: Concept[];
  /** Index terms with weights, for retrieval. */
  terms: Map<string, number>;
  /** Figures the question gives (normalised): they are the givens, never the answer. */
  given: Set<string>;
  /** True when the question asks about something not done or not so (没有复工). */
  negated: boolean;
  /** True when the asked thing is described by a denial (没卖掉的扣蟹, unsold crabs): its figure is the undone part. */
  deniedThing: boolean;
  /** Words of contrasting pairs the question holds (女子, 半程): a sentence naming only their other halves is about something else. */
  contrasts: string[];
  /** The time the question asks about: periods, a comparison, the latest, and which issues can report on it. */
  time: AskedTime;
  /** The issues to search first, when the question names a period with a year. */
  range?: DateRange;
}

const NEGATION = /^(没|没有|未|尚未|不|无|并未|还没)$/;

/** A Chinese question without its yes-no frames (有没有, 是不是, …吗), whose 没 and 不 deny nothing. */
const withoutYesNoFrames = (norm: string) =>
  norm.replace(/有没有|是不是|能不能|会不会|可不可以|对不对|了没有|没有[?？]?$|了没[?？]?$|吗/g, ' ');

/** True when a Chinese question denies its predicate (没复工), apart from yes-no frames (有没有, 是不是). */
function negated(norm: string, lang: Lang): boolean {
  if (lang === 'en')
    return /\b(not|never|no|yet to|n't)\b/.test(norm.replace(/^(is|are|was|were|did|does|do|has|have)n't\b/, ''));
  const plain = withoutYesNoFrames(norm);
  // A denial inside a modifier (没卖掉的扣蟹) describes the subject; only the predicate's counts.
  const predicate = plain.slice(plain.lastIndexOf('的') + 1);
  return tokens(predicate).some((t) => NEGATION.test(t.word));
}

/** True when a denial describes the asked thing (没卖掉的扣蟹, 尚未售出的, unsold, left unfinished). */
function deniedThing(norm: string, lang: Lang): boolean {
  if (lang === 'en') return /\bun(sold|paid|finished|harvested|used|claimed|filled|employed)\b|\bnot yet\b/.test(norm);
  const plain = withoutYesNoFrames(norm);
  const at = plain.lastIndexOf('的');
  return at > 0 && tokens(plain.slice(0, at)).some((t) => NEGATION.test(t.word));
}

function addTerms(terms: Map<string, number>, text: string, weight: number, keyword: KeywordSearch): void {
  const ws = words(text);
  // A word the index holds is searched as itself; its character pairs (a common word's reach a
  // large share of the archive) only help a word the index lacks.
  const known = ws.length === 1 && keyword.docFrequency(ws[0] ?? '') > 0;
  for (const t of known ? ws : [...ws, ...bigrams(normalize(text))]) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
}

/**
 * Spoken shorthand written out: 截至2.11 (a month and day written as a decimal after a word of time)
 * is 2月11日; 10个亿 is 10亿.
 */
function spokenShorthand(norm: string): string {
  return norm
    .replace(/(\d+(?:\.\d+)?)个(亿|万)/g, '$1$2')
    .replace(/(截至|截止|到|至|于|从)(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?![\d.])/g, '$1$2月$3日');
}

/**
 * Analyses a question in Chinese or English; relative time words (去年, last week) are read against
 * `newestIssue`, the newest issue date of the archive.
 *
 * @example
 * const q = analyzeQuestion('平海公路全长多少千米?', index.keyword, index.lexicon);
 * q.intent // { slot: 'number', measure: 'length', unit: '千米', … }
 */
export function analyzeQuestion(
  question: string,
  keyword: KeywordSearch,
  lexicon: Lexicon,
  newestIssue?: string,
): AnalyzedQuestion {
  const lang = detectLang(question);
  const norm = lang === 'zh' ? spokenShorthand(normalize(question)) : normalize(question);
  const intent = intentOf(lang === 'zh' ? norm : question, lang);
  const time = askedTime(lang === 'zh' ? norm : question, lang, newestIssue);
  const concepts =
    lang === 'zh'
      ? zhConcepts(norm, intent, keyword, lexicon, time)
      : enConcepts(question, intent.at?.end ?? 0, keyword, lexicon, time, intent.slot === 'person');
  // 总头资是多少: a typo hides the asked measure; read as the corpus writes it (总投资), it asks for money.
  if (lang === 'zh' && intent.slot === 'number' && (intent.measure === 'any' || intent.measure === undefined)) {
    const read = concepts.reduce((text, c) => {
      // Only a reading of the same length (a typo), never a spoken word's written form (收 → 收购).
      const unknown = c.label.length >= 2 && keyword.docFrequency(c.label) === 0;
      const best = unknown ? c.alts.find((a) => a.text !== c.label && a.text.length === c.label.length) : undefined;
      return best ? text.replace(c.label, best.text) : text;
    }, norm);
    const measure = read !== norm ? zhMeasure(read) : undefined;
    if (measure && measure !== 'change') intent.measure = measure;
  }
  const terms = new Map<string, number>();
  for (const c of concepts) {
    for (const a of c.alts) addTerms(terms, a.text, Math.min(1, c.weight) * a.quality, keyword);
  }
  const given = new Set(
    lang === 'zh'
      ? findMentions(norm).map((m) => normalize(m.text))
      : [
          ...englishFigures(question).dates,
          ...englishFigures(question).numbers.map(String),
          ...findEnglishMentions(question).map((m) => String(m.value)),
        ],
  );
  return {
    text: question,
    norm,
    lang,
    intent,
    concepts,
    terms,
    given,
    negated: negated(norm, lang),
    deniedThing: deniedThing(norm, lang),
    contrasts: contrastWords(norm, lang),
    time,
    ...(time.issue || time.window ? { range: time.issue ?? time.window } : {}),
  };
}
