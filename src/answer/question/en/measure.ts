/**
 * What an English question asks for: the measure it names (how much … grow → a change, turnout → a
 * percentage, how much water → a volume) and the unit a count is in (how many firms → 家).
 */
import type { Intent } from '../intent.js';

/** One pattern matching any of `parts`: long alternations written one alternative per line. */
export function anyOf(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((r) => r.source).join('|'));
}

/** "How many" and a noun that is no unit of another measure (days, km) nor a sum (losses, sales). */
const HOW_MANY_THINGS = new RegExp(
  `\\bhow many (?!(${[
    'more|fewer|days|months|years|hours|minutes|weeks|seconds|km|kilomet|miles|met|mu|hectares|square',
    'tons|tonnes|jin|kg|yuan|dollars|percent|points',
    'loss|losses|profits?|revenue|sales|funds?|deposits|loans|assets|reserves|exports|imports',
  ].join('|')})\\b)[a-z]`,
);

/** The measure an English question names. */
export function enMeasure(q: string): Intent['measure'] {
  if (
    anyOf(
      /\bhow (much|fast) (did|does|has|have|will|would)\b.*\b(grow|rise|increase|fall|drop|decline|climb|jump|change|shrink)/,
      /\b(growth|increase|decrease|decline|drop|rise|change)\b.*\b(rate|by how much)/,
      /\bby how much\b/,
      /\bgrowth rate\b/,
      /\bhow did\b.*\bchange\b/,
    ).test(q)
  )
    return 'change';
  // "How many pairs of trains … high-speed railway": things counted, whatever the words after them say.
  if (HOW_MANY_THINGS.test(q)) return 'count';
  if (
    anyOf(
      /\b(what|which) (percentage|percent|proportion|share|rate|ratio)\b|\bhow much percent|\bwhat share\b/,
      /\brate\b|\bturnout\b|\bload factor\b/,
    ).test(q)
  )
    return 'percent';
  if (/\b(price|cost per|fare|fee|charge|tickets?|per jin|per ton|a jin|per share)\b/.test(q)) return 'price';
  // How much gold or grain: a weight of the thing, not its worth.
  if (/\bhow much (gold|silver|grain|rice|wheat|coal|steel)\b/.test(q)) return 'weight';
  // How long is he expected to be sidelined: a time, whatever the verb's tense.
  if (
    /\bhow long\b.*\b(take|takes|took|last|lasts|lasted|sidelined|suspended|closed|delayed|wait|stay|remain)\b/.test(q)
  )
    return 'duration';
  if (
    anyOf(
      /\bhow much money\b/,
      /\b(costs?|budget|invest|invested|investment|funds?|funding|revenue|income|profits?|sales|worth|value)\b/,
      /\b(spend|spent|raise|raised|collect|collected|loss|losses|gdp|trade|exports?|imports?|reserves?)\b/,
      /\b(deposits?|loans?|assets?)\b/,
    ).test(q)
  )
    return 'money';
  if (
    anyOf(
      /\bhow long (did|does|do|will|would|has|have)\b.*\b(take|last|delay|wait|lose|lost|sidelined|out|run)/,
      /\bhow many (days|months|years|hours|minutes|weeks|seconds)\b/,
      /\bhow long\b(?!.*\b(is|was|are|were|be)\b)/,
      /\bhow much time/,
      /\bduration\b/,
      /\b(finishing|winning) time/,
      /\btime\b.*\b(run|swim|race|marathon|final)/,
    ).test(q)
  )
    return 'duration';
  if (/\bhow fast|\bspeed\b/.test(q)) return 'speed';
  if (
    anyOf(
      /\bhow much water\b|\b(storage|capacity|volume)\b.*\b(reservoir|water)\b/,
      /\b(water|storage) (storage|capacity)\b/,
    ).test(q)
  )
    return 'volume';
  if (/\bhow (big|large)\b(?! data)|\barea\b|\bhow many (mu|hectares|square)/.test(q)) return 'area';
  if (
    /\bhow (long|tall|high|far|deep|wide)\b|\b(length|height|altitude|distance)\b|\bhow many (km|kilomet|miles|met)/.test(
      q,
    )
  )
    return 'length';
  if (
    /\bhow (heavy)|\bweight\b|\bweighs?\b|\bhow many (tons|tonnes|jin|kg)|\b(output|harvest|throughput|volume)\b/.test(
      q,
    )
  )
    return 'weight';
  if (/\btemperature\b|\bhow (hot|cold)\b|\bdegrees\b/.test(q)) return 'temperature';
  if (/\bhow old\b|\bwhat age\b|\baged?\b/.test(q)) return 'age';
  if (/\bscore\b/.test(q)) return 'score';
  // "How many cases": things counted, like 多少家; never a time or a sum.
  if (/\bhow many [a-z]/.test(q)) return 'count';
  return undefined;
}

/** Units an English question counts in (how many jin, how many firms → 家). */
export const EN_UNIT_WORDS: Record<string, RegExp> = {
  斤: /\bjin\b/,
  亩: /\bmu\b/,
  元: /\byuan\b|\brmb\b/,
  天: /\bdays\b/,
  个月: /\bmonths\b/,
  年: /\byears\b/,
  分钟: /\bminutes\b/,
  小时: /\bhours\b/,
  // How many firms or people: 家 and 人 count them, as 多少家, 多少人 would.
  家: /\bhow many\s+([a-z-]+\s+){0,2}(companies|firms|enterprises|businesses)\b/,
  人: /\bhow many\s+([a-z-]+\s+){0,2}(people|persons|residents)\b/,
};

/** Words that qualify a figure a question gives: "over 1 billion yuan". */
const QUALIFIERS = 'over|more than|under|less than|about|around|nearly|at least';

/**
 * An English question without what names or gives rather than asks: "Lingang New Area" names a
 * place, "per jin" divides a price, "worth over 1 billion yuan" gives a figure. Lower case.
 */
export function englishAsked(q: string): string {
  return q
    .replace(/(?<=\S\s+)[A-Z][a-z]+/g, ' ')
    .toLowerCase()
    .replace(/\bper [a-z]+|\ba (jin|kg|kilogram|ton|tonne|liter|litre|share|month|year|day|head|person)\b/g, ' ')
    .replace(
      new RegExp(
        `\\b((worth|valued at|costing|priced at)\\s+)?((${QUALIFIERS})\\s+)?\\d[\\d.,]*\\s*(thousand|million|billion)?\\s*[a-z]+`,
        'g',
      ),
      ' ',
    );
}

/** The dimension a "how long / tall / far…" question asks, as news prose names it (全长, 高度). */
const HOW: Array<[RegExp, string[]]> = [
  [/\bhow long is\b|\blength\b/, ['全长', '长度', '总长']],
  [/\bhow (tall|high) is\b|\bheight\b/, ['高度', '高']],
  [/\bhow deep is\b|\bdepth\b/, ['深度', '深']],
  [/\bhow wide is\b|\bwidth\b/, ['宽度', '宽']],
  [/\bhow far\b|\bdistance\b/, ['距离', '相距']],
];

/**
 * The Chinese words for the dimension an English question asks of a thing, which its answer's sentence
 * states beside the figure (How long is the expressway? → 全长).
 *
 * @example
 * dimensionWords('How long is the Qingyun expressway?') // ['全长', '长度', '总长']
 */
export function dimensionWords(question: string): string[] {
  const q = question.toLowerCase();
  return HOW.find(([re]) => re.test(q))?.[1] ?? [];
}
