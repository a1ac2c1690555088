import { describe, expect, it } from 'vitest';
import { altsOf } from '../../src/answer/question/wordings.js';
import type { KeywordSearch } from '../../src/index/loaded-index.js';
import { Lexicon } from '../../src/text/bridge/lexicon.js';

const df: Record<string, number> = { 海门: 900, 海们: 0, 害门: 5, 还门: 40, 孩门: 3, 嗨门: 70 };
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
  pinyin: { haimen: ['海门', '害门', '还门', '孩门', '嗨门'] },
});

describe('altsOf', () => {
  it('reads an unknown word as the corpus words that sound the same, the commonest three only', () => {
    expect(altsOf('海们', keyword, lexicon).map((a) => a.text)).toEqual(['海们', '海门', '嗨门', '还门']);
  });

  it('leaves a word the corpus knows as it is', () => {
    expect(altsOf('海门', keyword, lexicon).map((a) => a.text)).toEqual(['海门']);
  });
});
