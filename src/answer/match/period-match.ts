/**
 * How a text answers an asked period: by its own words, the sentence before it, its article's
 * headline and lead, or its issue's date. Comparison bases (较9月末), datelines (新华社北京9月4日电)
 * and starting points (今年以来) date no figure.
 */
import { daySpan } from '../../index/chunk-days.js';
import { type Day, findPeriods, type Period, parseIsoDate, periodDays, relate } from '../../text/dates.js';
import { normalize } from '../../text/normalize.js';
import { reportLag } from '../question/when.js';
import { CONTEXT_CREDIT, type Found } from './concept-match.js';

const PERIODS_CACHE = 10_000;
const periodsCache = new Map<string, Period[]>();

/** A period named as the base of a comparison (较9月末下降, 比8月底增加, 与2019年同期相比): it dates no figure. */
const COMPARED = /(较|比|相较于?|相比于?|与|同)$/;

/**
 * 新华社北京9月4日电, 记者27日从…获悉, 统计局4日发布: when the news was filed or announced, not what
 * period its figures are for.
 */
function isDateline(text: string, p: Period): boolean {
  const before = text.slice(Math.max(0, p.start - 12), p.start);
  const after = text.slice(p.end, p.end + 2);
  return (
    (/新华社\S{0,8}$/.test(before) && after.startsWith('电')) ||
    (/记者\s?$/.test(before) && /^(从|在|获悉|了解)/.test(after)) ||
    (/^\d{1,2}日$/.test(p.text) && /^(发布|公布|通报|宣布|披露)/.test(after))
  );
}

/**
 * The periods a text names, read against its issue's date, without starting points (今年以来,
 * 2月5日以来) or comparison bases (较9月末): they date no figure. Cached: the same sentences and
 * contexts come back question after question, and reading periods is most of scoring a dated question.
 */
function periodsOf(text: string, anchor?: Partial<Day>): Period[] {
  const key = `${anchor?.year ?? ''}-${anchor?.month ?? ''}-${anchor?.day ?? ''}|${text}`;
  let periods = periodsCache.get(key);
  if (!periods) {
    const found = findPeriods(text, anchor);
    periods = found.filter(
      (p) =>
        !/^\s*(以来|来)/.test(text.slice(p.end, p.end + 3)) &&
        !COMPARED.test(text.slice(0, p.start)) &&
        !isDateline(text, p) &&
        // 今年一季度: the year only places the quarter; it is no period of its own.
        !(!p.months && found.some((q) => q.start === p.end && q.months)),
    );
    if (periodsCache.size >= PERIODS_CACHE) periodsCache.delete(periodsCache.keys().next().value as string);
    periodsCache.set(key, periods);
  }
  return periods;
}

/** How many months a period runs, when it names months. */
const spanOf = (p: Period) => (p.months ? p.months[1] - p.months[0] : undefined);

/** True when both name runs of months, and not the same run. */
function otherMonths(stated: Period, asked: Period): boolean {
  const [s0, s1] = stated.months ?? [];
  const [a0, a1] = asked.months ?? [];
  if (s0 === undefined || s1 === undefined || a0 === undefined || a1 === undefined) return false;
  return s0 !== a0 || s1 !== a1;
}

/** The best period of a text against an asked one: the same period, or `conflict` when it names only others. */
function matchPeriod(asked: Period, text: string, anchor?: Partial<Day>): Found | 'conflict' | undefined {
  let conflict = false;
  let rival = false;
  let partial: Found | undefined;
  for (const p of periodsOf(text, anchor)) {
    const r = relate(asked, p);
    if (r === 'same') return { quality: 1, at: p.start, length: p.end - p.start };
    // 2月 within an asked 一季度, or 1至3月 for an asked 3月: another run of months is another figure.
    if (r === 'overlap' && otherMonths(p, asked)) {
      conflict = true;
      continue;
    }
    if (r === 'overlap') partial ??= { quality: 0.3, at: p.start, length: p.end - p.start };
    else if (r === 'conflict') {
      conflict = true;
      // 今年一季度 for an asked second quarter: the year around both, or the day the news came, rescues nothing.
      rival ||= spanOf(p) !== undefined && spanOf(p) === spanOf(asked);
    }
  }
  if (rival) return 'conflict';
  return partial ?? (conflict ? 'conflict' : undefined);
}

/** True when a text (a figure's clause) names periods, and only others than the asked one (其中第三季度…). */
export function clashes(asked: Period, text: string, issueDate: string | undefined): boolean {
  return matchPeriod(asked, normalize(text), parseIsoDate(issueDate)) === 'conflict';
}

/**
 * For a sentence that names no period: whether its issue can report on the asked one. A yearless
 * asked period (3月) is read in the issue's year, or the year before when that month is still to come.
 */
function issueQuality(asked: Period, issueDate: string | undefined): number {
  const issue = daySpan(issueDate);
  if (!issue) return asked.year === undefined ? 0.6 : 0;
  const parts = parseIsoDate(issueDate);
  const month = asked.months?.[0];
  const year =
    asked.year ??
    (parts?.year !== undefined && month && parts.month && month > parts.month + 1 ? parts.year - 1 : parts?.year);
  const days = periodDays(asked, year);
  if (!days) return 0.6;
  // An issue of the period itself tells of it best; one soon after may still report on it.
  if (issue[0] <= days[1] && issue[1] >= days[0]) return 0.7;
  return issue[0] <= days[1] + reportLag(asked) && issue[1] >= days[0] ? 0.6 : 0;
}

/**
 * How a sentence answers an asked period: by its own words, by the sentence before it, by the
 * headline or the article's earlier text, or by its issue's date; -1 when it speaks of another period.
 * A question asking for a date (什么时候) finds it in the sentence: that date is the answer, not a conflict.
 */
export function periodQuality(
  asked: Period,
  norm: string,
  around: { previous: string; wider: string; head: string },
  issueDate: string | undefined,
  asksDate: boolean,
): Found | -1 {
  const anchor = parseIsoDate(issueDate);
  const own = matchPeriod(asked, norm, anchor);
  if (own === 'conflict' && !asksDate) return -1;
  if (own && own !== 'conflict' && own.quality === 1) return own;
  // A part of the period (the year of an asked month) leaves the rest to the context.
  let best: Found = own && own !== 'conflict' ? own : { quality: 0, at: -1, length: 0 };
  const better = (f: Found) => {
    if (f.quality > best.quality) best = f;
  };
  const previous = matchPeriod(asked, around.previous, anchor);
  if (previous === 'conflict' && !asksDate && !own) return -1;
  if (previous && previous !== 'conflict')
    better({ quality: previous.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 });
  // The headline or an earlier paragraph may name the period; another period named there decides nothing.
  const wider = matchPeriod(asked, around.wider, anchor);
  if (wider && wider !== 'conflict') better({ quality: wider.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 });
  // An article whose headline or lead names only another period (1至2月) is not about the asked one,
  // whatever its issue's date.
  const about = wider === 'conflict' && matchPeriod(asked, around.head, anchor) === 'conflict';
  if (best.quality < 0.5 && !about) better({ quality: issueQuality(asked, issueDate), at: -1, length: 0 });
  return best;
}
