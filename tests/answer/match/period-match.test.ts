import { describe, expect, it } from 'vitest';
import { clashes } from '../../../src/answer/match/period-match.js';
import { findPeriods } from '../../../src/text/dates.js';

const asked = (q: string) => {
  const [p] = findPeriods(q, { year: 2023, month: 4 });
  if (!p) throw new Error(`no period in ${q}`);
  return p;
};

describe('clashes', () => {
  it('reads 今年一季度 as one period: the year around it rescues no other month', () => {
    expect(clashes(asked('2023年4月份交付了多少辆'), '今年一季度，累计交付14.5万辆', '2023-04-21')).toBe(true);
    expect(clashes(asked('2023年一季度交付了多少辆'), '今年一季度，累计交付14.5万辆', '2023-04-21')).toBe(false);
  });
});
