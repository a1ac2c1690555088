/**
 * Time expressions as periods: 2023年1月, 一季度, 上半年, 1至2月, 3月13日, 去年12月, 昨天, "in March
 * 2021", "last week". Relative ones are read against an anchor day (an issue's date, or the newest
 * issue's). Two periods can then be compared: the same, or in conflict (a 2022 figure does not answer
 * a question about 2023; a January figure does not answer one about the first quarter).
 */
import { MONTHS, parseNumber } from './figures.js';
import { normalize } from './normalize.js';

/** A day as year, month (1–12) and day. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** A period named in a text, with its offsets. Unknown parts are left out. */
export interface Period {
  start: number;
  end: number;
  text: string;
  year?: number;
  /** First and last month (1–12). */
  months?: [number, number];
  /** Day of the month, for a single day or the first day of a run of days. */
  day?: number;
  /** Last day of a run of days starting at `day` (上周: 31 January to 6 February 2022). */
  through?: Day;
  /** The expression was relative (昨天, 去年, latest) and resolved against the anchor. */
  relative?: boolean;
}

const num = (s: string | undefined) => (s === undefined ? undefined : parseNumber(s));

/** Parses `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) into its parts. */
export function parseIsoDate(iso: string | undefined): Partial<Day> | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), ...(m[2] ? { month: Number(m[2]) } : {}), ...(m[3] ? { day: Number(m[3]) } : {}) };
}

function shiftDay(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

type Found = Omit<Period, 'start' | 'end' | 'text'>;
/** Reads a match; `anchor` places absolute yearless expressions, `now` resolves relative ones. */
type Reader = (m: RegExpExecArray, anchor?: Partial<Day>, now?: Partial<Day>) => Found | undefined;

const Q = '([一二三四1-4])';
const ZH: Array<[RegExp, Reader]> = [
  [/(今年|本年|去年|上年|前年|明年)(?:(\d{1,2})月)?/g, (m, _, now) => relYear(m, now)],
  [/(\d{4})年(\d{1,2})月(\d{1,2})[日号]/g, (m) => ({ year: num(m[1]), months: mm(m[2]), day: num(m[3]) })],
  [/(\d{4})[-./](\d{1,2})[-./](\d{1,2})/g, (m) => ({ year: num(m[1]), months: mm(m[2]), day: num(m[3]) })],
  [
    /(\d{4})年(\d{1,2})(?:月?[至到\-—~～])(\d{1,2})月/g,
    (m) => ({ year: num(m[1]), months: [num(m[2]) ?? 1, num(m[3]) ?? 12] }),
  ],
  [
    /(\d{1,2})(?:月?[至到\-—~～])(\d{1,2})月(?!\d{1,2}[日号])/g,
    (m, a) => ({ ...yearOf(a), months: [num(m[1]) ?? 1, num(m[2]) ?? 12] }),
  ],
  // 前三季度 before 三季度: the longer expression first.
  [/(\d{4})年(上半年|下半年|前三季度)/g, (m) => ({ year: num(m[1]), months: half(m[2]) })],
  [/上半年|下半年|前三季度/g, (m, a) => ({ ...yearOf(a), months: half(m[0]) })],
  [new RegExp(`(\\d{4})年(?:第)?${Q}季度`, 'g'), (m) => ({ year: num(m[1]), months: quarter(m[2]) })],
  [new RegExp(`(?<!哪)(?:第)?${Q}季度`, 'g'), (m, a) => ({ ...yearOf(a), months: quarter(m[1]) })],
  [/(\d{4})年(\d{1,2})月(?:份|初|底|末|中旬|上旬|下旬)?/g, (m) => ({ year: num(m[1]), months: mm(m[2]) })],
  [/(\d{4})年(?:底|末)/g, (m) => ({ year: num(m[1]), months: [12, 12] })],
  [/(\d{4})年/g, (m) => ({ year: num(m[1]) })],
  [/(\d{1,2})月(\d{1,2})[日号]/g, (m, a) => ({ ...monthYear(a, num(m[1])), months: mm(m[1]), day: num(m[2]) })],
  [
    /(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份|底|初|末|中旬|上旬|下旬)?/g,
    (m, a) => ({ ...monthYear(a, num(m[1])), months: mm(m[1]) }),
  ],
  // 截至本月25日: a day of the month the issue is in (or the one before). (当月 is the month just named:
  // 1月份交付数据，当月共交付…, not the issue's.)
  [
    /(本月|上月|上个月)(\d{1,2})[日号]/g,
    (m, _, now) => {
      const month = relMonth(m[1] ?? '', now);
      return month ? { ...month, day: num(m[2]) } : undefined;
    },
  ],
  [/(本月|这个月|上月|上个月)/g, (m, _, now) => relMonth(m[1] ?? '', now)],
  [/(今天|今日|昨天|昨日|前天|明天)/g, (m, _, now) => relDay(m[1] ?? '', now)],
  [/(本周|这周|这个星期|本星期|上周|上星期|上个星期|上礼拜)/g, (m, _, now) => relWeek(m[1] ?? '', now)],
  [
    /(?<![\d.月])(\d{1,2})[日号](?!电)/g,
    (m, a) => (a?.month ? { ...yearOf(a), months: [a.month, a.month], day: num(m[1]) } : { day: num(m[1]) }),
  ],
];

function mm(s: string | undefined): [number, number] | undefined {
  const n = num(s);
  return n && n >= 1 && n <= 12 ? [n, n] : undefined;
}

function quarter(s: string | undefined): [number, number] {
  const q = num(s) ?? 1;
  return [q * 3 - 2, q * 3];
}

function half(s: string | undefined): [number, number] {
  return s === '上半年' ? [1, 6] : s === '下半年' ? [7, 12] : [1, 9];
}

const yearOf = (a?: Partial<Day>) => (a?.year ? { year: a.year } : {});

/** A month without a year belongs to the anchor's year, or the year before if it is later than the anchor. */
function monthYear(a: Partial<Day> | undefined, month: number | undefined): { year?: number } {
  if (!a?.year || !month) return {};
  return { year: a.month && month > a.month + 1 ? a.year - 1 : a.year };
}

function relYear(m: RegExpExecArray, a?: Partial<Day>): Found | undefined {
  if (!a?.year) return undefined;
  const shift = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 明年: 1 }[m[1] as '今年'] ?? 0;
  const months = mm(m[2]);
  return { year: a.year + shift, ...(months ? { months } : {}), relative: true };
}

