/** Picking the answer span from the best sentences: a figure, a name, a slot or a clause. */
import { findMentions, type Mention, type MentionKind } from '../text/figures.js';
import { normalize } from '../text/normalize.js';
import { type Span, splitClauses } from '../text/sentences.js';
import { segmenter } from '../text/tokenizer.js';
import type { AnalyzedQuestion } from './question.js';
import { conceptPosition, type ScoredSentence } from './scorer.js';

/** The extracted answer span inside a sentence. */
export interface Extraction {
  sentence: ScoredSentence;
  /** The answer itself, verbatim from the sentence. */
  span: string;
  /** The clause around the span, verbatim, to show what the figure counts. */
  context: string;
  mention?: Mention;
}

const DELIMS = ',，。；;：:!！?？(（';

const WANTED: Partial<Record<AnalyzedQuestion['type'], MentionKind[]>> = {
  count: ['quantity', 'percent'],
  percent: ['percent'],
  duration: ['duration'],
  date: ['date'],
};
const LENGTH_UNITS = /^(千米|公里|米)$/;

/**
 * How closely the question's concepts surround a figure: each concept counts by its weight,
 * decaying with the distance from the figure to the concept's nearest occurrence.
 */
function nearness(q: AnalyzedQuestion, hay: string, m: Mention): number {
  let total = 0;
  let got = 0;
  for (const c of q.concepts) {
    total += c.weight;
    let best = Infinity;
    for (const alt of c.alts) {
      const a = normalize(alt);
      if (!a) continue;
      for (let i = hay.indexOf(a); i >= 0; i = hay.indexOf(a, i + 1)) {
        const d = i >= m.end ? i - m.end : m.start >= i + a.length ? m.start - i - a.length : 0;
        if (d < best) best = d;
      }
    }
    if (best < Infinity) got += c.weight * Math.exp(-best / 15);
  }
  return total ? got / total : 0;
}

const COUNTERS = /^(个|名|家|位|项|座|批|辆|只|人|户|起|种|条|次|组|所|间|台|件|份|场|支|处)$/;

/** The clause of `text` that contains offset `at`, trimmed of its closing delimiter. */
function clauseAt(text: string, at: number): string {
  const c = splitClauses(text).find((cl) => at >= cl.start && at < cl.end) ?? { text };
  return c.text.replace(/[,，；;：:。]$/, '');
}

/**
 * Mentions of the wanted kinds in the sentence and, for dates, in the sentence before it:
 * news prose sets the date once (`2月7日,好消息终于传来。`) and tells the event after it.
 */
function mentionsAround(s: ScoredSentence, kinds: MentionKind[]): Array<{ m: Mention; from: Span; penalty: number }> {
  const own = findMentions(s.text)
    .filter((m) => kinds.includes(m.kind))
    .map((m) => ({ m, from: s, penalty: 0 }));
  const prev = s.siblings[s.index - 1];
  if (!kinds.includes('date') || own.length || !prev) return own;
  return findMentions(prev.text)
    .filter((m) => m.kind === 'date')
    .map((m) => ({ m, from: prev, penalty: 0.1 }));
}

/** One citation spanning a sentence and the one before it. */
function joinSentences(prev: Span, s: ScoredSentence): ScoredSentence {
  return { ...s, start: prev.start, index: s.index - 1, text: s.para.slice(prev.start, s.end) };
}

function pickMention(q: AnalyzedQuestion, sentences: ScoredSentence[], kinds: MentionKind[]): Extraction | undefined {
  const top = sentences[0]?.coverage ?? 0;
  let best: { score: number; ex: Extraction } | undefined;
  const moneyWanted =
    /钱|资金|投资|金额|损失|收入|how much|money|fund|invest|cost|price|loss|revenue|income|worth/i.test(q.text);
  for (const s of sentences.slice(0, 12)) {
    if (s.coverage < top * 0.6) continue;
    for (const { m, from, penalty } of mentionsAround(s, kinds)) {
      const norm = normalize(m.text);
      if (q.given.has(norm) || q.given.has(String(m.value))) continue;
      let score = s.score - penalty;
      // 'Which day' wants a day, not the year the article mentions in passing.
      if (m.kind === 'date' && (m.value >= 10000 || m.value === 0) && !/哪年|几年|what year|which year/i.test(q.text))
        score -= 0.3;
      if (q.unit === 'length') {
        score += LENGTH_UNITS.test(m.unit) ? 0.3 : -0.2;
        // `向西2公里处` is a position (at 2 km), not the length of anything.
        if (from.text[m.end] === '处') score -= 0.3;
      } else if (q.unit) score += m.unit === q.unit ? 0.3 : m.unit ? -0.2 : -0.1;
      else if (q.type === 'count') {
        if (COUNTERS.test(m.unit)) score += 0.1;
        if (m.unit === '元' && moneyWanted) score += 0.3;
        if (!m.unit) score -= 0.2;
      }
      score += 0.4 * (from === s ? nearness(q, normalize(s.text), m) : 0.2);
      if (!best || score > best.score) {
        const quoted = from === s ? s : joinSentences(from, s);
        best = { score, ex: { sentence: quoted, span: m.text, context: clauseAt(from.text, m.start), mention: m } };
      }
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
      const tmp = prev[j] as number;
      const run = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      prev[j] = run;
      if (run > best.len) best = { at: j - run, len: run };
      diag = tmp;
    }
  }
  return best.len >= min ? best : undefined;
}

