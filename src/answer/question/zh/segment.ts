/** Cutting a Chinese question into the words the corpus writes, mending jieba where it cuts across them. */
import type { KeywordSearch } from '../../../index/loaded-index.js';
import type { Lexicon } from '../../../text/bridge/lexicon.js';
import { type Token, tokens } from '../../../text/names.js';
import { knownParts, readsAsCorpusWord } from './wordings.js';

/**
 * Tokens of the question, cut the way the corpus writes its words: a run of characters that is a
 * corpus word (渔技员) stays whole even where jieba alone would glue it to the next character
 * (渔技员干); the rest is cut by jieba.
 */
export function segment(text: string, keyword: KeywordSearch, lexicon: Lexicon): Token[] {
  const out: Token[] = [];
  let gapStart = 0;
  const flushGap = (end: number) => {
    if (end <= gapStart) return;
    for (const t of recut(tokens(text.slice(gapStart, end)), keyword)) {
      const at = t.start + gapStart;
      // A compound the corpus never uses (银行存款) is read as its words the corpus does use (银行, 存款).
      const parts = t.word.length >= 4 && keyword.docFrequency(t.word) === 0 ? knownParts(t.word, keyword) : undefined;
      if (!parts) {
        out.push({ ...t, start: at, end: at + t.word.length });
        continue;
      }
      let from = 0;
      for (const p of parts) {
        const i = t.word.indexOf(p, from);
        out.push({ word: p, tag: 'n', start: at + i, end: at + i + p.length });
        from = i + p.length;
      }
    }
  };
  for (let i = 0; i < text.length; ) {
    let len = 0;
    if (/\p{Script=Han}/u.test(text.charAt(i))) {
      for (let n = Math.min(6, text.length - i); n >= 3; n--) {
        const w = text.slice(i, i + n);
        if (/^\p{Script=Han}+$/u.test(w) && keyword.docFrequency(w) > 0) {
          len = n;
          break;
        }
      }
      // 总头资: a three-character typo of a corpus word stays whole, for its reading to find the word.
      const three = text.slice(i, i + 3);
      if (!len && /^\p{Script=Han}{3}$/u.test(three) && readsAsCorpusWord(three, keyword, lexicon)) len = 3;
    }
    if (len) {
      flushGap(i);
      out.push({ word: text.slice(i, i + len), tag: 'n', start: i, end: i + len });
      i += len;
      gapStart = i;
    } else i++;
  }
  flushGap(text.length);
  return out;
}

/**
 * jieba's cut repaired where it glued pieces of words into one the corpus never uses (跟张倪生同一天 →
 * 倪生同, 惠萍镇养扣蟹 → 镇养|扣|蟹): that token and the short ones after it are cut again into the fewest
 * words the corpus uses (倪生|同, 镇|养|扣蟹), when that finds a word jieba's cut had hidden.
 */
export function recut(ts: Token[], keyword: KeywordSearch): Token[] {
  // Content words only: particles, numbers and pronouns are no index terms, never repaired.
  const content = (t: Token | undefined, max: number) =>
    !!t && t.word.length <= max && /^\p{Script=Han}+$/u.test(t.word) && /^(n\w*|v\w*|x|a|ng)$/.test(t.tag);
  const known = (w: string) => keyword.docFrequency(w) > 0;
  const out: Token[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token;
    if (t.word.length < 2 || !content(t, 4) || known(t.word)) {
      out.push(t);
      continue;
    }
    let b = i + 1;
    while (b < i + 3 && content(ts[b], 2) && ts[b]?.start === ts[b - 1]?.end) b++;
    const run = ts.slice(i, b);
    const text = run.map((x) => x.word).join('');
    // Fewest known words (or single characters) covering the run: best[j] covers its first j characters.
    const best: Array<string[] | undefined> = [[]];
    for (let j = 1; j <= text.length; j++) {
      for (let n = Math.min(4, j); n >= 1; n--) {
        const prev = best[j - n];
        const w = text.slice(j - n, j);
        if (prev && (n === 1 || known(w)) && (!best[j] || prev.length + 1 < (best[j]?.length ?? 0)))
          best[j] = [...prev, w];
      }
    }
    const words = best[text.length] ?? [];
    if (!words.some((w) => w.length >= 2 && !run.some((x) => x.word === w))) {
      out.push(t);
      continue;
    }
    let at = t.start;
    for (const w of words) {
      out.push({ word: w, tag: w.length >= 2 ? 'n' : (tokens(w)[0]?.tag ?? 'x'), start: at, end: at + w.length });
      at += w.length;
    }
    i = b - 1;
  }
  return out;
}
