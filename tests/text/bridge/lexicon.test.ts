import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../src/text/bridge/lexicon.js';

const lexicon = new Lexicon({
  version: 1,
  en: { sell: [['销售', 1]], pay: [['支付', 1]], charitable: [['慈善', 1]] },
  gloss: {},
  pinyin: {},
});

describe('Lexicon.translate', () => {
  it('reads a negated word the dictionary lacks by its root, at a discount', () => {
    expect(lexicon.translate('unsold')).toEqual([['销售', 0.8]]);
    expect(lexicon.translate('unpaid')).toEqual([['支付', 0.8]]);
    expect(lexicon.translate('under')).toEqual([]);
  });

  it('borrows from a gloss sharing the first six letters', () => {
    expect(lexicon.translate('charity')).toEqual([['慈善', 0.7]]);
  });
});
