import { describe, expect, it } from 'vitest';
import { contrasts, contrastWords, otherHalf } from '../../src/text/contrasts.js';

describe('contrasting pairs', () => {
  it('finds the words of pairs in a question, the longer where one holds another', () => {
    expect(contrastWords('女子跳远冠军是谁', 'zh')).toEqual(['女子', '冠军']);
    expect(contrastWords('初中生近视率是多少', 'zh')).toEqual(['初中生']);
    expect(contrastWords("Who won the women's half marathon?", 'en')).toEqual(['女子', '半程']);
    expect(contrastWords('平海公路全长多少', 'zh')).toEqual([]);
  });

  it('gives the other words of a pair', () => {
    expect(contrasts('女子')).toEqual(['男子']);
    expect(contrasts('二等座')).toEqual(['商务座', '一等座']);
    expect(contrasts('公路')).toEqual([]);
    expect(contrasts('闭幕')).toEqual(['开幕']);
    // The winner is named by 夺冠 as often as by 冠军.
    expect(otherHalf('亚军', '枫岭市龙舟队以43秒12夺冠')).toBe(true);
    expect(otherHalf('冠军', '枫岭市龙舟队以43秒12夺冠')).toBe(false);
    // A team named by its half (男队) is the other half's of an asked 女子.
    expect(otherHalf('女子', '国家乒乓球队男队主教练杜凯表示')).toBe(true);
    expect(otherHalf('总投资', '完成投资213亿元')).toBe(true);
    expect(otherHalf('总投资', '总投资300亿元，已完成投资213亿元')).toBe(false);
    expect(otherHalf('库容', '蓄水量为30.2亿立方米')).toBe(true);
    expect(otherHalf('首轮', '第一轮投票的投票率为61.3%')).toBe(false);
    expect(otherHalf('最贵', '票价起步价2元可乘6公里')).toBe(true);
    expect(contrastWords('By how much did beef prices change?', 'en')).toEqual(['牛肉']);
    expect(contrastWords('How long is the left tube of the tunnel?', 'en')).toEqual(['左洞']);
  });
});
