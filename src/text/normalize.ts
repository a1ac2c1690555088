/**
 * Normalisation for matching. It is only ever used to compare: what is quoted to users is always
 * sliced from the original text, so every function here keeps each character at its offset.
 */
import type { Lang } from '../core/types.js';
import { toSimplified } from './script.js';

const MEMO_SIZE = 20_000;
const MEMO_MAX_CHARS = 400;
const memo = new Map<string, string>();

/**
 * NFKC (full-width digits and letters to ASCII), lower case and simplified script, keeping every
 * character at its offset: positions found in the normalised text slice the original. A character
 * whose normalisation would change the length (`…` → `...`) is left as it is.
 *
 * @example
 * normalize('２月……３１個') // '2月……31个' (same length as the input)
 */
export function normalize(text: string): string {
  // Answering normalises the same sentences question after question; NFKC costs more than a lookup.
  const memoised = text.length <= MEMO_MAX_CHARS;
  const known = memoised ? memo.get(text) : undefined;
  if (known !== undefined) return known;
  let out = text.normalize('NFKC').toLowerCase();
  if (out.length !== text.length) {
    out = '';
    for (const ch of text) {
      const n = ch.normalize('NFKC').toLowerCase();
      out += n.length === ch.length ? n : ch;
    }
  }
  out = toSimplified(out);
  if (memoised) {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(text, out);
  }
  return out;
}

/** True for CJK ideographs. */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** Share of letters in the text that are Han characters (0 when there are no letters). */
export function hanRatio(text: string): number {
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (isHan(ch)) han++;
    }
  }
  return letters ? han / letters : 0;
}

/** Detects a text's language: Chinese when at least 30% of its letters are Han characters. */
export function detectLang(text: string): Lang {
  return hanRatio(text) >= 0.3 ? 'zh' : 'en';
}
