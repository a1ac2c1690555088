import { describe, expect, it } from 'vitest';
import {
  decodeFeedback,
  distinctRatings,
  evalCase,
  feedbackButtons,
  hashUser,
  type Rating,
} from '../../src/bot/feedback.js';

const rating = (over: Partial<Rating>): Rating => ({
  id: 'a1.u1',
  at: '2024-01-01T00:00:00.000Z',
  rating: 'down',
  question: '平海公路总投资多少?',
  answer: '5.65亿元（总投资5.65亿元）',
  lead: '5.65亿元',
  found: true,
  lang: 'zh',
  citations: [{ n: 1, articleId: 'A', paragraph: 2, title: 'T', quote: '总投资5.65亿元。', source: 's.txt' }],
  build: '2024-01-01T00:00:00.000Z',
  chatType: 'private',
  user: 'abc',
  ...over,
});

describe('feedback', () => {
  it('buttons carry the rating and the answer id, and nothing else decodes', () => {
    const [up, down] = feedbackButtons('Ab_-12');
    expect(decodeFeedback(up?.callback_data ?? '')).toEqual({ rating: 'up', answerId: 'Ab_-12' });
    expect(decodeFeedback(down?.callback_data ?? '')).toEqual({ rating: 'down', answerId: 'Ab_-12' });
    for (const bad of ['s:abc:1:abcdef', 'f:x:1', 'f:d:', 'f:d:a:b', `f:d:${'a'.repeat(17)}`])
      expect(decodeFeedback(bad), bad).toBeUndefined();
  });

  it('hashes user ids with a key: stable, different per key, and not the plain hash', () => {
    expect(hashUser(42, 'k1')).toBe(hashUser(42, 'k1'));
    expect(hashUser(42, 'k1')).not.toBe(hashUser(42, 'k2'));
    expect(hashUser(42, 'k1')).not.toBe(hashUser(43, 'k1'));
    expect(hashUser(42, 'k1')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('counts a user’s latest rating of an answer once', () => {
    const ratings = distinctRatings([
      rating({ rating: 'up', at: '3' }),
      rating({ rating: 'down', at: '2' }),
      rating({ id: 'a1.u2', at: '1' }),
      { something: 'else' },
    ]);
    expect(ratings.map((r) => [r.id, r.rating])).toEqual([
      ['a1.u1', 'up'],
      ['a1.u2', 'down'],
    ]);
  });

  it('turns ratings into eval cases: a 👍 keeps its key and evidence, a 👎 or a partial record needs review', () => {
    expect(evalCase(rating({ rating: 'up' }))).toMatchObject({
      id: 'fb-a1.u1',
      lang: 'zh',
      q: '平海公路总投资多少?',
      keys: ['5.65亿元'],
      evidence: '总投资5.65亿元。',
      found: true,
    });
    expect(evalCase(rating({}))).toMatchObject({ keys: [], evidence: '', found: true, needs_review: true });
    const partial = evalCase(rating({ rating: 'up', partial: true, lang: undefined, question: 'how long?' }));
    expect(partial).toMatchObject({ lang: 'en', keys: [], needs_review: true });
  });
});
