/**
 * Traditional → simplified script, for matching only: questions and claims written in traditional
 * characters, and bulletins that arrive in traditional script, meet the simplified index. What is
 * shown to users keeps the original characters.
 */
import * as OpenCC from 'opencc-js';

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Characters that traditional → simplified conversion changes, found once by converting every CJK ideograph. */
let changing: Set<string> | undefined;

function changingCharacters(): Set<string> {
  if (changing) return changing;
  const all: string[] = [];
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) all.push(String.fromCodePoint(cp));
  const converted = convert(all.join(''));
  changing = new Set(all.filter((ch, i) => converted[i] !== ch));
  return changing;
}

/** True when the text holds a character that has a different simplified form. */
export function hasTraditional(text: string): boolean {
  const set = changingCharacters();
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}

/**
 * The text in simplified script, keeping every character at its offset: where a phrase converts to
 * a different length, it is converted one character at a time instead.
 *
 * @example
 * toSimplified('平海公路總投資多少錢') // '平海公路总投资多少钱'
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const out = convert(text);
  if (out.length === text.length) return out;
  let chars = '';
  for (const ch of text) {
    const c = convert(ch);
    chars += c.length === ch.length ? c : ch;
  }
  return chars;
}
