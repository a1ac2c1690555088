import { describe, expect, it } from 'vitest';
import { englishWords, stem } from '../../../src/text/bridge/english.js';

describe('stem', () => {
  it('meets the forms of a word, and leaves words that only look plural alone', () => {
    expect(stem('farmers')).toBe(stem('farmer'));
    expect(stem('resumed')).toBe(stem('resume'));
    expect(stem('won')).toBe(stem('win'));
    expect(stem('growth')).toBe(stem('grow'));
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('winning')).toBe(stem('win'));
    expect(stem('planned')).toBe(stem('plan'));
    expect(stem('falling')).toBe(stem('fall'));
    expect(stem('dressed')).toBe(stem('dress'));
    // British spellings meet the dictionary's American ones.
    expect(stem('neighbouring')).toBe(stem('neighboring'));
    expect(stem('centre')).toBe(stem('center'));
    expect(stem('organised')).toBe(stem('organized'));
    expect(stem('hour')).not.toBe(stem('hor'));
    expect(stem('series')).toBe('series');
  });
});

describe('englishWords', () => {
  it('reads 5th as an ordinal, not the word th, and R&D as research and development', () => {
    expect(englishWords('the 5th Asian Youth Games')).toEqual(['asian', 'youth', 'games']);
    expect(englishWords('spend on R&D')).toEqual(['spend', 'research', 'development']);
  });
});
