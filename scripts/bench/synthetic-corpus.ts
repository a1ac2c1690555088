/**
 * A synthetic dated archive with a realistic vocabulary: daily issue files of about 800 chunks,
 * articles built from words drawn by frequency from jieba's dictionary, many distinct people,
 * places and organisations, and figures and dates everywhere. Its distinct-term growth follows
 * real news (`npm run bench -- --vocabulary DIR` compares it with any corpus folder): the old
 * generator repeated one page's words and understated ingest time and memory threefold.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chunks one issue file yields, about (a daily paper adds 500–1,000 a day). */
export const CHUNKS_PER_ISSUE = 800;

/** Words of one part of speech, drawn in proportion to their dictionary frequency. */
class WordTable {
  private readonly cumulative: Float64Array;
  constructor(
    private readonly words: string[],
    freqs: number[],
  ) {
    this.cumulative = new Float64Array(freqs.length);
    let total = 0;
    freqs.forEach((f, i) => {
      total += f ** 1.2;
      this.cumulative[i] = total;
    });
  }
  draw(random: () => number): string {
    const x = random() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo] ?? '';
  }
}

interface Vocabulary {
  noun: WordTable;
  verb: WordTable;
  adj: WordTable;
  place: WordTable;
  idiom: WordTable;
  chars: string;
}

let vocabulary: Vocabulary | undefined;

/** jieba's dictionary (`word frequency tag` per line), split by part of speech. */
function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const groups = new Map<string, { words: string[]; freqs: number[] }>();
  const add = (g: string, w: string, f: number) => {
    const e = groups.get(g) ?? { words: [], freqs: [] };
    e.words.push(w);
    e.freqs.push(f);
    groups.set(g, e);
  };
  let chars = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word = '', freq = '0', tag = ''] = line.split(' ');
    if (!/^\p{Script=Han}{1,4}$/u.test(word)) continue;
    const f = Number(freq);
    if (tag === 'nr' && word.length === 1 && f > 1000) chars += word;
    if (tag === 'n' || tag === 'vn' || tag === 'nz' || tag === 'nt' || tag === 'j') add('noun', word, f);
    else if (tag === 'v') add('verb', word, f);
    else if (tag === 'a' || tag === 'ad' || tag === 'd' || tag === 'b') add('adj', word, f);
    else if (tag === 'ns') add('place', word, f);
    else if (tag === 'i' || tag === 'l') add('idiom', word, f);
  }
  const table = (g: string) => new WordTable(groups.get(g)?.words ?? [''], groups.get(g)?.freqs ?? [1]);
  vocabulary = {
    noun: table('noun'),
    verb: table('verb'),
    adj: table('adj'),
    place: table('place'),
    idiom: table('idiom'),
    chars,
  };
  return vocabulary;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国立新志文斌宇浩凯健俊帆帅旭宁龙林欣怡嘉琪晨阳雪梅婷慧颖倩晓东海波峰亮鑫博';
const UNITS = [
  '亿元',
  '万元',
  '元',
  '万人次',
  '人',
  '名',
  '个',
  '家',
  '项',
  '公里',
  '米',
  '吨',
  '辆',
  '套',
  '平方米',
  '亩',
  '户',
  '次',
  '件',
  '所',
];
const ORG_SUFFIX = ['局', '委员会', '中心', '公司', '集团', '医院', '学校', '研究院', '办公室', '协会', '银行', '法院'];
const PLACE_SUFFIX = ['市', '县', '区', '镇', '乡', '村', '街道', '开发区', '新区'];
const FUNCTION = ['的', '在', '和', '对', '将', '已', '与', '为', '把', '从', '也', '都', '共', '还'];
const REPORTERS = ['本报讯', '新华社', '本报记者', '通讯员'];

