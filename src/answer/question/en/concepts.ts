/**
 * Concepts of an English question, bridged to the Chinese corpus: figures and dates converted
 * (`end of February` → 2月底), names read as pinyin of the corpus's own names (Xue Weisheng →
 * 薛卫生), other words through CC-CEDICT glosses restricted to the corpus.
 */
import type { KeywordSearch } from '../../../index/loaded-index.js';
import { englishWords } from '../../../text/bridge/english.js';
import type { Lexicon } from '../../../text/bridge/lexicon.js';
import { contrastWords, formsOf } from '../../../text/contrasts.js';
import { englishFigures, findEnglishMentions, isMonthWord } from '../../../text/figures.js';
import { findNames, TITLES } from '../../../text/names.js';
import { writtenForms } from '../../../text/synonyms.js';
import { type Alt, type Concept, dedupe, exact, periodConcept, specificity } from '../concept.js';
import { type AskedTime, askedTime } from '../when.js';
import { dimensionWords } from './measure.js';
import { kindWords, numberedThings, numberSeries, ordinalsIn, PINYIN_WORD, pinyinNames } from './names.js';

/** Words of English questions that only frame what is asked. */
const FRAME = new Set(
  [
    'number amount total overall whole figure value worth much many long far big large high tall fast so',
    'each every',
    'latest newest recent recently current currently now today yesterday paper issue edition',
    'expected due plan planned mentioned bulletin newspaper report reported according say said name called kind type sort',
    'happen happened get got make made take took taken look looked looking stay stayed include included including free',
    'keep kept put give given come came go went see saw show shown use used want wanted hold held let seem become became',
    'remain remained need needed set play played think thought know known find found tell told ask asked',
    'last next ago night tonight morning afternoon evening week weeks recently recent currently current now like such',
  ]
    .join(' ')
    .split(' '),
);

/** "Came second" is the runner-up's place (亚军), "came third" the third-placed (季军): no ordinals of anything. */
const PLACINGS: Array<[RegExp, string]> = [
  [/\b(came|finished|placed|ranked) second\b|\bsecond place\b/gi, 'runner-up'],
  [/\b(came|finished|placed|ranked) third\b|\bthird place\b/gi, 'third-placed'],
];

/** The question with placings written as one word, padded so that offsets into it still hold. */
function placings(question: string): string {
  return PLACINGS.reduce((q, [re, word]) => q.replace(re, (m) => word.padEnd(m.length)), question);
}

/** True when a word stands beside another capitalised one (Asian Youth Games), not alone (Japan). */
function inCapitalRun(tokens: string[], word: string): boolean {
  const i = tokens.findIndex((t) => t.toLowerCase() === word);
  return [tokens[i - 1], tokens[i + 1]].some((t) => t !== undefined && /^[A-Z][a-z]/.test(t));
}

/** Weight of the dimension asked (全长 for "how long"): a tie-breaker between sentences that give figures. */
const DIMENSION_WEIGHT = 0.5;

/** One-character function words of Chinese. */
const FUNCTION_CHARS = /^[的了是在和与及或也都就又而其之所着过把被将对从向于以为等这那个]$/;

/**
 * Concepts of an English question.
 *
 * @example
 * enConcepts('How long is the Pinghai road?', …).map((c) => c.label) // ['Pinghai', 'road']
 */
