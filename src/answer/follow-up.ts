/**
 * Follow-up questions. A question that lacks its own subject ("他一共卖了多少斤?", "And when will it
 * open?") takes the subject of the conversation's topic: the names of the previous question (and
 * of its answer, when it asked for one), and the article that answer came from. It is answered as
 * the standalone question that makes, and the answer says what it took the question to be about.
 */
import type { Citation, Lang } from '../core/types.js';
import type { AnalyzedQuestion } from './question/analyze.js';
import type { ScoredSentence } from './scorer.js';

/** A name the conversation is about: as the asker wrote it (Pinghai), and as the bulletin writes it (平海). */
export interface TopicName {
  label: string;
  text: string;
}

/**
 * What a conversation is about after an answer. Front ends keep it per chat (it is plain JSON) and
 * hand it to the next {@link Answerer.ask}.
 */
export interface Topic {
  names: TopicName[];
  /** The article the answer came from, and its headline (what a question without names was about). */
  articleId?: string;
  title?: string;
  /** The question as it was answered (standalone), for a model that rewrites the next one. */
  question: string;
  lang: Lang;
}

/** How a follow-up was understood. */
export interface FollowUp {
  /** What it was taken to be about, shown before the answer: 平海公路, Pinghai. */
  subject: string;
  /** The question made standalone, as it was answered. */
  standalone: string;
  /** Who made it standalone: these rules, or the chat model (its rewrite checked). */
  by: 'rules' | 'model';
  /** Why the model's rewrite was not used, when it was not. */
  rejected?: string;
}

/**
 * Words that point back at something named before. 其他 ("other") and 应该 ("should") are not
 * references, nor 这个/那些 before a noun (那个通告: the question names its subject); "this" is left
 * out because "this year" is not one.
 */
const ZH_REFERENCE =
  /(?<!其)[他她它]|[这那](里|儿)|(?<!应)该|[这那](个|些|位|家)(?=$|[是有的呢吗啊呀，,？?。！!\s]|多少|什么|怎么|哪|几)/;
const EN_REFERENCE = /\b(it|its|he|him|his|she|her|they|them|their|there|that|those)\b/i;
/** How a conversation goes on: 那（么）… ("then", not 那个 or 那88起), …呢? / And…, What about…? */
const ZH_CONTINUES = /^那么|^那(?![个些位家里儿天年月\d])|呢[?？!！。]?$/;
const EN_CONTINUES = /^(and|so|also|what about|how about)\b/i;

/** A question this short names no subject of its own (总投资呢? / And the length?). */
const SHORT = { zh: 6, en: 4 } as const;
/**
 * A question that says this much about what it asks describes its subject itself, whatever words it
 * refers back with ("Who chaired the work-safety meeting for the departments under his charge?").
 */
const SELF_DESCRIBED = 4;

/** True when the question names a person, place, organisation or quoted term of its own. */
function hasOwnSubject(q: AnalyzedQuestion): boolean {
  return q.concepts.some((c) => c.kind === 'entity');
}

/**
 * True when the question refers back (他, 该, it, there), goes on from the last one (…呢? / What
 * about…?) or is very short.
 */
function pointsBack(q: AnalyzedQuestion): boolean {
  if (q.lang === 'zh') {
    const short = (q.norm.match(/\p{Script=Han}/gu)?.length ?? 0) <= SHORT.zh;
    return short || ZH_REFERENCE.test(q.norm) || ZH_CONTINUES.test(q.norm.trim());
  }
  const short = (q.text.match(/[A-Za-z]+/g)?.length ?? 0) <= SHORT.en;
  return short || EN_REFERENCE.test(q.text) || EN_CONTINUES.test(q.text.trim());
}

/**
 * True when a question lacks its subject: no name of its own, few words of what it asks about, and
 * it refers back or is very short.
 */
export function lacksSubject(q: AnalyzedQuestion): boolean {
  const described = q.concepts.filter((c) => c.kind === 'focus' || c.kind === 'content').length;
  return !hasOwnSubject(q) && described < SELF_DESCRIBED && pointsBack(q);
}

const hasLatin = (s: string) => /[A-Za-z]/.test(s);
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/**
 * How a name is written in a question of `lang`: a Chinese question gets the bulletin's form, an
 * English one the asker's form when it is in Latin letters.
 */
function nameIn(lang: Lang, n: TopicName): string {
  if (lang === 'zh') return hasHan(n.label) ? n.label : n.text;
  return hasLatin(n.label) ? n.label : n.text;
}

/**
 * The offline reading of a follow-up: the topic's names put before the question, which the
 * analysis then reads as its subject ("平海公路 它什么时候通车?"). Undefined when the question has
 * a subject of its own (it starts a new topic) or the topic has nothing to give.
 *
 * @example
 * followUpOf(analyzeQuestion('And when will it open?', …), topic)
 * // { subject: 'Pinghai', standalone: 'Pinghai And when will it open?', by: 'rules' }
 */
export function followUpOf(q: AnalyzedQuestion, topic: Topic): FollowUp | undefined {
  if (!lacksSubject(q)) return undefined;
  const names = [...new Set(topic.names.map((n) => nameIn(q.lang, n)))];
  if (names.length) {
    const subject = names.join(q.lang === 'zh' ? '、' : ', ');
    return { subject, standalone: `${names.join(' ')} ${q.text}`, by: 'rules' };
  }
  // No names to take: the question stays as it is and prefers the article of the previous answer.
  if (topic.articleId && topic.title) return { subject: topic.title, standalone: q.text, by: 'rules' };
  return undefined;
}

/**
 * How much a sentence of the topic's article gains in a follow-up: enough to win a near tie with
 * another article, far less than a concept of the question would add.
 */
const ARTICLE_PREFERENCE = 0.08;

/** The sentences with those of the topic's article slightly preferred, best first again. */
export function preferArticle(sentences: ScoredSentence[], articleId: string): ScoredSentence[] {
  return sentences
    .map((s) => (s.chunk.articleId === articleId ? { ...s, score: s.score + ARTICLE_PREFERENCE } : s))
    .sort((a, b) => b.score - a.score);
}

/**
 * The topic after an answer: the names of the question as answered (a follow-up's include the names
 * it took), the name the answer gave when one was asked for, and the article of its first citation.
 */
export function topicAfter(
  q: AnalyzedQuestion,
  citations: Citation[],
  answered?: { span: string; lead: string },
): Topic {
  const names: TopicName[] = q.concepts
    .filter((c) => c.kind === 'entity')
    .map((c) => ({ label: c.label, text: c.alts.find((a) => hasHan(a.text))?.text ?? c.label }));
  // A person the answer names is who the next question's 他 or she most likely means (谁主持…? — 她是什么职务?).
  // Places and organisations are not taken: 他 after 销往哪里? (高邮) still means the question's person.
  if (answered && q.intent.slot === 'person') {
    // The English lead is "Feng Chunqing (封春晴)": the name in the asker's letters, then the bulletin's.
    names.unshift({ label: answered.lead.replace(/\s*\(.*\)$/, '') || answered.span, text: answered.span });
  }
  const cited = citations[0];
  const unique = names.filter((n, i) => names.findIndex((m) => m.text === n.text) === i);
  return {
    names: unique.slice(0, 3),
    ...(cited ? { articleId: cited.articleId, title: cited.title } : {}),
    question: q.text,
    lang: q.lang,
  };
}
