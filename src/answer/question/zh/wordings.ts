/**
 * The ways a passage may write a word of a Chinese question: as typed, in written rather than spoken
 * words, as the corpus word read the same or nearly (a typo), a place without its suffix, a body
 * without the place it is named after.
 */
import { pinyin } from 'pinyin-pro';
import type { KeywordSearch } from '../../../index/loaded-index.js';
import type { Lexicon } from '../../../text/bridge/lexicon.js';
import { tokens } from '../../../text/names.js';
import { writtenForms } from '../../../text/synonyms.js';
import { words } from '../../../text/tokenizer.js';
import { type Alt, exact } from '../concept.js';

/** Toneless pinyin of a word. */
function readingOf(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array' }).join('');
}

/** Sounds typed one for the other (flat and retroflex initials, front and back nasals, n and l). */
const CONFUSED: Array<[RegExp, (s: string) => string]> = [
  [/^(z|c|s)h/, (s) => s.replace(/^(z|c|s)h/, '$1')],
  [/^(z|c|s)(?!h)/, (s) => s.replace(/^(z|c|s)/, '$1h')],
  [/^n/, (s) => s.replace(/^n/, 'l')],
  [/^l/, (s) => s.replace(/^l/, 'n')],
  [/(an|en|in)g$/, (s) => s.slice(0, -1)],
  [/(an|en|in)$/, (s) => `${s}g`],
];

/** Readings of a word with one or two sounds confused (港匝 gangza → gangzha), at most 64. */
function nearReadings(word: string): string[] {
  const syllables = pinyin(word, { toneType: 'none', type: 'array' });
  let keys = [''];
  for (const s of syllables) {
    const forms = [s, ...CONFUSED.filter(([re]) => re.test(s)).map(([, f]) => f(s))];
    keys = keys.flatMap((k) => forms.map((f) => k + f)).slice(0, 64);
  }
  return keys.slice(1);
}

/** Readings of a typo searched for, at most. */
const MAX_READINGS = 3;

/** The words the corpus uses most, at most {@link MAX_READINGS}. */
function mostFrequent(words: string[], keyword: KeywordSearch): string[] {
  if (words.length <= MAX_READINGS) return words;
  return words
    .map((w) => [w, keyword.docFrequency(w)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_READINGS)
    .map(([w]) => w);
}

/**
 * The ways a passage may write a question word: itself, its written equivalents, and — when the
 * corpus does not know the word — corpus words read the same (a typo: 海们 → 海门).
 */
export function altsOf(word: string, keyword: KeywordSearch, lexicon: Lexicon): Alt[] {
  const alts: Alt[] = [exact(word)];
  for (const w of writtenForms(word)) alts.push({ text: w, quality: 0.8 });
  if (keyword.docFrequency(word) === 0 && /^\p{Script=Han}{2,6}$/u.test(word)) {
    // The commonest few: every reading is searched for, and a large archive has many.
    const same = lexicon.byPinyin(readingOf(word)).filter((w) => w.length === word.length);
    for (const w of mostFrequent(same, keyword)) alts.push({ text: w, quality: 0.9 });
    // 冬清路隧道: a long name's typo is in a part the corpus reads the same (冬清路 → 冬青路).
    for (let n = 4; n >= 2 && alts.length === 1 && word.length > 4; n--) {
      for (const w of lexicon.byPinyin(readingOf(word.slice(0, n))))
        if (w.length === n) alts.push({ text: w + word.slice(n), quality: 0.85 });
    }
    // A typo of a near sound (港匝区 for 港闸区) when no corpus word reads the same.
    if (alts.length === 1 && word.length >= 3) {
      const near = new Set(nearReadings(word).flatMap((k) => lexicon.byPinyin(k)));
      for (const w of near) if (w.length === word.length && near.size <= 3) alts.push({ text: w, quality: 0.8 });
    }
  }
  return alts;
}

/** True when a run of characters the corpus never writes reads as a word it does (总头资 → 总投资): a typo. */
export function readsAsCorpusWord(run: string, keyword: KeywordSearch, lexicon: Lexicon): boolean {
  if (keyword.docFrequency(run) > 0 || /[的了是吗呢啊吧么和与在有]/.test(run)) return false;
  // Asked once per run and index: every question reads its three-character runs again.
  let runs = TYPO_RUNS.get(keyword);
  if (!runs) {
    runs = new Map();
    TYPO_RUNS.set(keyword, runs);
  }
  let reads = runs.get(run);
  if (reads === undefined) {
    reads = soundsLikeCorpusWord(run, keyword, lexicon);
    if (runs.size >= TYPO_CACHE) runs.delete(runs.keys().next().value as string);
    runs.set(run, reads);
  }
  return reads;
}

const TYPO_CACHE = 20_000;
const TYPO_RUNS = new WeakMap<KeywordSearch, Map<string, boolean>>();

function soundsLikeCorpusWord(run: string, keyword: KeywordSearch, lexicon: Lexicon): boolean {
  // Only where jieba's own cut leaves a word the corpus never uses (头资): a large archive reads nearly
  // any three characters as some n-gram of its own.
  if (tokens(run).every((t) => t.word.length < 2 || keyword.docFrequency(t.word) > 0)) return false;
  return lexicon.byPinyin(readingOf(run)).some((w) => w.length === run.length && w !== run);
}

/** The words of a compound, in order and without overlap, when the corpus knows each of them. */
export function knownParts(word: string, keyword: KeywordSearch): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  const cut = tokens(word).map((t) => t.word);
  for (const p of cut.length > 1 ? cut : words(word).filter((w) => w !== word)) {
    if (word.indexOf(p, from) < 0 || p.length < 2 || keyword.docFrequency(p) === 0) return undefined;
    parts.push(p);
    from = word.indexOf(p, from) + p.length;
  }
  return parts.length >= 2 && from === word.length ? parts : undefined;
}

