/**
 * Names in English questions, read as the bulletin writes them: pinyin of its own names (Xue
 * Weisheng → 薛卫生), numbered things (Line 3 → 3号线), a series and its number (Qiming-1 → 启明一号),
 * ordinals (the 20th fair → 第二十届) and the kind words that end names (Airlines → 航空).
 */
import { stem } from '../../../text/bridge/english.js';
import type { Lexicon } from '../../../text/bridge/lexicon.js';
import { isMonthWord } from '../../../text/figures.js';
import { findNames } from '../../../text/names.js';
import { type Alt, type Concept, exact } from '../concept.js';

/** A word of two or more toneless pinyin syllables: shanghai, nantong (never 'roughly'). */
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL =
  '(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)';
export const PINYIN_WORD = new RegExp(`^(?:${INITIAL}${FINAL}){2,}$`);

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

/** The Chinese words that end names of the kind an English word says (airlines → 航空), if any. */
export function kindWords(word: string): string[] {
  return KIND_BY_STEM.get(stem(word)) ?? [];
}

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

/** Numbered things a question names (Line 3): the words, the number, and the bulletin's wordings. */
export function numberedThings(question: string): Array<{ label: string; word: string; n: string; alts: Alt[] }> {
  return [...question.matchAll(NUMBERED_RE)].map((m) => {
    const [word = '', n = ''] = [m[1]?.toLowerCase(), m[2]];
    return { label: m[0], word, n, alts: (NUMBERED[word]?.(n) ?? []).map(exact) };
  });
}

/** Numbers a question uses as ordinals before a noun (the 20th fair); on the 26th is a day, not an ordinal. */
export function ordinalsIn(question: string): Set<number> {
  return new Set(
    [...question.matchAll(/\b(\d+)(?:st|nd|rd|th)\s+([A-Za-z]+)/g)]
      .filter((m) => !DAY_FOLLOWERS.test(m[2] ?? '') && !isMonthWord((m[2] ?? '').toLowerCase()))
      .map((m) => Number(m[1])),
  );
}

/**
 * A named series and its number (Qiming-1, Xinghe-3): the name's concept is rewritten to the
 * bulletin's 启明一号 and 启明1号.
 */
export function numberSeries(question: string, concepts: Concept[]): void {
  for (const m of question.matchAll(/\b([A-Z][a-z]+)-(\d{1,2})\b/g)) {
    const c = concepts.find((x) => x.label.toLowerCase() === (m[1] ?? '').toLowerCase() && x.kind === 'entity');
    const n = Number(m[2]);
    if (!c || !(n >= 1 && n <= 99)) continue;
    c.alts = c.alts.flatMap((a) => [exact(`${a.text}${chineseNumber(n)}号`), exact(`${a.text}${n}号`)]);
    c.label = m[0];
  }
}

/** Runs of one to three words read as pinyin of a corpus name; returns the word positions used. */
export function pinyinNames(tokens: string[], lexicon: Lexicon, concepts: Concept[]): Set<number> {
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
