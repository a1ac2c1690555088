/**
 * Every user-facing string, in Chinese and English, in one place. Front ends pick the language of
 * the question (or of the user's Telegram client) and never write their own wording.
 */
import type { Lang } from './types.js';

/** A command in Telegram's menu (`setMyCommands`). */
export interface MenuCommand {
  command: string;
  description: string;
}

/** The strings of one language. */
export interface Messages {
  notFound: string;
  emptyQuestion: string;
  truncated: (n: number) => string;
  sources: string;
  related: string;
  fullParagraph: string;
  staleButton: string;
  /** Before the answer to a follow-up: what the question was taken to be about. */
  about: (subject: string) => string;
  /** After a citation's headline: the issue it comes from. */
  issue: (date: string) => string;
  check: {
    supported: (quote: string) => string;
    contradicted: (bulletin: string, claim: string) => string;
    notFound: string;
    /** `/check` with nothing to check. */
    usage: string;
  };
  feedback: {
    /** Toasts after 👍 and 👎. */
    up: string;
    down: string;
    /** `/feedback` for admins: counts over the latest ratings, then the latest 👎. */
    summary: (up: number, down: number, of: number) => string;
    latestDown: string;
    none: string;
  };
  inline: {
    helpTitle: string;
    helpDescription: string;
    /** The message the help card sends, naming the bot to mention. */
    helpText: (bot: string) => string;
  };
  bot: {
    start: string;
    help: string;
    notText: string;
    limited: string;
    tooLong: (n: number) => string;
    failed: string;
    adminOnly: string;
    /** `/new`: the conversation's topic is forgotten. */
    newTopic: string;
    /** The menu everyone sees, and what admins see besides. */
    commands: MenuCommand[];
    adminCommands: MenuCommand[];
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
  about: (subject) => `${subject}：`,
  issue: (date) => `（${date}）`,
  check: {
    supported: (q) => `公报支持这一说法：${q}`,
    contradicted: (bulletin, claim) => `与公报不符：公报写的是${bulletin}，不是${claim}。`,
    notFound: '公报中没有找到可以核对这一说法的内容。',
    usage: '用法：回复一条消息并发送 /check，核对那条消息；或发送 /check 加一句话。',
  },
  feedback: {
    up: '谢谢！',
    down: '谢谢，已记录这条回答，我们会核查。',
    summary: (up, down, of) => `最近 ${of} 条评价：👍 ${up}，👎 ${down}。`,
    latestDown: '最近的 👎：',
    none: '还没有评价。',
  },
  inline: {
    helpTitle: '输入一个关于公报的问题',
    helpDescription: '例如：平海公路总投资多少？答案附公报原文。',
    helpText: (bot) => `在任意聊天里输入 @${bot} 加一个问题，就能插入附有公报原文的答案。`,
  },
  bot: {
    start:
      '你好！我回答关于本地新闻公报的问题，并引用原文。试试：\n' +
      '• 海门有多少项目2月底全面复工?\n• 平海公路预计什么时候交工通车?\n' +
      '• 谁主持召开了分管部门安全生产工作专题推进会?\n\n' +
      '/check 后面加一句话可以核对说法。',
    help:
      '直接发问题即可（中文或英文），可以接着追问（“它什么时候通车？”）。\n/ask 问题 — 提问\n' +
      '/check 说法 — 核对说法；回复一条消息发 /check 可核对那条消息，转发给我的消息也会被核对\n' +
      '/new — 开始新话题\n/about — 已收录的公报\n群里请 @我 或回复我的消息；在任意聊天输入 @我的用户名 加问题也可以。',
    notText: '我只回答文字问题。',
    limited: '提问太频繁了，请稍等一分钟再试。',
    tooLong: (n) => `问题太长了（超过 ${n} 字），请精简后再问。`,
    failed: '抱歉，出了点问题，请稍后再试。',
    adminOnly: '只有管理员可以使用这个命令。',
    newTopic: '好的，换个话题。',
    commands: [
      { command: 'ask', description: '提问' },
      { command: 'check', description: '核对一句说法（也可回复一条消息）' },
      { command: 'new', description: '开始新话题' },
      { command: 'about', description: '已收录的公报' },
      { command: 'help', description: '使用说明' },
    ],
    adminCommands: [
      { command: 'feedback', description: '评价统计和最近的 👎' },
      { command: 'reload', description: '重新加载索引' },
    ],
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
  about: (subject) => `${subject}: `,
  issue: (date) => ` (${date})`,
  check: {
    supported: (q) => `Supported by the bulletin: “${q}”`,
    contradicted: (bulletin, claim) => `Contradicted: the bulletin says ${bulletin}, not ${claim}.`,
    notFound: 'The bulletin has nothing that confirms or refutes this.',
    usage: 'Usage: reply to a message with /check to fact-check it, or send /check followed by a statement.',
  },
  feedback: {
    up: 'Thanks!',
    down: 'Thanks: this answer has been recorded for review.',
    summary: (up, down, of) => `Last ${of} ratings: 👍 ${up}, 👎 ${down}.`,
    latestDown: 'Latest 👎:',
    none: 'No ratings yet.',
  },
  inline: {
    helpTitle: 'Type a question about the bulletin',
    helpDescription: 'e.g. How long is the Pinghai road? Answers quote the bulletin.',
    helpText: (bot) => `Type @${bot} and a question in any chat to insert an answer that quotes the bulletin.`,
  },
  bot: {
    start:
      'Hello! I answer questions about the local news bulletin, quoting it. Try:\n' +
      '• How many Haimen projects resume by end of February?\n• When will the Pinghai road be open to traffic?\n' +
      '• How many jin of crabs were still unsold after the holiday?\n\nUse /check followed by a statement to fact-check it.',
    help:
      'Just send a question (Chinese or English), and follow it up ("And when will it open?").\n' +
      '/ask question — ask\n/check statement — fact-check; reply to a message with /check to check it, ' +
      'and messages forwarded to me are checked\n/new — start a new topic\n/about — bulletins indexed\n' +
      'In groups, @mention me or reply to my message; in any chat, type my @username and a question.',
    notText: 'I answer text questions only.',
    limited: 'Too many questions: please wait a minute.',
    tooLong: (n) => `That question is too long (over ${n} characters): please shorten it.`,
    failed: 'Sorry, something went wrong. Please try again later.',
    adminOnly: 'Only admins can use this command.',
    newTopic: 'OK, a new topic.',
    commands: [
      { command: 'ask', description: 'Ask a question' },
      { command: 'check', description: 'Fact-check a statement (or reply to a message)' },
      { command: 'new', description: 'Start a new topic' },
      { command: 'about', description: 'Bulletins indexed' },
      { command: 'help', description: 'How to use the bot' },
    ],
    adminCommands: [
      { command: 'feedback', description: 'Rating counts and the latest 👎' },
      { command: 'reload', description: 'Reload the index' },
    ],
  },
};

/** The messages of a language. */
export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Shown when there is no language to go by (an empty message): both languages. */
export const BILINGUAL_EMPTY_QUESTION = `${zh.emptyQuestion} ${en.emptyQuestion}`;

/** Said when the index must be (re)built; safe for users and operators alike. */
export const NEEDS_INGEST = 'The search index is missing or out of date: run `npm run ingest`.';
