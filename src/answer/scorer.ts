/**
 * Scoring the sentences of retrieved chunks by how much of the question they cover — in the
 * sentence itself, or in the context a reader would use: the headline, the article's lead, the
 * sentences before it ("该镇", "全区", "他" refer back to them) and the issue's date.
 */
import type { Chunk } from '../core/types.js';
import { daySpan } from '../index/chunk-days.js';
import { otherHalf } from '../text/contrasts.js';
import { normalize } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import { CONTEXT_CREDIT, matchIn, otherFigure, placesOf, wholeOfAnother } from './match/concept-match.js';
import { periodQuality } from './match/period-match.js';
import type { AnalyzedQuestion } from './question/analyze.js';
import type { Concept } from './question/concept.js';
import { zhMeasure } from './question/zh/measure.js';
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
  /** A chunk's paragraph text (and normalised), and its sentences, with offsets into the paragraph. */
  sentences(chunk: Chunk): { para: string; norm: string; spans: Span[] };
  /** The end of the article's text before the chunk's paragraph (for references back: 该局, 老薛). */
  preceding(chunk: Chunk): string;
}

/** Credit of a name found only in an earlier sentence of the article, not its headline, lead or previous sentence. */
const FAR_CREDIT = 0.3;

/** Quality from which a match is the name itself (or an alternative spelling), not a reference to it. */
const LITERAL = 0.8;

/** A sentence that only the context makes relevant must still carry part of the question itself. */
const MIN_OWN_SHARE = 0.25;

/** Measures whose figure names its quantity: 每斤1.65元 is a price, whether or not the sentence says 均价. */
const SELF_NAMED = new Set(['price']);

/** The asked measure's own noun (均价), stood for by a figure of that measure in the sentence (每斤1.65元). */
function byFigure(
  q: AnalyzedQuestion,
  c: Concept,
  norm: string,
): { quality: number; at: number; length: number } | undefined {
  const measure = q.intent.measure;
  if (c.kind !== 'focus' || !measure || !SELF_NAMED.has(measure) || zhMeasure(c.label) !== measure) return undefined;
  return zhMeasure(norm) === measure ? { quality: 0.6, at: -1, length: 0 } : undefined;
}

/** 除…外, 除了…以外: the words a sentence excepts from what it says. */
const EXCEPT = /除(了)?[^,，。;；]{1,24}?(以外|之外|外)|[(（][^)）]{1,24}?(以外|之外)[)）]/g;

/** True when offset `at` of a sentence lies in a phrase it excepts (除冬青路隧道外). */
function excepts(norm: string, at: number): boolean {
  if (at < 0 || !/除|以外|之外/.test(norm)) return false;
  for (const m of norm.matchAll(EXCEPT)) if (at > m.index && at < m.index + m[0].length) return true;
  return false;
}

/** Scores one sentence against the question, with its context. */
function scoreOne(
  q: AnalyzedQuestion,
  norm: string,
  context: string,
  around: { previous: string; wider: string; head: string },
  issueDate: string | undefined,
  headPlaces: readonly string[],
): Omit<ScoredSentence, keyof Span | 'chunk' | 'rank' | 'para' | 'siblings' | 'index' | 'norm' | 'score'> {
  let total = 0;
  let got = 0;
  let own = 0;
  let complete = true;
  const matches: ConceptMatch[] = [];
  for (const c of q.concepts) {
    total += c.weight;
    if (c.period) {
      const p = periodQuality(c.period, norm, around, issueDate, q.intent.slot === 'date');
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
    let inSentence = matchIn(c, norm, context, headPlaces) ?? byFigure(q, c, norm);
    // 平海公路主线(除冬青路隧道外)基本完成: what a sentence excepts is what it does not speak of.
    // (A question may except the same thing: 平海公路主线（冬青路隧道以外）….)
    const excepted = inSentence && excepts(norm, inSentence.at) && !excepts(q.norm, q.norm.indexOf(c.label));
    if (excepted) inSentence = undefined;
    const inContext = excepted ? undefined : matchIn(c, context, context, headPlaces);
    let contextQuality = (inContext?.quality ?? 0) * CONTEXT_CREDIT[c.kind];
    // A name the headline, lead or previous sentence does not give, but some earlier sentence does
    // (亚太地区恢复至54%), is that sentence's subject, not every later one's.
    // (全市 read as the paper's city is the article's setting, not one sentence's.)
    if (c.kind === 'entity' && (inContext?.quality ?? 0) >= LITERAL) {
      const near = matchIn(c, `${around.head}\n${around.previous}`, context, headPlaces);
      contextQuality = Math.max((near?.quality ?? 0) * CONTEXT_CREDIT.entity, (inContext?.quality ?? 0) * FAR_CREDIT);
    }
    // 庞若溪400米个人混合泳: a sentence giving another 200米 speaks of another event, whatever the context
    // says; 今年全省小麦播种面积8520万亩 is the province's, whichever city the lead names.
    const other = c.figure && c.required && otherFigure(c.figure, norm);
    if (!inSentence && (other || wholeOfAnother(c, norm))) contextQuality = 0;
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
    // The asked thing's own words: in the sentence, or in the one before it whose subject it continues.
    if (
      c.inSentence &&
      (inSentence?.quality ?? 0) < 0.5 &&
      (matchIn(c, around.previous)?.quality ?? 0) < 0.5 &&
      !(c.inSentence === 'head' && (matchIn(c, around.head)?.quality ?? 0) >= 0.5)
    )
      complete = false;
  }
  // 女子冠军 is not answered by a sentence about the 男子 one.
  if (q.contrasts.some((w) => otherHalf(w, norm) ?? otherHalf(w, around.previous))) complete = false;
  const coverage = total ? got / total : 0;
  // Context alone cannot make a sentence the answer: it must carry some of the question itself.
  return { matches, coverage: total && own / total < MIN_OWN_SHARE ? coverage * 0.5 : coverage, complete };
}

const overlaps = (span: [number, number] | undefined, days: readonly [number, number]) =>
  !!span && span[0] <= days[1] && span[1] >= days[0];

/**
 * Scores every sentence of the retrieved chunks against the question's concepts, best first.
 *
 * @example
 * const sentences = scoreSentences(q, hits, snapshot.source);
 * sentences[0].coverage; // 0.92
 */
export function scoreSentences(q: AnalyzedQuestion, hits: RetrievedChunk[], source: SentenceSource): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  const issue = q.time.issue && ([daySpan(q.time.issue.from)?.[0] ?? 0, daySpan(q.time.issue.to)?.[1] ?? 0] as const);
  hits.forEach((h, rank) => {
    const head = normalize(source.context(h.chunk.articleId));
    // Normalisation keeps offsets: the paragraph's is sliced, not each sentence's redone.
    const { para, norm: normPara, spans: siblings } = source.sentences(h.chunk);
    const preceding = normalize(source.preceding(h.chunk));
    const inIssue = !issue || overlaps(daySpan(h.chunk.date), issue);
    siblings.forEach((s, index) => {
      if (s.end <= h.chunk.start || s.start >= h.chunk.end) return;
      const norm = normalize(s.text);
      const before = `${preceding}\n${normPara.slice(0, s.start)}`;
      // A date set in the sentence before governs this one (2月7日,好消息终于传来。启东市…决定…).
      const previous = normalize(siblings[index - 1]?.text ?? '');
      const around = { previous, wider: `${head}\n${before}`, head };
      const scored = scoreOne(q, norm, `${head}\n${before}`, around, h.chunk.date, placesOf(head));
      // A question about one issue (今天的报纸) is answered from that issue only.
      if (!inIssue) scored.complete = false;
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
