/**
 * Clause answers: the reason for why-questions (因…, 由于…, 为了…), the measure taken for
 * how-questions (通过…, 采取…), the defining words for what-is questions (X，即…; 因…得名; the
 * items listed before “四员”), and otherwise the clause that carries most of the question.
 */
import { normalize } from '../../text/normalize.js';
import { type Span, splitClauses } from '../../text/sentences.js';
import { matchIn } from '../match/concept-match.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import type { Concept } from '../question/concept.js';
import type { ScoredSentence } from '../scorer.js';
import type { Extraction } from './extraction.js';

const REASON =
  /因为|由于|因(?!此)|为了|原因|是因为|以便|鉴于|受.{1,8}影响|否则|要不然|不然|导致|致使|就将|到时|通过|依靠|得益于|解决|旨在|用于|确保/;
/** How much of the best sentence's coverage a sentence needs for its reason to count. */
const REASON_SHARE = 0.8;

/** A question asking why something is said to be so (为什么说…很重要). */
const SAID = /^(为什么|为啥|为何)(说|讲)/;
/** For those, how close to the best sentence's coverage a sentence giving a reason must come. */
const SAID_SHARE = 0.95;

/** Scores this close to the best sentence's count as a tie for a how-answer. */
const METHOD_TIE = 0.06;

/** A sentence that opens by giving the reason for the one before. */
const EXPLAINS = /^\s*(因为|由于|这是因为|原因是|主要是因为|之所以)/;
/** A question about a name's origin (为什么叫…) is answered by how it got the name. */
const NAMING = /叫|名字|名称|得名|称为|called|name/;
const NAMED = /得名|命名|取名|称为|之称/;
const METHOD =
  /通过|采取|采用|实行|实施|开展|利用|借助|依靠|建立|推行|组织|开辟|开具|办理|申领|联系|协调|落实|派驻|下沉|挂钩|帮助|组建|形式|方式|办法|措施|机制/;
const DEFINE_AFTER =
  /^(工程|项目|平台|系统|活动|机制|制度|组织|单位)?[,，:：\s]*(即|是指|指的是|指|就是|是|系|为|包括|包含|由|分为|意为|意思是)/;
const CLOSE = /[,，；;：:。]$/;

/** The clause with most of the question's concepts; ties go to the earlier clause. */
function bestClause(q: AnalyzedQuestion, text: string, prefer?: RegExp): { clause: Span; score: number } | undefined {
  let best: { clause: Span; score: number } | undefined;
  for (const c of splitClauses(text)) {
    let score = 0;
    for (const k of q.concepts) if (matchIn(k, c.text)) score += k.weight;
    if (prefer?.test(c.text)) score += 1.5;
    if (!best || score > best.score) best = { clause: c, score };
  }
  return best;
}

/** The clause plus the one after it when it is too short to say anything on its own. */
function widen(text: string, clause: Span): string {
  const clauses = splitClauses(text);
  const i = clauses.findIndex((c) => c.start === clause.start);
  let out = clause.text;
  const next = clauses[i + 1];
  if (out.replace(CLOSE, '').length < 8 && next) out += next.text;
  return out.replace(CLOSE, '');
}

/** One citation spanning a sentence and a neighbour of it, in paragraph order. */
function withNeighbour(s: ScoredSentence, other: Span): ScoredSentence {
  const start = Math.min(s.start, other.start);
  const end = Math.max(s.end, other.end);
  return { ...s, start, end, text: s.para.slice(start, end) };
}

/**
 * A why-answer: the clause giving a reason — in a sentence that covers the question, or right
 * after one (the reason often follows in its own sentence: 因为再过二三十天，…就将脱壳).
 */
