import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datedWorkspace } from '../helpers.js';

// The seed page plus a dated archive of eight issues (2021-03-02 … 2022-02-08), and one undated note.
const ws = datedWorkspace();
afterAll(() => ws.cleanup());
const env = { ...process.env, CORPUS_DIR: ws.config.corpusDir, INDEX_DIR: ws.config.indexDir, TELEGRAM_BOT_TOKEN: '' };
const run = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });

interface JsonCitation {
  date: string | null;
  quote: string;
}
interface JsonAnswer {
  question: string;
  found: boolean;
  answer: string;
  citations: JsonCitation[];
}

let answers = new Map<string, JsonAnswer>();
const ask = (q: string): JsonAnswer => {
  const a = answers.get(q);
  if (!a) throw new Error(`not asked: ${q}`);
  return a;
};
const dates = (q: string) => ask(q).citations.map((c) => c.date);

const QUESTIONS = {
  latest: '滨江大桥现在完成了多少?',
  day: '2021年3月20日滨江大桥工程进度是多少?',
  month: '2021年2月滨江市空气质量优良天数是多少?',
  yearless: '3月22日东城区批发市场青菜每斤多少钱?',
  lastYearMonth: '去年12月滨江市空气质量优良天数是多少?',
  lastMonth: '上个月的滨江马拉松有多少名选手参赛?',
  lastWeek: '上周春节期间青菜批发价最高涨到每斤多少?',
  yesterday: '昨天青菜批发价是每斤多少?',
  todaysPaper: '今天的报纸说春节假期全市接待了多少游客?',
  recently: '最近临港新区有多少家企业节后复工?',
  uncoveredYear: '2023年滨江国际马拉松的冠军是谁?',
  uncoveredMonth: '2020年5月东城区批发市场青菜多少钱一斤?',
  compare: '滨江大桥工程进度从2021年3月初到4月中旬有什么变化?',
  inMonth: 'How many good air quality days did Binjiang have in February 2021?',
  onDay: 'What was the progress of the Binjiang Bridge as of March 20, 2021?',
  lastYear: "What was Binjiang's GDP last year?",
  lastWeekEn: 'How high did the qingcai wholesale price rise last week?',
  latestEn: 'What is the latest wholesale price of qingcai per jin at the Dongcheng market?',
  uncoveredEn: 'Who won the Binjiang Marathon in 2023?',
  seed: '海门有多少项目2月底全面复工?',
};

beforeAll(() => {
  const notes = join(ws.config.corpusDir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'readme.txt'), '编者按\n\n这是一份没有日期的说明文字。\n');
  const ingest = run(['scripts/ingest.ts']);
  expect(ingest.status).toBe(0);
  // A file without a date is indexed all the same, with a warning that names it.
  expect(ingest.stderr).toMatch(/Warning: notes\/readme\.txt: date unknown/);
  expect(ingest.stdout).toMatch(/Indexed 10 bulletin file\(s\)/);
  const r = run(['scripts/ask.ts', '--jsonl'], `${Object.values(QUESTIONS).join('\n')}\n`);
  expect(r.status).toBe(0);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JsonAnswer);
  answers = new Map(lines.map((a) => [a.question, a]));
}, 240_000);

