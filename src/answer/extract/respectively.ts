/**
 * 分别 lists: "2020年至2022年研发投入分别为3.2亿元、5.6亿元和8.9亿元" gives one figure per item
 * named before it, in order. A question about one item (2022年) wants that item's figure.
 */
import { findMentions, type Mention } from '../../text/figures.js';
import { normalize } from '../../text/normalize.js';
import type { AnalyzedQuestion } from '../question/analyze.js';

/** The items a 分别 refers to, from the clause before it: a run of years, or names joined by 、 和 与 及. */
function itemsBefore(text: string): string[] {
  const years = /((?:19|20)\d{2})年?(?:至|到|-|—|～|~)((?:19|20)\d{2})年/.exec(text);
  if (years) {
    const out: string[] = [];
    for (let y = Number(years[1]); y <= Number(years[2]) && out.length < 12; y++) out.push(`${y}年`);
    return out;
  }
  const clause = text.split(/[，,；;：:。]/).at(-1) ?? '';
  const items = clause.split(/、|和|与|及/).map((x) => x.trim());
  return items.length >= 2 ? items : [];
}

/**
 * The figure of a 分别 list that belongs to the item the question names, when `chosen` is one of
 * the list and the question names exactly one of its items; undefined otherwise.
 *
 * @example
 * // 2020年至2022年研发投入分别为3.2亿元、5.6亿元和8.9亿元, asked about 2022年 → 8.9亿元
 */
export function respectively(q: AnalyzedQuestion, text: string, chosen: Mention): Mention | undefined {
  const at = text.lastIndexOf('分别', chosen.start);
  if (at < 0) return undefined;
  const end = text.slice(at).search(/[。；;]/);
  const list = findMentions(text.slice(at, end < 0 ? undefined : at + end))
    .map((m) => ({ ...m, start: m.start + at, end: m.end + at }))
    .filter((m) => m.kind === chosen.kind && m.measure === chosen.measure);
  const items = itemsBefore(text.slice(0, at));
  if (list.length < 2 || list.length !== items.length || !list.some((m) => m.start === chosen.start)) return undefined;
  const asked = items
    .map((item, i) => ({
      i,
      hit: q.concepts.some((c) => c.alts.some((a) => normalize(item).includes(normalize(a.text)))),
    }))
    .filter((x) => x.hit);
  const only = asked.length === 1 ? asked[0] : undefined;
  return only ? list[only.i] : undefined;
}
