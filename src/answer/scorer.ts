/**
 * Scoring the sentences of retrieved chunks by how much of the question they cover — in the
 * sentence itself, or in the context a reader would use: the headline, the article's lead, the
 * sentences before it ("该镇", "全区", "他" refer back to them) and the issue's date.
 */
import type { Chunk } from '../core/types.js';
import { daySpan } from '../index/chunk-days.js';
import { findSound } from '../text/bridge/transliteration.js';
import { contrasts } from '../text/contrasts.js';
import { type Day, findPeriods, type Period, parseIsoDate, periodDays, relate } from '../text/dates.js';
import { findMentions } from '../text/figures.js';
import { findNames, TITLES } from '../text/names.js';
import { normalize } from '../text/normalize.js';
import type { Span } from '../text/sentences.js';
import { words } from '../text/tokenizer.js';
import type { AnalyzedQuestion } from './question/analyze.js';
import { altNorm, type Concept } from './question/concept.js';
import { reportLag } from './question/when.js';
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

/** An office (局长) where the text holds that office, not its deputy's (副局长 is another person's post). */
function findOffice(hay: string, office: string): number {
  for (let at = hay.indexOf(office); at >= 0; at = hay.indexOf(office, at + 1)) if (hay[at - 1] !== '副') return at;
  return -1;
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
  // A figure asked without its unit (超10亿) matches the same value of any measure (超10亿元).
  const m = findMentions(hay).find(
    (x) =>
      x.kind === figure.kind &&
      x.value === figure.value &&
      (x.kind !== 'quantity' || x.measure === figure.measure || figure.measure === 'other'),
  );
  if (m) return { quality: 1, at: m.start, length: m.end - m.start };
  // 第一批 is written 首批 as often as not.
  const first =
    figure.kind === 'ordinal' && figure.value === 1
      ? /首(批|届|位|次|轮|期|站|日|天|艘|个|条|场|台|家|座|架|列)/.exec(hay)
      : null;
  return first ? { quality: 1, at: first.index, length: 2 } : undefined;
}

/** True when a text gives another value of a given figure's own unit (200米 where 400米 was asked). */
export function otherFigure(figure: NonNullable<Concept['figure']>, hay: string): boolean {
  if (figure.kind !== 'quantity' || figure.measure === 'other' || figure.measure === 'count') return false;
  return findMentions(hay).some(
    (x) => x.kind === figure.kind && x.measure === figure.measure && x.value !== figure.value,
  );
}

/** True when a text names the concept in one of its own wordings (not by 全市 or 该局). */
const named = (c: Concept, text: string) => c.alts.some((a) => text.includes(altNorm(a)));

/**
 * Whether 全市 (or 全省, 该镇: `kind` 市, 省, 镇) can refer to a place: one of that kind (南通市), or a
 * short Chinese name without its suffix (南通); not a country (马来西亚) or a place of another kind.
 */
function placeOfKind(name: string, kind: string | undefined): boolean {
  if (!kind) return true;
  return name.endsWith(kind) || (name.length <= 3 && !/[省市区县镇乡村国州]$/.test(name));
}

/** True when the article's headline or lead names a place of the kind (惠萍镇 for 全镇) and never the concept. */
function anotherPlace(c: Concept, headPlaces: readonly string[] | undefined, kind: string | undefined): boolean {
  if (!headPlaces?.length) return false;
  // 当地 may be a place of any kind.
  const ofKind = kind ? headPlaces.filter((p) => p.endsWith(kind)) : headPlaces;
  const mine = (p: string) => c.alts.some((a) => p.includes(altNorm(a)) || altNorm(a).includes(p));
  return ofKind.length > 0 && !ofKind.some(mine);
}

const HEAD_PLACES = new Map<string, string[]>();

/** The places an article's headline and lead name (cached: every sentence of the article asks again). */
function placesOf(head: string): string[] {
  let places = HEAD_PLACES.get(head);
  if (!places) {
    places = findNames(head)
      .filter((n) => n.kind === 'place')
      .map((n) => n.text);
    if (HEAD_PLACES.size >= PERIODS_CACHE) HEAD_PLACES.clear();
    HEAD_PLACES.set(head, places);
  }
  return places;
}

