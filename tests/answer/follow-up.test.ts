import { describe, expect, it } from 'vitest';
import { followUpOf, lacksSubject, preferArticle, type Topic, topicAfter } from '../../src/answer/follow-up.js';
import { rewriteProblem } from '../../src/answer/follow-up-model.js';
import { analyzeQuestion } from '../../src/answer/question/analyze.js';
import type { ScoredSentence } from '../../src/answer/scorer.js';
import { readEvalSet } from '../../src/cli/eval-set.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();
const analyze = (text: string) => analyzeQuestion(text, seeded.index.keyword, seeded.index.lexicon);

/** Asks the questions in turn, each with the topic the previous answer left. */
async function converse(...questions: string[]) {
  const answers = [];
  let topic: Topic | undefined;
  for (const q of questions) {
    const a = await seeded.answerer.ask(q, topic ? { topic } : {});
    answers.push(a);
    topic = a.topic;
  }
  return answers;
}

describe('which questions lack their subject', () => {
  it('a reference, a question that goes on from the last one, or a very short one, without a name of its own', () => {
    for (const q of [
      '他一共卖了多少斤?',
      '它什么时候通车?',
      '该镇有多少养殖户?',
      '那里有多少项目已经复工?',
      '总投资呢?',
      '那么全长是多少?',
      'And when will it open?',
      'How long is it?',
      'What about the total investment?',
    ])
      expect(lacksSubject(analyze(q)), q).toBe(true);
  });

  it('not one that names or describes its subject, nor 其他 (other), 应该 (should) or 那个 before a noun', () => {
    for (const q of [
      '平海公路总投资多少?',
      '平海公路它什么时候通车?',
      'When will the Pinghai road open?',
      '惠萍镇上其他养殖户一共外销了多少斤扣蟹?',
      '复工企业应该做好哪些疫情防控工作?',
      '那个通告是不是要严打18种违法犯罪?',
      'Who chaired the work-safety meeting for the departments under his charge on the afternoon of the 27th?',
    ])
      expect(lacksSubject(analyze(q)), q).toBe(false);
  });

  it('hardly any standalone question of the eval sets is read as a follow-up (regression: 19 of 437 were)', () => {
    const topic: Topic = { names: [{ label: '平海公路', text: '平海公路' }], question: 'q', lang: 'zh' };
    const items = ['questions', 'seed-styles-tune', 'seed-styles-heldout'].flatMap((set) =>
      readEvalSet(`tests/eval/${set}.jsonl`),
    );
    const taken = items.filter((item) => followUpOf(analyze(item.q), topic));
    // Today: 4 of 481, all terse keyword queries (扣蟹 名称由来?) that name no entity the analysis knows.
    expect(taken.length / items.length, taken.map((t) => t.q).join(' | ')).toBeLessThanOrEqual(0.015);
  });
});

