/**
 * The one place figures are read: numbers, quantities and dates in Chinese text (三十一 → 31,
 * 1.5万 → 15000, 全角 digits) with their units, figures written in English (`105 million`,
 * `February 7`), figure values for grounding checks, and English renderings of Chinese figures.
 */
import { normalize } from './normalize.js';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Parses a Chinese or Arabic numeral, with 万/亿 multipliers.
 *
 * @example
 * parseNumber('三十一') // 31
 * parseNumber('1.5万') // 15000
 */
export function parseNumber(text: string): number | undefined {
  const s = normalize(text).replace(/[,，]/g, '');
  const arabic = /^(\d+(?:\.\d+)?)(万|亿)?(万|亿)?$/.exec(s);
  if (arabic) return Number(arabic[1]) * (BIG_UNITS[arabic[2] ?? ''] ?? 1) * (BIG_UNITS[arabic[3] ?? ''] ?? 1);
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (d !== undefined) digit = d;
    else if (small) {
      section += (digit || 1) * small;
      digit = 0;
    } else if (big) {
      total = (total + section + digit) * big;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** What a mention measures; questions ask for one of these. */
export type MentionKind = 'date' | 'duration' | 'percent' | 'quantity';

/** A number found in text, with its unit and offsets. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Numeric value (for dates: month*100+day, month 0 when unknown). */
  value: number;
  /** Measure word or unit (`个`, `名`, `万斤`, `%`, `公里/小时`, `月`...). */
  unit: string;
  /** `多`, `余`, `近`, `超` qualifiers, which make the figure approximate. */
  approx: boolean;
}

const CN_NUM = '[零〇一二两三四五六七八九十百千]+';
const NUM = `(?:\\d+(?:\\.\\d+)?|${CN_NUM})`;
/** Measure words and units, longest first so `公里/小时` wins over `公里`. */
export const UNITS = [
  '公里/小时',
  '千米',
  '公里',
  '平方米',
  '立方米',
  '万元',
  '亿元',
  '元',
  '万斤',
  '万亩',
  '万人',
  '斤',
  '亩',
  '吨',
  '米',
  '个月',
  '小时',
  '分钟',
  '天',
  '年',
  '周',
  '个',
  '名',
  '家',
  '位',
  '项',
  '座',
  '批',
  '辆',
  '只',
  '人',
  '户',
  '起',
  '种',
  '条',
  '次',
  '组',
  '所',
  '间',
  '台',
  '件',
  '份',
  '场',
  '倍',
  '支',
  '片',
  '处',
  '道',
];
const UNIT_RE = UNITS.map((u) => u.replace('/', '\\/')).join('|');
const DURATION_UNITS = new Set(['个月', '小时', '分钟', '天', '年', '周']);

const PATTERNS: Array<{ kind: MentionKind; re: RegExp }> = [
  // 2月7日, 6月15日, 2月25(一大早), 2月底, 26日下午, 2020年
  {
    kind: 'date',
    re: new RegExp(
      [
        '(\\d{4}年)?(\\d{1,2})月(\\d{1,2})(?:日|号)?(上午|下午|晚上|凌晨)?',
        '(\\d{1,2})月(底|初|中旬|上旬|下旬)',
        '(?<![\\d.])(\\d{1,2})(?:日|号)(上午|下午|晚上|凌晨)?',
        '(\\d{4})年(?!\\d)',
      ].join('|'),
      'g',
    ),
  },
  { kind: 'date', re: /大年(初[一二三四五六七八九十]|三十)|春节(前|后|以来|期间)|节后/g },
  { kind: 'percent', re: /(\d+(?:\.\d+)?)\s*%|百分之([零〇一二两三四五六七八九十百.点]+)/g },
  {
    kind: 'quantity',
    re: new RegExp(`(近|约|超过|超|逾|共计|共|总计)?(${NUM})(多|余|来)?(万|亿)?(多|余)?(${UNIT_RE})`, 'g'),
  },
  // 3万多 (民政服务对象): a big number with no measure word after it.
  { kind: 'quantity', re: /(近|约|超过|超|逾|共计|共|总计)?(\d+(?:\.\d+)?)(多|余)?(万|亿)(多|余)?()/g },
];

const FALSE_CN = /^(一[手线丝着体道批起处样直心切些时定般律致举同再并]|第)/;

function monthDay(m: RegExpExecArray): number {
  if (m[2] && m[3]) return Number(m[2]) * 100 + Number(m[3]);
  if (m[5]) return Number(m[5]) * 100 + (m[6] === '底' ? 31 : m[6] === '初' ? 1 : 15);
  if (m[7]) return Number(m[7]);
  if (m[8]) return Number(m[8]) * 10000;
  return 0;
}

/**
 * Finds dates, durations, percentages and counted quantities in a text.
 *
 * @example
 * findMentions('海门31个超10亿元续建重大项目').map((m) => m.text) // ['31个', '10亿元']
 */
export function findMentions(raw: string): Mention[] {
  const text = normalize(raw);
  const out: Mention[] = [];
  const taken = new Uint8Array(text.length);
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some(Boolean)) continue;
      let mention: Mention | undefined;
      if (kind === 'date') {
        mention = { start, end, text: raw.slice(start, end), kind, value: monthDay(m), unit: 'date', approx: false };
      } else if (kind === 'percent') {
        const v = m[1] ? Number(m[1]) : (parseNumber((m[2] ?? '').replace('点', '.')) ?? Number.NaN);
        mention = { start, end, text: raw.slice(start, end), kind, value: v, unit: '%', approx: false };
      } else {
        const [, pre, num = '', q1, big, q2, unit = ''] = m;
        if (/[零〇一二两三四五六七八九十百千]/.test(num) && FALSE_CN.test(text.slice(start + (pre?.length ?? 0))))
          continue;
        // 千米 and 百米 are units, not a thousand metres: a Chinese numeral needs a digit word or a leading 十.
        if (/^[百千]+$/.test(num)) continue;
        if (text[start - 1] === '第') continue;
        const base = parseNumber(num);
        if (base === undefined) continue;
        const bigUnit = unit && (unit.startsWith('万') || unit.startsWith('亿')) ? unit[0] : big;
        const value = base * (BIG_UNITS[bigUnit ?? ''] ?? 1);
        const plainUnit = unit.replace(/^[万亿](?=.)/, '');
        mention = {
          start,
          end,
          text: raw.slice(start, end),
          kind: DURATION_UNITS.has(plainUnit) ? 'duration' : 'quantity',
          value,
          unit: plainUnit,
          approx: Boolean(pre || q1 || q2),
        };
      }
      out.push(mention);
      taken.fill(1, start, end);
    }
  }
  // Bare numbers with no unit (e.g. '截至25' or a figure in a headline) still count as quantities.
  const bare = /\d+(?:\.\d+)?/g;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.subarray(start, end).some(Boolean)) continue;
    out.push({
      start,
      end,
      text: raw.slice(start, end),
      kind: 'quantity',
      value: Number(m[0]),
      unit: '',
      approx: false,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** True for an English month name or its three-letter abbreviation (`feb`, `sept`). */
export function isMonthWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.some((m) => m.toLowerCase() === w || (w.length >= 3 && w.length <= 4 && m.toLowerCase().startsWith(w)));
}
const EN_UNITS: Record<string, string> = {
  斤: 'jin',
  亩: 'mu',
  元: 'yuan',
  公里: 'km',
  千米: 'km',
  '公里/小时': 'km/h',
  米: 'm',
  吨: 't',
  个月: 'months',
  天: 'days',
  年: 'years',
  小时: 'hours',
  分钟: 'minutes',
  周: 'weeks',
  倍: 'times',
};

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * Renders a mention in English where the mechanism allows (`2月7日` → `February 7`,
 * `350多万斤` → `over 3.5 million jin`); otherwise returns the figure itself.
 */
export function mentionToEnglish(m: Mention): string {
  if (m.kind === 'date') {
    const md = /(\d{1,2})月(\d{1,2})/.exec(normalize(m.text));
    if (md) return `${MONTHS[Number(md[1]) - 1] ?? md[1]} ${Number(md[2])}`;
    const edge = /(\d{1,2})月(底|初)/.exec(m.text);
    if (edge) return `${edge[2] === '底' ? 'end' : 'start'} of ${MONTHS[Number(edge[1]) - 1]}`;
    const day = /(\d{1,2})[日号]/.exec(normalize(m.text));
    if (day) return `the ${ordinal(Number(day[1]))}`;
    return m.text;
  }
  if (m.kind === 'percent') return `${m.value}%`;
  if (!Number.isFinite(m.value)) return m.text;
  const unit = EN_UNITS[m.unit];
  const approx = /多|余|超|逾/.test(m.text) ? 'over ' : /近|约|来/.test(m.text) ? 'about ' : '';
  const num = m.value >= 1e6 ? `${+(m.value / 1e6).toFixed(2)} million` : (+m.value.toFixed(2)).toLocaleString('en-US');
  const units = unit && m.value === 1 ? unit.replace(/s$/, '') : unit;
  return `${approx}${num}${units ? ` ${units}` : ''}`;
}

/** Words before a month name that make an ambiguous one (`may`, `mar`) a date. */
const MONTH_CUE = /\b(in|on|by|since|until|till|through|from|of|early|late|mid|end|before|after|during)\s*$/;

/**
 * Figures written in an English text: digits, English number words, months (`February 7` → `2月7日`).
 * A month name that is also a word (`may`) or an abbreviation (`mar`) counts only with a day, a year
 * or a preposition: "How long may the road be?" has no date.
 */
export function englishFigures(text: string): { dates: string[]; numbers: number[] } {
  const dates: string[] = [];
  const t = text.toLowerCase();
  MONTHS.forEach((name, i) => {
    const mon = name.toLowerCase();
    const short = mon.slice(0, 3);
    const re = new RegExp(
      `\\b(?:(end|start|beginning|early|late) of\\s+)?(${mon}|${short}\\.?|sept\\.?)(?![a-z])\\s*(\\d{1,2}(?!\\d))?(?:st|nd|rd|th)?\\b`,
      'g',
    );
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const [, edge, word = '', day] = m;
      if (word.startsWith('sept') && i !== 8) continue;
      const ambiguous = word === 'may' || word !== mon;
      const cued =
        Boolean(edge || day) ||
        MONTH_CUE.test(t.slice(0, m.index)) ||
        /^\s*,?\s*\d{4}\b/.test(t.slice(m.index + m[0].length));
      if (ambiguous && !cued) continue;
      if (edge) dates.push(`${i + 1}月${edge === 'end' || edge === 'late' ? '底' : '初'}`);
      else if (day) dates.push(`${i + 1}月${Number(day)}日`);
      else dates.push(`${i + 1}月`);
    }
  });
  const numbers = [
    ...(t.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).map(Number),
    ...(t.match(/\b[a-z]+\b/g) ?? []).flatMap((w) => (w in NUMBER_WORDS ? [NUMBER_WORDS[w] as number] : [])),
  ];
  return { dates, numbers };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, 万: 1e4, 亿: 1e8 };

