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
  dates: {
    /** An issue date at its precision: 2021年4月20日, 2020年2月; 20 April 2021, February 2020. */
    issue: (iso: string | undefined) => string;
    /** A figure that changed: the earlier one and its issue. */
    earlier: (span: string, date: string) => string;
    /** The issue an answer comes from, after it. */
    from: (date: string) => string;
    /** How a relative time word was read. */
    readAs: (words: string, from: string, to: string, newest: string) => string;
    /** A period no issue of the archive covers. */
    uncovered: (period: string, first: string, last: string) => string;
  };
  /** Before the answer to a follow-up: what the question was taken to be about. */
  about: (subject: string) => string;
  check: {
    supported: (quote: string) => string;
    contradicted: (bulletin: string, claim: string) => string;
    /** After a contradiction by the newest issue: an earlier one said what the claim says. */
    earlierSupported: (date: string) => string;
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
    /** `/about`: the archive's issues and size. */
    about: (a: ArchiveFacts) => string;
    /** `/latest`: the newest issue's date, before its headlines. */
    latest: (date: string) => string;
    noDatedIssue: string;
    /** `/new`: the conversation's topic is forgotten. */
    newTopic: string;
    /** The menu everyone sees, and what admins see besides. */
    commands: MenuCommand[];
    adminCommands: MenuCommand[];
  };
}

/** What `/about` says of the archive. */
export interface ArchiveFacts {
  version: string;
  issues: number;
  first?: string;
  last?: string;
  undatedFiles: number;
  articles: number;
  chunks: number;
  builtAt: string;
}

const DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;
const MONTH_NAMES = 'January February March April May June July August September October November December'.split(' ');

function issueDateZh(iso: string | undefined): string {
  const m = DATE.exec(iso ?? '');
  if (!m) return '日期不详';
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

function issueDateEn(iso: string | undefined): string {
  const m = DATE.exec(iso ?? '');
  if (!m) return 'date unknown';
  const month = m[2] ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return [m[3] ? String(Number(m[3])) : '', month ?? '', m[1]].filter(Boolean).join(' ');
}

const zh: Messages = {
  notFound: '公报中没有找到这个问题的答案。',
  emptyQuestion: '请输入一个问题。',
  truncated: (n) => `（问题超过 ${n} 字，只按前 ${n} 字回答。）`,
  sources: '来源',
  related: '最接近的段落（并非答案）',
  fullParagraph: '原文段落',
  staleButton: '这条来源已不在当前的公报索引中，请重新提问。',
  dates: {
    issue: (iso) => issueDateZh(iso),
    earlier: (span, date) => `此前为${span}（${date}报）`,
    from: (date) => `（${date}报）`,
    readAs: (words, from, to, newest) =>
      `（“${words}”按最新一期${newest}推算，指${from === to ? from : `${from}至${to}`}）`,
    uncovered: (period, first, last) => `公报存档中没有${period}这一时期的内容（现有各期：${first}至${last}）。`,
  },
  about: (subject) => `${subject}：`,
  check: {
    supported: (q) => `公报支持这一说法：${q}`,
    contradicted: (bulletin, claim) => `与公报不符：公报写的是${bulletin}，不是${claim}。`,
    earlierSupported: (date) => `（${date}报曾是这个数字，最新一期已有变化。）`,
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
      '/new — 开始新话题\n/latest — 最新一期的标题\n/about — 已收录的公报\n群里请 @我 或回复我的消息；在任意聊天输入 @我的用户名 加问题也可以。',
    notText: '我只回答文字问题。',
    limited: '提问太频繁了，请稍等一分钟再试。',
    tooLong: (n) => `问题太长了（超过 ${n} 字），请精简后再问。`,
    failed: '抱歉，出了点问题，请稍后再试。',
    adminOnly: '只有管理员可以使用这个命令。',
    about: (a) =>
      [
        `bulletin-qa ${a.version}`,
        a.first
          ? `已收录 ${a.issues} 期公报：${issueDateZh(a.first)}至${issueDateZh(a.last)}。`
          : '已收录的公报都没有日期。',
        a.undatedFiles ? `另有 ${a.undatedFiles} 个文件日期不详。` : '',
        `共 ${a.articles} 篇文章、${a.chunks} 个检索片段；索引生成于 ${a.builtAt}。`,
      ]
        .filter(Boolean)
        .join('\n'),
    latest: (date) => `最新一期：${issueDateZh(date)}`,
    noDatedIssue: '已收录的公报都没有日期，无法判断哪一期最新。',
    newTopic: '好的，换个话题。',
    commands: [
      { command: 'ask', description: '提问' },
      { command: 'check', description: '核对一句说法（也可回复一条消息）' },
      { command: 'new', description: '开始新话题' },
      { command: 'latest', description: '最新一期的标题' },
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
  dates: {
    issue: (iso) => issueDateEn(iso),
    earlier: (span, date) => `earlier ${span} (${date} issue)`,
    from: (date) => ` (${date} issue)`,
    readAs: (words, from, to, newest) =>
      ` (“${words}” read as ${from === to ? from : `${from} to ${to}`}, from the newest issue of ${newest})`,
    uncovered: (period, first, last) =>
      `The bulletin archive has nothing for that period (${period}): it holds issues from ${first} to ${last}.`,
  },
  about: (subject) => `${subject}: `,
  check: {
    supported: (q) => `Supported by the bulletin: “${q}”`,
    contradicted: (bulletin, claim) => `Contradicted: the bulletin says ${bulletin}, not ${claim}.`,
    earlierSupported: (date) => ` (The ${date} issue gave that figure; the newest issue has changed it.)`,
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
      'and messages forwarded to me are checked\n/new — start a new topic\n' +
      '/latest — headlines of the newest issue\n/about — bulletins indexed\n' +
      'In groups, @mention me or reply to my message; in any chat, type my @username and a question.',
    notText: 'I answer text questions only.',
    limited: 'Too many questions: please wait a minute.',
    tooLong: (n) => `That question is too long (over ${n} characters): please shorten it.`,
    failed: 'Sorry, something went wrong. Please try again later.',
    adminOnly: 'Only admins can use this command.',
    about: (a) =>
      [
        `bulletin-qa ${a.version}`,
        a.first
          ? `${a.issues} issue${a.issues === 1 ? '' : 's'}, from ${issueDateEn(a.first)} to ${issueDateEn(a.last)}.`
          : 'No indexed bulletin has a date.',
        a.undatedFiles ? `${a.undatedFiles} more file(s) of unknown date.` : '',
        `${a.articles} articles, ${a.chunks} chunks; index built ${a.builtAt}.`,
      ]
        .filter(Boolean)
        .join('\n'),
    latest: (date) => `Newest issue: ${issueDateEn(date)}`,
    noDatedIssue: 'No indexed bulletin has a date, so none is the newest.',
    newTopic: 'OK, a new topic.',
    commands: [
      { command: 'ask', description: 'Ask a question' },
      { command: 'check', description: 'Fact-check a statement (or reply to a message)' },
      { command: 'new', description: 'Start a new topic' },
      { command: 'latest', description: 'Headlines of the newest issue' },
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
