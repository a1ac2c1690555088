import { describe, expect, it } from 'vitest';
import { findEnglishPeriods, findPeriods, periodDays, relate } from '../../src/text/dates.js';

const ISSUE = { year: 2022, month: 2, day: 8 }; // a Tuesday
const one = (text: string, anchor?: Parameters<typeof findPeriods>[1], yearless = false) => {
  const [p] = findPeriods(text, anchor, { yearless });
  if (!p) throw new Error(`no period in ${text}`);
  return p;
};

describe('time expressions', () => {
  it('reads a day of this month (截至本月25日) against the issue', () => {
    expect(findPeriods('截至本月25日,全市各级慈善组织', { year: 2020, month: 2 })[0]).toMatchObject({
      year: 2020,
      months: [2, 2],
      day: 25,
    });
  });

  it('reads no quarter in the question word 哪一季度', () => {
    expect(findPeriods('要求哪一季度实现开门红', { year: 2020, month: 2 })).toEqual([]);
  });

  it('reads 当月 as the month just named, not as the issue month', () => {
    expect(findPeriods('当月共交付新车3.62万辆', { year: 2023, month: 2 })).toEqual([]);
    expect(findPeriods('本月共交付新车3.62万辆', { year: 2023, month: 2 })[0]).toMatchObject({ months: [2, 2] });
  });

  it('reads 前三季度 as the first nine months, not the third quarter', () => {
    expect(findPeriods('岚航前三季度净利润多少', { year: 2024 }).map((p) => p.months)).toEqual([[1, 9]]);
    expect(findPeriods('其中第三季度净利润', { year: 2024 }).map((p) => p.months)).toEqual([[7, 9]]);
  });

  it('reads absolute periods, placing yearless ones in the anchor year unless asked not to', () => {
    expect(one('2021年3月22日')).toMatchObject({ year: 2021, months: [3, 3], day: 22 });
    expect(one('2021年3月初')).toMatchObject({ year: 2021, months: [3, 3] });
    expect(one('2021年一季度')).toMatchObject({ year: 2021, months: [1, 3] });
    expect(one('3月13日', ISSUE)).toMatchObject({ year: 2022, months: [3, 3], day: 13 });
    expect(one('3月13日', ISSUE, true).year).toBeUndefined();
  });

  it('resolves relative words against the anchor, even when yearless', () => {
    expect(one('去年12月', ISSUE, true)).toMatchObject({ year: 2021, months: [12, 12], relative: true });
    expect(one('昨天', ISSUE, true)).toMatchObject({ year: 2022, months: [2, 2], day: 7 });
    expect(one('上个月', ISSUE, true)).toMatchObject({ year: 2022, months: [1, 1] });
    // The week before the anchor's, Monday to Sunday, across a month's end.
    expect(one('上周', ISSUE, true)).toMatchObject({
      year: 2022,
      months: [1, 1],
      day: 31,
      through: { month: 2, day: 6 },
    });
    expect(one('本周', ISSUE, true)).toMatchObject({ day: 7, through: { day: 13 } });
    // No day to count from: a month-only anchor leaves 今天 unresolved.
    expect(findPeriods('今天', { year: 2020, month: 2 })).toEqual([]);
  });

  it('reads English periods, relative ones included', () => {
    const [march] = findEnglishPeriods('How many in March 2021?');
    expect(march).toMatchObject({ year: 2021, months: [3, 3] });
    const [day] = findEnglishPeriods('What was it on March 20, 2021?');
    expect(day).toMatchObject({ year: 2021, months: [3, 3], day: 20 });
    const [week] = findEnglishPeriods('What happened last week?', ISSUE);
    expect(week).toMatchObject({ day: 31, through: { day: 6 } });
    const [yearless] = findEnglishPeriods('in March', ISSUE, { yearless: true });
    expect(yearless?.year).toBeUndefined();
    expect(findEnglishPeriods('in January-August 2024')).toMatchObject([{ year: 2024, months: [1, 8] }]);
    expect(findEnglishPeriods('from January to August 2024')).toMatchObject([{ year: 2024, months: [1, 8] }]);
    expect(findEnglishPeriods('in H1 2023')).toMatchObject([{ year: 2023, months: [1, 6] }]);
    expect(findEnglishPeriods('the first eight months of 2024')).toMatchObject([{ year: 2024, months: [1, 8] }]);
    expect(findEnglishPeriods('the first three quarters of 2024')).toMatchObject([{ year: 2024, months: [1, 9] }]);
  });

  it('relates an asked period to a stated one', () => {
    const asked = one('2021年2月');
    expect(relate(asked, one('2月份', { year: 2021, month: 3, day: 2 }))).toBe('same');
    expect(relate(asked, one('2021年12月'))).toBe('conflict');
    // A whole year's figure does not answer for one of its months, nor a month's for one of its days.
    expect(relate(asked, one('2021年'))).toBe('overlap');
    expect(relate(one('2021年3月22日'), one('2021年3月'))).toBe('overlap');
    const week = one('上周', ISSUE, true);
    expect(relate(week, one('2月1日', ISSUE))).toBe('same');
    expect(relate(week, one('2月7日', ISSUE))).toBe('conflict');
  });

  it('gives the days a period covers', () => {
    const days = periodDays(one('2月'), 2020);
    expect(days && days[1] - days[0]).toBe(28); // 2020 is a leap year
    expect(periodDays(one('2月'))).toBeUndefined();
  });
});
