import { describe, expect, it } from 'vitest';
import { ChunkDays, dayNumber, daySpan } from '../../src/index/chunk-days.js';
import { KeywordIndex } from '../../src/index/keyword-index.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';

describe('issue dates as day spans', () => {
  it('keeps the precision given: a year, a month or a day', () => {
    expect(daySpan('2020-02-28')).toEqual([dayNumber('2020-02-28'), dayNumber('2020-02-28')]);
    expect(daySpan('2020-02')).toEqual([dayNumber('2020-02-01'), dayNumber('2020-02-29')]);
    expect(daySpan('2021')).toEqual([dayNumber('2021-01-01'), dayNumber('2021-12-31')]);
    expect(daySpan(undefined)).toBeUndefined();
    expect(daySpan('Feb 2020')).toBeUndefined();
  });

  it('restricts both searches to the chunks of issues in a date range; undated chunks never match', () => {
    const chunks = [{ date: '2020-02-20' }, { date: '2020-02' }, { date: '2021-03-01' }, {}];
    const days = new ChunkDays(chunks);
    const keyword = KeywordIndex.build(
      chunks.map(() => ['复工']),
      1.2,
      0.6,
    );
    const dated = new KeywordIndex(keyword.toJSON(), keyword.postings, days);
    const docs = (range?: { from: string; to: string }) =>
      dated
        .search(['复工'], 10, undefined, range)
        .map((h) => h.doc)
        .sort();
    expect(docs()).toEqual([0, 1, 2, 3]);
    expect(docs({ from: '2020-02-19', to: '2020-02-21' })).toEqual([0, 1]);
    expect(docs({ from: '2020-02-25', to: '2020-02-25' })).toEqual([1]);
    expect(docs({ from: '2021-01-01', to: '2021-12-31' })).toEqual([2]);
    expect(docs({ from: '2019-01-01', to: '2019-12-31' })).toEqual([]);
    const vectors = HnswVectorIndex.build(4, (i) => [1, i + 1, 0]).withDays(days);
    expect(
      vectors
        .search([1, 1, 0], 4)
        .map(([doc]) => doc)
        .sort(),
    ).toEqual([0, 1, 2, 3]);
    expect(
      vectors
        .search([1, 1, 0], 4, { from: '2020-02-01', to: '2020-02-29' })
        .map(([doc]) => doc)
        .sort(),
    ).toEqual([0, 1]);
  });
});
