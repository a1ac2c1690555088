/**
 * How tightly a candidate answer span is bound to what the question asks about: near the focus and
 * the named entities of the question, in the same clause, and not owned by another entity
 * ("德国增长0.3%，法国增长0.1%": asked about France, 0.3% belongs to Germany).
 */
import { findNames, type NameSpan } from '../../text/names.js';
import { normalize } from '../../text/normalize.js';
import { altNorm } from '../question/concept.js';
import type { ConceptMatch, ScoredSentence } from '../scorer.js';

/** A span of a sentence. */
export interface Place {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[,，;；。!！?？:：]/;

/** Distance in characters between two spans of a sentence (0 when they touch or overlap). */
export function gap(a: Place, b: Place): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** Number of clause breaks between two spans. */
export function clausesApart(text: string, a: Place, b: Place): number {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  return from >= to ? 0 : (text.slice(from, to).match(/[,，;；。!！?？:：]/g) ?? []).length;
}

/**
 * Where a matched concept occurs nearest to a span: 高血压检出率为32.4%，糖尿病检出率为11.7% has
 * 检出率 twice, and the figure belongs to the one beside it.
 */
function nearestOccurrence(norm: string, m: ConceptMatch, span: Place): Place {
  let best: Place = { start: m.at, end: m.at + m.length };
  let bestGap = gap(span, best);
  for (const alt of m.concept.alts) {
    const text = altNorm(alt);
    if (!text) continue;
    for (let at = norm.indexOf(text); at >= 0; at = norm.indexOf(text, at + 1)) {
      const where = { start: at, end: at + text.length };
      const d = gap(span, where);
      if (d < bestGap) {
        best = where;
        bestGap = d;
      }
    }
  }
  return best;
}

/**
 * How close a span is to the question's words in the sentence, 0–1: each matched concept counts by
 * its weight, decaying with distance, and less across a clause break.
 */
export function nearness(s: ScoredSentence, span: Place): number {
  let total = 0;
  let got = 0;
  for (const m of s.matches) {
    // A given ordinal tells list items apart (第一产业增长3.9%，第二产业增长4.6%); other given figures date or
    // size the whole sentence.
    if (m.concept.kind === 'figure' && m.concept.figure?.kind !== 'ordinal') continue;
    const weight = m.concept.kind === 'figure' ? 1.5 : m.concept.weight * (m.concept.kind === 'focus' ? 2 : 1);
    total += weight;
    if (m.at < 0) continue;
    const where = nearestOccurrence(s.norm, m, span);
    const d = gap(span, where) + 12 * clausesApart(s.norm, span, where);
    got += weight * m.quality * Math.exp(-d / 12);
  }
  return total ? got / total : 0;
}

/**
 * Bylines and datelines (本报讯(记者 何嘉), 新华社北京9月4日电, 记者8月24日从…获悉): who reported and
 * when, not what happened.
 */
const FURNITURE = new RegExp(
  [
    /本报讯\s*[(（][^)）]{0,40}[)）]/,
    /记者\s?\d{1,2}月\d{1,2}日(?=从|在|获悉|了解)/,
    /[(（](记者|通讯员|实习生)[^)）]{0,30}[)）]/,
    /新华社[^\s，,。]{0,10}?\d{1,2}月\d{1,2}日电/,
    /(本报|特约)?(记者|通讯员)\s?[\p{Script=Han}]{2,4}(?=\s|$|[，,])/u,
  ]
    .map((r) => r.source)
    .join('|'),
  'gu',
);

/** True when a span lies in a byline or dateline of the sentence. */
export function inFurniture(text: string, span: Place): boolean {
  for (const m of text.matchAll(FURNITURE)) if (span.start < m.index + m[0].length && span.end > m.index) return true;
  return false;
}

/** Names in a sentence, cached: the same sentences are scored question after question. */
const nameCache = new Map<string, NameSpan[]>();
export function namesIn(text: string): NameSpan[] {
  let names = nameCache.get(text);
  if (!names) {
    names = findNames(text);
    if (nameCache.size > 20_000) nameCache.delete(nameCache.keys().next().value as string);
    nameCache.set(text, names);
  }
  return names;
}

/**
 * Whether a span belongs to what the question names: the nearest name before it in the sentence
 * (its "owner") is one the question names (`1`), another one of the same kind when the question
 * names one of that kind (`-1`), or neither (`0`). Another owner counts where the sentence names the
 * question's own entity too (a figure of 法国 beside 德国's); `strict`ly, another body always does.
 */
export function ownership(s: ScoredSentence, span: Place, strict = false): -1 | 0 | 1 {
  const entities = s.matches.filter((m) => m.concept.kind === 'entity');
  if (!entities.length) return 0;
  // A name is the asked one when it holds one of its wordings, or where the asked one was found (云屏轨交集团).
  const named = (n: NameSpan) =>
    entities.some(
      (m) =>
        m.concept.alts.some((a) => n.text.includes(altNorm(a)) || altNorm(a).includes(normalize(n.text))) ||
        (m.at >= 0 && n.start < m.at + m.length && n.end > m.at),
    );
  // The owners are the names before the span within its clause (法国增长0.1%; A、B联合组建三个组).
  const owners = namesIn(s.text).filter(
    (n) => n.end <= span.start && !CLAUSE_BREAK.test(s.text.slice(n.end, span.start)) && !inFurniture(s.text, n),
  );
  const owner = owners.at(-1);
  if (!owner) return 0;
  if (owners.some(named)) return 1;
  const askedKinds = new Set(namesIn(entities.map((m) => m.concept.label).join('，')).map((n) => n.kind));
  const ownEntityHere = entities.some((m) => m.at >= 0);
  // Strictly, a post belongs to a body (临江银行董事长), not to where its holder comes from (广西选手).
  if (strict) return owner.kind === 'org' && askedKinds.has('org') ? -1 : 0;
  // 从投资看，临海市固定资产投资增长9.1%: another place opening the clause is its subject, even where
  // the asked place is only the article's.
  const breaks = s.text.slice(0, owner.start).matchAll(new RegExp(CLAUSE_BREAK.source, 'g'));
  const clauseStart = Math.max(0, ...[...breaks].map((m) => m.index + 1));
  const subject = owner.kind === 'place' && s.text.slice(clauseStart, owner.start).trim() === '';
  return askedKinds.has(owner.kind) && (ownEntityHere || subject) ? -1 : 0;
}

/**
 * Where a sentence's listed items begin when the question names one of them (…病例186例，其中境外输入病例41例):
 * a question word found after 其中 and nowhere before asks for that item's figure, not the total's. -1 otherwise.
 */
export function askedItemsFrom(s: ScoredSentence): number {
  const at = s.norm.indexOf('其中');
  if (at < 0) return -1;
  const before = s.norm.slice(0, at);
  const item = s.matches.some(
    (m) =>
      (m.concept.kind === 'content' || m.concept.kind === 'focus') &&
      m.at > at &&
      !m.concept.alts.some((a) => before.includes(altNorm(a))),
  );
  return item ? at : -1;
}