export function pickReason(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const top = sentences[0]?.coverage ?? 0;
  // 为什么说X很关键 asks why X is called so: what the best sentence says X is, unless it or another as good
  // gives a reason; its neighbours' reasons are their own.
  const said = SAID.test(q.norm);
  const share = said ? SAID_SHARE : REASON_SHARE;
  let best: Extraction | undefined;
  for (const s of sentences.slice(0, 8)) {
    // A reason word in a sentence about something else answers nothing.
    if (s.coverage < top * share) continue;
    const next = s.siblings[s.index + 1];
    const prev = s.siblings[s.index - 1];
    // A sentence opening with 因为 explains the one before it as much as that one's own clauses would.
    const nextBonus = next && EXPLAINS.test(next.text) ? 0.3 : 0.15;
    // Items of a list (…;…;) each tell their own story: the next item is no reason for this one.
    const listed = /[;；]\s*$/.test(s.text);
    const explains = next !== undefined && EXPLAINS.test(next.text);
    const candidates: Array<[string, number, ScoredSentence]> = [
      [s.text, 0.3, s],
      ...(next && (explains || (!listed && !said))
        ? [[next.text, nextBonus, withNeighbour(s, next)] as [string, number, ScoredSentence]]
        : []),
      ...(prev && !said && !/[;；]\s*$/.test(prev.text)
        ? [[prev.text, 0.1, withNeighbour(s, prev)] as [string, number, ScoredSentence]]
        : []),
    ];
    const naming = NAMING.test(q.norm);
    for (const [text, bonus, quoted] of candidates) {
      const clauses = splitClauses(text);
      const i = clauses.findIndex((x) => (naming ? NAMED : REASON).test(x.text));
      const clause = clauses[i];
      if (!clause) continue;
      // The reason runs from its marker to the end of the sentence (因为再过二三十天，这些扣蟹就将脱壳，…).
      const span = clauses
        .slice(i, i + 3)
        .map((c) => c.text)
        .join('')
        .replace(CLOSE, '');
      const score = s.score + bonus + (naming ? 0.2 : 0);
      if (!best || score > best.score) best = { sentence: quoted, span, context: text, score, fit: 1 };
    }
  }
  return best;
}

/**
 * What the best sentence says beyond the question, when no word marks a reason: its first clauses
 * (after the one that opens it) holding none of the question's words (博莱特布业为什么需要帮忙 →
 * 办理营业执照注册地址变更手续).
 */
export function pickRest(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const s = sentences[0];
  if (!s) return undefined;
  const fresh = (c: Span) => !q.concepts.some((k) => matchIn(k, c.text));
  const clauses = splitClauses(s.text);
  const i = clauses.findIndex((c, k) => k > 0 && fresh(c));
  if (i < 0) return undefined;
  const rest = clauses.slice(i, i + 2).filter(fresh);
  const span = rest
    .map((c) => c.text)
    .join('')
    .replace(CLOSE, '');
  return { sentence: s, span, context: s.text, score: s.score, fit: 0.5 };
}

/** A how-answer: the clause stating the measure taken. */
export function pickMethod(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const top = sentences[0]?.score ?? 0;
  let best: Extraction | undefined;
  // Of the sentences that tie for the best, the one that states a measure (开具…通行证), not only the event.
  for (const s of sentences.slice(0, 3).filter((x) => x.score >= top - METHOD_TIE)) {
    // 组建三个督导组，采取“四不两直”形式: the measure is the marked clause the question does not restate.
    const fresh = splitClauses(s.text).find(
      (c, i) => i > 0 && METHOD.test(c.text) && !q.concepts.some((k) => k.kind !== 'content' && matchIn(k, c.text)),
    );
    const c = fresh ? { clause: fresh } : bestClause(q, s.text, METHOD);
    if (!c) continue;
    const span = widen(s.text, c.clause);
    const stated = METHOD.test(span);
    const found = { sentence: s, span, context: s.text, score: s.score + (stated ? 0.3 : 0.1), fit: stated ? 1 : 0.5 };
    if (!best || found.score > best.score) best = found;
  }
  return best;
}

/** The concept a what-is question defines: a quoted term, else its rarest name or word. */
function definedTerm(q: AnalyzedQuestion): Concept | undefined {
  const entities = q.concepts.filter((c) => c.kind === 'entity');
  return entities[0] ?? [...q.concepts].sort((a, b) => b.weight - a.weight)[0];
}

/**
 * A what-is answer: what a sentence says the term is (X是…, X，即…, X，因…得名, the items before X), from
 * the best sentences that say it; else the words after the term in the best sentence.
 */