describe('follow-ups answered with the topic (offline)', () => {
  it('Chinese: 它什么时候通车? after a question about 平海公路 is answered for 平海公路, and says so', async () => {
    const [, a] = await converse('平海公路总投资多少?', '它什么时候通车?');
    expect(a?.followUp).toMatchObject({ subject: '平海公路', by: 'rules' });
    expect(a?.answer).toMatch(/^6月15日/);
    expect(a?.topic.names.map((n) => n.label)).toEqual(['平海公路']);
  });

  it('English: "And when will it open?" after the Pinghai road, and without the topic it is wrong', async () => {
    const [first, a] = await converse(
      'How much is the total investment of the Pinghai road?',
      'And when will it open?',
    );
    expect(first?.followUp).toBeUndefined();
    expect(a?.followUp?.subject).toBe('Pinghai');
    expect(a?.answer).toMatch(/^June 15/);
    // The same question alone: what the topic fixes.
    expect((await seeded.answerer.ask('And when will it open?')).answer).not.toMatch(/^June 15/);
  });

  it('a chain of follow-ups keeps the topic; a question with its own subject replaces it', async () => {
    const [, , length, other] = await converse(
      '平海公路总投资多少?',
      '它什么时候通车?',
      '全长呢?',
      '通州把驻企干部划分成了多少个工作组?',
    );
    expect(length?.followUp?.subject).toBe('平海公路');
    expect(length?.answer).toContain('28.3千米');
    expect(other?.followUp).toBeUndefined();
    expect(other?.topic.names.map((n) => n.label)).toEqual(['通州']);
  });

  it('the person an answer names is who 她 refers to next', async () => {
    const [who, post] = await converse('谁主持召开了分管部门安全生产工作专题推进会?', '她是什么职务?');
    expect(who?.answer).toMatch(/^封春晴/);
    expect(post?.followUp?.subject).toBe('封春晴');
    expect(post?.answer).toMatch(/^市委常委、组织部部长/);
  });

  it('a topic without names lends its article: the subject shown is its headline', () => {
    const topic: Topic = { names: [], articleId: 'A1', title: '31个续建重大项目陆续复工', question: 'q', lang: 'zh' };
    expect(followUpOf(analyze('那里有多少项目已经复工?'), topic)).toEqual({
      subject: '31个续建重大项目陆续复工',
      standalone: '那里有多少项目已经复工?',
      by: 'rules',
    });
    expect(followUpOf(analyze('那里有多少项目已经复工?'), { ...topic, articleId: undefined })).toBeUndefined();
  });

  it('names go into a question in its language: the bulletin form for Chinese, the asker’s for English', () => {
    const topic: Topic = { names: [{ label: 'Pinghai', text: '平海' }], question: 'q', lang: 'en' };
    expect(followUpOf(analyze('它什么时候通车?'), topic)?.standalone).toBe('平海 它什么时候通车?');
    expect(followUpOf(analyze('How long is it?'), topic)?.standalone).toBe('Pinghai How long is it?');
  });
});

describe('parts', () => {
  it('preferArticle lifts the topic article’s sentences over a near tie only', () => {
    const s = (articleId: string, score: number) => ({ chunk: { articleId }, score }) as unknown as ScoredSentence;
    const ranked = preferArticle([s('x', 0.9), s('topic', 0.85), s('y', 0.7), s('topic', 0.5)], 'topic');
    expect(ranked.map((r) => [r.chunk.articleId, Number(r.score.toFixed(2))])).toEqual([
      ['topic', 0.93],
      ['x', 0.9],
      ['y', 0.7],
      ['topic', 0.58],
    ]);
  });

  it('topicAfter keeps names once, at most three, with the article of the first citation', () => {
    const q = analyze('平海公路总投资多少?');
    const citation = { n: 1, articleId: 'A', title: 'T', quote: 'x', source: 's', paragraph: 1 };
    expect(topicAfter(q, [citation])).toEqual({
      names: [{ label: '平海公路', text: '平海公路' }],
      articleId: 'A',
      title: 'T',
      question: '平海公路总投资多少?',
      lang: 'zh',
    });
    expect(topicAfter(q, []).articleId).toBeUndefined();
  });

  it('rewriteProblem accepts a faithful standalone question and names what is wrong with the others', () => {
    const topic: Topic = {
      names: [{ label: '平海公路', text: '平海公路' }],
      question: '平海公路总投资多少?',
      lang: 'zh',
    };
    const q = analyze('它什么时候通车?');
    const problem = (rewrite: string) => rewriteProblem(rewrite, q, topic, analyze);
    expect(problem('平海公路什么时候通车?')).toBeUndefined();
    expect(problem('')).toBe('malformed');
    expect(problem('平海公路什么时候通车?\n还有别的吗')).toBe('malformed');
    expect(problem('When will the Pinghai road open?')).toBe('language');
    expect(problem('它什么时候通车?')).toBe('subject-missing');
    expect(problem('平海公路6月20日通车吗?')).toBe('new-figure');
    expect(problem('平海公路的通车时间是谁定的?')).toBe('changed-question');
  });
});
