/**
 * The one place figures are read: numbers, quantities, percentages, ordinals, scores and dates in
 * Chinese text (三十一 → 31, 1.5万 → 15000, 全角 digits) and in English text (`105 million yuan`,
 * `28.3 miles`, `February 7`), each with its unit and what it measures; figure values for grounding
 * checks; English renderings of Chinese figures.
 */
import { normalize } from './normalize.js';
import { ALL_UNITS, englishUnit, type Measure, unitInfo } from './units.js';

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
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12, 千万: 1e7, 百万: 1e6 };

/** A number times its multiplier, without floating-point noise (5126.4亿 is 512640000000, not …99994). */
const scaled = (n: number, multiplier: number) => Number((n * multiplier).toPrecision(12));

/**
 * Parses a Chinese or Arabic numeral, with 万/亿 multipliers and thousands separators.
 *
 * @example
 * parseNumber('三十一') // 31
 * parseNumber('1.5万') // 15000
 */
export function parseNumber(text: string): number | undefined {
  const s = normalize(text).replace(/[,，](?=\d{3})/g, '');
  const arabic = /^(\d+(?:\.\d+)?)(万亿|千万|百万|万|亿)?(万|亿)?$/.exec(s);
  if (arabic) return scaled(Number(arabic[1]), (BIG_UNITS[arabic[2] ?? ''] ?? 1) * (BIG_UNITS[arabic[3] ?? ''] ?? 1));
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

/** What a mention is. */
export type MentionKind = 'date' | 'duration' | 'percent' | 'quantity' | 'ordinal' | 'score';

/** A figure found in text, with its unit and offsets. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** Numeric value in `unit` (multipliers applied: 5.65亿元 → 565000000 with unit 元). Dates: month*100+day. */
  value: number;
  /** Measure word or unit (`个`, `名`, `斤`, `%`, `公里/小时`, `date`…), without 万/亿 prefixes. */
  unit: string;
  /** What the figure measures, from its unit. */
  measure: Measure;
  /** `近`, `约`, `超`, `多`, `余` qualifiers make the figure approximate. */
  approx: boolean;
}

const CN_NUM = '[零〇一二两三四五六七八九十百千]+';
const NUM = `(?:\\d+(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${CN_NUM})`;
/** Qualifiers that make a figure approximate; they stay in the span (`超10亿元`, `近1.05亿元`). */
const PRE = '(近|约|大约|超过|超|逾|将近|接近|至少|不足|不到)?';
const BIG = '(万亿|千万|百万|万|亿)?';
/** Units for patterns: 万/亿-prefixed ones are matched as a multiplier plus the plain unit. */
const UNIT_RE = ALL_UNITS.filter((x) => !/^[万亿]/.test(x))
  .map((x) => x.replace(/[/%]/g, (c) => `\\${c}`))
  .join('|');

const DATE_RE = new RegExp(
  [
    '(\\d{4})年(\\d{1,2})月(\\d{1,2})(?:日|号)?',
    '(\\d{1,2})月(\\d{1,2})(?:日|号)?(?:上午|下午|晚上|晚|凌晨|早上)?',
    '(\\d{4})年(\\d{1,2})月(?:份)?(?:底|初|中旬|上旬|下旬)?',
    '(\\d{1,2})月(底|初|中旬|上旬|下旬|份)',
    // 2024届 (毕业生) is a year's class, not a count.
    '(?<![\\d.])(?:19|20)\\d{2}届',
    // 3号线, 5号楼, 1号门 name things, not days.
    '(?<![\\d.])(\\d{1,2})(?:日|号(?![线楼院门机位馆台口厅舱库房]))(?:上午|下午|晚上|晚|凌晨|早上)?',
    '(\\d{4})年(?:(?:第)?[一二三四1-4]季度|上半年|下半年|前三季度|底|初|末)?(?![\\d月])',
    // 哪一季度 asks a quarter, it names none.
    '(?<!哪)(?:第)?[一二三四1-4]季度|上半年|下半年|前三季度',
    '大年(?:初[一二三四五六七八九十]|三十)|春节(?:前|后|以来|期间)|节后',
  ].join('|'),
  'g',
);

