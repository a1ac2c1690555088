import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkArticles, searchableText } from '../../src/corpus/chunker.js';
import { parseBulletin } from '../../src/corpus/parser.js';
import { SEED } from '../helpers.js';

const articles = parseBulletin(readFileSync(SEED, 'utf8'), 'seed.txt').articles;

describe('chunkArticles', () => {
  const chunks = chunkArticles(articles, { maxChars: 160 });

  it('cuts sentence-bounded chunks whose offsets quote the paragraph verbatim', () => {
    for (const c of chunks) {
      const p = articles.find((a) => a.id === c.articleId)?.paragraphs.find((x) => x.n === c.paragraph);
      expect(p?.text.slice(c.start, c.end)).toBe(c.text);
      expect(c.end === p?.text.length || /[。！？；!?;”’)）]$/.test(c.text)).toBe(true);
    }
  });

  it('covers every paragraph completely without overlap', () => {
    for (const a of articles) {
      for (const p of a.paragraphs) {
        const mine = chunks.filter((c) => c.articleId === a.id && c.paragraph === p.n);
        expect(mine.map((c) => c.text).join('')).toBe(p.text.replace(/\s+$/, ''));
      }
    }
  });

  it('keeps chunks near the size limit unless a single sentence is longer', () => {
    for (const c of chunks)
      if (c.text.length > 160) expect(c.text.match(/[。！？；!?;]/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });

  it('makes the headline searchable with each chunk', () => {
    const c = chunks.find((x) => x.text.includes('海门31个'));
    expect(
      c &&
        searchableText(
          c,
          articles.find((a) => a.id === c.articleId),
        ),
    ).toMatch(/^31个续建重大项目陆续复工/);
  });
});