function relMonth(word: string, a?: Partial<Day>): Found | undefined {
  if (!a?.year || !a.month) return undefined;
  const back = word.startsWith('上') ? 1 : 0;
  const month = ((a.month - 1 - back + 12) % 12) + 1;
  return { year: a.month - back < 1 ? a.year - 1 : a.year, months: [month, month], relative: true };
}

function relDay(word: string, a?: Partial<Day>): Found | undefined {
  if (!a?.year || !a.month || !a.day) return undefined;
  const shift = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1 }[word as '今天'] ?? 0;
  const d = shiftDay(a as Day, shift);
  return { year: d.year, months: [d.month, d.month], day: d.day, relative: true };
}

/** A calendar week, Monday to Sunday: this one (本周) or the one before (上周). */
function relWeek(word: string, a?: Partial<Day>): Found | undefined {
  if (!a?.year || !a.month || !a.day) return undefined;
  const weekday = (new Date(Date.UTC(a.year, a.month - 1, a.day)).getUTCDay() + 6) % 7;
  const back = word.startsWith('上') ? 7 : 0;
  const first = shiftDay(a as Day, -weekday - back);
  const last = shiftDay(first, 6);
  return { year: first.year, months: [first.month, first.month], day: first.day, through: last, relative: true };
}

/** How {@link findPeriods} reads yearless and relative expressions. */
export interface PeriodOptions {
  /**
   * Leave a month or day without a year (3月13日) yearless instead of placing it in the anchor's
   * year: in a question, "March" may be any March the archive holds. Relative words still resolve.
   */
  yearless?: boolean;
}

/**
 * The periods a Chinese text names, longest expressions first; relative ones resolved against `anchor`.
 *
 * @example
 * findPeriods('2023年一季度') // [{ year: 2023, months: [1, 3], … }]
 * findPeriods('去年12月', { year: 2022, month: 3, day: 1 }) // [{ year: 2021, months: [12, 12], relative: true, … }]
 */