export function pickDefinition(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const term = definedTerm(q);
  if (!term) return undefined;
  const top = sentences[0]?.coverage ?? 0;
  const saying = sentences.slice(0, 8).filter((s) => s.coverage >= top * 0.8);
  for (const s of saying) {
    const found = defines(term, s, true);
    if (found) return found;
  }
  for (const s of sentences.slice(0, 4)) {
    const found = defines(term, s, false);
    if (found) return found;
  }
  return undefined;
}

/** What one sentence says the term is; with `strict`, only a defining pattern, never the words after it. */
function defines(term: Concept, s: ScoredSentence, strict: boolean): Extraction | undefined {
  const at = matchIn(term, s.norm);
  if (!at || at.at < 0) return undefined;
  const after = s.text.slice(at.at + at.length);
  const defined = DEFINE_AFTER.exec(after);
  if (defined) {
    const rest = after.slice(defined[0].length);
    const end = rest.search(/[。；;！!？?]/);
    const span = (end < 0 ? rest : rest.slice(0, end)).replace(CLOSE, '').trim();
    if (span.length >= 2) return { sentence: s, span, context: s.text, score: s.score + 0.35, fit: 1 };
  }
  // Items listed right before the term name it: 当好信息员、宣传员、调解员、服务员“四员”.
  const before = s.text.slice(0, at.at).replace(/[“"「]$/, '');
  const list = /([^,，。；;：:]*、[^,，。；;：:]*)$/.exec(before);
  if (list?.[1]) {
    // A name that counts (四员) names the whole list; any other (电子健康通行证“易来通”) the item it stands by.
    const counts = /^[一二两三四五六七八九十\d]/.test(normalize(term.label));
    const items = counts ? list[1] : (list[1].split('、').at(-1) ?? '');
    const span = items.replace(/^(着力|当好|做好|成为|担任|包括|即)/, '');
    if (span.length >= 2) return { sentence: s, span, context: s.text, score: s.score + 0.35, fit: 1 };
  }
  // 因形状像纽扣得名: a name's origin.
  const origin = /因([^,，。]{2,20})得名/.exec(s.text);
  if (origin) return { sentence: s, span: origin[0], context: s.text, score: s.score + 0.35, fit: 1 };
  if (strict) return undefined;
  // Otherwise the words that follow the term in its clause.
  const clause = splitClauses(s.text).find((c) => at.at >= c.start && at.at < c.end);
  if (!clause) return undefined;
  const span = widen(s.text, clause);
  return span.length > term.label.length + 2
    ? { sentence: s, span, context: s.text, score: s.score + 0.15, fit: 0.6 }
    : undefined;
}

/** The clause carrying most of the question (a short clause takes its neighbour along). */
export function pickClause(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const s = sentences[0];
  if (!s) return undefined;
  const c = bestClause(q, s.text);
  if (!c) return undefined;
  const text = widen(s.text, c.clause);
  // In a list (`A、B“X”等平台`), the item holding the question's name is the answer to "what is X".
  const key = q.concepts.find((k) => k.kind === 'entity' && matchIn(k, text));
  if (key && text.includes('、') && q.concepts.length <= 3) {
    const item = text.split('、').find((it) => matchIn(key, it));
    if (item && item.length >= 4) return { sentence: s, span: item, context: text, score: s.score + 0.1, fit: 0.6 };
  }
  return { sentence: s, span: text, context: text, score: s.score + 0.1, fit: 0.6 };
}

/** The words by which news prose gives a route's ends: 西接…东连…, 起于…止于…, 从…至…. */
const ROUTE = /(东|西|南|北)(接|连|起|至)|起于|止于|起自|起点|终点|连接/;

/**
 * A from-where-to-where answer (平海公路是一条从哪儿到哪儿的路): the clauses of the best sentence
 * that give the route's ends (西接通洋高速骑岸出口,东连通州湾示范区乐海大道).
 */
export function pickRoute(sentences: ScoredSentence[]): Extraction | undefined {
  for (const s of sentences.slice(0, 4)) {
    const ends = splitClauses(s.text).filter((c) => ROUTE.test(c.text));
    if (!ends.length) continue;
    const span = ends
      .map((c) => c.text)
      .join('')
      .replace(CLOSE, '');
    return { sentence: s, span, context: s.text, score: s.score + 0.3, fit: 1 };
  }
  return undefined;
}
