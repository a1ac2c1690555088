import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/text/bridge/english.js';

describe('stem', () => {
  it('meets the forms of a word, and leaves words that only look plural alone', () => {
    expect(stem('farmers')).toBe(stem('farmer'));
    expect(stem('resumed')).toBe(stem('resume'));
    expect(stem('won')).toBe(stem('win'));
    expect(stem('growth')).toBe(stem('grow'));
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('series')).toBe('series');
  });
});