export function findPeriods(raw: string, anchor?: Partial<Day>, options: PeriodOptions = {}): Period[] {
  const absolute = options.yearless ? undefined : anchor;
  const text = normalize(raw);
  const taken = new Uint8Array(text.length);
  const out: Period[] = [];
  for (const [re, read] of ZH) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some(Boolean)) continue;
      const p = read(m, absolute, anchor);
      if (!p) continue;
      out.push({ start, end, text: raw.slice(start, end), ...p });
      taken.fill(1, start, end);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const EN_RELATIVE: Array<[RegExp, (a: Partial<Day>) => Found | undefined]> = [
  [/\bthis year\b/, (a) => (a.year ? { year: a.year, relative: true } : undefined)],
  [/\blast year\b/, (a) => (a.year ? { year: a.year - 1, relative: true } : undefined)],
  [/\btoday\b/, (a) => relDay('今天', a)],
  [/\byesterday\b/, (a) => relDay('昨天', a)],
  [/\bthis week\b/, (a) => relWeek('本周', a)],
  [/\blast week\b/, (a) => relWeek('上周', a)],
  [/\bthis month\b/, (a) => relMonth('本月', a)],
  [/\blast month\b/, (a) => relMonth('上月', a)],
];

/** English counts of months or quarters, one to twelve. */
const COUNT_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');

