/**
 * The figures of a claim as amounts that can be compared with the bulletin's: a value in its
 * measure's base unit (28.3 km = 28.3公里 = 28,300 m; 28.3 miles is not), with its currency for
 * money (6000万美元 is not 6000万元), whatever the language and however the scale is written.
 */
import type { Lang } from '../../core/types.js';
import { englishFigures, findEnglishMentions, findMentions, type Mention } from '../../text/figures.js';
import { englishUnit, type UnitInfo, unitInfo } from '../../text/units.js';

/** A figure of a claim or a sentence, comparable across units and languages. */
export interface Amount {
  text: string;
  kind: Mention['kind'];
  /** The value as written, scaled by 万, 亿, million… */
  value: number;
  measure: Mention['measure'];
  /** The value in the measure's base unit, when the unit is known (metres, kilograms, yuan…). */
  base?: number;
  currency?: string;
}

function amountOf(m: Mention, info: UnitInfo | undefined): Amount {
  return {
    text: m.text,
    kind: m.kind,
    value: m.value,
    measure: m.measure,
    ...(info && m.unit ? { base: m.value * info.scale } : {}),
    ...(info?.currency ? { currency: info.currency } : {}),
  };
}

/** The figures of a Chinese sentence as amounts. */
export function sentenceAmounts(text: string): Amount[] {
  return findMentions(text).map((m) => amountOf(m, m.unit ? unitInfo(m.unit) : undefined));
}

/** The figures a claim asserts, in Chinese or English. */
export function claimAmounts(claim: string, lang: Lang): Amount[] {
  if (lang === 'zh') return sentenceAmounts(claim);
  const dates = englishFigures(claim).dates.flatMap((d) =>
    findMentions(d).map((m) => ({ ...amountOf(m, undefined), text: d })),
  );
  const numbers = findEnglishMentions(claim)
    .filter((m) => !dates.some((d) => d.text.includes(String(m.value))))
    .map((m) => amountOf(m, m.unit ? englishUnit(m.unit) : undefined));
  return [...dates, ...numbers];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1);

/**
 * How a sentence's figure bears on a claim's: the `same` amount, one of the same measure that
 * `differs` (another length, the same money in another currency), or `unrelated`. A claim's figure
 * without a unit is the same as any figure of its value, and differs from none: "1,880 people"
 * says nothing against "3家".
 */
export function compareAmounts(claimed: Amount, stated: Amount): 'same' | 'differs' | 'unrelated' {
  if (claimed.kind === 'date' || stated.kind === 'date') {
    // A time of day (23时) and a day (11月23日) are not two values of one thing.
    if (claimed.kind !== stated.kind || claimed.measure !== stated.measure) return 'unrelated';
    return claimed.value === stated.value ? 'same' : 'differs';
  }
  if (claimed.measure === 'other' || claimed.base === undefined) {
    return close(claimed.value, stated.value) ? 'same' : 'unrelated';
  }
  if (claimed.measure !== stated.measure || stated.base === undefined) return 'unrelated';
  if (claimed.currency !== stated.currency) return 'differs';
  return close(claimed.base, stated.base) ? 'same' : 'differs';
}
