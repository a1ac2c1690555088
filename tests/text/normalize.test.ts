import { describe, expect, it } from 'vitest';
import { detectLang, normalize } from '../../src/text/normalize.js';
import { isTerminated, splitSentences } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  it('splits at Chinese and ASCII ends and keeps closing quotes with their sentence', () => {
    const text = '他说:“相信政府。”然后走了!真的吗?是;好。';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['他说:“相信政府。”', '然后走了!', '真的吗?', '是;', '好。']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a trailing fragment without an end mark', () => {
    expect(splitSentences('一句。半句').map((s) => s.text)).toEqual(['一句。', '半句']);
  });
});

describe('isTerminated', () => {
  it('tells finished sentences from broken lines', () => {
    expect(isTerminated('通道一定会想办法开通。”')).toBe(true);
    expect(isTerminated('宣传卫')).toBe(false);
  });
});

describe('normalize keeps offsets', () => {
  it('maps full-width forms and case but never changes the length', () => {
    expect(normalize('２月ＡＢ')).toBe('2月ab');
    const s = '“员工的防疫意识不能松懈……”2月22日,先后来到3家企业';
    expect(normalize(s)).toHaveLength(s.length);
    expect(normalize(s).indexOf('3家')).toBe(s.indexOf('3家'));
  });
});

describe('detectLang', () => {
  it.each([
    ['海门有多少项目?', 'zh'],
    ['How many projects in Haimen?', 'en'],
    ['Pinghai 公路 total investment?', 'en'],
    ['平海公路 total 投资多少', 'zh'],
  ])('%s → %s', (text, lang) => expect(detectLang(text)).toBe(lang));
});