/** The periods an English text names: "in March 2021", "on March 13", "Q1 2023", "first half of 2023", "last year". */
export function findEnglishPeriods(text: string, now?: Partial<Day>, options: PeriodOptions = {}): Period[] {
  const anchor = options.yearless ? undefined : now;
  const t = text.toLowerCase();
  const out: Period[] = [];
  const push = (m: RegExpMatchArray, p: Omit<Period, 'start' | 'end' | 'text'> | undefined) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (p && !out.some((x) => start < x.end && end > x.start)) out.push({ start, end, text: m[0], ...p });
  };
  const monthRe = MONTHS.map((x) => x.toLowerCase()).join('|');
  // January-August 2024, January to August, Jan–Aug: a run of months.
  for (const m of t.matchAll(
    new RegExp(`\\b(${monthRe})\\s*(?:-|–|—|to|through)\\s*(${monthRe})\\b(?:,?\\s+(\\d{4}))?`, 'g'),
  )) {
    const from = MONTHS.findIndex((x) => x.toLowerCase() === m[1]) + 1;
    const to = MONTHS.findIndex((x) => x.toLowerCase() === m[2]) + 1;
    if (from < to) push(m, { ...(m[3] ? { year: Number(m[3]) } : yearOf(anchor)), months: [from, to] });
  }
  for (const m of t.matchAll(
    new RegExp(`\\b(${monthRe})\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, 'g'),
  )) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m[1]) + 1;
    push(m, {
      ...(m[3] ? { year: Number(m[3]) } : monthYear(anchor, month)),
      months: [month, month],
      day: Number(m[2]),
    });
  }
  for (const m of t.matchAll(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthRe})(?:,?\\s+(\\d{4}))?`, 'g'),
  )) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m[2]) + 1;
    push(m, {
      ...(m[3] ? { year: Number(m[3]) } : monthYear(anchor, month)),
      months: [month, month],
      day: Number(m[1]),
    });
  }
  for (const m of t.matchAll(
    new RegExp(`\\b(?:in|during|for|of|by)\\s+(${monthRe})(?:\\s+(\\d{4}))?\\b(?!\\s+\\d)`, 'g'),
  )) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m[1]) + 1;
    push(m, { ...(m[2] ? { year: Number(m[2]) } : monthYear(anchor, month)), months: [month, month] });
  }
  for (const m of t.matchAll(/\b(?:q([1-4])|(first|second|third|fourth) quarter)(?: of)?(?:\s+(\d{4}))?/g)) {
    const q = m[1] ? Number(m[1]) : ['first', 'second', 'third', 'fourth'].indexOf(m[2] ?? '') + 1;
    push(m, { ...(m[3] ? { year: Number(m[3]) } : yearOf(anchor)), months: [q * 3 - 2, q * 3] });
  }
  // The first eight months, the first three quarters (of 2024): 1至8月, 前三季度.
  for (const m of t.matchAll(/\bfirst (\w+) (months|quarters)(?: of)?(?:\s+(\d{4}))?/g)) {
    const n = COUNT_WORDS.indexOf(m[1] ?? '') + 1 || Number(m[1]);
    const months = m[2] === 'quarters' ? n * 3 : n;
    if (months >= 2 && months <= 12)
      push(m, { ...(m[3] ? { year: Number(m[3]) } : yearOf(anchor)), months: [1, months] });
  }
  for (const m of t.matchAll(/\b(?:(first|second) half|h([12]))(?: of)?(?:\s+(\d{4}))?/g)) {
    const first = m[1] === 'first' || m[2] === '1';
    push(m, { ...(m[3] ? { year: Number(m[3]) } : yearOf(anchor)), months: first ? [1, 6] : [7, 12] });
  }
  for (const [re, read] of EN_RELATIVE)
    for (const m of t.matchAll(new RegExp(re, 'g'))) push(m, now ? read(now) : undefined);
  for (const m of t.matchAll(/\b(?:in|of|for|during|since)?\s*((?:19|20)\d{2})\b/g)) {
    const start = (m.index ?? 0) + m[0].length - 4;
    if (out.some((p) => start >= p.start && start < p.end)) continue;
    out.push({ start, end: start + 4, text: m[1] ?? '', year: Number(m[1]) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** How a stated period relates to an asked one; `unrelated` when they state nothing in common (a year against a day). */
export type PeriodRelation = 'same' | 'overlap' | 'conflict' | 'unrelated';

/**
 * Compares an asked period with a stated one: `same` when they agree on everything both state,
 * `conflict` when they name different years, months or days, `overlap` when one is part of the other
 * (a January figure against a question about the first quarter).
 */
export function relate(asked: Period, stated: Period): PeriodRelation {
  if (asked.through || stated.through) return relateDays(asked, stated);
  let compared = false;
  if (asked.year !== undefined && stated.year !== undefined) {
    if (asked.year !== stated.year) return 'conflict';
    compared = true;
  }
  // A whole year's figure does not answer for one of its months.
  if (asked.months && !stated.months && stated.day === undefined && compared) return 'overlap';
  if (asked.months && stated.months) {
    const [a0, a1] = asked.months;
    const [s0, s1] = stated.months;
    if (a1 < s0 || s1 < a0) return 'conflict';
    if (a0 !== s0 || a1 !== s1) return 'overlap';
    compared = true;
  }
  if (asked.day !== undefined && stated.day !== undefined) {
    if (asked.day !== stated.day) return 'conflict';
    compared = true;
  }
  // Nor a month's for one of its days.
  if (asked.day !== undefined && stated.day === undefined && stated.months && compared) return 'overlap';
  if (asked.months && !stated.months && stated.day !== undefined) return 'unrelated';
  return compared ? 'same' : 'unrelated';
}

const DAY_MS = 86_400_000;
const dayNo = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

/**
 * The first and last day (days since 1970-01-01) of a period; a period without a year takes `year`.
 * Undefined when no year is known, or for a bare day of an unknown month.
 *
 * @example
 * periodDays({ start: 0, end: 3, text: '3月', months: [3, 3] }, 2021) // 1 to 31 March 2021
 */
export function periodDays(p: Period, year = p.year): [number, number] | undefined {
  const y = p.year ?? year;
  if (y === undefined) return undefined;
  const [m0, m1] = p.months ?? [1, 12];
  if (p.through) return [dayNo(y, m0, p.day ?? 1), dayNo(p.through.year, p.through.month, p.through.day)];
  if (p.day !== undefined) return p.months ? [dayNo(y, m0, p.day), dayNo(y, m0, p.day)] : undefined;
  return [dayNo(y, m0, 1), dayNo(y, m1 + 1, 0)];
}

/** {@link relate} for runs of days (上周): compares the days each period covers. */
function relateDays(asked: Period, stated: Period): PeriodRelation {
  // Yearless on both sides: compare within one (leap) year.
  const year = asked.year ?? stated.year ?? 2000;
  const a = periodDays(asked, year);
  const s = periodDays(stated, year);
  if (!a || !s) return 'unrelated';
  if (s[1] < a[0] || a[1] < s[0]) return 'conflict';
  return s[0] >= a[0] && s[1] <= a[1] ? 'same' : 'overlap';
}
