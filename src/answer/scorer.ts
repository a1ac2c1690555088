/** Scoring the sentences of retrieved chunks by how much of the question they cover. */
import type { Chunk } from '../core/types.js';
import { normalize } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import type { AnalyzedQuestion, Concept } from './question.js';
import type { RetrievedChunk } from './retriever.js';

/** A candidate sentence with how well it covers the question. Offsets are into the paragraph text. */
export interface ScoredSentence {
  chunk: Chunk;
  rank: number;
  /** The chunk's paragraph and its sentences, so that neighbours can be consulted. */
  para: string;
  siblings: Span[];
  index: number;
  start: number;
  end: number;
  text: string;
  /** Weighted share of the question's concepts found in the sentence (headline matches count 0.6). */
  coverage: number;
  score: number;
}

/** Headline matches show the article is on topic, but the sentence itself must carry the fact. */
const TITLE_CREDIT = 0.6;

function findAlt(haystack: string, alt: string): number {
  if (/^\d+(\.\d+)?$/.test(alt)) {
    const m = new RegExp(`(?<![\\d.])${alt.replace('.', '\\.')}(?![\\d.])`).exec(haystack);
    return m ? m.index : -1;
  }
  return haystack.indexOf(alt);
}

/** Where a concept first occurs in a (normalised) text, or -1. */
export function conceptPosition(c: Concept, hay: string): number {
  let best = -1;
  for (const alt of c.alts) {
    const i = findAlt(hay, normalize(alt));
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Partial credit for a long word split differently in the passage: the share of its bigrams found. */
function partial(c: Concept, hay: string): number {
  const w = c.alts[0];
  if (c.alts.length !== 1 || !w || w.length < 3) return 0;
  let found = 0;
  for (let i = 0; i + 1 < w.length; i++) if (hay.includes(w.slice(i, i + 2))) found++;
  const share = found / (w.length - 1);
  return share >= 0.5 ? share * 0.8 : 0;
}

/** What the extractor needs to know about the corpus beyond the retrieved chunks. */
export interface SentenceSource {
  /** Headline and sub-headlines of an article. */
  headline(articleId: string): string;
  /** A chunk's paragraph text and its sentences, with offsets into the paragraph. */
  sentences(chunk: Chunk): { para: string; spans: Span[] };
}

/** Scores every sentence of the retrieved chunks against the question's concepts. */
export function scoreSentences(q: AnalyzedQuestion, hits: RetrievedChunk[], source: SentenceSource): ScoredSentence[] {
  const total = q.concepts.reduce((s, c) => s + c.weight, 0) || 1;
  const out: ScoredSentence[] = [];
  hits.forEach((h, rank) => {
    const head = normalize(source.headline(h.chunk.articleId));
    const { para, spans: siblings } = source.sentences(h.chunk);
    siblings.forEach((s, index) => {
      if (s.end <= h.chunk.start || s.start >= h.chunk.end) return;
      const hay = normalize(s.text);
      let got = 0;
      for (const c of q.concepts) {
        if (conceptPosition(c, hay) >= 0) got += c.weight;
        else if (conceptPosition(c, head) >= 0) got += c.weight * TITLE_CREDIT;
        else got += c.weight * partial(c, hay);
      }
      const coverage = got / total;
      out.push({
        chunk: h.chunk,
        rank,
        para,
        siblings,
        index,
        start: s.start,
        end: s.end,
        text: s.text,
        coverage,
        score: coverage + 0.05 / (1 + rank),
      });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}
