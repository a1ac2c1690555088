/**
 * Distinct-term growth of a corpus folder (index terms: jieba words and Han bigrams, as ingest
 * makes them), to check that the synthetic archive grows its vocabulary like real news:
 *   tsx scripts/bench/vocabulary.ts DIR [DIR…]   one line per checkpoint
 */
import { chunkArticles, searchableText } from '../../src/corpus/chunker.js';
import { loadCorpus } from '../../src/corpus/loader.js';
import { passageTerms, words } from '../../src/text/tokenizer.js';

/** One checkpoint: after `chunks` chunks, how many distinct index terms and words were seen. */
export interface GrowthPoint {
  chunks: number;
  terms: number;
  words: number;
  termsPerChunk: number;
  charsPerChunk: number;
}

/** Distinct terms after each checkpoint (and at the end), reading the folders in order. */
export function termGrowth(dirs: string[], checkpoints: number[]): GrowthPoint[] {
  const texts = dirs.flatMap((dir) => {
    const articles = loadCorpus(dir).bulletins.flatMap((b) => b.articles);
    const byId = new Map(articles.map((a) => [a.id, a]));
    return chunkArticles(articles).map((c) => searchableText(c, byId.get(c.articleId)));
  });
  const terms = new Set<string>();
  const wordSet = new Set<string>();
  let termCount = 0;
  let chars = 0;
  const out: GrowthPoint[] = [];
  const marks = new Set(checkpoints);
  texts.forEach((t, i) => {
    chars += t.length;
    const ts = passageTerms(t);
    termCount += ts.length;
    for (const x of ts) terms.add(x);
    for (const w of words(t)) wordSet.add(w);
    const n = i + 1;
    if (marks.has(n) || n === texts.length)
      out.push({
        chunks: n,
        terms: terms.size,
        words: wordSet.size,
        termsPerChunk: termCount / n,
        charsPerChunk: chars / n,
      });
  });
  return out;
}

if (process.argv[1]?.endsWith('vocabulary.ts')) {
  const points = termGrowth(process.argv.slice(2), [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000]);
  for (const p of points) process.stdout.write(`${JSON.stringify(p)}\n`);
}
