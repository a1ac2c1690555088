import { describe, expect, it } from 'vitest';
import {
  englishFigures,
  figuresAreQuoted,
  figureValues,
  findMentions,
  mentionToEnglish,
  parseNumber,
} from '../../src/text/figures.js';
import { at } from '../helpers.js';

describe('parseNumber', () => {
  it('reads Chinese numerals, Arabic digits with 万/亿, and full-width digits', () => {
    expect(parseNumber('三十一')).toBe(31);
    expect(parseNumber('两千零五')).toBe(2005);
    expect(parseNumber('1.5万')).toBe(15000);
    expect(parseNumber('１２')).toBe(12);
    expect(parseNumber('5.65亿')).toBeCloseTo(565_000_000);
    expect(parseNumber('abc')).toBeUndefined();
  });
});

describe('findMentions', () => {
  const kinds = (s: string) => findMentions(s).map((m) => `${m.text}:${m.kind}:${m.unit}`);
  it('finds counts with their measure words, dates, durations and percentages', () => {
    expect(kinds('海门31个超10亿元续建重大项目2月底将全面复工')).toEqual([
      '31个:quantity:个',
      '超10亿元:quantity:元',
      '2月底:date:date',
    ]);
    expect(kinds('虽受疫情影响耽误了一个月工期')).toEqual(['一个月:duration:个月']);
    expect(kinds('复工率100%,车速可达100公里/小时')).toEqual(['100%:percent:%', '100公里/小时:quantity:公里/小时']);
    expect(kinds('联合组建三个督导组,坚持一手抓')).toEqual(['三个:quantity:个']);
    expect(kinds('截至本月25日,2月7日')).toEqual(['25日:date:date', '2月7日:date:date']);
    expect(kinds('我市3万多民政服务对象')).toEqual(['3万多:quantity:']);
    expect(kinds('全长28.3千米')).toEqual(['28.3千米:quantity:千米']);
  });
  it('gives offsets into the original text', () => {
    const s = '销量突破２００万斤';
    const m = at(findMentions(s), 0);
    expect(s.slice(m.start, m.end)).toBe('２００万斤');
    expect(m.value).toBe(2_000_000);
  });
});

describe('English', () => {
  it('renders figures and dates in English', () => {
    const en = (s: string) => findMentions(s).map(mentionToEnglish);
    expect(en('2月7日')).toEqual(['February 7']);
    expect(en('350多万斤')).toEqual(['over 3.5 million jin']);
    expect(en('一个月')).toEqual(['1 month']);
    expect(en('2月底')).toEqual(['end of February']);
  });
  it('reads English dates and numbers', () => {
    expect(englishFigures('by end of February, on February 7th, thirty')).toEqual({
      dates: ['2月底', '2月7日'],
      numbers: [7, 30],
    });
    expect(englishFigures('1,880 officials').numbers).toEqual([1880]);
  });
  it('reads "may" and "mar" as months only with a day, a year or a preposition (regression)', () => {
    expect(englishFigures('How long may the road be?').dates).toEqual([]);
    expect(englishFigures('Mar the record? It may rain.').dates).toEqual([]);
    expect(englishFigures('What happened on May 5?').dates).toEqual(['5月5日']);
    expect(englishFigures('in May, and Mar. 3').dates).toEqual(['3月3日', '5月']);
  });
});

describe('figure values, whatever the language', () => {
  it('reads scales, separators and Chinese multipliers as the same value', () => {
    expect(figureValues('总投资5.65亿元')).toContain(565_000_000);
    expect(figureValues('565 million yuan')).toContain(565_000_000);
    expect(figureValues('1,880 officials')).toContain(1880);
    expect(figureValues('350多万斤')).toContain(3_500_000);
  });
  it('says whether an answer states only figures its quotes hold', () => {
    expect(
      figuresAreQuoted('over 3.5 million jin (350多万斤)', ['该镇节后未及销售的350多万斤商品扣蟹已基本销罄。']),
    ).toBe(true);
    expect(figuresAreQuoted('February 7', ['2月7日,好消息终于传来。'])).toBe(true);
    expect(figuresAreQuoted('32个', ['海门31个超10亿元续建重大项目'])).toBe(false);
  });
});

describe('sports marks', () => {
  it('reads no quarter in the question word 哪一季度, and 一季度 elsewhere', () => {
    expect(findMentions('要求哪一季度实现开门红')).toEqual([]);
    expect(findMentions('确保实现一季度开门红').map((m) => m.text)).toEqual(['一季度']);
  });

  it("reads a project's phase (3号线一期, 三期码头工程) as no count, and 三期培训班 as one", () => {
    expect(findMentions('3号线一期21座车站').map((m) => m.text)).toEqual(['3', '21座']);
    expect(findMentions('鹤洲港三期集装箱码头工程')).toEqual([]);
    expect(findMentions('共举办了三期培训班').map((m) => m.text)).toEqual(['三期']);
  });

  it('reads power (万千瓦, 兆瓦) and energy (千瓦时) as two measures', () => {
    expect(findMentions('装机容量100万千瓦，单机8.35兆瓦，年发电30亿千瓦时').map((m) => m.measure)).toEqual([
      'power',
      'power',
      'energy',
    ]);
  });

  it('reads field-event marks (19米06) as metres and race times (8秒03) as seconds', () => {
    expect(findMentions('冯佳怡以19米06夺冠').map((m) => [m.text, m.value, m.measure])).toEqual([
      ['19米06', 19.06, 'length'],
    ]);
    expect(findMentions('吴欣然以8秒03夺冠')[0]).toMatchObject({ value: 8.03, measure: 'duration' });
  });

  it('reads times of day, but not 3点要求 or 3号线', () => {
    const clocks = (t: string) => findMentions(t).map((m) => [m.text, m.measure, m.value, mentionToEnglish(m)]);
    expect(clocks('结束时间不早于17时30分')).toEqual([['17时30分', 'clock', 1730, '17:30']]);
    expect(clocks('晚上8点半开始')).toEqual([['晚上8点半', 'clock', 2030, '20:30']]);
    expect(clocks('提出3点要求').some(([, measure]) => measure === 'clock')).toBe(false);
    expect(clocks('3号线末班车时间为23时').map(([text, measure]) => `${text}/${measure}`)).toEqual([
      '3/other',
      '23时/clock',
    ]);
  });

  it('reads 2024届 as a year, not a count', () => {
    expect(findMentions('2024届高校毕业生')[0]).toMatchObject({ text: '2024届', kind: 'date', value: 20240000 });
  });

  it('reads 第3号 as a rank, not the third day', () => {
    expect(findMentions('今年第3号台风')[0]).toMatchObject({ text: '第3号', kind: 'ordinal', value: 3 });
  });
});
