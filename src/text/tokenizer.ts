/**
 * Word segmentation (jieba) and the index terms derived from it: the same analysis for passages
 * and questions, so that they meet.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { EN_STOPWORDS } from './bridge/english.js';
import { normalize } from './normalize.js';

let jieba: Jieba | undefined;

/** The shared jieba segmenter (loading its dictionary takes ~0.3 s, so it is created once). */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Chinese function words that carry no topic. */
const ZH_STOPWORDS = new Set(
  [
    '的 了 和 与 及 在 是 有 为 对 把 被 将 也 都 等 之 其 这 那 该',
    '此 并 而 或 从 以 于 向 到 由 着 过 就 又 还 已 中 上 下 个',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Question words and fillers: they say what kind of answer is wanted, not what it is about,
 * so they must not drive the match.
 */
export const QUESTION_WORDS = [
  '什么时候',
  '多少钱',
  '多少',
  '多长',
  '多久',
  '多大',
  '多高',
  '多远',
  '几个',
  '几家',
  '几名',
  '几位',
  '几',
  '哪些',
  '哪个',
  '哪里',
  '哪儿',
  '哪天',
  '哪年',
  '哪位',
  '哪家',
  '哪',
  '是否',
  '是不是',
  '有没有',
  '什么',
  '啥',
  '何时',
  '何地',
  '为何',
  '为什么',
  '怎么样',
  '怎样',
  '怎么',
  '如何',
  '谁',
  '吗',
  '呢',
  '请问',
  '请',
  '告诉我',
];
const QUESTION_RE = new RegExp(QUESTION_WORDS.join('|'), 'g');

function isContent(w: string): boolean {
  return /[\p{L}\p{N}]/u.test(w) && !ZH_STOPWORDS.has(w) && !EN_STOPWORDS.has(w);
}

/** Han character bigrams (and single characters of one-character runs), prefixed so they never collide with words. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(`#${run}`);
    for (let i = 0; i + 1 < run.length; i++) out.push(`#${run.slice(i, i + 2)}`);
  }
  return out;
}

/** Words of the text (jieba search mode on normalised text), without punctuation and stopwords. */
export function words(text: string): string[] {
  return segmenter().cutForSearch(normalize(text), true).filter(isContent);
}

/**
 * Index terms for a passage: words plus Han bigrams. Bigrams make retrieval robust to
 * segmentation differences between a question and a passage (`续建重大项目` vs `重大项目`).
 */
export function passageTerms(text: string): string[] {
  return [...words(text), ...bigrams(normalize(text))];
}

/** Removes question words so that they neither match passages nor form bigrams with content words. */
export function stripQuestionWords(question: string): string {
  return normalize(question).replace(QUESTION_RE, ' ');
}

/**
 * Index terms for a question: the same analysis as passages, after question words are removed.
 *
 * @example
 * questionTerms('海门有多少项目2月底全面复工?') // ['海门', '项目', '2', '月底', '全面', '复工', '#海门', ...]
 */
export function questionTerms(question: string): string[] {
  const text = stripQuestionWords(question);
  return [...words(text), ...bigrams(text)];
}