/** Text before `at` back to the previous delimiter (`、` kept: it lists titles and names). */
function segmentBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !DELIMS.includes(text.charAt(i - 1))) i--;
  return text
    .slice(i, at)
    .replace(/^本报讯[(（][^)）]*[)）]/, '')
    .trim();
}

function segmentAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && !DELIMS.includes(text.charAt(i))) i++;
  return text.slice(from, i).trim();
}

const NAME_TAGS = /^(nr|nrfg|nrt|x)$/;

/** The person's name at the start of a segment (`吴艳飞说` → `吴艳飞`), by jieba's part-of-speech tags. */
function leadingName(segment: string): string {
  const tags = segmenter().tag(segment, true);
  let name = '';
  for (const t of tags) {
    if (!NAME_TAGS.test(t.tag) || !/^\p{Script=Han}+$/u.test(t.word)) break;
    name += t.word;
  }
  return name.length >= 2 && name.length <= 4 ? name : segment;
}

/** True when a segment ends in a list separator or a personal name rather than a post. */
function endsWithName(segment: string): boolean {
  if (/[、,，和与及]$/.test(segment)) return true;
  const tags = segmenter().tag(segment, true);
  return NAME_TAGS.test(tags.at(-1)?.tag ?? '');
}

/** English who-questions: the personal name in the sentence nearest to the question's concepts. */
function pickName(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  let best: { score: number; ex: Extraction } | undefined;
  const top = sentences[0]?.coverage ?? 0;
  for (const s of sentences.slice(0, 6)) {
    if (s.coverage < top * 0.7) continue;
    let at = 0;
    for (const t of segmenter().tag(s.text, true)) {
      const start = s.text.indexOf(t.word, at);
      at = start + t.word.length;
      if (!/^nr/.test(t.tag) || t.word.length < 2) continue;
      const m = { start, end: at } as Mention;
      const score = s.score + 0.4 * nearness(q, normalize(s.text), m);
      if (!best || score > best.score)
        best = { score, ex: { sentence: s, span: t.word, context: clauseAt(s.text, start) } };
    }
  }
  return best?.ex;
}

/** Who / what-title questions: the slot next to where the question's own words line up with the sentence. */
function pickSlot(q: AnalyzedQuestion, s: ScoredSentence): Extraction | undefined {
  const hay = normalize(s.text);
  const strip = (t: string) => t.replace(/[是的了担任为]+$/, '').replace(/^[是的了]+/, '');
  const after = strip(q.after.replace(/[?？。]/g, ''));
  if (after.length >= 2) {
    // Anchor on where the words right after the question word start (`主持召开…`), else on the longest shared run.
    let at = -1;
    for (let n = Math.min(after.length, 8); n >= 2 && at < 0; n--) at = hay.indexOf(after.slice(0, n));
    if (at <= 0) at = commonRun(after, hay)?.at ?? -1;
    if (at > 0) {
      // `…姜永华来到市公安局,专题调研…`: when the words start a clause, the doer ends the clause before.
      const span = segmentBefore(s.text, at) || segmentBefore(s.text, Math.max(0, at - 1));
      if (span) return { sentence: s, span, context: clauseAt(s.text, at) };
    }
  }
  const before = strip(q.before);
  if (before.length >= 2) {
    const run = commonRun(before, hay);
    if (run) {
      const span =
        q.type === 'title' ? segmentBefore(s.text, run.at) : leadingName(segmentAfter(s.text, run.at + run.len));
      // A title is a post, not another person listed before the name (`姜永华、张轩`).
      if (span && !(q.type === 'title' && endsWithName(span)))
        return { sentence: s, span, context: clauseAt(s.text, run.at) };
    }
  }
  return undefined;
}

/** The clause carrying most of the question's concepts (a short clause takes its neighbour along). */
function pickClause(q: AnalyzedQuestion, s: ScoredSentence): Extraction {
  const clauses = splitClauses(s.text);
  let best: Span = clauses[0] ?? { start: 0, end: s.text.length, text: s.text };
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
  // In a list (`A、B“X”等平台`), the item holding the question's name is the answer to "what is X".
  const key =
    q.concepts.length <= 2 ? q.concepts.find((c) => c.key && conceptPosition(c, normalize(text)) >= 0) : undefined;
  if (key && text.includes('、')) {
    const items = text.split('、');
    const item = items.find((it) => conceptPosition(key, normalize(it)) >= 0);
    if (item && item.length >= 4) return { sentence: s, span: item, context: text };
  }
  return { sentence: s, span: text, context: text };
}

/**
 * Picks the answer span for an analysed question from the scored sentences:
 * a figure with its unit for how-many/when/how-long questions, the slot next to the
 * question's own words for who/title questions, otherwise the best-matching clause.
 */
export function extract(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const top = sentences[0];
  if (!top) return undefined;
  const kinds = WANTED[q.type];
  if (kinds) return pickMention(q, sentences, kinds);
  if (q.type === 'who' && q.lang === 'en') return pickName(q, sentences) ?? pickClause(q, top);
  if ((q.type === 'who' || q.type === 'title') && q.lang === 'zh') {
    for (const s of sentences.slice(0, 3)) {
      const slot = pickSlot(q, s);
      if (slot) return slot;
    }
  }
  return pickClause(q, top);
}