/** The story being written: its people, places and organisations recur, as they do in real articles. */
interface Story {
  random: () => number;
  people: string[];
  places: string[];
  orgs: string[];
  /** The story's own subject words: an article comes back to its topic. */
  topic: string[];
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function personName(random: () => number): string {
  const given = Array.from({ length: random() < 0.7 ? 2 : 1 }, () =>
    random() < 0.5 ? pick(random, [...GIVEN]) : pick(random, [...loadVocabulary().chars]),
  );
  return pick(random, [...SURNAMES]) + given.join('');
}

/** A place name: a dictionary place or two characters and a suffix, so that the archive keeps meeting new ones. */
function placeName(random: () => number): string {
  const v = loadVocabulary();
  if (random() < 0.5) return v.place.draw(random);
  const a = v.noun.draw(random);
  return `${a.slice(0, 2)}${pick(random, PLACE_SUFFIX)}`;
}

function figure(random: () => number): string {
  const r = random();
  const n = Math.floor(10 ** (1 + random() * 4));
  if (r < 0.25) return `${n}.${Math.floor(random() * 10)}${pick(random, UNITS)}`;
  if (r < 0.45) return `${(random() * 60).toFixed(1)}%`;
  return `${n}${pick(random, UNITS)}`;
}

const date = (random: () => number) => `${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`;

/** One phrase slot of a clause. */
function slot(s: Story): string {
  const v = loadVocabulary();
  const r = s.random();
  if (r < 0.15) return pick(s.random, s.topic);
  if (r < 0.3) return v.noun.draw(s.random);
  if (r < 0.5) return v.verb.draw(s.random);
  if (r < 0.58) return v.adj.draw(s.random);
  if (r < 0.64) return pick(s.random, s.places);
  if (r < 0.69) return pick(s.random, s.orgs);
  if (r < 0.72) return pick(s.random, s.people);
  if (r < 0.83) return figure(s.random);
  if (r < 0.87) return date(s.random);
  if (r < 0.9) return v.idiom.draw(s.random);
  return pick(s.random, FUNCTION);
}

function clause(s: Story): string {
  const n = 4 + Math.floor(s.random() * 5);
  return Array.from({ length: n }, () => slot(s)).join('');
}

function sentence(s: Story): string {
  const n = 1 + Math.floor(s.random() * 3);
  const lead = s.random() < 0.2 ? `${pick(s.random, s.people)}表示，` : s.random() < 0.2 ? `${date(s.random)}，` : '';
  return `${lead}${Array.from({ length: n }, () => clause(s)).join('，')}。`;
}

function story(random: () => number): Story {
  const places = Array.from({ length: 1 + Math.floor(random() * 3) }, () => placeName(random));
  const orgs = places.map((p) => `${p}${loadVocabulary().noun.draw(random).slice(0, 2)}${pick(random, ORG_SUFFIX)}`);
  const people = Array.from({ length: 1 + Math.floor(random() * 3) }, () => personName(random));
  const topic = Array.from({ length: 4 + Math.floor(random() * 4) }, () => loadVocabulary().noun.draw(random));
  return { random, people, places, orgs, topic };
}

/** One article: headline, sometimes a sub-headline, a byline and a few paragraphs. */
function article(random: () => number): string {
  const s = story(random);
  const v = loadVocabulary();
  const headline = `${pick(random, s.places)}${v.noun.draw(random)}${v.verb.draw(random)}${figure(random)}`;
  const lines = [headline];
  if (random() < 0.2) lines.push(`——${v.noun.draw(random)}${v.verb.draw(random)}${v.noun.draw(random)}`);
  lines.push('');
  const paragraphs = 2 + Math.floor(random() * 4);
  for (let p = 0; p < paragraphs; p++) {
    const body = Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(s)).join('');
    const byline = p === 0 ? `${pick(random, REPORTERS)}(记者 ${personName(random)}) ` : '';
    lines.push(`${byline}${body}`, '');
  }
  return lines.join('\n');
}

/** Issue date of issue `i`: one a day from 1 January 2015. */
export function issueDate(i: number): string {
  return new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/** Path of issue `i` inside the corpus folder: one folder per year, as a dated archive keeps them. */
export function issuePath(i: number): string {
  const d = issueDate(i);
  return `${d.slice(0, 4)}/${d}.txt`;
}

/** The text of issue `i` (about {@link CHUNKS_PER_ISSUE} chunks). Deterministic in `i`. */
export function syntheticIssue(i: number, chunks = CHUNKS_PER_ISSUE): string {
  const random = rng(1000 + i);
  const parts: string[] = [];
  // About 88 characters of article text per chunk, as the chunker cuts at 160 on sentence ends.
  let chars = 0;
  while (chars < chunks * 88) {
    const a = article(random);
    chars += a.length;
    parts.push(a);
  }
  return `---\ndate: ${issueDate(i)}\nsource: 合成日报\n---\n${parts.join('\n')}`;
}

/** Writes issues `from`…`to - 1` into `dir`; returns their paths relative to it. */
export function writeIssues(dir: string, from: number, to: number, chunks = CHUNKS_PER_ISSUE): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const path = join(dir, issuePath(i));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, syntheticIssue(i, chunks));
    out.push(issuePath(i));
  }
  return out;
}

/** Writes enough issues into `dir` for about `chunks` chunks; returns the number of issues. */
export function writeSyntheticCorpus(dir: string, chunks: number): number {
  const issues = Math.max(1, Math.round(chunks / CHUNKS_PER_ISSUE));
  writeIssues(dir, 0, issues, Math.min(CHUNKS_PER_ISSUE, chunks));
  return issues;
}

/**
 * Questions about the archive, as a reader would ask them: a sentence with a figure in it, the
 * figure replaced by 多少. Deterministic; drawn from issues `0…issues-1`.
 */
export function syntheticQuestions(issues: number, n: number): string[] {
  const random = rng(7);
  const out: string[] = [];
  while (out.length < n) {
    const text = syntheticIssue(Math.floor(random() * issues), 40);
    const sentences = text.match(/[^。\n]{8,60}\d+(?:\.\d+)?(?:亿元|万元|元|人|名|个|家|项|公里|吨|辆)[^。\n]*/g) ?? [];
    const s = sentences[Math.floor(random() * sentences.length)];
    if (!s) continue;
    const clause = s.split('，').find((c) => /\d/.test(c)) ?? s;
    out.push(`${clause.replace(/\d+(?:\.\d+)?/, '多少')}?`);
  }
  return out;
}
