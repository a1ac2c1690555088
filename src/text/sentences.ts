/**
 * Sentence and clause splitting with offsets, so that callers can quote the original text verbatim.
 */

/** Sentence-final punctuation (Chinese and ASCII). `；` ends a sentence for retrieval purposes. */
const SENTENCE_END = '。！？；!?;';
/** Characters that close a quotation or bracket and stay with the sentence they end. */
const CLOSERS = '”’」』)）》"\'';

/** A piece of text with its offsets in the text it was split from. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** True when the text ends like a finished sentence (so a following block is not its continuation). */
export function isTerminated(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t.charAt(i))) i--;
  const last = t.charAt(i);
  return i >= 0 && (SENTENCE_END.includes(last) || last === '…' || last === '.');
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
    while (s < end && /\s/.test(text.charAt(s))) s++;
    let e = end;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.includes(text.charAt(i))) continue;
    // ASCII '!' '?' ';' inside Latin text (e.g. URLs) still end sentences; that is acceptable here.
    let j = i + 1;
    while (j < text.length && (SENTENCE_END.includes(text.charAt(j)) || CLOSERS.includes(text.charAt(j)))) j++;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** Splits a sentence into clauses at commas, semicolons and colons, with offsets relative to the sentence. */
export function splitClauses(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || ',，；;：:'.includes(text.charAt(i))) {
      const end = i === text.length ? i : i + 1;
      const piece = text.slice(start, end);
      if (piece.trim()) out.push({ start, end, text: piece });
      start = end;
    }
  }
  return out;
}