interface Pattern {
  kind: MentionKind;
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<Mention, 'start' | 'end' | 'text' | 'kind'> | undefined;
}

const FALSE_CN = /^(一[手线丝着体道批起处样直心切些时定般律致举同再并度线流名批季]|第|三农|四[个]意识|两[个]维护)/;

function dateValue(m: RegExpExecArray): number {
  const [, y1, m1, d1, m2, d2, y3, m3, m4, edge, d5] = m;
  if (y1 && m1 && d1) return Number(m1) * 100 + Number(d1);
  if (m2 && d2) return Number(m2) * 100 + Number(d2);
  if (y3 && m3) return Number(m3) * 100;
  if (m4) return Number(m4) * 100 + (edge === '底' ? 31 : edge === '初' ? 1 : 15);
  if (d5) return Number(d5);
  const year = /(\d{4})[年届]/.exec(m[0]);
  return year ? Number(year[1]) * 10000 : 0;
}

const approxOf = (...parts: Array<string | undefined>) =>
  parts.some((p) => p && /近|约|超|逾|多|余|来|将近|接近|不足|不到|至少|以上|左右/.test(p));

/** Parts of the day before a clock time. */
const DAYPARTS = '凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|夜里|当晚|当天|每天|每日';

const PATTERNS: Pattern[] = [
  {
    kind: 'date',
    re: DATE_RE,
    read: (m) => ({ value: dateValue(m), unit: 'date', measure: 'date', approx: false }),
  },
  {
    // A time of day: 17时30分, 晚上11点, 8点半, 18:00 (hhmm). 3点要求 counts items: 点 needs a clock's company.
    kind: 'date',
    re: new RegExp(
      `(${DAYPARTS})?(\\d{1,2})(?:时(?:(\\d{1,2})分|半)?|点(?:(\\d{1,2})分|半|钟)?|:(\\d{2}))(?![\\d:])`,
      'g',
    ),
    read: (m) => {
      const [all, part, h = '', m1, m2, m3] = m;
      if (all.includes('点') && !part && !/[分半钟]$/.test(all)) return undefined;
      const hour = Number(h) + (part && /下午|傍晚|晚|夜/.test(part) && Number(h) < 12 ? 12 : 0);
      const minute = Number(m1 ?? m2 ?? m3 ?? 0) + (all.endsWith('半') ? 30 : 0);
      if (hour > 24 || minute >= 60) return undefined;
      return { value: hour * 100 + minute, unit: 'clock', measure: 'clock', approx: false };
    },
  },
  {
    // A match score: 4比2, 3∶1.
    kind: 'score',
    re: /(\d{1,3})\s*(?:比|∶)\s*(\d{1,3})(?![\d.%])/g,
    read: (m) => ({ value: Number(m[1]) * 1000 + Number(m[2]), unit: '比', measure: 'score', approx: false }),
  },
  {
    // Field-event marks: 19米06 is 19.06 metres.
    kind: 'quantity',
    re: /(\d{1,3})米(\d{2})(?![\d.%])/g,
    read: (m) => ({ value: Number(`${m[1]}.${m[2]}`), unit: '米', measure: 'length', approx: false }),
  },
  {
    // Sports times: 8秒03, 2小时05分12秒, 3分12秒5.
    kind: 'duration',
    re: /(?:(\d{1,2})小时)?(?:(\d{1,2})分)?(\d{1,2})秒(\d{1,3})(?![\d])|(\d{1,2})小时(\d{1,2})分(\d{1,2})秒|(\d{1,2})分(\d{1,2})秒(\d{1,2})?/g,
    read: (m) => {
      const h = Number(m[1] ?? m[5] ?? 0);
      const min = Number(m[2] ?? m[6] ?? m[8] ?? 0);
      const sec = Number(m[3] ?? m[7] ?? m[9] ?? 0);
      const frac = m[4] ?? m[10];
      const value = h * 3600 + min * 60 + sec + (frac ? Number(`0.${frac}`) : 0);
      return { value, unit: '秒', measure: 'duration', approx: false };
    },
  },
  {
    kind: 'ordinal',
    re: new RegExp(`第(${NUM})(名|位|届|次|个|批|轮|季|阶段|号|条|家|大|周|期|场|站|步|棒|局|集)?`, 'g'),
    read: (m) => {
      const v = parseNumber(m[1] ?? '');
      return v === undefined ? undefined : { value: v, unit: '第', measure: 'ordinal', approx: false };
    },
  },
  {
    kind: 'percent',
    re: new RegExp(
      `${PRE}(\\d+(?:\\.\\d+)?)\\s*%|百分之([零〇一二两三四五六七八九十百点.\\d]+)|${PRE}(${NUM})个百分点`,
      'g',
    ),
    read: (m) => {
      if (m[2]) return { value: Number(m[2]), unit: '%', measure: 'percent', approx: approxOf(m[1]) };
      if (m[3]) {
        const v = parseNumber(m[3].replace('点', '.')) ?? Number(m[3]);
        return Number.isFinite(v) ? { value: v, unit: '%', measure: 'percent', approx: false } : undefined;
      }
      const v = parseNumber(m[5] ?? '');
      return v === undefined ? undefined : { value: v, unit: '个百分点', measure: 'points', approx: approxOf(m[4]) };
    },
  },
  {
    kind: 'quantity',
    re: new RegExp(`(零下)?(${NUM})(?:℃|摄氏度)`, 'g'),
    read: (m) => {
      const v = parseNumber(m[2] ?? '');
      return v === undefined ? undefined : { value: m[1] ? -v : v, unit: '℃', measure: 'temperature', approx: false };
    },
  },
  {
    kind: 'quantity',
    re: new RegExp(`${PRE}(${NUM})(多|余|来)?${BIG}(多|余)?(${UNIT_RE})(左右|以上|以内|以下)?`, 'g'),
    read: (m) => {
      const [, pre, num = '', q1, big, q2, unit = '', post] = m;
      const base = parseNumber(num);
      if (base === undefined) return undefined;
      const info = unitInfo(unit);
      return {
        value: scaled(base, BIG_UNITS[big ?? ''] ?? 1),
        unit,
        measure: info.measure,
        approx: approxOf(pre, q1, q2, post),
      };
    },
  },
  {
    // A big number with no unit after it: 3万多 (民政服务对象).
    kind: 'quantity',
    re: new RegExp(`${PRE}(\\d+(?:\\.\\d+)?)(多|余)?(万亿|千万|百万|万|亿)(多|余)?`, 'g'),
    read: (m) => ({
      value: scaled(Number(m[2]), BIG_UNITS[m[4] ?? ''] ?? 1),
      unit: '',
      measure: 'other',
      approx: approxOf(m[1], m[3], m[5]),
    }),
  },
];

