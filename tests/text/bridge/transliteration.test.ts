import { describe, expect, it } from 'vitest';
import { findSound, soundsLike } from '../../../src/text/bridge/transliteration.js';

describe('transliteration', () => {
  it('hears English names in their Chinese transliterations', () => {
    expect(soundsLike('Kiprotich', '基普罗蒂奇')).toBe(true);
    expect(soundsLike('Marcus', '马库斯')).toBe(true);
    expect(soundsLike('Hoffmann', '霍夫曼')).toBe(true);
    expect(soundsLike('Castillo', '卡斯蒂略')).toBe(true);
  });

  it('tells other names apart', () => {
    expect(soundsLike('Marcus', '里德')).toBe(false);
    expect(soundsLike('Kiprotich', '卡斯蒂略')).toBe(false);
  });

  it('finds the whole transliteration in a sentence', () => {
    expect(findSound('Kiprotich', '肯尼亚选手基普罗蒂奇以2小时07分33秒夺冠')).toEqual({ at: 5, length: 5 });
    expect(findSound('Reed', '外援后卫马库斯·里德预计需休战3周')).toEqual({ at: 8, length: 2 });
    expect(findSound('Reed', '球队将利用春节休赛期调整伤病')).toBeUndefined();
  });
});
