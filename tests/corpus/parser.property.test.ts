import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/corpus/parser.js';
import { chunkArticles } from '../../src/rag/chunker.js';

/** Non-whitespace characters with their counts. */
function census(texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) for (const ch of t.replace(/\s+/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

const bulletinish = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', '。', '，', '标题', '海门复工', '编辑:某某 校对:某', '(上接A1版)', '本报讯(记者张亮)', '记者 许丛军摄', '——', '南通日报', '2月28日') },
    { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 6000, unit: fc.constantFrom('海', '门', '项', '目', 'a') }) },
  ),
  { maxLength: 40 },
);

describe('parser and chunker on arbitrary input (property tests)', () => {
  it('never throw, never lose text, and never duplicate it', () => {
    fc.assert(
      fc.property(bulletinish, (parts) => {
        const input = parts.join('');
        const b = parseBulletin(input, 'p.txt');
        // Copies by design are not counted: a headline made up from the item's own text (captions and
        // items without a headline), an in-text byline also listed in credits, a caption also kept as a paragraph.
        const copies = (a: (typeof b.articles)[number], t: string) => a.paragraphs.some((p) => p.text.includes(t));
        const out = [
          ...b.furniture,
          ...b.articles.flatMap((a) => [
            ...(a.title.startsWith('图片新闻') || copies(a, a.title) ? [] : [a.title]),
            ...a.subtitles,
            ...a.credits.filter((c) => !copies(a, c)),
            ...a.captions.filter((c) => !copies(a, c)),
            ...a.paragraphs.map((p) => p.text),
          ]),
        ];
        // Continuation markers become the `continued` flag, so they are left out on both sides.
        const marker = /[(（][上下]接[A-Za-z]?\d+版[)）]/g;
        const have = census(out.map((t) => t.replace(marker, '')));
        const want = census([input.replace(marker, '')]);
        const lost = [...want].filter(([ch, n]) => (have.get(ch) ?? 0) < n);
        const duplicated = [...have].filter(([ch, n]) => n > (want.get(ch) ?? 0));
        expect({ lost, duplicated }).toEqual({ lost: [], duplicated: [] });
        const chunks = chunkArticles(b.articles);
        for (const a of b.articles) {
          for (const p of a.paragraphs) {
            const mine = chunks.filter((c) => c.articleId === a.id && c.paragraph === p.n);
            expect(mine.map((c) => c.text).join('')).toBe(p.text.replace(/\s+$/, ''));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
