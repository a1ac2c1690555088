/**
 * Concepts of an English question, bridged to the Chinese corpus: figures and dates converted
 * (`end of February` → 2月底), names read as pinyin of the corpus's own names (Xue Weisheng →
 * 薛卫生), other words through CC-CEDICT glosses restricted to the corpus.
 */
import type { KeywordSearch } from '../../index/loaded-index.js';
import { englishWords, stem } from '../../text/bridge/english.js';
import type { Lexicon } from '../../text/bridge/lexicon.js';
import { englishFigures, findEnglishMentions, isMonthWord } from '../../text/figures.js';
import { findNames, TITLES } from '../../text/names.js';
import { writtenForms } from '../../text/synonyms.js';
import { type Alt, type Concept, dedupe, exact, periodConcept, specificity } from './concept.js';
import { type AskedTime, askedTime } from './when.js';

/** Words of English questions that only frame what is asked. */
const FRAME = new Set(
  [
    'number amount total overall whole figure value worth much many long far big large high tall fast so each every',
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

/** One-character function words of Chinese. */
const FUNCTION_CHARS = /^[的了是在和与及或也都就又而其之所着过把被将对从向于以为等这那个]$/;

/** A word of two or more toneless pinyin syllables: shanghai, nantong (never 'roughly'). */
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL =
  '(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${INITIAL}${FINAL}){2,}$`);

/** Pinyin of administrative suffixes that English names leave out. */
const PLACE_SYLLABLES = ['shi', 'qu', 'xian', 'zhen', 'xiang', 'cun', 'sheng', 'jiedao'];

/** Words that end English names of bodies and places, and the Chinese words that end such names. */
const KIND_WORDS: Record<string, string[]> = {
  airline: ['航空'],
  airway: ['航空'],
  bank: ['银行'],
  group: ['集团'],
  hospital: ['医院'],
  port: ['港'],
  airport: ['机场'],
  police: ['公安', '警方'],
  bureau: ['局'],
  museum: ['博物馆'],
  reservoir: ['水库'],
  tunnel: ['隧道'],
  metro: ['地铁', '轨道交通'],
  pharmaceutical: ['药业', '制药'],
  motor: ['汽车'],
  auto: ['汽车'],
  club: ['俱乐部'],
  county: ['县'],
  district: ['区'],
  province: ['省'],
};

const KIND_BY_STEM = new Map(Object.entries(KIND_WORDS).map(([word, zh]) => [stem(word), zh]));

const DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals, as names' numbers are written: 3 → 三, 12 → 十二, 21 → 二十一. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS.charAt(n);
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS.charAt(tens) : ''}十${n % 10 ? DIGITS.charAt(n % 10) : ''}`;
}

/** Words that follow a day of the month (on the 26th to see…), never an ordinal's noun. */
const DAY_FOLLOWERS = /^(of|to|and|in|at|on|by|for|from|since|until|before|after|the|this|that|was|is|were|will)$/i;

/** Numbered things and how the bulletin writes them with their number. */
const NUMBERED: Record<string, (n: string) => string[]> = {
  line: (n) => [`${n}号线`],
  terminal: (n) => [`${n}号航站楼`, `T${n}`],
  gate: (n) => [`${n}号门`],
  building: (n) => [`${n}号楼`],
  hall: (n) => [`${n}号馆`, `${n}号厅`],
  berth: (n) => [`${n}号泊位`],
};
const NUMBERED_RE = new RegExp(`\\b(${Object.keys(NUMBERED).join('|')})\\s+(\\d{1,3})\\b`, 'gi');

/** Runs of one to three words read as pinyin of a corpus name; returns the word positions used. */
function pinyinNames(tokens: string[], lexicon: Lexicon, concepts: Concept[]): Set<number> {
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > tokens.length || [...Array(n).keys()].some((k) => used.has(i + k))) continue;
      const run = tokens.slice(i, i + n);
      const first = run[0] ?? '';
      if (n === 1 && lexicon.translate(first).length && !/^[A-Z]/.test(first)) continue;
      const key = run.join('');
      // A place is often named without its suffix in English (Gangzha for 港闸区).
      const hits = [key, ...PLACE_SYLLABLES.map((s) => key + s)].flatMap((k) => lexicon.byPinyin(k));
      if (hits.length && key.length >= 4) {
        const place = !hits.some((h) => findNames(h).some((n) => n.kind === 'person'));
        concepts.push({
          label: run.join(' '),
          alts: hits.map(exact),
          weight: 2,
          kind: 'entity',
          required: true,
          place,
        });
        for (let k = 0; k < n; k++) used.add(i + k);
        break;
      }
    }
  }
  return used;
}

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
  const numbered = [...question.matchAll(NUMBERED_RE)].map((m) => {
    const [word = '', n = ''] = [m[1]?.toLowerCase(), m[2]];
    const alts = (NUMBERED[word]?.(n) ?? []).map(exact);
    concepts.push({ label: m[0], alts, weight: 2, kind: 'entity', required: true });
    return { word, n };
  });
  const inCode = (n: number) => codes.some((c) => c.includes(String(n))) || numbered.some((x) => x.n === String(n));
  // The 20th fair: an ordinal, found however the bulletin writes it (第二十届).
  // (On the 26th, by the 25th of February: a day, not an ordinal.)
  const ordinals = new Set(
    [...question.matchAll(/\b(\d+)(?:st|nd|rd|th)\s+([A-Za-z]+)/g)]
      .filter((m) => !DAY_FOLLOWERS.test(m[2] ?? '') && !isMonthWord((m[2] ?? '').toLowerCase()))
      .map((m) => Number(m[1])),
  );
  for (const n of figures.numbers) {
    if (inPeriod(n) || inCode(n) || measured.some((m) => m.text.includes(String(n)))) continue;
    // Qiming-1: the number is the name's (below); 01 and 02 label things, they count nothing.
    if (new RegExp(`[A-Za-z]-${n}\\b|\\b0${n}\\b`).test(question)) continue;
    const figure = ordinals.has(n) ? { figure: { value: n, kind: 'ordinal', measure: 'ordinal' } } : {};
    concepts.push({ label: String(n), alts: [exact(String(n))], weight: 1, kind: 'figure', required: true, ...figure });
  }
  const tokens = question.match(/[A-Za-z]+/g) ?? [];
  const used = pinyinNames(tokens, lexicon, concepts);
  // Qiming-1, Xinghe-3: a named series and its number, which the bulletin writes 启明一号.
  for (const m of question.matchAll(/\b([A-Z][a-z]+)-(\d{1,2})\b/g)) {
    const c = concepts.find((x) => x.label.toLowerCase() === (m[1] ?? '').toLowerCase() && x.kind === 'entity');
    const n = Number(m[2]);
    if (!c || !(n >= 1 && n <= 99)) continue;
    c.alts = c.alts.flatMap((a) => [exact(`${a.text}${chineseNumber(n)}号`), exact(`${a.text}${n}号`)]);
    c.label = m[0];
  }
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
    if (!alts.length) for (const zh of KIND_BY_STEM.get(stem(w)) ?? []) alts.push({ text: zh, quality: 0.8 });
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
  // "Who is the deputy mayor": 副市长 holds the post asked for.
  if (/\b(deputy|vice)\b/i.test(question)) for (const c of concepts) c.deputyToo = true;
  return dedupe(concepts);
}
