/**
 * Scoring the sentences of retrieved chunks by how much of the question they cover — in the
 * sentence itself, or in the context a reader would use: the headline, the article's lead, the
 * sentences before it ("该镇", "全区", "他" refer back to them) and the issue's date.
 */
import type { Chunk } from '../core/types.js';
import { type Day, findPeriods, type Period, parseIsoDate, relate } from '../text/dates.js';
import { findMentions } from '../text/figures.js';
import { normalize } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import type { AnalyzedQuestion } from './question/analyze.js';
import type { Concept } from './question/concept.js';
import type { RetrievedChunk } from './retriever.js';

/** Where and how well a concept was found for one sentence. */
export interface ConceptMatch {
  concept: Concept;
  /** 0–1: how much the match counts (an alternative's quality, less for context or partial matches). */
  quality: number;
  /** Offset in the sentence, or -1 when found only in its context. */
  at: number;
  length: number;
  /** The sentence speaks of the same thing at another time (a yes-no question's "no"). */
  conflict?: boolean;
}

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
  /** The sentence normalised for matching (same offsets). */
  norm: string;
  matches: ConceptMatch[];
  /** Weighted share of the question's concepts covered, in the sentence or its context. */
  coverage: number;
  /** Every required concept (names, given figures) is found in the sentence or its context. */
  complete: boolean;
  score: number;
}

/** What the scorer needs to know about the corpus beyond the retrieved chunks. */
export interface SentenceSource {
  /** Headline, sub-headlines and lead sentence of an article, and its issue date. */
  context(articleId: string): string;
  /** A chunk's paragraph text and its sentences, with offsets into the paragraph. */
  sentences(chunk: Chunk): { para: string; spans: Span[] };
  /** The end of the article's text before the chunk's paragraph (for references back: 该局, 老薛). */
  preceding(chunk: Chunk): string;
}

/** How much a concept found only in a sentence's context counts. */
const CONTEXT_CREDIT = { entity: 0.85, figure: 0.85, focus: 0.5, content: 0.5 } as const;
/** A sentence that only the context makes relevant must still carry part of the question itself. */
const MIN_OWN_SHARE = 0.25;

function findText(hay: string, needle: string): number {
  if (!needle) return -1;
  if (/^\d+(\.\d+)?$/.test(needle)) {
    const m = new RegExp(`(?<![\\d.])${needle.replace('.', '\\.')}(?![\\d.])`).exec(hay);
    return m ? m.index : -1;
  }
  return hay.indexOf(needle);
}

/** Words by which news prose refers back to a place it has named, or to the paper's own city (全市, 该镇). */
const DEICTIC_PLACE = /(全|我|本|该|此)(市|省|区|县|镇|乡|村)|当地/;
/** Words by which news prose refers back to an organisation or person it has named (该局, 该公司, 他). */
const DEICTIC_NAMED = /(该|本|此)(局|公司|集团|院|校|行|所|厂|中心|委|部|队|馆|社|医院|单位|企业|项目|工程)|他|她/;

/** A figure of the same value and kind, however it is written (超过10亿元 = 超10亿元, 26號 = 26日). */
function matchFigure(
  figure: NonNullable<Concept['figure']>,
  hay: string,
): { quality: number; at: number; length: number } | undefined {
  const m = findMentions(hay).find(
    (x) =>
      x.kind === figure.kind && x.value === figure.value && (x.kind !== 'quantity' || x.measure === figure.measure),
  );
  return m ? { quality: 1, at: m.start, length: m.end - m.start } : undefined;
}

/** The best match of a concept in a text: exact alternatives first, then a long word found in pieces. */
export function matchIn(
  c: Concept,
  hay: string,
  context?: string,
): { quality: number; at: number; length: number } | undefined {
  if (c.figure) return matchFigure(c.figure, hay);
  let best: { quality: number; at: number; length: number } | undefined;
  for (const alt of c.alts) {
    const text = normalize(alt.text);
    const at = findText(hay, text);
    if (at >= 0 && (!best || alt.quality > best.quality)) best = { quality: alt.quality, at, length: text.length };
  }
  if (best) return best;
  // 全市, 该镇: a place the corpus knows, referred back to (only in the sentence's own words).
  if (c.kind === 'entity' && c.place) {
    const d = DEICTIC_PLACE.exec(hay);
    if (d) return { quality: 0.6, at: d.index, length: d[0].length };
  }
  // 该局, 他: a name the text before has given, referred back to.
  if (c.kind === 'entity' && context !== undefined && matchIn(c, context)) {
    const d = DEICTIC_NAMED.exec(hay);
    if (d) return { quality: 0.6, at: d.index, length: d[0].length };
  }
  // Partial credit for a long word written differently (平海路 for 平海公路): the share of its bigrams found.
  const w = c.alts[0] ? normalize(c.alts[0].text) : '';
  if (w.length < 3 || !/\p{Script=Han}/u.test(w)) return undefined;
  let found = 0;
  let first = -1;
  for (let i = 0; i + 1 < w.length; i++) {
    const at = hay.indexOf(w.slice(i, i + 2));
    if (at >= 0) {
      found++;
      if (first < 0) first = at;
    }
  }
  const share = found / (w.length - 1);
  return share >= 0.5 ? { quality: share * 0.7, at: first, length: 2 } : undefined;
}

type Found = { quality: number; at: number; length: number };

