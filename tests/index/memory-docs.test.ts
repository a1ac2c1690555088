import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { MemoryDocStore } from '../../src/index/memory-docs.js';

const article = (id: string, source: string, date?: string): Article => ({
  id,
  title: `标题${id}`,
  subtitles: [],
  credits: [],
  paragraphs: [],
  captions: [],
  continued: false,
  source,
  ...(date ? { date } : {}),
});

describe('MemoryDocStore', () => {
  const docs = new MemoryDocStore(
    [
      article('a', 'x.txt', '2020-02-27'),
      article('b', 'y.txt', '2020-02-28'),
      article('c', 'y.txt', '2020-02-28'),
      article('d', 'z.txt'),
    ],
    [],
  );

  it('lists issues by date with file and article counts, undated files left out', () => {
    expect(docs.issues()).toEqual([
      { date: '2020-02-27', files: 1, articles: 1 },
      { date: '2020-02-28', files: 1, articles: 2 },
    ]);
  });

  it('gives the headlines of one issue, or of all', () => {
    expect(docs.articleHeads({ from: '2020-02-28', to: '2020-02-28' }).map((h) => h.id)).toEqual(['b', 'c']);
    expect(docs.articleHeads().map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
