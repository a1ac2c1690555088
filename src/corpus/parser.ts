import { createHash } from 'node:crypto';
import type { Article, Bulletin, Paragraph } from '../core/types.js';
import { isTerminated } from '../text/sentences.js';
import { bannerDate, issueDate } from './issue-date.js';

/** Editor-credit line at the foot of a page, e.g. `编辑:吴滨 美编:刘玉容 校对:毛晓丽`. */
const EDITOR_LINE = /^(责任)?编辑\s*[:：]|(美编|校对|组版|审校)\s*[:：]/;
/** Byline/credit lines, e.g. `本报记者 张亮 本报通讯员 韩伟`. */
const CREDIT_LINE = /^(本报|特约)?(记者|通讯员|实习生|摄影|撰稿)[\s\u3000]*\S/;
/** A photo caption ends with the photographer's credit (`记者 许丛军摄`). */
const CAPTION_END = /(摄|摄影|供图|图)\s*$/;
/** Continuation from another page: `(上接A1版)`, `（下转A3版）`. */
const CONTINUATION = /^[(（]\s*[上下]接\s*[A-Za-z]?\d+\s*版\s*[)）]/;
/** Page banners such as `A2 要闻` or a date-line `2020年2月28日 星期五`. */
const PAGE_BANNER = /^([A-Z]\d{1,2}\s*(版|·|\s)|\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天])/;
/** In-text byline at the start of a news item: `本报讯(记者张亮 通讯员陈金祥)`. */
const BYLINE = /^本报讯\s*[(（]([^)）]{1,60})[)）]/;

const MAX_HEADING_LINE = 40;
/** A line this short continues the headline line above it (`31个续建重大项目` / `陆续复工`). */
const HEADLINE_TAIL = 6;

type BlockKind = 'editor' | 'banner' | 'credit' | 'caption' | 'heading' | 'body';

interface FrontMatter {
  date?: string;
  publication?: string;
  body: string;
}

/** Reads an optional `---`-delimited front-matter block (`date:`, `source:`/`publication:`). */
function readFrontMatter(text: string): FrontMatter {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { body: text.replace(/^\uFEFF/, '') };
  const fields: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv?.[1]) fields[kv[1].toLowerCase()] = kv[2] ?? '';
  }
  return { date: fields.date, publication: fields.publication ?? fields.source, body: text.slice(m[0].length) };
}

function classify(lines: string[]): BlockKind {
  const joined = lines.join('');
  if (lines.some((l) => EDITOR_LINE.test(l))) return 'editor';
  if (lines.length === 1 && PAGE_BANNER.test(joined) && joined.length <= MAX_HEADING_LINE) return 'banner';
  if (lines.every((l) => CREDIT_LINE.test(l) && l.length <= MAX_HEADING_LINE && !/[。，,]/.test(l))) return 'credit';
  if (CAPTION_END.test(joined) && /[。.!！]\s*\S{0,12}(记者|通讯员)?\s*\S{0,6}(摄|摄影|供图)\s*$/.test(joined))
    return 'caption';
  // A line with an unclosed 《 “ ( is a sentence broken across blocks, never a headline.
  const headingLike =
    lines.length <= 3 &&
    !hasUnbalancedPairs(joined) &&
    lines.every((l) => l.length <= MAX_HEADING_LINE && !/[。！？!?；;]/.test(l));
  return headingLike ? 'heading' : 'body';
}

/** A heading line: short, no sentence punctuation, no unclosed quote. */
function headingLine(line: string): boolean {
  return line.length <= MAX_HEADING_LINE && !/[。！？!?；;]/.test(line) && !hasUnbalancedPairs(line);
}

/**
 * Splits a block of lines that holds more than one thing: a headline written right above its first
 * paragraph with no blank line between, and paragraphs that each end a sentence on their own line.
 * Lines broken in mid-sentence stay together.
 */
