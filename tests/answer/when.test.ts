import { describe, expect, it } from 'vitest';
import { askedTime, periodBounds } from '../../src/answer/question/when.js';

describe('the time a question asks about', () => {
  it('reads a year and the part of it after (今年一季度) as one time, not two to compare', () => {
    const t = askedTime('汀阳今年一季度新增就业多少人啊', 'zh', '2024-10-30');
    expect(t.compare).toBe(false);
    expect(t.periods).toHaveLength(1);
    expect(t.periods[0]).toMatchObject({ year: 2024, months: [1, 3] });
    expect(askedTime('从2021年到2022年GDP增长了多少', 'zh').compare).toBe(true);
  });

  it('leaves a yearless date yearless and gives no window for it', () => {
    const t = askedTime('3月22日青菜多少钱', 'zh', '2022-02-08');
    expect(t.periods[0]?.year).toBeUndefined();
    expect(t.window).toBeUndefined();
  });

  it('gives the issues that can report on a dated period: the period and its reporting lag', () => {
    expect(askedTime('2021年2月空气优良天数', 'zh').window).toEqual({ from: '2021-02-01', to: '2021-05-01' });
    expect(askedTime('2021年3月20日大桥进度', 'zh').window).toEqual({ from: '2021-03-20', to: '2021-04-03' });
  });

  it('reads relative words against the newest issue, and can say how', () => {
    const t = askedTime('去年滨江市GDP是多少', 'zh', '2022-02-08');
    expect(t.periods[0]).toMatchObject({ year: 2021, relative: true });
    expect(periodBounds(t.periods[0] ?? { start: 0, end: 0, text: '' })).toEqual(['2021', '2021']);
    const week = askedTime('上周青菜最高涨到多少', 'zh', '2022-02-08').periods[0];
    expect(week && periodBounds(week)).toEqual(['2022-01-31', '2022-02-06']);
  });

  it('tells a comparison, a wish for the latest, and a named issue', () => {
    const c = askedTime('滨江大桥工程进度从2021年3月初到4月中旬有什么变化', 'zh');
    expect(c.compare).toBe(true);
    // The second period takes the first one's year.
    expect(c.periods[1]).toMatchObject({ year: 2021, months: [4, 4] });
    expect(askedTime('滨江大桥现在完成了多少', 'zh').latest).toBe(true);
    expect(askedTime('What is the latest price?', 'en').latest).toBe(true);
    const paper = askedTime('今天的报纸说游客有多少', 'zh', '2022-02-08');
    expect(paper.issue).toEqual({ from: '2022-02-08', to: '2022-02-08' });
    expect(paper.periods).toEqual([]);
    expect(askedTime("What does yesterday's paper say?", 'en', '2022-02-08').issue).toEqual({
      from: '2022-02-07',
      to: '2022-02-07',
    });
    // News of today is not the paper of today.
    expect(askedTime('今天青菜多少钱', 'zh', '2022-02-08').issue).toBeUndefined();
  });
});
