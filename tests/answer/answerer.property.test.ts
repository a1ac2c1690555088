import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/answer/claim/claim-check.js';
import { InputError } from '../../src/core/errors.js';
import { useSeed } from '../helpers.js';

/** Fixed so that CI is repeatable; set PROPERTY_SEED (and PROPERTY_RUNS) to explore further. */
const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20200228);

const seeded = useSeed();

const question = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({
    unit: fc.constantFrom('海门', '多少', '?', '<b>', '&', '31个', '亿元', 'how many', ' ', '\u0000', '🦀', '２月'),
    maxLength: 60,
  }),
  fc.string({ unit: 'grapheme-ascii', minLength: 3000, maxLength: 6000 }),
);

/** Runs `f`, returning what it gave or what it threw, so that assertions run outside any catch. */
async function settle<T>(f: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return f().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

describe('question handling on arbitrary input (property test)', () => {
  it('never throws except a clear InputError, and every answer is well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const runs: Array<
          () => Promise<{ answer: string; citations: Array<{ articleId: string; paragraph: number; quote: string }> }>
        > = [() => seeded.answerer.ask(q), () => checkClaim(seeded.answerer, q)];
        for (const run of runs) {
          const r = await settle(run);
          if (!r.ok) {
            expect(r.error).toBeInstanceOf(InputError);
            expect((r.error as InputError).userMessage.length).toBeGreaterThan(0);
            continue;
          }
          expect(typeof r.value.answer).toBe('string');
          expect(r.value.answer.length).toBeGreaterThan(0);
          for (const c of r.value.citations)
            expect(seeded.answerer.paragraph(c.articleId, c.paragraph)?.text).toContain(c.quote);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300), seed: PROPERTY_SEED },
    );
  });
});
