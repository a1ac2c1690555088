import { normalize, splitClauses, splitSentences } from '../corpus/text.js';
import type { Chunk } from '../core/types.js';
import { findMentions, type Mention, type MentionKind } from './numbers.js';
import type { AnalyzedQuestion, Concept } from './question.js';
import type { RetrievedChunk } from './retriever.js';

/** A candidate sentence with how well it covers the question. Offsets are into the chunk text. */
export interface ScoredSentence {
  chunk: Chunk;
  rank: number;
  start: number;
  end: number;
  text: string;
  /** Weighted share of the question's concepts found in the sentence (headline matches count 0.6). */
  coverage: number;
  /** Where each matched concept occurs in the normalised sentence. */
  positions: number[];
  score: number;
}

/** The extracted answer span inside a sentence. */
export interface Extraction {
  sentence: ScoredSentence;
  /** The answer itself, verbatim from the sentence. */
  span: string;
  /** The clause around the span, verbatim, to show what the figure counts. */
  context: string;
  mention?: Mention;
}

/** Headline matches show the article is on topic, but the sentence itself must carry the fact. */
const TITLE_CREDIT = 0.6;
const DELIMS = ',，。；;：:!！?？(（';

function findAlt(haystack: string, alt: string): number {
  if (/^\d+(\.\d+)?$/.test(alt)) {
    const m = new RegExp(`(?<![\\d.])${alt.replace('.', '\\.')}(?![\\d.])`).exec(haystack);
    return m ? m.index : -1;
  }
  return haystack.indexOf(alt);
}

function conceptPosition(c: Concept, hay: string): number {
  let best = -1;
  for (const alt of c.alts) {
    const i = findAlt(hay, normalize(alt));
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Partial credit for a long word split differently in the passage: the share of its bigrams found. */
function partial(c: Concept, hay: string): number {
  if (c.alts.length !== 1 || c.alts[0].length < 3) return 0;
  const w = c.alts[0];
  let found = 0;
  for (let i = 0; i + 1 < w.length; i++) if (hay.includes(w.slice(i, i + 2))) found++;
  const share = found / (w.length - 1);
  return share >= 0.5 ? share * 0.8 : 0;
}

/** Scores every sentence of the retrieved chunks against the question's concepts. */
export function scoreSentences(q: AnalyzedQuestion, hits: RetrievedChunk[], titles: Map<string, string>): ScoredSentence[] {
  const total = q.concepts.reduce((s, c) => s + c.weight, 0) || 1;
  const out: ScoredSentence[] = [];
  hits.forEach((h, rank) => {
    const head = normalize(titles.get(h.chunk.articleId) ?? h.chunk.title);
    for (const s of splitSentences(h.chunk.text)) {
      const hay = normalize(s.text);
      let got = 0;
      const positions: number[] = [];
      for (const c of q.concepts) {
        const pos = conceptPosition(c, hay);
        if (pos >= 0) {
          got += c.weight;
          positions.push(pos);
        } else if (conceptPosition(c, head) >= 0) got += c.weight * TITLE_CREDIT;
        else got += c.weight * partial(c, hay);
      }
      const coverage = got / total;
      out.push({ chunk: h.chunk, rank, start: s.start, end: s.end, text: s.text, coverage, positions, score: coverage + 0.05 / (1 + rank) });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

const WANTED: Partial<Record<AnalyzedQuestion['type'], MentionKind[]>> = {
  count: ['quantity', 'percent'],
  percent: ['percent'],
  duration: ['duration'],
  date: ['date'],
};
const COUNTERS = /^(个|名|家|位|项|座|批|辆|只|人|户|起|种|条|次|组|所|间|台|件|份|场|支|处)$/;

/** The clause of `text` that contains offset `at`, trimmed of its closing delimiter. */
function clauseAt(text: string, at: number): string {
  const c = splitClauses(text).find((cl) => at >= cl.start && at < cl.end) ?? { text };
  return c.text.replace(/[,，；;：:。]$/, '');
}

function pickMention(q: AnalyzedQuestion, sentences: ScoredSentence[], kinds: MentionKind[]): Extraction | undefined {
  const top = sentences[0]?.coverage ?? 0;
  let best: { score: number; ex: Extraction } | undefined;
  const moneyWanted = /钱|资金|投资|金额|how much|money|fund|invest|cost/i.test(q.text);
  for (const s of sentences.slice(0, 12)) {
    if (s.coverage < top * 0.6) continue;
    for (const m of findMentions(s.text)) {
      if (!kinds.includes(m.kind)) continue;
      const norm = normalize(m.text);
      if (q.given.has(norm) || [...q.given].some((g) => norm.includes(g) || g.includes(norm))) continue;
      let score = s.score;
      if (q.unit) score += m.unit === q.unit ? 0.3 : m.unit ? -0.2 : -0.1;
      else if (q.type === 'count') {
        if (COUNTERS.test(m.unit)) score += 0.1;
        if (m.unit === '元' && moneyWanted) score += 0.3;
        if (!m.unit) score -= 0.2;
      }
      const d = s.positions.length ? Math.min(...s.positions.map((p) => Math.abs(p - m.start))) : 30;
      score += 0.25 * Math.exp(-d / 12);
      if (!best || score > best.score) best = { score, ex: { sentence: s, span: m.text, context: clauseAt(s.text, m.start), mention: m } };
    }
  }
  return best?.ex;
}

/** Longest common substring of a and b (at least `min` characters): its start in b and length. */
function commonRun(a: string, b: string, min = 2): { at: number; len: number } | undefined {
  let best = { at: -1, len: 0 };
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best.len) best = { at: j - prev[j], len: prev[j] };
      diag = tmp;
    }
  }
  return best.len >= min ? best : undefined;
}

/** Text before `at` back to the previous delimiter (`、` kept: it lists titles and names). */
function segmentBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !DELIMS.includes(text[i - 1])) i--;
  return text.slice(i, at).replace(/^本报讯[(（][^)）]*[)）]/, '').trim();
}

function segmentAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && !DELIMS.includes(text[i])) i++;
  return text.slice(from, i).trim();
}

/** Who / what-title questions: the slot next to where the question's own words line up with the sentence. */
function pickSlot(q: AnalyzedQuestion, s: ScoredSentence): Extraction | undefined {
  const hay = normalize(s.text);
  const strip = (t: string) => t.replace(/[是的了担任为]+$/, '').replace(/^[是的了]+/, '');
  const after = q.after.replace(/[?？。]/g, '');
  if (after.length >= 2) {
    const run = commonRun(strip(after), hay);
    if (run && run.at > 0) {
      const span = segmentBefore(s.text, run.at);
      if (span) return { sentence: s, span, context: clauseAt(s.text, run.at) };
    }
  }
  const before = strip(q.before);
  if (before.length >= 2) {
    const run = commonRun(before, hay);
    if (run) {
      const span = q.type === 'title' ? segmentBefore(s.text, run.at) : segmentAfter(s.text, run.at + run.len);
      if (span) return { sentence: s, span, context: clauseAt(s.text, run.at) };
    }
  }
  return undefined;
}

/** The clause carrying most of the question's concepts (a short clause takes its neighbour along). */
function pickClause(q: AnalyzedQuestion, s: ScoredSentence): Extraction {
  const clauses = splitClauses(s.text);
  let best = clauses[0];
  let bestScore = -1;
  for (const c of clauses) {
    const hay = normalize(c.text);
    const score = q.concepts.reduce((sum, k) => sum + (conceptPosition(k, hay) >= 0 ? k.weight : 0), 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  let text = best.text;
  const next = clauses[clauses.indexOf(best) + 1];
  if (text.length < 8 && next) text += next.text;
  text = text.replace(/[,，；;：:。]$/, '');
  return { sentence: s, span: text, context: text };
}

/**
 * Picks the answer span for an analysed question from the scored sentences:
 * a figure with its unit for how-many/when/how-long questions, the slot next to the
 * question's own words for who/title questions, otherwise the best-matching clause.
 */
export function extract(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  if (!sentences.length) return undefined;
  const kinds = WANTED[q.type];
  if (kinds) return pickMention(q, sentences, kinds);
  if (q.type === 'who' || q.type === 'title') {
    for (const s of sentences.slice(0, 3)) {
      const slot = pickSlot(q, s);
      if (slot) return slot;
    }
  }
  return pickClause(q, sentences[0]);
}
