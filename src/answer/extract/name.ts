/**
 * Name answers: the person, organisation or place the question asks for. Questions put the asked
 * name where the sentence has it — "谁主持召开…" before the verb, "许君挂钩的是哪家企业" after it —
 * so the name next to the question's own words in that direction wins; a name of the asked kind
 * elsewhere in the sentence comes second; a name the question itself gives is never the answer.
 */
import { TITLES, tokens } from '../../text/names.js';
import { normalize } from '../../text/normalize.js';
import type { AnalyzedQuestion } from '../question/analyze.js';
import { altNorm, type Concept } from '../question/concept.js';
import type { ConceptMatch, ScoredSentence } from '../scorer.js';
import { inFurniture, namesIn, nearness, ownership } from './binding.js';
import type { Extraction } from './extraction.js';
import { clauseAt } from './figure.js';

/** True when jieba reads a verb in the text. */
const hasVerb = (text: string) => tokens(text).some((t) => t.tag.startsWith('v'));

/** A body a phrase names: up to a word that ends a body's name, after the last preposition before it. */
function bodyIn(phrase: string): string | undefined {
  const m = /(公司|集团|院|局|所|中心|厂|银行|医院|大学|学校|学院|协会|委员会|会|队|部|社|馆|站|台|店)/.exec(phrase);
  if (!m) return undefined;
  const upTo = phrase.slice(0, m.index + m[0].length);
  return upTo.replace(/^.*(向|由|在|对|给|到|为|经|找)/, '');
}

/** Nouns that name the kind of answer asked for (哪家企业, 哪个城市), not where it stands. */
const KIND_NOUN = /^(企业|公司|单位|机构|部门|厂|工厂|学校|医院|银行|城市|地方|国家|地区|人|球队|队伍|平台|组织|项目)$/;