/**
 * Every figure in a text as a value, whatever the language: digits with scale words
 * (`1.05亿`, `105 million`, `1,880`), Chinese numerals (`三十一个`) and quantities with their
 * multipliers (`350多万斤` → 3,500,000).
 *
 * @example
 * figureValues('总投资5.65亿元') // includes 565000000
 */
export function figureValues(text: string): number[] {
  const t = normalize(text).replace(/(\d),(?=\d{3})/g, '$1');
  const out: number[] = [];
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(thousand|million|billion|万|亿)?/g)) {
    out.push(Number(m[1]) * (m[2] ? (SCALES[m[2]] ?? 1) : 1));
  }
  for (const m of findMentions(t)) {
    // Dates are compared by their digits; quantities also by their value (350多万斤 = 3,500,000).
    if (m.kind !== 'date' && (!/\d/.test(m.text) || m.value !== Number(m.text.match(/[\d.]+/)?.[0]))) out.push(m.value);
  }
  return out;
}

/** True when two figure values are the same number (floating-point products such as 5.65 × 1e8 differ in the last bit). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/**
 * True when every figure in `answer` occurs in one of the quotes, as written or as the same value
 * (`3.5 million jin` for `350多万斤`, `February 7` for `2月7日`).
 */
export function figuresAreQuoted(answer: string, quotes: string[]): boolean {
  const known = figureValues(quotes.join(' '));
  return figureValues(answer).every((v) => known.some((k) => sameValue(k, v)));
}