describe('a dated archive through ask --jsonl (real processes)', () => {
  it('gives every citation its issue date, precision kept (the seed page is dated to its month)', () => {
    for (const a of answers.values()) for (const c of a.citations) expect(c.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    expect(dates(QUESTIONS.seed)).toEqual(['2020-02']);
  });

  it('answers an undated question from the newest issue and reports the earlier figure with its date', () => {
    expect(ask(QUESTIONS.latest).answer).toMatch(/^78%.*（2021年4月20日报）；此前为60%（2021年3月23日报）/);
    expect(dates(QUESTIONS.latest)).toEqual(['2021-04-20', '2021-03-23']);
    expect(ask(QUESTIONS.recently).answer).toMatch(/^97家/);
    expect(dates(QUESTIONS.recently)).toEqual(['2022-02-08']);
    expect(ask(QUESTIONS.latestEn).answer).toMatch(/^2\.4 yuan/);
  });

  it('answers a question naming a date from that issue, with or without its year', () => {
    expect(ask(QUESTIONS.day).answer).toMatch(/^60%/);
    expect(dates(QUESTIONS.day)).toEqual(['2021-03-23']);
    expect(ask(QUESTIONS.month).answer).toMatch(/^24天/);
    expect(dates(QUESTIONS.month)).toEqual(['2021-03-02']);
    expect(ask(QUESTIONS.yearless).answer).toMatch(/^1\.6元/);
    expect(ask(QUESTIONS.inMonth).answer).toMatch(/^24 days/);
    expect(ask(QUESTIONS.onDay).answer).toMatch(/^60%/);
    expect(dates(QUESTIONS.onDay)).toEqual(['2021-03-23']);
  });

  it('reads relative words against the newest issue and says which days it took them to mean', () => {
    expect(ask(QUESTIONS.lastYearMonth).answer).toMatch(/^22天.*“去年12月”按最新一期2022年2月8日推算，指2021年12月/);
    expect(ask(QUESTIONS.lastMonth).answer).toMatch(/^14800名.*指2022年1月/);
    expect(ask(QUESTIONS.lastWeek).answer).toMatch(/^3\.2元.*指2022年1月31日至2022年2月6日/);
    expect(ask(QUESTIONS.yesterday).answer).toMatch(/^2\.4元.*指2022年2月7日/);
    expect(ask(QUESTIONS.todaysPaper).answer).toMatch(/^86\.5万人次/);
    expect(dates(QUESTIONS.todaysPaper)).toEqual(['2022-02-08']);
    expect(ask(QUESTIONS.lastYear).answer).toMatch(/^312\.8 billion yuan.*“last year” read as 2021/);
    expect(ask(QUESTIONS.lastWeekEn).answer).toMatch(/^3\.2 yuan.*read as 31 January 2022 to 6 February 2022/);
  });

  it('answers a comparison with the newest and the oldest figure of the period', () => {
    expect(ask(QUESTIONS.compare).answer).toMatch(/^78%.*此前为45%（2021年3月2日报）/);
  });

  it('says the archive has nothing for a period no issue covers, instead of a figure from another year', () => {
    for (const q of [QUESTIONS.uncoveredYear, QUESTIONS.uncoveredMonth]) {
      expect(ask(q)).toMatchObject({ found: false, citations: [] });
      expect(ask(q).answer).toMatch(/^公报存档中没有20\d\d年(5月)?这一时期的内容（现有各期：2020年2月至2022年2月8日）/);
    }
    expect(ask(QUESTIONS.uncoveredEn).answer).toMatch(/^The bulletin archive has nothing for that period \(2023\)/);
  });

  it('checks an undated claim against the newest issue and a dated one against its own', () => {
    const r = run(
      ['scripts/check.ts', '--jsonl'],
      '滨江大桥工程进度达到60%\n截至2021年3月20日滨江大桥工程进度达到60%\n',
    );
    const [undated, dated] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(undated.verdict).toBe('contradicted');
    expect(undated.answer).toMatch(/78%.*2021年3月23日报曾是这个数字/);
    expect(undated.citations.map((c: JsonCitation) => c.date)).toEqual(['2021-04-20', '2021-03-23']);
    expect(dated.verdict).toBe('supported');
    expect(dated.citations[0].date).toBe('2021-03-23');
  });

  it('shows the issue date in the readable answer', () => {
    const r = run(['scripts/ask.ts', QUESTIONS.day]);
    expect(r.stdout).toMatch(/\[1\] 滨江大桥工程进度达60% · 2021年3月23日 \(archive\/2021-03-23\.txt, ¶1\)/);
  });
});