function splitBlock(lines: string[]): string[][] {
  const out: string[][] = [];
  let i = 0;
  const bodyLike = (l: string | undefined) => l !== undefined && (l.length > MAX_HEADING_LINE || /[。！？!?]/.test(l));
  if (lines.some((l) => bodyLike(l))) {
    while (
      i < lines.length - 1 &&
      headingLine(lines[i] ?? '') &&
      !EDITOR_LINE.test(lines[i] ?? '') &&
      !CREDIT_LINE.test(lines[i] ?? '')
    ) {
      out.push([lines[i] ?? '']);
      i++;
    }
  }
  let current: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    current.push(line);
    if (isTerminated(line) && i < lines.length - 1 && bodyLike(line)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

const PAIRS: Array<[string, string]> = [
  ['《', '》'],
  ['“', '”'],
  ['(', ')'],
  ['（', '）'],
  ['「', '」'],
];

function hasUnbalancedPairs(text: string): boolean {
  return PAIRS.some(([open, close]) => text.split(open).length !== text.split(close).length);
}

/** Turns a heading block's lines into headline units, re-joining a headline broken over two lines. */
function headlineUnits(lines: string[]): string[] {
  const units: string[] = [];
  for (const line of lines) {
    const last = units.at(-1);
    if (last !== undefined && line.length <= HEADLINE_TAIL && !/[—:：]$/.test(last)) {
      units[units.length - 1] = last + line;
    } else {
      units.push(line);
    }
  }
  return units;
}

/** A kicker (引题) leads into the headline and ends with a dash or colon. */
function isKicker(line: string): boolean {
  return /(——|—|:|：)$/.test(line);
}

function titleOfCaption(caption: string): string {
  const clauses = caption.split(/[,，。 ]/);
  const first = (clauses.find((c) => c.length >= 6) ?? clauses[0] ?? '').slice(0, 24);
  return `图片新闻：${first}`;
}

/**
 * Gives each article an id derived from its file name, headline and text, so that ids survive
 * re-ingests that add or reorder files; identical articles in one file are told apart by a suffix.
 */
function assignIds(articles: Article[]): void {
  const seen = new Map<string, number>();
  for (const a of articles) {
    const content = [a.source, a.title, ...a.paragraphs.map((p) => p.text)].join('\n');
    const id = createHash('sha256').update(content).digest('base64url').slice(0, 10);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    a.id = n ? `${id}~${n}` : id;
  }
}

/**
 * Parses one bulletin text file into articles, keeping banners and editor credits out of them.
 * Paragraph text is the bulletin's own characters; only line breaks inside a broken sentence are removed.
 *
 * @example
 * const bulletin = parseBulletin(readFileSync('corpus/x.txt', 'utf8'), 'x.txt');
 * bulletin.articles[0].title; // '用好大数据 精准防疫情'
 */
export function parseBulletin(text: string, source: string): Bulletin {
  const fm = readFrontMatter(text);
  const blocks = fm.body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''))
        .filter(Boolean),
    )
    .flatMap(splitBlock)
    .filter((b) => b.length > 0);

  const articles: Article[] = [];
  const furniture: string[] = [];
  // A file holding several pages may carry a banner date line per page: articles take the last one above them.
  let pageDate: string | undefined;
  let pendingHeads: string[] = [];
  let pendingCaptions: string[] = [];
  let pendingContinued = false;
  let current: Article | undefined;
  let closed = true; // the current article has ended (credits seen), so loose items do not join it

  const startArticle = (title: string, subtitles: string[]): Article => {
    const a: Article = {
      // Filled in once the article is complete: the id is derived from its content.
      id: '',
      title,
      subtitles,
      credits: [],
      paragraphs: [],
      captions: [],
      continued: pendingContinued,
      source,
      ...(pageDate ? { date: pageDate } : {}),
      ...(fm.publication ? { publication: fm.publication } : {}),
    };
    pendingContinued = false;
    articles.push(a);
    return a;
  };
  const addParagraph = (a: Article, text: string, kind: Paragraph['kind']) => {
    a.paragraphs.push({ n: a.paragraphs.length + 1, text, kind });
    if (kind === 'caption') a.captions.push(text);
  };
  const openFromHeads = () => {
    const units = pendingHeads;
    const titleIdx = units.findIndex((u) => !isKicker(u));
    const idx = Math.max(titleIdx, 0);
    current = startArticle(
      units[idx] ?? '',
      units.filter((_, i) => i !== idx),
    );
    for (const c of pendingCaptions) addParagraph(current, c, 'caption');
    pendingHeads = [];
    pendingCaptions = [];
    closed = false;
  };

  for (const lines of blocks) {
    let kind = classify(lines);
    let body = lines.join('');
    const last = current?.paragraphs[current.paragraphs.length - 1];
    // A body paragraph broken mid-sentence continues in the next block, whatever that block looks like,
    // unless the next block is page furniture or a credit line.
    if (
      current &&
      !closed &&
      last?.kind === 'body' &&
      !isTerminated(last.text) &&
      (kind === 'body' || kind === 'heading') &&
      !pendingHeads.length
    ) {
      if (kind === 'body' || lines.length === 1) {
        last.text += body;
        continue;
      }
    }
    if (CONTINUATION.test(body)) {
      pendingContinued = true;
      if (current && !closed && pendingHeads.length === 0) current.continued = true;
      body = body.replace(CONTINUATION, '').trim();
      if (!body) continue;
      kind = classify([body]);
    }
    switch (kind) {
      case 'editor':
      case 'banner':
        if (kind === 'banner') pageDate = bannerDate(body) ?? pageDate;
        // Headings right before an editor line are the page banner, not an article.
        furniture.push(...pendingHeads, body);
        pendingHeads = [];
        closed = true;
        break;
      case 'credit':
        if (current) current.credits.push(...lines);
        else furniture.push(body);
        closed = true;
        break;
      case 'caption':
        if (pendingHeads.length) pendingCaptions.push(body);
        else if (current && !closed) addParagraph(current, body, 'caption');
        else {
          const a = startArticle(titleOfCaption(body), []);
          addParagraph(a, body, 'caption');
          current = a;
          closed = true;
        }
        break;
      case 'heading':
        pendingHeads.push(...headlineUnits(lines));
        break;
      case 'body': {
        if (pendingHeads.length) openFromHeads();
        if (!current) {
          current = startArticle((body.split(/[,，。]/)[0] ?? '').slice(0, 30), []);
          closed = false;
        }
        const by = BYLINE.exec(body);
        if (by && current.paragraphs.length === 0) current.credits.push(by[0]);
        addParagraph(current, body, 'body');
        if (pendingContinued) {
          current.continued = true;
          pendingContinued = false;
        }
        break;
      }
    }
  }
  // Trailing headings with no body are furniture (e.g. a banner at the foot of the page).
  furniture.push(...pendingHeads);
  for (const c of pendingCaptions) {
    const a = startArticle(titleOfCaption(c), []);
    addParagraph(a, c, 'caption');
  }
  assignIds(articles);
  const firstBanner = furniture.map(bannerDate).find(Boolean);
  const dated = issueDate({
    ...(fm.date !== undefined ? { frontMatter: fm.date } : {}),
    banner: firstBanner,
    path: source,
  });
  for (const a of articles) {
    // The front matter speaks for the whole file; a banner for the page below it; the path for the rest.
    const date = dated.origin === 'front-matter' ? dated.date : (a.date ?? dated.date);
    if (date) a.date = date;
    else delete a.date;
  }
  return {
    source,
    ...(dated.date ? { date: dated.date, dateOrigin: dated.origin } : {}),
    ...(dated.warning ? { warning: dated.warning } : {}),
    ...(fm.publication ? { publication: fm.publication } : {}),
    articles,
    furniture,
  };
}