/** The best period of a text against an asked one: the same period, or `conflict` when it names only others. */
function matchPeriod(asked: Period, text: string, anchor?: Partial<Day>): Found | 'conflict' | undefined {
  let conflict = false;
  let partial: Found | undefined;
  for (const p of findPeriods(text, anchor)) {
    const r = relate(asked, p);
    if (r === 'same') return { quality: 1, at: p.start, length: p.end - p.start };
    if (r === 'overlap') partial ??= { quality: 0.3, at: p.start, length: p.end - p.start };
    else if (r === 'conflict') conflict = true;
  }
  return partial ?? (conflict ? 'conflict' : undefined);
}

/**
 * How a sentence answers an asked period: by its own words, by the sentence before it, by the
 * headline or the article's earlier text, or by its issue's year; -1 when it speaks of another period.
 */
function periodQuality(
  asked: Period,
  norm: string,
  around: { previous: string; wider: string },
  issue?: Partial<Day>,
): Found | -1 {
  const own = matchPeriod(asked, norm, issue);
  if (own === 'conflict') return -1;
  if (own) return own;
  const previous = matchPeriod(asked, around.previous, issue);
  if (previous === 'conflict') return -1;
  if (previous) return { quality: previous.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 };
  // The headline or an earlier paragraph may name the period; another period named there decides nothing.
  const wider = matchPeriod(asked, around.wider, issue);
  if (wider && wider !== 'conflict') return { quality: wider.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 };
  const sameYear =
    asked.year === undefined ||
    (issue?.year !== undefined &&
      (issue.year === asked.year || (issue.year === asked.year + 1 && (issue.month ?? 12) <= 3)));
  return { quality: sameYear ? 0.6 : 0, at: -1, length: 0 };
}

/** Scores one sentence against the question, with its context. */
function scoreOne(
  q: AnalyzedQuestion,
  norm: string,
  context: string,
  around: { previous: string; wider: string },
  issue?: Partial<Day>,
): Omit<ScoredSentence, keyof Span | 'chunk' | 'rank' | 'para' | 'siblings' | 'index' | 'norm' | 'score'> {
  let total = 0;
  let got = 0;
  let own = 0;
  let complete = true;
  const matches: ConceptMatch[] = [];
  for (const c of q.concepts) {
    total += c.weight;
    if (c.period) {
      const p = periodQuality(c.period, norm, around, issue);
      if (p === -1 && q.intent.slot === 'yesno') {
        // "是不是定在5月底交工?" — a sentence giving another date is the answer: no.
        matches.push({ concept: c, quality: 0.8, at: -1, length: 0, conflict: true });
        got += c.weight * 0.8;
        continue;
      }
      if (p === -1 || p.quality < 0.5) complete = false;
      if (p !== -1 && p.quality > 0) {
        matches.push({ concept: c, ...p });
        got += c.weight * p.quality;
        if (p.at >= 0) own += c.weight * p.quality;
      }
      continue;
    }
    const inSentence = matchIn(c, norm, context);
    const inContext = matchIn(c, context);
    const contextQuality = (inContext?.quality ?? 0) * CONTEXT_CREDIT[c.kind];
    if (inSentence && inSentence.quality >= contextQuality) {
      matches.push({ concept: c, quality: inSentence.quality, at: inSentence.at, length: inSentence.length });
      got += c.weight * inSentence.quality;
      own += c.weight * inSentence.quality;
    } else if (contextQuality > 0) {
      matches.push({ concept: c, quality: contextQuality, at: -1, length: 0 });
      got += c.weight * contextQuality;
    }
    const q1 = Math.max(inSentence?.quality ?? 0, contextQuality);
    if (c.required && q1 < 0.5) complete = false;
    if (c.inSentence && (inSentence?.quality ?? 0) < 0.5) complete = false;
  }
  const coverage = total ? got / total : 0;
  // Context alone cannot make a sentence the answer: it must carry some of the question itself.
  return { matches, coverage: total && own / total < MIN_OWN_SHARE ? coverage * 0.5 : coverage, complete };
}

/**
 * Scores every sentence of the retrieved chunks against the question's concepts, best first.
 *
 * @example
 * const sentences = scoreSentences(q, hits, snapshot.source);
 * sentences[0].coverage; // 0.92
 */
export function scoreSentences(q: AnalyzedQuestion, hits: RetrievedChunk[], source: SentenceSource): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  hits.forEach((h, rank) => {
    const head = normalize(source.context(h.chunk.articleId));
    const { para, spans: siblings } = source.sentences(h.chunk);
    const preceding = source.preceding(h.chunk);
    siblings.forEach((s, index) => {
      if (s.end <= h.chunk.start || s.start >= h.chunk.end) return;
      const norm = normalize(s.text);
      const before = normalize(`${preceding}\n${para.slice(0, s.start)}`);
      // A date set in the sentence before governs this one (2月7日,好消息终于传来。启东市…决定…).
      const previous = normalize(siblings[index - 1]?.text ?? '');
      const scored = scoreOne(
        q,
        norm,
        `${head}\n${before}`,
        { previous, wider: `${head}\n${before}` },
        parseIsoDate(h.chunk.date),
      );
      const score = scored.coverage + 0.05 / (1 + rank) - (scored.complete ? 0 : 0.5);
      out.push({
        chunk: h.chunk,
        rank,
        para,
        siblings,
        index,
        start: s.start,
        end: s.end,
        text: s.text,
        norm,
        ...scored,
        score,
      });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}