/** A paper named after its city: 滨江日报, 南通晚报. */
const PAPER = /(\p{Script=Han}{2,3}?)(日报|晚报|早报|商报|都市报|时报)/u;

/** True when the article's paper is another city's (滨江日报): its 全市 is that city, not the concept. */
function anotherPapers(c: Concept, context: string): boolean {
  const home = PAPER.exec(context)?.[1];
  return !!home && !named(c, home) && !c.alts.some((a) => home.includes(altNorm(a).replace(/市$/, '')));
}

/** The best match of a concept in a text: exact alternatives first, then a long word found in pieces. */
export function matchIn(
  c: Concept,
  hay: string,
  context?: string,
  headPlaces?: readonly string[],
): { quality: number; at: number; length: number } | undefined {
  if (c.figure) return matchFigure(c.figure, hay);
  if (c.sound) {
    const heard = findSound(c.sound, hay);
    if (heard) return { quality: 0.8, ...heard };
  }
  let best: { quality: number; at: number; length: number } | undefined;
  for (const alt of c.alts) {
    const text = altNorm(alt);
    const office = c.kind !== 'entity' && !c.deputyToo && TITLES.test(text) && text.length >= 2;
    const at = office ? findOffice(hay, text) : findText(hay, text);
    if (at >= 0 && (!best || alt.quality > best.quality)) best = { quality: alt.quality, at, length: text.length };
  }
  if (best && best.quality >= 0.8) return best;
  const w = c.alts[0] ? normalize(c.alts[0].text) : '';
  // A post is held or not: 总队长 is not found in pieces of 副总队长.
  if (c.kind !== 'entity' && !c.deputyToo && TITLES.test(w)) return best;
  const split = w.length >= 3 && /\p{Script=Han}/u.test(w) ? splitApart(w, hay) : undefined;
  if (split && split.quality > (best?.quality ?? 0)) return split;
  if (best) return best;
  // 全市, 该镇: a place the corpus knows, referred back to (`context` is given for the sentence and
  // its context, not for other text); in another city's paper, 全市 is that city.
  if (c.kind === 'entity' && c.place && context !== undefined) {
    const d = DEICTIC_PLACE.exec(hay);
    if (d && c.alts.some((a) => placeOfKind(altNorm(a), d[2]))) {
      const elsewhere = anotherPapers(c, context) || anotherPlace(c, headPlaces, d[2]);
      return { quality: elsewhere ? 0.3 : 0.6, at: d.index, length: d[0].length };
    }
  }
  // 该局, 他: a name the text before has given, referred back to.
  if (c.kind === 'entity' && context !== undefined && named(c, context)) {
    const d = DEICTIC_NAMED.exec(hay);
    if (d) return { quality: 0.6, at: d.index, length: d[0].length };
  }
  // Partial credit for a long word written differently (平海路 for 平海公路): the share of its bigrams found.
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
  if (share >= 0.5) return { quality: share * 0.7, at: first, length: 2 };
  return abbreviated(w, hay);
}

/**
 * An abbreviation found written out (残运会 in 残疾人运动会, 轨交 in 轨道交通): its characters in order,
 * the first two starting words of a short stretch of text.
 */
function abbreviated(w: string, hay: string): Found | undefined {
  if (w.length < 3 || w.length > 5) return undefined;
  for (let at = hay.indexOf(w.charAt(0)); at >= 0; at = hay.indexOf(w.charAt(0), at + 1)) {
    let end = at + 1;
    for (const ch of w.slice(1)) {
      const next = hay.indexOf(ch, end);
      if (next < 0 || next - end > 3) {
        end = -1;
        break;
      }
      end = next + 1;
    }
    if (end > 0 && end - at <= w.length * 3) return { quality: 0.7, at, length: end - at };
  }
  return undefined;
}

type Found = { quality: number; at: number; length: number };

const PIECES = new Map<string, string[]>();
const PIECES_CACHE = 10_000;