export function enConcepts(
  question: string,
  whEnd: number,
  keyword: KeywordSearch,
  lexicon: Lexicon,
  time: AskedTime = askedTime(question, 'en'),
  asksPerson = false,
): Concept[] {
  question = placings(question);
  const concepts: Concept[] = [];
  const figures = englishFigures(question);
  const periods = time.periods;
  if (!time.compare) concepts.push(...periods.map(periodConcept));
  // "the first eight months of 2024" is a period: its numbers are no concepts of their own.
  const periodWords = new Set(
    periods.flatMap((p) => englishWords(p.text)).filter((w) => englishFigures(w).numbers.length),
  );
  const inPeriod = (n: number) =>
    periods.some((p) => p.text.includes(String(n))) ||
    [...periodWords].some((w) => englishFigures(w).numbers.includes(n));
  // "over 1 billion yuan" is the bulletin's 超10亿元: a figure with a unit is matched by its value.
  const measured = findEnglishMentions(question).filter((m) => m.unit && m.kind !== 'duration');
  for (const m of measured) {
    const figure = { value: m.value, kind: m.kind, measure: m.measure };
    concepts.push({ label: m.text, alts: [exact(m.text)], weight: 1, kind: 'figure', required: true, figure });
  }
  // PM10, T3, H7, 5G: a code written as the bulletin writes it, its number no figure of its own
  // (Q1 and H1 are periods).
  const codes = [...question.matchAll(/\b[a-z]{1,4}\d[\d.]*(?<!\.)\b|\b\d+g\b/gi)]
    .map((m) => m[0].toLowerCase())
    .filter((c) => !/^(q[1-4]|h[12])$/.test(c));
  for (const code of codes)
    concepts.push({ label: code, alts: [exact(code)], weight: 1.5, kind: 'entity', required: true });
  // Line 3, Terminal 2: the bulletin numbers them 3号线, 2号航站楼.
  const numbered = numberedThings(question);
  for (const { label, alts } of numbered) concepts.push({ label, alts, weight: 2, kind: 'entity', required: true });
  const inCode = (n: number) => codes.some((c) => c.includes(String(n))) || numbered.some((x) => x.n === String(n));
  // The 20th fair: an ordinal, found however the bulletin writes it (第二十届).
  const ordinals = ordinalsIn(question);
  for (const n of figures.numbers) {
    if (inPeriod(n) || inCode(n) || measured.some((m) => m.text.includes(String(n)))) continue;
    // Qiming-1: the number is the name's (below); 01 and 02 label things, they count nothing.
    if (new RegExp(`[A-Za-z]-${n}\\b|\\b0${n}\\b`).test(question)) continue;
    const figure = ordinals.has(n) ? { figure: { value: n, kind: 'ordinal', measure: 'ordinal' } } : {};
    concepts.push({ label: String(n), alts: [exact(String(n))], weight: 1, kind: 'figure', required: true, ...figure });
  }
  const tokens = question.match(/[A-Za-z]+/g) ?? [];
  const used = pinyinNames(tokens, lexicon, concepts);
  numberSeries(question, concepts);
  const usedWords = new Set([...used].map((i) => (tokens[i] ?? '').toLowerCase()));
  // A capital starts every sentence; a first word spelt in pinyin ("Shanghai has…") is a name all the same.
  const first = tokens[0]?.toLowerCase() ?? '';
  const nameFirst = !FRAME.has(first) && PINYIN_WORD.test(first);
  // (A month is capitalised too: "its January launch" names no place.)
  const capitalised = new Set(
    tokens
      .filter((t, i) => /^[A-Z][a-z]/.test(t) && (i > 0 || nameFirst) && !isMonthWord(t.toLowerCase()))
      .map((t) => t.toLowerCase()),
  );
  // Huayue Microelectronics, Xingtu Aerospace: capitalised words next to a name the bulletin spells
  // say what kind of body it is; the name itself tells it apart.
  const descriptors = new Set<string>();
  const isCapital = (i: number) => /^[A-Z][a-z]/.test(tokens[i] ?? '');
  for (const i of used) {
    for (const step of [-1, 1])
      for (let j = i + step; isCapital(j) && !used.has(j); j += step) descriptors.add((tokens[j] ?? '').toLowerCase());
  }
  const withoutDates = question.replace(/\b(end|start|beginning|early|late) of\b/gi, ' ');
  // "over 1 billion yuan" is one figure: its words are not concepts of their own.
  const figureWords = new Set(measured.flatMap((m) => englishWords(m.text)));
  const words = englishWords(withoutDates).filter(
    (w) =>
      !(periods.length && isMonthWord(w)) &&
      !periodWords.has(w) &&
      !FRAME.has(w) &&
      !figureWords.has(w) &&
      !numbered.some((x) => x.word === w),
  );
  const afterWh = englishWords(question.slice(whEnd))[0];
  // "Who is the Party secretary of…" asks for whoever holds a post (its last word before "of");
  // "who chaired…" for whoever did something.
  const byPost = asksPerson && /\bwho('s|\s+(is|was|are|were|will be|has been))\b/i.test(question);
  const postWords = englishWords(question.slice(whEnd).split(/\bof\b/i)[0] ?? '');
  const post = byPost
    ? postWords.filter((w) => lexicon.translate(w).some(([zh]) => zh.length >= 2 && TITLES.test(zh))).at(-1)
    : undefined;
  for (const w of words) {
    if (usedWords.has(w)) continue;
    // GDP, CPI: the bulletin writes these out (地区生产总值), as the question's Chinese would.
    const translations = lexicon.translate(w).concat(writtenForms(w).map((zh) => [zh, 1] as [string, number]));
    // A name's inexact translations (通州区 for "Beijing", whose gloss mentions Beijing) are weak evidence.
    const weak = capitalised.has(w) ? 0.5 : 1;
    // Particles and pronouns (的, 了, 其) are in every sentence: as translations they only add noise.
    const alts: Alt[] = translations
      .filter(([zh]) => !FUNCTION_CHARS.test(zh))
      .map(([zh, q]) => ({ text: zh, quality: Math.min(1, 0.5 + q) * (q >= 1 ? 1 : weak) }));
    // Lanchuan Airlines, Hezhou Port: the kind of body or place in a name, as Chinese names end in it.
    if (!alts.length) for (const zh of kindWords(w)) alts.push({ text: zh, quality: 0.8 });
    // Japan, Germany: a place named in English is asked about as a Chinese place name would be, though never
    // as the paper's own 全市; China, the home country, is the papers' 全国 and 国家 as often as 中国.
    // (Asian, Chinese: an adjective more often names an event or a people than where a figure is; a word
    // of a capitalised run, Asian Youth Games, names the event.)
    const place =
      capitalised.has(w) &&
      !descriptors.has(w) &&
      !/(ian|ean|ese|ish)$/.test(w) &&
      !inCapitalRun(tokens, w) &&
      translations.find(
        ([zh, q]) => q >= 1 && zh !== '中国' && findNames(zh).some((n) => n.kind === 'place' && n.text === zh),
      );
    if (place) {
      concepts.push({ label: w, alts: [exact(place[0])], weight: 2, kind: 'entity', required: true });
      continue;
    }
    // A name the corpus does not know (Shanghai) means the question is about something else.
    const unknownName = !alts.length && capitalised.has(w) && !descriptors.has(w);
    if (unknownName) {
      concepts.push({ label: w, alts: [exact(w)], weight: 2, kind: 'entity', required: true, sound: w });
      continue;
    }
    // An English word with no translation in the corpus: what the bulletin lacks, unless it is short.
    // A word with many translations is as specific as its typical one, not its rarest.
    const mean = alts.length ? alts.reduce((sum, a) => sum + specificity(a.text, keyword), 0) / alts.length : 0;
    const weight = alts.length ? 0.25 + mean : w.length >= 4 ? 0.6 : 0.15;
    concepts.push({
      label: w,
      alts,
      weight,
      kind: w === afterWh && alts.length ? 'focus' : 'content',
      required: false,
      // "Who is the president of…": the answer holds that post, in its own sentence; "What was its
      // GDP": the sentence states GDP.
      ...(w === post || writtenForms(w).length ? { inSentence: true } : {}),
    });
  }
  // The left tube, the storage capacity: the word of a pair, as the bulletin writes it (左洞, 库容), in the
  // answer's own sentence.
  for (const w of contrastWords(question, 'en')) {
    if (concepts.some((c) => c.alts.some((a) => a.text === w))) continue;
    const alts = formsOf(w).map((f) => exact(f));
    concepts.push({ label: w, alts, weight: 1, kind: 'content', required: false, inSentence: true });
  }
  // Other towns, neighbouring towns: 外镇, 周边 (the dictionary has 外 and 镇, never the pair).
  for (const m of question.matchAll(
    /\b(other|neighbou?ring|nearby) (towns?|cit(y|ies)|provinces?|count(y|ies)|places)\b/gi,
  )) {
    const kind = { t: '镇', c: '市', p: '省' }[(m[2] ?? '').charAt(0).toLowerCase()] ?? '地';
    const other = /^other$/i.test(m[1] ?? '');
    const alts = (other ? [`外${kind}`, '外地'] : ['周边', '邻近']).map((zh) => exact(zh));
    concepts.push({ label: m[0].toLowerCase(), alts, weight: 1, kind: 'content', required: false });
  }
  // How long is the expressway: its 全长, as a Chinese question would say it.
  const dimension = dimensionWords(question).filter((zh) => keyword.docFrequency(zh) > 0);
  if (dimension.length) {
    // Lightly: 左洞长8.72公里 states a length without the word.
    const alts = dimension.map((zh) => exact(zh));
    concepts.push({ label: dimension[0] ?? '', alts, weight: DIMENSION_WEIGHT, kind: 'content', required: false });
  }
  // "Who is the deputy mayor": 副市长 holds the post asked for.
  if (/\b(deputy|vice)\b/i.test(question)) for (const c of concepts) c.deputyToo = true;
  return dedupe(concepts);
}
