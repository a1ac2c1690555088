import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readEvalSet } from '../../src/cli/eval-set.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();

describe('soak', () => {
  it('answers 10,000 questions in-process with RSS growth under 10% after warm-up', async () => {
    const base = readEvalSet('tests/eval/questions.jsonl').map((i) => i.q);
    // Vary the text so that no cache can serve repeats.
    const q = (i: number) => `${base[i % base.length]}${' '.repeat(i % 7)}${i % 3 === 0 ? '?' : ''}`;
    // Collect garbage before each reading: V8 lets the heap grow lazily, which is not a leak.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settled = () => {
      gc();
      return process.memoryUsage();
    };
    for (let i = 0; i < 1000; i++) await seeded.answerer.ask(q(i));
    const warm = settled();
    for (let i = 0; i < 10_000; i++) await seeded.answerer.ask(q(i));
    const after = settled();
    expect((after.rss - warm.rss) / warm.rss).toBeLessThan(0.1);
    expect((after.heapUsed - warm.heapUsed) / warm.heapUsed).toBeLessThan(0.1);
  }, 180_000);
});
