/**
 * Text helpers shared by the parser, chunker and answerer. Normalisation is only ever used
 * for matching: what is quoted to users is always sliced from the original text.
 */

/** Sentence-final punctuation (Chinese and ASCII). `；` ends a sentence for retrieval purposes. */
const SENTENCE_END = '。！？；!?;';
/** Characters that close a quotation or bracket and stay with the sentence they end. */
const CLOSERS = '”’」』)）》"\'';

/**
 * NFKC (full-width digits and letters to ASCII) plus lower case, keeping every character at its
 * offset: positions found in the normalised text slice the original. A character whose
 * normalisation would change the length (`…` → `...`) is left as it is.
 *
 * @example
 * normalize('２月……３１个') // '2月……31个' (same length as the input)
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
  if (memoised) {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(text, out);
  }
  return out;
}

const MEMO_SIZE = 20_000;
const MEMO_MAX_CHARS = 400;
const memo = new Map<string, string>();

/** True when the text ends like a finished sentence (so a following block is not its continuation). */
export function isTerminated(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i])) i--;
  return i >= 0 && (SENTENCE_END.includes(t[i]) || t[i] === '…' || t[i] === '.');
}

/** A sentence with its offsets in the text it was split from. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits text into sentences at `。！？；!?;`, keeping closing quotes with the sentence.
 * Returns offsets into the input so callers can quote verbatim.
 *
 * @example
 * splitSentences('他说:“好。”然后走了。').map((s) => s.text) // ['他说:“好。”', '然后走了。']
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!SENTENCE_END.includes(c)) continue;
    // ASCII '!' '?' ';' inside Latin text (e.g. URLs) still end sentences; that is acceptable here.
    let j = i + 1;
    while (j < text.length && (SENTENCE_END.includes(text[j]) || CLOSERS.includes(text[j]))) j++;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** Splits a sentence into clauses at commas and semicolons, with offsets relative to the sentence. */
export function splitClauses(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || ',，；;：:'.includes(text[i])) {
      const end = i === text.length ? i : i + 1;
      const piece = text.slice(start, end);
      if (piece.trim()) out.push({ start, end, text: piece });
      start = end;
    }
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
