/**
 * The time a question asks about: the periods it names (2021年3月, 去年12月, "last week"), relative
 * words read against the newest issue of the archive, whether it compares two times or asks for the
 * latest, and which issues can report on it.
 */
import type { Lang } from '../../core/types.js';
import { daySpan, isoDay } from '../../index/chunk-days.js';
import type { DateRange } from '../../index/loaded-index.js';
import { findEnglishPeriods, findPeriods, type Period, parseIsoDate, periodDays } from '../../text/dates.js';

/** What a question says about time. */
export interface AskedTime {
  /** The periods the question names; yearless ones (3月13日) stay yearless unless an earlier one gives the year. */
  periods: Period[];
  /** Two or more periods: the question compares them (从2021年到2022年, 与去年相比). */
  compare: boolean;
  /** The question wants the newest figure (最新, 最近, 目前, latest, now). */
  latest: boolean;
  /** The issues that can report on the named time, when it has a year; reports come during or after it. */
  window?: DateRange;
  /** The question names an issue (今天的报纸, 最新一期, "today's paper"): only that issue answers. */
  issue?: DateRange;
}

/** A day word naming the paper rather than the news: 今天的报纸, 昨天报道, 最新一期, "today's paper". */
const ISSUE_ZH =
  /(今天|今日|昨天|昨日|前天|最新一期|最近一期|这一期|这期|本期)(?:的)?(报纸|报道|新闻|公报|日报|报上|报|一期)?/;
const ISSUE_EN =
  /\b(today|yesterday)'s (paper|issue|bulletin|news|edition)|\b(latest|newest|this|current) (issue|edition)\b/i;

const LATEST_ZH = /最新|最近|近期|近来|目前|现在|当前|如今|眼下|至今|截至目前|迄今/;
const LATEST_EN = /\b(latest|newest|most recent|recent(ly)?|now|currently|current|so far|to date|as of today)\b/i;

/**
 * How long after a period its figures are still reported: a day's news within two weeks, a month's
 * statistics within the next two months, a year's within the spring after (statistical communiqués).
 */
export function reportLag(p: Period): number {
  if (p.day !== undefined) return 14;
  if (p.months) return 62;
  return 150;
}

/** The days an issue may report on a period from: the period itself and its reporting lag after. */
function reportDays(p: Period, year?: number): [number, number] | undefined {
  const days = periodDays(p, year);
  return days && [days[0], days[1] + reportLag(p)];
}

/**
 * Reads the time in a question. `newest` is the newest issue's date: 今天 is that day, 上周 the week
 * before it, 去年 the year before its year.
 *
 * @example
 * askedTime('去年滨江市GDP是多少?', 'zh', '2022-02-08').periods[0] // { year: 2021, relative: true, … }
 * askedTime('2020年5月青菜多少钱?', 'zh').window // { from: '2020-05-01', to: '2020-08-01' }
 */
export function askedTime(text: string, lang: Lang, newest?: string): AskedTime {
  // A month-only newest issue has no day for 今天 to be.
  const now = parseIsoDate(newest);
  const found =
    lang === 'zh' ? findPeriods(text, now, { yearless: true }) : findEnglishPeriods(text, now, { yearless: true });
  const issue = issueNamed(text, lang, found, newest);
  // 从2021年3月初到4月中旬: the second period is in the first one's year.
  const stated = found
    .filter((p) => !issue || p !== issue.period)
    .map((p, i, all) => {
      const before = all[i - 1];
      return p.year === undefined && before?.year !== undefined && (p.months || p.day)
        ? { ...p, year: before.year }
        : p;
    });
  const periods = withinYear(stated, text);
  const latest = (lang === 'zh' ? LATEST_ZH : LATEST_EN).test(text);
  const compare = periods.length >= 2;
  let window: DateRange | undefined;
  const spans = periods.map((p) => reportDays(p));
  if (spans.length && spans.every(Boolean)) {
    const from = Math.min(...spans.map((s) => s?.[0] ?? Infinity));
    const to = Math.max(...spans.map((s) => s?.[1] ?? -Infinity));
    window = { from: isoDay(from), to: isoDay(to) };
  }
  return {
    periods,
    compare,
    latest,
    ...(window ? { window } : {}),
    ...(issue ? { issue: issue.range } : {}),
  };
}

/**
 * The periods with a year and the part of it right after (今年一季度, 2023年 5月) read as one: they
 * name one time, not two to compare.
 */
function withinYear(periods: Period[], text: string): Period[] {
  const out: Period[] = [];
  for (const p of periods) {
    const prev = out.at(-1);
    const yearOnly = prev && prev.year !== undefined && !prev.months && prev.day === undefined;
    if (yearOnly && (p.months || p.day !== undefined) && /^[\s的]*$/.test(text.slice(prev.end, p.start))) {
      out[out.length - 1] = { ...p, year: prev.year, start: prev.start, text: text.slice(prev.start, p.end) };
    } else out.push(p);
  }
  return out;
}

/** The issue a question names, as a range of days, and the period word that named it. */
function issueNamed(
  text: string,
  lang: Lang,
  periods: Period[],
  newest: string | undefined,
): { range: DateRange; period?: Period } | undefined {
  const m = (lang === 'zh' ? ISSUE_ZH : ISSUE_EN).exec(text);
  const span = daySpan(newest);
  if (!m || !span) return undefined;
  // A bare 今天 is news of today; 今天的报纸 is the paper.
  if (lang === 'zh' && /^(今天|今日|昨天|昨日|前天)/.test(m[0]) && !m[2]) return undefined;
  const period = periods.find((p) => p.start <= m.index && p.end > m.index);
  const days = period ? periodDays(period) : undefined;
  const [from, to] = days ?? span;
  return { range: { from: isoDay(from), to: isoDay(to) }, ...(period ? { period } : {}) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A resolved period as ISO dates at its own precision, first and last: 去年 → ['2021', '2021'],
 * 上周 → ['2022-01-31', '2022-02-06'], 上个月 → ['2022-01', '2022-01']. Undefined without a year.
 */
export function periodBounds(p: Period): [string, string] | undefined {
  if (p.year === undefined) return undefined;
  const [m0, m1] = p.months ?? [0, 0];
  if (p.through) {
    const t = p.through;
    return [`${p.year}-${pad(m0)}-${pad(p.day ?? 1)}`, `${t.year}-${pad(t.month)}-${pad(t.day)}`];
  }
  if (p.day !== undefined && p.months) {
    const day = `${p.year}-${pad(m0)}-${pad(p.day)}`;
    return [day, day];
  }
  if (p.months) return [`${p.year}-${pad(m0)}`, `${p.year}-${pad(m1)}`];
  return [String(p.year), String(p.year)];
}
