import { describe, expect, it } from 'vitest';
import { respectively } from '../../src/answer/extract/respectively.js';
import type { AnalyzedQuestion } from '../../src/answer/question/analyze.js';
import { findMentions } from '../../src/text/figures.js';

const asking = (...terms: string[]) =>
  ({ concepts: terms.map((t) => ({ label: t, alts: [{ text: t, quality: 1 }] })) }) as unknown as AnalyzedQuestion;

describe('分别 lists', () => {
  const text = '2020年至2022年研发投入分别为3.2亿元、5.6亿元和8.9亿元，目前尚未实现盈利。';
  const first = findMentions(text).find((m) => m.text === '3.2亿元');
  if (!first) throw new Error('no figure');

  it('gives the figure of the year the question names', () => {
    expect(respectively(asking('2022年', '研发'), text, first)?.text).toBe('8.9亿元');
    expect(respectively(asking('2021年'), text, first)?.text).toBe('5.6亿元');
  });

  it('gives the figure of the named item of an enumeration', () => {
    const cars = '星驰汽车、蓝图汽车一季度交付量分别为3.1万辆和2.4万辆。';
    const m = findMentions(cars).find((x) => x.text === '3.1万辆');
    if (!m) throw new Error('no figure');
    expect(respectively(asking('蓝图'), cars, m)?.text).toBe('2.4万辆');
  });

  it('leaves the figure alone when the question names no single item, or the counts differ', () => {
    expect(respectively(asking('研发'), text, first)).toBeUndefined();
    const uneven = '2020年至2022年研发投入分别为3.2亿元和8.9亿元。';
    const m = findMentions(uneven)[2];
    if (!m) throw new Error('no figure');
    expect(respectively(asking('2022年'), uneven, m)).toBeUndefined();
  });
});