/** A compound's words, as jieba splits it (工程进度 → 工程, 进度); cached, as concepts recur. */
function piecesOf(w: string): string[] {
  let pieces = PIECES.get(w);
  if (!pieces) {
    // The search-mode cut also gives the whole word back: only its parts are wanted.
    pieces = words(w).filter((x) => x !== w && /\p{Script=Han}/u.test(x));
    // A four-character word jieba keeps whole (工程进度) is still two words to a reader.
    if (pieces.length < 2 && w.length === 4) pieces = [w.slice(0, 2), w.slice(2)];
    if (PIECES.size >= PIECES_CACHE) PIECES.clear();
    PIECES.set(w, pieces);
  }
  return pieces;
}

/** A compound written with a word between its parts (工程进度 in 工程总体进度): every part, close together, in order. */
function splitApart(w: string, hay: string): Found | undefined {
  const pieces = piecesOf(w);
  if (pieces.length < 2) return undefined;
  const first = hay.indexOf(pieces[0] ?? '');
  if (first < 0) return undefined;
  let end = first + (pieces[0]?.length ?? 0);
  for (const piece of pieces.slice(1)) {
    const at = hay.indexOf(piece, end);
    if (at < 0 || at - end > 4) return undefined;
    end = at + piece.length;
  }
  return { quality: 0.8, at: first, length: end - first };
}

const PERIODS_CACHE = 10_000;
const periodsCache = new Map<string, Period[]>();

/** A period named as the base of a comparison (较9月末下降, 比8月底增加, 与2019年同期相比): it dates no figure. */
const COMPARED = /(较|比|相较于?|相比于?|与|同)$/;

/**
 * 新华社北京9月4日电, 记者27日从…获悉, 统计局4日发布: when the news was filed or announced, not what
 * period its figures are for.
 */
function isDateline(text: string, p: Period): boolean {
  const before = text.slice(Math.max(0, p.start - 12), p.start);
  const after = text.slice(p.end, p.end + 2);
  return (
    (/新华社\S{0,8}$/.test(before) && after.startsWith('电')) ||
    (/记者\s?$/.test(before) && /^(从|在|获悉|了解)/.test(after)) ||
    (/^\d{1,2}日$/.test(p.text) && /^(发布|公布|通报|宣布|披露)/.test(after))
  );
}

/**
 * The periods a text names, read against its issue's date, without starting points (今年以来,
 * 2月5日以来) or comparison bases (较9月末): they date no figure. Cached: the same sentences and
 * contexts come back question after question, and reading periods is most of scoring a dated question.
 */
function periodsOf(text: string, anchor?: Partial<Day>): Period[] {
  const key = `${anchor?.year ?? ''}-${anchor?.month ?? ''}-${anchor?.day ?? ''}|${text}`;
  let periods = periodsCache.get(key);
  if (!periods) {
    periods = findPeriods(text, anchor).filter(
      (p) =>
        !/^\s*(以来|来)/.test(text.slice(p.end, p.end + 3)) &&
        !COMPARED.test(text.slice(0, p.start)) &&
        !isDateline(text, p),
    );
    if (periodsCache.size >= PERIODS_CACHE) periodsCache.delete(periodsCache.keys().next().value as string);
    periodsCache.set(key, periods);
  }
  return periods;
}

/** True when both name runs of months, and not the same run. */
function otherMonths(stated: Period, asked: Period): boolean {
  const [s0, s1] = stated.months ?? [];
  const [a0, a1] = asked.months ?? [];
  if (s0 === undefined || s1 === undefined || a0 === undefined || a1 === undefined) return false;
  return s0 !== a0 || s1 !== a1;
}

/** The best period of a text against an asked one: the same period, or `conflict` when it names only others. */
function matchPeriod(asked: Period, text: string, anchor?: Partial<Day>): Found | 'conflict' | undefined {
  let conflict = false;
  let partial: Found | undefined;
  for (const p of periodsOf(text, anchor)) {
    const r = relate(asked, p);
    if (r === 'same') return { quality: 1, at: p.start, length: p.end - p.start };
    // 2月 within an asked 一季度, or 1至3月 for an asked 3月: another run of months is another figure.
    if (r === 'overlap' && otherMonths(p, asked)) {
      conflict = true;
      continue;
    }
    if (r === 'overlap') partial ??= { quality: 0.3, at: p.start, length: p.end - p.start };
    else if (r === 'conflict') conflict = true;
  }
  return partial ?? (conflict ? 'conflict' : undefined);
}

