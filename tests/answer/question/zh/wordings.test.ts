import { describe, expect, it } from 'vitest';
import { recut } from '../../../../src/answer/question/zh/segment.js';
import { altsOf, placeAlts, readsAsCorpusWord } from '../../../../src/answer/question/zh/wordings.js';
import type { KeywordSearch } from '../../../../src/index/loaded-index.js';
import { Lexicon } from '../../../../src/text/bridge/lexicon.js';

const df: Record<string, number> = {
  海门: 900,
  海们: 0,
  害门: 5,
  还门: 40,
  孩门: 3,
  嗨门: 70,
  扣蟹: 8,
  惠萍: 8,
  镇: 11,
};
const keyword: KeywordSearch = {
  size: 1000,
  docFrequency: (t) => df[t] ?? 0,
  idf: () => 1,
  search: () => [],
};
const lexicon = new Lexicon({
  version: 1,
  en: {},
  gloss: {},
  pinyin: { haimen: ['海门', '害门', '还门', '孩门', '嗨门'], zongtouzi: ['总投资'], haimenren: ['还门人'] },
});

describe('altsOf', () => {
  it('reads an unknown word as the corpus words that sound the same, the commonest three only', () => {
    expect(altsOf('海们', keyword, lexicon).map((a) => a.text)).toEqual(['海们', '海门', '嗨门', '还门']);
  });

  it('leaves a word the corpus knows as it is', () => {
    expect(altsOf('海门', keyword, lexicon).map((a) => a.text)).toEqual(['海门']);
  });
});

describe('readsAsCorpusWord', () => {
  it('reads a run jieba leaves unknown (总头资) as the corpus word it sounds like, never a run of known words', () => {
    expect(readsAsCorpusWord('总头资', keyword, lexicon)).toBe(true);
    // 海门 + 人 are known words: however it sounds (还门人), it is no typo.
    expect(readsAsCorpusWord('海门人', keyword, lexicon)).toBe(false);
  });
});

describe('placeAlts', () => {
  it('finds a place without its suffix, and without a word jieba glued before it (说惠萍镇)', () => {
    expect(placeAlts('惠萍镇', keyword, lexicon).map((a) => a.text)).toEqual(['惠萍镇', '惠萍']);
    expect(placeAlts('说惠萍镇', keyword, lexicon).map((a) => a.text)).toEqual(['说惠萍镇', '惠萍镇', '惠萍']);
  });
});

describe('recut', () => {
  const cut = (words: Array<[string, string]>) => {
    let at = 0;
    return words.map(([word, tag]) => {
      at += word.length;
      return { word, tag, start: at - word.length, end: at };
    });
  };

  it("re-cuts a glued token the corpus never uses into the corpus's words", () => {
    const ts = cut([
      ['惠萍', 'x'],
      ['镇养', 'x'],
      ['扣', 'v'],
      ['蟹', 'ng'],
      ['的', 'uj'],
    ]);
    expect(recut(ts, keyword).map((t) => t.word)).toEqual(['惠萍', '镇', '养', '扣蟹', '的']);
  });

  it('leaves an unknown word that hides no known one (人口), and particles, as they are', () => {
    const ts = cut([
      ['人口', 'n'],
      ['多少', 'm'],
    ]);
    expect(recut(ts, keyword).map((t) => t.word)).toEqual(['人口', '多少']);
  });
});
