/**
 * Every user-facing string, in Chinese and English, in one place. Front ends pick the language of
 * the question (or of the user's Telegram client) and never write their own wording.
 */
import type { Lang } from './types.js';

/** The strings of one language. */
export interface Messages {
  notFound: string;
  emptyQuestion: string;
  truncated: (n: number) => string;
  sources: string;
  related: string;
  fullParagraph: string;
  staleButton: string;
  check: {
    supported: (quote: string) => string;
    contradicted: (bulletin: string, claim: string) => string;
    notFound: string;
  };
  bot: {
    start: string;
    help: string;
    notText: string;
    limited: string;
    tooLong: (n: number) => string;
    failed: string;
    adminOnly: string;
  };
}

const zh: Messages = {
  notFound: '公报中没有找到这个问题的答案。',
  emptyQuestion: '请输入一个问题。',
  truncated: (n) => `（问题超过 ${n} 字，只按前 ${n} 字回答。）`,
  sources: '来源',
  related: '最接近的段落（并非答案）',
  fullParagraph: '原文段落',
  staleButton: '这条来源已不在当前的公报索引中，请重新提问。',
  check: {
    supported: (q) => `公报支持这一说法：${q}`,
    contradicted: (bulletin, claim) => `与公报不符：公报写的是${bulletin}，不是${claim}。`,
    notFound: '公报中没有找到可以核对这一说法的内容。',
  },
  bot: {
    start:
      '你好！我回答关于本地新闻公报的问题，并引用原文。试试：\n' +
      '• 海门有多少项目2月底全面复工?\n• 平海公路预计什么时候交工通车?\n' +
      '• 谁主持召开了分管部门安全生产工作专题推进会?\n\n' +
      '/check 后面加一句话可以核对说法。',
    help:
      '直接发问题即可（中文或英文）。\n/ask 问题 — 提问\n/check 说法 — 核对说法\n' +
      '/about — 已收录的公报\n群里请 @我 或回复我的消息。',
    notText: '我只回答文字问题。',
    limited: '提问太频繁了，请稍等一分钟再试。',
    tooLong: (n) => `问题太长了（超过 ${n} 字），请精简后再问。`,
    failed: '抱歉，出了点问题，请稍后再试。',
    adminOnly: '只有管理员可以使用这个命令。',
  },
};

const en: Messages = {
  notFound: 'The bulletin does not say.',
  emptyQuestion: 'Please type a question (in Chinese or English).',
  truncated: (n) => `(Your question is over ${n} characters: only its first ${n} were used.)`,
  sources: 'Sources',
  related: 'Closest passages (not an answer)',
  fullParagraph: 'Full paragraph',
  staleButton: 'That source is no longer in the current index: please ask again.',
  check: {
    supported: (q) => `Supported by the bulletin: “${q}”`,
    contradicted: (bulletin, claim) => `Contradicted: the bulletin says ${bulletin}, not ${claim}.`,
    notFound: 'The bulletin has nothing that confirms or refutes this.',
  },
  bot: {
    start:
      'Hello! I answer questions about the local news bulletin, quoting it. Try:\n' +
      '• How many Haimen projects resume by end of February?\n• When will the Pinghai road be open to traffic?\n' +
      '• How many jin of crabs were still unsold after the holiday?\n\nUse /check followed by a statement to fact-check it.',
    help:
      'Just send a question (Chinese or English).\n/ask question — ask\n/check statement — fact-check\n' +
      '/about — bulletins indexed\nIn groups, @mention me or reply to my message.',
    notText: 'I answer text questions only.',
    limited: 'Too many questions: please wait a minute.',
    tooLong: (n) => `That question is too long (over ${n} characters): please shorten it.`,
    failed: 'Sorry, something went wrong. Please try again later.',
    adminOnly: 'Only admins can use this command.',
  },
};

/** The messages of a language. */
export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Shown when there is no language to go by (an empty message): both languages. */
export const BILINGUAL_EMPTY_QUESTION = `${zh.emptyQuestion} ${en.emptyQuestion}`;

/** Said when the index must be (re)built; safe for users and operators alike. */
export const NEEDS_INGEST = 'The search index is missing or out of date: run `npm run ingest`.';
