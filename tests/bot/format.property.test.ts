import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerHtml, htmlToText, MAX_MESSAGE, splitHtml } from '../../src/bot/format.js';
import type { Answer } from '../../src/core/types.js';
import { validTelegramHtml } from '../../testkit/fake-bot-api.js';

/** Fixed so that CI is repeatable; set PROPERTY_SEED (and PROPERTY_RUNS) to explore further. */
const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20200228);

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', ';', '。', '\n', ' ', 'a', '海', '&amp;', '<b>'), maxLength: 3000 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 4000, maxLength: 12000 }),
);

const answer = fc.record({
  answer: text,
  citations: fc.array(fc.record({ title: text, quote: text }), { maxLength: 4 }),
  lang: fc.constantFrom('zh' as const, 'en' as const),
});

const strip = (s: string) => s.replace(/\s+/g, '');

describe('Telegram formatter and splitter (property tests)', () => {
  it('always give valid Bot API HTML of at most 4096 characters whose visible text concatenates back', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const full: Answer = {
          question: 'q',
          found: true,
          confidence: 1,
          elapsedMs: 0,
          lang: a.lang,
          answer: a.answer,
          citations: a.citations.map((c, i) => ({
            n: i + 1,
            articleId: 'x',
            title: c.title,
            quote: c.quote,
            source: 's',
            paragraph: 1,
          })),
        };
        const html = answerHtml(full);
        const parts = splitHtml(html);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE);
          expect(validTelegramHtml(p)).toBe(true);
        }
        // Whitespace at the cuts is not significant (Telegram trims messages); every other character survives in order.
        expect(strip(parts.map(htmlToText).join(''))).toBe(strip(htmlToText(html)));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), seed: PROPERTY_SEED },
    );
  });
});
