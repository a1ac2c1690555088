/** The words of a Chinese question that name the asked quantity, which its answer's sentence must hold. */
import type { Token } from '../../../text/names.js';
import type { Concept } from '../concept.js';

/** A question word placed in the question, with its offsets and jieba tag. */
export type Placed = { concept: Concept; start: number; end: number; tag: Token['tag'] };

/**
 * The words naming the asked quantity, next to the question word: 研究生招生规模 in
 * "江州大学研究生招生规模是多少人", 项目 in "有多少项目". They must all be in the answer's sentence:
 * 本科招生规模 is another quantity.
 */
export function askedPhrase(
  norm: string,
  placed: Placed[],
  wh: { start: number; end: number },
  focus: Concept | undefined,
  change: boolean,
): Concept[] {
  const nounish = (tag: string) => /^(n|nz|vn|j|an|b|ng|l|nt)$/.test(tag);
  // 茄子一斤多少钱: a price's unit may stand between the thing and the question word.
  // 多少个停车位: a classifier stands between the question word and the thing counted.
  const joined = (a: number, b: number) =>
    /^[\s的是为有]*(预计|计划|预期|大约|约|将)?[\s的是为有]*([每一]\s*(斤|吨|公斤|千克|升|个|件|盒|箱)?)?$/.test(
      norm.slice(a, b),
    ) ||
    (a === wh.end && /^[个家名位座条项张台辆艘架所件套户]$/.test(norm.slice(a, b)));
  const before = placed.filter((p) => p.end <= wh.start).sort((a, b) => b.start - a.start);
  const phrase: Concept[] = [];
  let edge = wh.start;
  for (const p of before) {
    if (!joined(p.end, edge)) break;
    // 电力行业增加值增长多少: the verb of change asks the measure; the words before it name the quantity.
    if (change && p.concept === focus && !nounish(p.tag) && phrase.length === 0 && edge === wh.start) {
      edge = p.start;
      continue;
    }
    if (!nounish(p.tag)) break;
    phrase.push(p.concept);
    edge = p.start;
  }
  // 院区有多少个停车位: the noun the question word counts is asked as much as the words before it.
  edge = wh.end;
  for (const p of placed.filter((x) => x.start >= wh.end).sort((a, b) => a.start - b.start)) {
    if (!joined(edge, p.start) || !nounish(p.tag)) break;
    phrase.push(p.concept);
    edge = p.end;
  }
  return phrase;
}
