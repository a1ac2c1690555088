import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvalSet } from '../../src/cli/eval-set.js';
import { seedAnswerer } from '../helpers.js';

let seeded: Awaited<ReturnType<typeof seedAnswerer>>;
beforeAll(async () => {
  seeded = await seedAnswerer();
});
afterAll(() => seeded.cleanup());

describe('soak', () => {
  it('answers 10,000 questions in-process with RSS growth under 10% after warm-up', async () => {
    const base = readEvalSet('tests/eval/questions.jsonl').map((i) => i.q);
    // Vary the text so that no cache can serve repeats.
    const q = (i: number) => `${base[i % base.length]}${' '.repeat(i % 7)}${i % 3 === 0 ? '?' : ''}`;
    for (let i = 0; i < 1000; i++) await seeded.answerer.ask(q(i));
    const warm = process.memoryUsage().rss;
    for (let i = 0; i < 10_000; i++) await seeded.answerer.ask(q(i));
    const after = process.memoryUsage().rss;
    expect((after - warm) / warm).toBeLessThan(0.1);
  }, 180_000);
});
