/**
 * An issue's date, from the first place that gives one: the front matter (`date: 2020-02-28`), a
 * date line in the page banner (`2020年2月28日 星期五`), or the file's path (`2020/02/28/a1.txt`,
 * `2020-02-28.txt`, `20200228-A1.txt`). Precision is kept as given: `2020-02` stays a month.
 */

import type { DateOrigin } from '../core/types.js';

/** An issue date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and where it came from, or why there is none. */
export interface IssueDate {
  date?: string;
  origin?: DateOrigin;
  /** Said to the operator at ingest: an unreadable or future date. The file is indexed all the same. */
  warning?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date at the precision given, or undefined when it is no real date (2020-02-30). */
function isoOf(year: number, month?: number, day?: number): string | undefined {
  if (year < 1900 || year > 2199) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/**
 * Reads a written date as ISO at its own precision: `2020-2-8`, `2020/02/08`, `2020.02.08`,
 * `2020年2月8日`, `20200208`, `2020-02`, `2020年2月`, `2020`. Undefined for anything else.
 *
 * @example
 * readDate('2020年2月28日') // '2020-02-28'
 * readDate('2020-02')      // '2020-02'
 */
export function readDate(text: string): string | undefined {
  const t = text.trim().normalize('NFKC');
  const full =
    /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (full) return isoOf(Number(full[1]), num(full[2]), num(full[3]));
  const month = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(t);
  if (month) return isoOf(Number(month[1]), num(month[2]));
  const year = /^(\d{4})\s*年?$/.exec(t);
  return year ? isoOf(Number(year[1])) : undefined;
}

/** A banner's date line: `2020年2月28日 星期五`, `2020年2月28日　农历正月初六　星期五`. */
const BANNER_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?=[\s\u3000]|星期|周|$)/;

/** The date of a banner line, when it is one. */
export function bannerDate(line: string): string | undefined {
  const m = BANNER_DATE.exec(line.trim().normalize('NFKC'));
  return m ? isoOf(Number(m[1]), num(m[2]), num(m[3])) : undefined;
}

/** Dates in a path, most precise first: folders `2020/02/28/`, names `2020-02-28`, `20200228-A1`, `2020-02`. */
const PATH_DATES: RegExp[] = [
  /(?:^|\/)(\d{4})\/(\d{1,2})\/(\d{1,2})(?=\/)/,
  /(?:^|[^\d])(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/,
  /(?:^|[^\d])(\d{4})(\d{2})(\d{2})(?!\d)/,
  /(?:^|\/)(\d{4})\/(\d{1,2})(?=\/)/,
  /(?:^|[^\d])(\d{4})[-_.](\d{2})(?![-_.]?\d)/,
];

/**
 * The issue date a corpus path gives, or undefined.
 *
 * @example
 * pathDate('2020/02/28/a1.txt')      // '2020-02-28'
 * pathDate('20200228-A1.txt')        // '2020-02-28'
 * pathDate('nantong-bulletin-2020-02.txt') // '2020-02'
 */
export function pathDate(path: string): string | undefined {
  for (const re of PATH_DATES) {
    const m = re.exec(path);
    const iso = m ? isoOf(Number(m[1]), num(m[2]), num(m[3])) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

/** A day's grace: an issue is often filed the evening before its date, and the paper's day starts hours before UTC's. */
function tomorrow(today: Date): string {
  return new Date(today.getTime() + 86_400_000).toISOString();
}

/** What the parser found in a file that may give its date. */
export interface DateClues {
  /** The front matter's `date:` value, as written. */
  frontMatter?: string;
  /** The first banner date line's date. */
  banner?: string | undefined;
  /** The file's path relative to the corpus folder. */
  path: string;
}

/**
 * The issue date of a file: front matter, then banner, then path. A date that cannot be read, or
 * one later than `today`, comes with a warning; a file without any date is indexed as "date unknown".
 *
 * @example
 * issueDate({ frontMatter: '2020-02', path: 'x.txt' }) // { date: '2020-02', origin: 'front-matter' }
 * issueDate({ path: 'notes.txt' }).warning // 'date unknown: …'
 */
export function issueDate(clues: DateClues, today = new Date()): IssueDate {
  const notes: string[] = [];
  let found: IssueDate = {};
  if (clues.frontMatter !== undefined) {
    const date = readDate(clues.frontMatter);
    if (date) found = { date, origin: 'front-matter' };
    else notes.push(`front matter date "${clues.frontMatter.slice(0, 40)}" cannot be read (write it as 2020-02-28)`);
  }
  if (!found.date && clues.banner) found = { date: clues.banner, origin: 'banner' };
  if (!found.date) {
    const date = pathDate(clues.path);
    if (date) found = { date, origin: 'path' };
  }
  if (!found.date) {
    notes.push('date unknown: no front matter date, banner date line or date in the file name');
  } else if (found.date > tomorrow(today).slice(0, found.date.length)) {
    notes.push(`issue date ${found.date} is in the future`);
  }
  return notes.length ? { ...found, warning: notes.join('; ') } : found;
}
