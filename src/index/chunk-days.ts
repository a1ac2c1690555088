/**
 * Each chunk's issue date as a span of day numbers, kept in one typed array so that a date range
 * can filter both searches without touching the chunks themselves.
 */
import type { Chunk } from '../core/types.js';
import type { DateRange } from './loaded-index.js';

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of a `YYYY-MM-DD` date. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * The first and last day an issue date stands for, at its precision: `2020` is the whole year,
 * `2020-02` the whole month, `2020-02-28` one day. Undefined for anything else.
 *
 * @example
 * daySpan('2020-02') // [18293, 18321] (1 to 29 February 2020)
 */
export function daySpan(date: string | undefined): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) return [dayNumber(`${m[1]}-${m[2]}-${m[3]}`), dayNumber(`${m[1]}-${m[2]}-${m[3]}`)];
  if (m[2]) {
    const month = Number(m[2]);
    return [Date.UTC(year, month - 1, 1) / DAY_MS, Date.UTC(year, month, 0) / DAY_MS];
  }
  return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
}

/** The `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The days an issue date stands for, as a {@link DateRange}: `2020-02` → 1 to 29 February 2020.
 *
 * @example
 * rangeOf('2020-02') // { from: '2020-02-01', to: '2020-02-29' }
 */
export function rangeOf(date: string | undefined): DateRange | undefined {
  const span = daySpan(date);
  return span && { from: isoDay(span[0]), to: isoDay(span[1]) };
}

/** Chunk issue dates as day spans; an undated chunk never matches a range. */
export class ChunkDays {
  private readonly spans: Int32Array;

  /** From the chunks themselves, or from day spans already computed (start, end per chunk; -1 undated). */
  constructor(chunks: ReadonlyArray<Pick<Chunk, 'date'>> | Int32Array) {
    if (chunks instanceof Int32Array) {
      this.spans = chunks;
      return;
    }
    this.spans = new Int32Array(chunks.length * 2).fill(-1);
    chunks.forEach((c, i) => {
      const span = daySpan(c.date);
      if (!span) return;
      this.spans[i * 2] = span[0];
      this.spans[i * 2 + 1] = span[1];
    });
  }

  /** A test of whether a chunk's issue date overlaps `range`. */
  matcher(range: DateRange): (doc: number) => boolean {
    const from = dayNumber(range.from);
    const to = dayNumber(range.to);
    return (doc) => {
      const start = this.spans[doc * 2] ?? -1;
      return start >= 0 && start <= to && (this.spans[doc * 2 + 1] ?? -1) >= from;
    };
  }
}