/** True when a text (a figure's clause) names periods, and only others than the asked one (其中第三季度…). */
export function clashes(asked: Period, text: string, issueDate: string | undefined): boolean {
  return matchPeriod(asked, normalize(text), parseIsoDate(issueDate)) === 'conflict';
}

/**
 * For a sentence that names no period: whether its issue can report on the asked one. A yearless
 * asked period (3月) is read in the issue's year, or the year before when that month is still to come.
 */
function issueQuality(asked: Period, issueDate: string | undefined): number {
  const issue = daySpan(issueDate);
  if (!issue) return asked.year === undefined ? 0.6 : 0;
  const parts = parseIsoDate(issueDate);
  const month = asked.months?.[0];
  const year =
    asked.year ??
    (parts?.year !== undefined && month && parts.month && month > parts.month + 1 ? parts.year - 1 : parts?.year);
  const days = periodDays(asked, year);
  if (!days) return 0.6;
  // An issue of the period itself tells of it best; one soon after may still report on it.
  if (issue[0] <= days[1] && issue[1] >= days[0]) return 0.7;
  return issue[0] <= days[1] + reportLag(asked) && issue[1] >= days[0] ? 0.6 : 0;
}

/**
 * How a sentence answers an asked period: by its own words, by the sentence before it, by the
 * headline or the article's earlier text, or by its issue's date; -1 when it speaks of another period.
 * A question asking for a date (什么时候) finds it in the sentence: that date is the answer, not a conflict.
 */
function periodQuality(
  asked: Period,
  norm: string,
  around: { previous: string; wider: string },
  issueDate: string | undefined,
  asksDate: boolean,
): Found | -1 {
  const anchor = parseIsoDate(issueDate);
  const own = matchPeriod(asked, norm, anchor);
  if (own === 'conflict' && !asksDate) return -1;
  if (own && own !== 'conflict' && own.quality === 1) return own;
  // A part of the period (the year of an asked month) leaves the rest to the context.
  let best: Found = own && own !== 'conflict' ? own : { quality: 0, at: -1, length: 0 };
  const better = (f: Found) => {
    if (f.quality > best.quality) best = f;
  };
  const previous = matchPeriod(asked, around.previous, anchor);
  if (previous === 'conflict' && !asksDate && !own) return -1;
  if (previous && previous !== 'conflict')
    better({ quality: previous.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 });
  // The headline or an earlier paragraph may name the period; another period named there decides nothing.
  const wider = matchPeriod(asked, around.wider, anchor);
  if (wider && wider !== 'conflict') better({ quality: wider.quality * CONTEXT_CREDIT.figure, at: -1, length: 0 });
  if (best.quality < 0.5) better({ quality: issueQuality(asked, issueDate), at: -1, length: 0 });
  return best;
}

/**
 * Whether a text names the other word of an asked pair and not the asked one (true), names the
 * asked one (false), or neither (undefined, for the caller to look further).
 */
function otherHalf(asked: string, text: string): boolean | undefined {
  if (text.includes(asked)) return false;
  return contrasts(asked).some((w) => text.includes(w)) ? true : undefined;
}

/** Scores one sentence against the question, with its context. */
function scoreOne(
  q: AnalyzedQuestion,
  norm: string,
  context: string,
  around: { previous: string; wider: string },
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
    const inSentence = matchIn(c, norm, context, headPlaces);
    const inContext = matchIn(c, context, context, headPlaces);
    // 庞若溪400米个人混合泳: a sentence giving another 200米 speaks of another event, whatever the context says.
    const other = !inSentence && c.figure && c.required && otherFigure(c.figure, norm);
    const contextQuality = other ? 0 : (inContext?.quality ?? 0) * CONTEXT_CREDIT[c.kind];
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
    if (c.inSentence && (inSentence?.quality ?? 0) < 0.5 && (matchIn(c, around.previous)?.quality ?? 0) < 0.5)
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
      const around = { previous, wider: `${head}\n${before}` };
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
