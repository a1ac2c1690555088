/**
 * Where a question's concept is found in a text: its wordings, a figure of the same value, a post
 * held (not its deputy's), a place or a body referred back to (全市, 该局), a name heard in its
 * transliteration, a compound written apart or an abbreviation written out.
 */
import { findSound } from '../../text/bridge/transliteration.js';
import { findMentions } from '../../text/figures.js';
import { findNames, TITLES } from '../../text/names.js';
import { normalize } from '../../text/normalize.js';
import { words } from '../../text/tokenizer.js';
import { altNorm, type Concept } from '../question/concept.js';

/** How much a concept found only in a sentence's context counts. */
export const CONTEXT_CREDIT = { entity: 0.85, figure: 0.85, focus: 0.5, content: 0.5 } as const;

/** Where a concept was found, and how well (0–1). */
export type Found = { quality: number; at: number; length: number };

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
function matchFigure(figure: NonNullable<Concept['figure']>, hay: string): Found | undefined {
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

/**
 * True when a text gives another distance than a distance the question gives (200米 where 400米 was
 * asked): in sport and in roads a distance names the event or the section. A claim's own figure
 * (进度60% against 78%) is what a check compares, so other measures never count here.
 */
export function otherFigure(figure: NonNullable<Concept['figure']>, hay: string): boolean {
  if (figure.kind !== 'quantity' || figure.measure !== 'length') return false;
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

/**
 * True when a sentence speaks of a whole of another level than the place (全省 for 驻马店市, 全国 for
 * 江州市) as its subject: what it says is of that whole, whatever place its context names.
 */
export function wholeOfAnother(c: Concept, norm: string): boolean {
  if (c.kind !== 'entity' || c.figure || c.period) return false;
  // As the subject of its clause (今年全省…), not a comparison (认定数全市领先).
  const whole = /(?:^|[,，。;；:：])(?:[^,，。;；:：]{0,6}?(?:年|月|季度|日|期间|以来))?全(省|市|区|县|镇|国)/.exec(
    norm,
  );
  if (!whole) return false;
  const kind = whole[1] as string;
  // A person's or a firm's figure is no whole town's (全镇1.5万亩蟹塘 for 张倪生's ponds).
  // (全国 may be the country the question names, whatever the names finder makes of it.)
  if (!c.place) return kind !== '国' && !namesPlace(c);
  return !c.alts.some((a) => altNorm(a).endsWith(kind)) && c.alts.some((a) => /[省市区县镇]$/.test(altNorm(a)));
}

/** Whether the names finder reads a concept's wording as a place; asked once per concept, not per sentence. */
const PLACE_NAMED = new WeakMap<Concept, boolean>();
function namesPlace(c: Concept): boolean {
  let place = PLACE_NAMED.get(c);
  if (place === undefined) {
    place = findNames(c.alts[0] ? altNorm(c.alts[0]) : c.label).some((n) => n.kind === 'place');
    PLACE_NAMED.set(c, place);
  }
  return place;
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
export function placesOf(head: string): string[] {
  let places = HEAD_PLACES.get(head);
  if (!places) {
    places = findNames(head)
      .filter((n) => n.kind === 'place')
      .map((n) => n.text);
    if (HEAD_PLACES.size >= 10_000) HEAD_PLACES.clear();
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
export function matchIn(c: Concept, hay: string, context?: string, headPlaces?: readonly string[]): Found | undefined {
  if (c.figure) return matchFigure(c.figure, hay);
  if (c.sound) {
    const heard = findSound(c.sound, hay);
    if (heard) return { quality: 0.8, ...heard };
  }
  let best: Found | undefined;
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
  // 本次选举 for 议会选举: a thing the text before has named, referred back to by its last word.
  if (context !== undefined && w.length >= 3 && named(c, context)) {
    const head = piecesOf(w).at(-1);
    const d = head && head.length >= 2 ? new RegExp(`(本次|此次|这次|本届|该|此)${head}`).exec(hay) : null;
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
  // 平海路指挥部 in 平海公路项目指挥部: written out in full, it is more than a share of its pairs.
  const full = abbreviated(w, hay);
  if (share >= 0.5 && (!full || full.quality < share * 0.7)) return { quality: share * 0.7, at: first, length: 2 };
  return full;
}

/**
 * An abbreviation found written out (残运会 in 残疾人运动会, 云屏轨交集团 in 云屏市轨道交通集团): its characters in order,
 * the first two starting words of a short stretch of text.
 */
function abbreviated(w: string, hay: string): Found | undefined {
  if (w.length < 3 || w.length > 8) return undefined;
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