/**
 * Finds dates, durations, percentages, ordinals, scores and quantities (with their units) in a
 * Chinese text; offsets index the original text.
 *
 * @example
 * findMentions('海门31个超10亿元续建重大项目').map((m) => m.text) // ['31个', '超10亿元']
 */
export function findMentions(raw: string): readonly Mention[] {
  let found = mentionsCache.get(raw);
  if (!found) {
    found = readMentions(raw);
    if (mentionsCache.size >= MENTIONS_CACHE) mentionsCache.delete(mentionsCache.keys().next().value as string);
    mentionsCache.set(raw, found);
  }
  return found;
}

/** Sentences and their contexts come back question after question: their figures are read once. */
const MENTIONS_CACHE = 20_000;
const mentionsCache = new Map<string, readonly Mention[]>();

/** What a phase (一期, 三期) is of: works and projects. */
const PHASE_OF = /^[^,，。;；、\d]{0,6}?(工程|项目|码头|建设|工地|线路|地块|扩建|改造)/;

function readMentions(raw: string): Mention[] {
  const text = normalize(raw);
  const out: Mention[] = [];
  const taken = new Uint8Array(text.length);
  for (const { kind, re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some(Boolean)) continue;
      // 一手抓 and 第一 are not quantities; 千米 and 百米 are units, not a thousand metres.
      if (kind === 'quantity' && /^[零〇一二两三四五六七八九十百千]/.test(m[0]) && FALSE_CN.test(text.slice(start)))
        continue;
      if (kind === 'quantity' && /^[百千]+[^\d零〇一二两三四五六七八九十]/.test(m[0])) continue;
      if ((kind === 'quantity' || kind === 'date') && text[start - 1] === '第') continue;
      // 3号线一期, 三期码头工程: a project's phase, not a count of anything.
      if (
        kind === 'quantity' &&
        m[0].endsWith('期') &&
        (/线$/.test(text.slice(0, start)) || PHASE_OF.test(text.slice(end)))
      )
        continue;
      const fields = read(m);
      if (!fields || !Number.isFinite(fields.value)) continue;
      out.push({
        start,
        end,
        text: raw.slice(start, end),
        kind: kind === 'quantity' && fields.measure === 'duration' ? 'duration' : kind,
        ...fields,
      });
      taken.fill(1, start, end);
    }
  }
  // Bare numbers with no unit (a figure in a headline, 截至25) still count.
  for (const m of text.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.subarray(start, end).some(Boolean)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    // 2022滨江国际马拉松: a year naming an edition, not a count.
    const edition = /^(19|20)\d{2}$/.test(m[0]) && /\p{Script=Han}/u.test(text[end] ?? '');
    out.push({
      start,
      end,
      text: raw.slice(start, end),
      ...(edition
        ? { kind: 'date' as const, value: value * 10000, unit: 'date', measure: 'date' }
        : { kind: 'quantity' as const, value, unit: '', measure: 'other' }),
      approx: false,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_APPROX = /\b(nearly|almost|about|around|roughly|approximately|over|more than|at least|some|up to)\s*$/;

/**
 * Quantities written in English, with their units when given: `105 million yuan`, `28.3 miles`,
 * `$5.65 billion`, `1,880`, `6%`.
 */
export function findEnglishMentions(text: string): Mention[] {
  const t = text.toLowerCase();
  const out: Mention[] = [];
  const unitWords =
    '%|per cent|percent|percentage points?|[a-z°]+(?:\\s(?:dollars?|met(?:er|re)s?|kilomet(?:er|re)s?|per hour))?';
  const re = new RegExp(
    `(\\$|us\\$|¥|€)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(thousand|million|billion|trillion)?\\s*(${unitWords})?`,
    'g',
  );
  for (const m of t.matchAll(re)) {
    const [whole, sign, digits = '', scale, word = ''] = m;
    const start = m.index + (whole.length - whole.trimStart().length);
    let unit = word ? englishUnit(word) : undefined;
    if (!unit && word.includes(' ')) unit = englishUnit(word.split(' ')[0] ?? '');
    if (!unit && sign) unit = englishUnit(sign === '€' ? 'euros' : sign === '¥' ? 'yuan' : 'dollars');
    const value = scaled(Number(digits.replace(/,/g, '')), SCALE_WORDS[scale ?? ''] ?? 1);
    const usedWord =
      unit && word && englishUnit(word) ? word : unit && word.includes(' ') ? (word.split(' ')[0] ?? '') : '';
    const end = m.index + whole.length - (word.length - usedWord.length);
    const measure = unit?.measure ?? 'other';
    const kind: MentionKind =
      measure === 'percent' || measure === 'points' ? 'percent' : measure === 'duration' ? 'duration' : 'quantity';
    out.push({
      start,
      end,
      text: text.slice(start, end).trim(),
      kind,
      value,
      unit: unit?.en ?? '',
      measure,
      approx: EN_APPROX.test(t.slice(0, start)),
    });
  }
  return out;
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

const EN_UNIT_NAMES: Record<string, string> = {
  个月: 'months',
  天: 'days',
  年: 'years',
  小时: 'hours',
  分钟: 'minutes',
  周: 'weeks',
  倍: 'times',
  秒: 'seconds',
};

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function englishNumber(value: number): string {
  if (value >= 1e9) return `${+(value / 1e9).toFixed(3)} billion`;
  if (value >= 1e6) return `${+(value / 1e6).toFixed(2)} million`;
  return (+value.toFixed(2)).toLocaleString('en-US');
}

/**
 * Renders a mention in English where the mechanism allows (`2月7日` → `February 7`,
 * `350多万斤` → `over 3.5 million jin`); otherwise returns the figure itself.
 */
export function mentionToEnglish(m: Mention): string {
  const t = normalize(m.text);
  if (m.measure === 'clock') return `${Math.floor(m.value / 100)}:${String(m.value % 100).padStart(2, '0')}`;
  if (m.kind === 'date') {
    const ymd = /(\d{4})年(\d{1,2})月(\d{1,2})/.exec(t);
    if (ymd) return `${MONTHS[Number(ymd[2]) - 1] ?? ymd[2]} ${Number(ymd[3])}, ${ymd[1]}`;
    const md = /(\d{1,2})月(\d{1,2})/.exec(t);
    if (md) return `${MONTHS[Number(md[1]) - 1] ?? md[1]} ${Number(md[2])}`;
    const edge = /(\d{1,2})月(底|初)/.exec(t);
    if (edge) return `${edge[2] === '底' ? 'end' : 'start'} of ${MONTHS[Number(edge[1]) - 1]}`;
    const ym = /(\d{4})年(\d{1,2})月/.exec(t);
    if (ym) return `${MONTHS[Number(ym[2]) - 1] ?? ym[2]} ${ym[1]}`;
    const day = /(\d{1,2})[日号]/.exec(t);
    if (day) return `the ${ordinal(Number(day[1]))}`;
    const year = /^(\d{4})年$/.exec(t);
    if (year) return year[1] ?? m.text;
    return m.text;
  }
  if (m.kind === 'ordinal') return ordinal(m.value);
  if (m.kind === 'score') return `${Math.floor(m.value / 1000)}–${m.value % 1000}`;
  if (m.measure === 'percent') return `${m.value}%`;
  if (m.measure === 'points') return `${m.value} percentage points`;
  if (m.measure === 'temperature') return `${m.value}°C`;
  if (!Number.isFinite(m.value)) return m.text;
  const unit = EN_UNIT_NAMES[m.unit] ?? unitInfo(m.unit).en;
  const approx = /多|余|超|逾/.test(t) ? 'over ' : /近|约|来/.test(t) ? 'about ' : '';
  const units = unit && m.value === 1 ? unit.replace(/s$/, '') : unit;
  return `${approx}${englishNumber(m.value)}${units ? ` ${units}` : ''}`;
}

/** Words before a month name that make an ambiguous one (`may`, `mar`) a date. */
const MONTH_CUE = /\b(in|on|by|since|until|till|through|from|of|early|late|mid|end|before|after|during)\s*$/;

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
      const after = t.slice(m.index + m[0].length);
      const cued = Boolean(edge || day) || MONTH_CUE.test(t.slice(0, m.index)) || /^\s*,?\s*\d{4}\b/.test(after);
      if (ambiguous && !cued) continue;
      if (edge) dates.push(`${i + 1}月${edge === 'end' || edge === 'late' ? '底' : '初'}`);
      else if (day) dates.push(`${i + 1}月${Number(day)}日`);
      else dates.push(`${i + 1}月`);
    }
  });
  const numbers = [
    ...(t.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).map(Number),
    // "three-star", "two-day": a number word in a compound describes, it gives no figure.
    ...(t.match(/\b[a-z]+\b(?!-)/g) ?? []).flatMap((w) => (w in NUMBER_WORDS ? [NUMBER_WORDS[w] as number] : [])),
  ];
  return { dates, numbers };
}

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
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(thousand|million|billion|万亿|万|亿)?/g)) {
    const scale = m[2] ? (SCALE_WORDS[m[2]] ?? BIG_UNITS[m[2]] ?? 1) : 1;
    out.push(Number(m[1]) * scale);
  }
  for (const m of findMentions(t)) {
    // Dates are compared by their digits; quantities also by their value (350多万斤 = 3,500,000).
    if (m.kind === 'date' || m.kind === 'score') continue;
    if (!/\d/.test(m.text) || m.value !== Number(m.text.match(/[\d.]+/)?.[0])) out.push(m.value);
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