/** Suffixes of places news prose names (汀阳市, 青梧县). */
export const PLACE_KINDS = ['市', '县', '区', '镇', '省'];

/** A place's wordings: with its suffix (通州区) it is also found without it (通州). */
export function placeAlts(name: string, keyword: KeywordSearch, lexicon: Lexicon): Alt[] {
  const alts = altsOf(name, keyword, lexicon);
  const known = (w: string) => keyword.docFrequency(w) > 0;
  if (alts.some((a) => known(a.text)) || name.length < 3) return alts;
  // 说惠萍镇, 是寅阳镇: jieba may glue the word before a name to it; the name is what the corpus knows.
  const whole = [0, 1].map((drop) => name.slice(drop)).find((n) => n.length >= 3 && known(n.slice(0, -1)));
  const bare = (whole ?? name).slice(0, -1);
  if (whole && whole !== name) alts.push({ text: whole, quality: 0.9 });
  alts.push({ text: bare, quality: 0.9 });
  return alts;
}

/**
 * An organisation named after its place (江州市水利局, 南屿儿童医院), split into the place and the rest:
 * once the place is known, news prose names the body without it (市水利局局长, 该市儿童医院).
 */
export function placeOfOrg(name: string, keyword: KeywordSearch): { place: string; rest: string } | undefined {
  const suffixed = /^(\p{Script=Han}{2,4}?[省市区县])(\p{Script=Han}{2,})$/u.exec(name);
  if (suffixed) return { place: suffixed[1] as string, rest: suffixed[2] as string };
  const [first, second] = tokens(name);
  if (!first || !second || !/^\p{Script=Han}{2,4}$/u.test(first.word)) return undefined;
  const rest = name.slice(first.end);
  // An unknown word the corpus uses before an organisation's own name (南屿 + 儿童医院) is taken as its place.
  const place =
    first.tag === 'ns' ||
    (/^(x|nz|j)$/.test(first.tag) && /^(nt|nz)$/.test(second.tag) && keyword.docFrequency(first.word) > 0);
  return place && rest.length >= 2 ? { place: first.word, rest } : undefined;
}