const DELIMITER = /[,，。；;：:!！?？(（)）“”"]/;
/** Function words at the edges of a phrase that are not part of the answer. */
const EDGE = /^(由|被|是|为|的|了|和|与|及|向|从|在|对|给|将|把)+|(的|了|是|为|和|与|及|等|获得|担任|负责|主持)+$/g;

/** True when a name is one the question gives (it is the subject, not the answer). */
function inQuestion(q: AnalyzedQuestion, name: string): boolean {
  const n = normalize(name);
  return n.length > 0 && (q.norm.includes(n) || q.concepts.some((c) => c.alts.some((a) => altNorm(a) === n)));
}

/** Quoted names and titles in a sentence: “易来通”, 《星海归途》. */
function quoted(text: string): Array<{ start: number; end: number; text: string }> {
  return [...text.matchAll(/[“"「《]([^”"」》]{2,20})[”"」》]/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/** Kinds of answer whose names end in the kind's own word: 哪支球队 → …队, 哪个镇 → …镇. */
const KIND_ASKED = /(哪|什么|啥)(一)?(个|支|家|所|座)?(球队|队伍|代表团|代表队|镇(?!区)|县|医院|大学|银行)/;
const KIND_END: Record<string, string> = { 球队: '队', 队伍: '队' };

/** Words that end the name of somewhere: a site, a facility, a body's seat, a feature of the land. */
const WHERE = /(场|站|港|馆|中心|园|基地|口|湾|岛|山|河|江|湖|桥|路|街|村|镇|县|区|市|省|国|会|局|厅|部|院)$/;

/** Words for places in general (种植乡镇, 重点地区): no place's name. */
const SOMEWHERE = /(乡镇|城镇|村镇|地区|城市|地方|区域|各地)$/;

/** Nouns for people as a group: asked who, a group the bulletin names (市四套班子领导) is the answer. */
const GROUP = /(领导|干部|班子|人员|专家|团队|工作组|志愿者|民警|党员|医护人员|工作人员)$/;

/** The group of people a phrase ends in: its last run of nouns (落实市四套班子领导 → 市四套班子领导). */
function groupAtEnd(phrase: string): string | undefined {
  let group = '';
  for (const t of tokens(phrase).reverse()) {
    if (!/^(n|nt|ns|m|q|j)$/.test(t.tag)) break;
    group = t.word + group;
  }
  return GROUP.test(group) && group.length >= 3 && group.length <= 12 ? group : undefined;
}

/** Between the asked thing and its quoted name: nothing (电子健康通行证“易来通”) or a naming verb. */
const NAMING = /^(名为|名叫|叫做|叫|称为|称作|即)?$/;

/** A quoted name that follows the question's own words in the sentence: the name of what they describe. */
function namesAsked(s: ScoredSentence, n: { start: number; text: string }): boolean {
  return (
    /^[“"「《]/.test(n.text) &&
    s.matches.some(
      (x) => x.at >= 0 && x.at + x.length <= n.start && NAMING.test(s.text.slice(x.at + x.length, n.start)),
    )
  );
}

/**
 * Where the answer should stand relative to the question's words: `after` the last concept before
 * a question word that ends the question (…挂钩的是哪家企业), `before` the first concept after a
 * question word that starts it (谁主持召开…).
 */
function anchorOf(q: AnalyzedQuestion, s: ScoredSentence): { at: number; side: 'after' | 'before' } | undefined {
  const wh = q.intent.at;
  if (!wh) return undefined;
  const own = s.matches.filter((m) => m.at >= 0 && m.concept.kind !== 'figure');
  const tail = q.norm.slice(wh.end).replace(/[的了是呢啊呀吗?？。!！\s]/g, '');
  const positions = (text: string) =>
    own.map((m) => ({ m, i: q.norm.indexOf(normalize(m.concept.label)) })).filter((x) => x.i >= 0 && text);
  if (tail.length >= 2) {
    const after = positions(tail)
      .filter((x) => x.i >= wh.end)
      .sort((a, b) => a.i - b.i)[0];
    if (after) return { at: after.m.at, side: 'before' };
  }
  // 许君挂钩的企业是哪家: 企业 names the answer's kind; the answer stands after 挂钩.
  const kindNoun = (x: { m: ConceptMatch }) => x.m.concept.kind === 'focus' && KIND_NOUN.test(x.m.concept.label);
  const before = positions(q.norm)
    .filter((x) => x.i < wh.start)
    .sort((a, b) => Number(kindNoun(a)) - Number(kindNoun(b)) || b.i - a.i)[0];
  return before ? { at: before.m.at + before.m.length, side: 'after' } : undefined;
}

/** The phrase of the sentence on the anchor's side, up to a delimiter. */
function phraseBeside(text: string, anchor: { at: number; side: 'after' | 'before' }): { start: number; end: number } {
  if (anchor.side === 'after') {
    let end = anchor.at;
    while (end < text.length && !DELIMITER.test(text.charAt(end))) end++;
    return { start: anchor.at, end };
  }
  let start = anchor.at;
  while (start > 0 && !DELIMITER.test(text.charAt(start - 1))) start--;
  return { start, end: anchor.at };
}

/** True when a question asks which film, book or song (哪部, 哪本): only a title in 《》 answers it. */
export function asksTitle(q: AnalyzedQuestion): boolean {
  return q.intent.slot === 'name' && /哪一?[部本首篇]/.test(q.norm);
}

/**
 * The best name of the asked kind among the best sentences; undefined when none holds one.
 * For `name` questions (叫什么) quoted names count too.
 */
export function pickName(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const slot = q.intent.slot;
  const kind = slot === 'person' || slot === 'org' || slot === 'place' ? slot : undefined;
  const top = sentences[0]?.coverage ?? 0;
  const byPost = q.concepts.some((c) => c.inSentence && TITLES.test(c.label));
  const asksPost = q.concepts.some((c) => TITLES.test(c.label));
  let best: Extraction | undefined;
  const asked = KIND_ASKED.exec(q.norm)?.[4];
  const consider = (s: ScoredSentence, span: { start: number; end: number }, text: string, bonus: number) => {
    if (text.length < 2 || inQuestion(q, text.replace(/[“”"「」《》]/g, '')) || inFurniture(s.text, span)) return;
    // 哪支球队, 哪个镇: the answer is a name of that kind (海州港湾队, 茶岭镇), not the stadium or the city.
    if (asked && !text.endsWith(KIND_END[asked] ?? asked)) return;
    // Asked by post (清河农商银行的董事长是谁): 临江银行董事长冯国栋 holds another body's post.
    if (byPost && ownership(s, span, true) === -1) return;
    const score = s.score + 0.35 + 0.4 * nearness(s, span) + bonus;
    if (!best || score > best.score)
      best = { sentence: s, span: text, context: clauseAt(s.text, span.start), score, fit: 1 };
  };
  for (const s of sentences.slice(0, 8)) {
    if (s.coverage < top * 0.6) continue;
    const anchor = anchorOf(q, s);
    const beside = anchor ? phraseBeside(s.text, anchor) : undefined;
    const names = namesIn(s.text).filter((n) => !kind || n.kind === kind);
    // 哪部 (影片), 哪本 (书): a title, in 《》 (“金峰奖” names an award).
    const titled = asksTitle(q);
    const named = titled ? [] : names.filter((n) => n.kind !== 'person');
    const quotes = quoted(s.text).filter((x) => !titled || x.text.startsWith('《'));
    const spans = slot === 'name' ? [...quotes, ...named] : names;
    let adjacent = false;
    for (const n of spans) {
      const inside = (beside !== undefined && n.start >= beside.start && n.end <= beside.end) || namesAsked(s, n);
      adjacent ||= inside && !inQuestion(q, n.text);
      consider(s, n, n.text, inside ? 0.3 : 0);
    }
    // 公安机关作为社会及社区防控组组长单位: whoever stands before 作为 holds the role the question names.
    for (const m of s.matches) {
      if (m.at < 2 || s.text.slice(m.at - 2, m.at) !== '作为' || (slot !== 'org' && slot !== 'person')) continue;
      let start = m.at - 2;
      while (start > 0 && !DELIMITER.test(s.text.charAt(start - 1))) start--;
      const holder = s.text
        .slice(start, m.at - 2)
        .replace(EDGE, '')
        .trim();
      if (holder.length >= 2 && holder.length <= 12) consider(s, { start, end: m.at - 2 }, holder, 0.3);
    }
    // 由谁挂钩联系: no name, but a group of people (落实市四套班子领导挂钩联系); a post (总设计师是谁) is
    // held by one person, never by a team.
    const group =
      beside && !adjacent && slot === 'person' && !asksPost && groupAtEnd(s.text.slice(beside.start, beside.end));
    if (group) consider(s, beside, group, 0.1);
    // No name of the kind beside the question's words: the phrase itself (挂钩紫昕花边 → 紫昕花边).
    if (beside && !adjacent && slot !== 'person' && !titled) {
      let phrase = s.text.slice(beside.start, beside.end).replace(EDGE, '').trim();
      // 将于2027年在哈萨克斯坦阿斯塔纳(举办): a place is what follows the last 在 or 于.
      // Asked where, a phrase naming no place (启动防台风二级应急响应) is no answer.
      if (slot === 'place') phrase = phrase.replace(/^.*(在|于|赴|到|往)/, '');
      if (slot === 'place') phrase = bodyIn(phrase) ?? phrase;
      if (slot === 'place' && ((!namesIn(phrase).length && !WHERE.test(phrase)) || SOMEWHERE.test(phrase))) phrase = '';
      // Asked which body, the body the phrase names (积极向省贸促会争取 → 省贸促会), or a short name
      // with no verb in it (紫昕花边); never a clause (改造工程现场正加紧建设).
      if (slot === 'org') phrase = bodyIn(phrase) ?? (phrase.length <= 6 && !hasVerb(phrase) ? phrase : '');
      if (phrase.length >= 2 && phrase.length <= 16) consider(s, beside, phrase, 0.2);
    }
  }
  return best;
}

/** Titles: the post written before a name the question gives (张轩担任什么职务 → 副市长、市公安局局长). */
export function pickTitle(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  const person = q.concepts.find((c) => c.kind === 'entity');
  return (person && officeBefore(person, sentences)) ?? pickRank(q, sentences);
}

/** A civil-service grade: 副科职, 正处级, 厅局级. */
const RANK = /(正|副)?(国|省|部|厅|局|司|处|县|科|股)(局)?(级|职)/g;

/** The grade a sentence gives (派驻一名副科职干部), in the clause holding most of the question. */
function pickRank(q: AnalyzedQuestion, sentences: ScoredSentence[]): Extraction | undefined {
  let best: Extraction | undefined;
  for (const s of sentences.slice(0, 5)) {
    for (const m of s.text.matchAll(RANK)) {
      const clause = clauseAt(s.text, m.index);
      const hits = q.concepts.filter((c) => s.matches.some((x) => x.concept === c && x.at >= 0)).length;
      const score = s.score + hits * 0.01;
      if (!best || score > best.score) best = { sentence: s, span: m[0], context: clause, score, fit: 1 };
    }
  }
  return best;
}

/** The office written before a person's name: 副市长、市公安局局长张轩 → 市公安局局长. */
function officeBefore(person: Concept, sentences: ScoredSentence[]): Extraction | undefined {
  for (const s of sentences.slice(0, 5)) {
    const m = s.matches.find((x) => x.concept === person && x.at > 0);
    if (!m) continue;
    let i = m.at;
    while (i > 0 && !/[,，。；;：:!！?？(（]/.test(s.text.charAt(i - 1))) i--;
    const post = s.text
      .slice(i, m.at)
      .replace(/^本报讯[(（][^)）]*[)）]/, '')
      .trim();
    if (post.length >= 2 && !/[、,，和与及]$/.test(post)) {
      return { sentence: s, span: post, context: clauseAt(s.text, m.at), score: s.score + 0.4, fit: 1 };
    }
  }
  return undefined;
}
