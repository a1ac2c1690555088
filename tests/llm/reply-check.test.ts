import { describe, expect, it } from 'vitest';
import { checkModelReply, citedPassages, renumberMarkers } from '../../src/llm/reply-check.js';
import { figureValues } from '../../src/text/figures.js';

const passages = [
  { n: 1, title: '平海公路快速化改造', text: '平海公路快速化改造工程线路全长28.3千米,总投资5.65亿元。' },
  { n: 2, title: '31个续建重大项目陆续复工', text: '据初步统计,海门三十一个超10亿元续建重大项目2月底将全面复工。' },
  { n: 3, title: '市领导调研', text: '市委常委、组织部部长封春晴主持召开分管部门安全生产工作专题推进会。' },
];
const strong = { found: true, confidence: 0.9 };

describe('checkModelReply', () => {
  it('accepts figures written another way than in the passage', () => {
    expect(figureValues('总投资5.65亿元')).toContain(565_000_000);
    expect(figureValues('565 million yuan')).toContain(565_000_000);
    expect(checkModelReply('The road costs 565 million yuan [1].', 'en', passages, strong)).toMatchObject({ ok: true });
    expect(checkModelReply('海门31个重大项目2月底将全面复工[2]。', 'zh', passages, strong)).toMatchObject({
      ok: true,
      cited: [2],
    });
  });

  it('rejects each kind of unsupported answer with its reason', () => {
    const reason = (text: string, lang: 'zh' | 'en' = 'zh', view = strong) => {
      const r = checkModelReply(text, lang, passages, view);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('全长28.3千米。')).toBe('no-citation');
    expect(reason('全长28.3千米[4]。')).toBe('unknown-citation');
    expect(reason('全长30千米[1]。')).toBe('unsupported-figure');
    expect(reason('全长28.3千米[3]。')).toBe('unsupported-figure');
    expect(reason('张轩主持召开了防汛抗旱工作会议[1]。')).toBe('unsupported-wording');
    expect(reason('公报没有提到这一点。')).toBe('says-not-found');
    expect(reason('The bulletin does not mention it.', 'en')).toBe('says-not-found');
    expect(reason('平海公路全长28.3千米[1]。', 'zh', { found: false, confidence: 0.1 })).toBe('answers-unanswerable');
  });

  it('agrees with a "not covered" when retrieval found nothing either', () => {
    expect(checkModelReply('公报没有提到这一点。', 'zh', passages, { found: false, confidence: 0.2 })).toEqual({
      ok: true,
      notFound: true,
    });
  });

  it('reads [n], [1, 2] and 【n】 markers and renumbers them in order of first citation', () => {
    expect(citedPassages('a [3] b [1, 2] c 【3】')).toEqual([3, 1, 2]);
    expect(renumberMarkers('a [3] b [1, 2]', [3, 1, 2])).toBe('a [1] b [2][3]');
  });
});
