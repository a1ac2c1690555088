import { describe, expect, it } from 'vitest';
import { answerHtml, checkHtml } from '../../src/bot/format.js';
import type { Answer, Citation } from '../../src/core/types.js';
import { validTelegramHtml } from '../../testkit/fake-bot-api.js';

const citation = (over: Partial<Citation> = {}): Citation => ({
  n: 1,
  articleId: 'A',
  title: '平海公路<快速化>改造',
  quote: '总投资5.65亿元。',
  source: 's.txt',
  paragraph: 2,
  ...over,
});
const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'q',
  lang: 'zh',
  found: true,
  answer: '5.65亿元',
  citations: [citation()],
  confidence: 1,
  elapsedMs: 1,
  ...over,
});

describe('answer HTML', () => {
  it('shows the issue date of a citation that has one, in the answer’s language', () => {
    const zh = answerHtml(answer({ citations: [citation({ date: '2020-02-28' })] }));
    expect(zh).toContain('[1] <b>平海公路&lt;快速化&gt;改造</b> · 2020年2月28日\n<blockquote>');
    const en = answerHtml(answer({ lang: 'en', citations: [citation({ date: '2020-02' })] }));
    expect(en).toContain('</b> · February 2020\n<blockquote>');
    // Every citation says its date, even when it is not known.
    expect(answerHtml(answer())).toContain('改造</b> · 日期不详\n<blockquote>');
    const check = checkHtml({
      claim: 'c',
      lang: 'zh',
      verdict: 'supported',
      answer: 'ok',
      citations: [citation({ date: '2020-02-28' })],
      elapsedMs: 1,
    });
    expect(check).toContain(' · 2020年2月28日');
  });

  it('puts what a follow-up was taken to be about before the answer, escaped', () => {
    const html = answerHtml({ ...answer(), followUp: { subject: '平海公路' } });
    expect(html).toMatch(/^<b>平海公路：<\/b>5\.65亿元/);
    const en = answerHtml({ ...answer({ lang: 'en', answer: 'June 15' }), followUp: { subject: 'A & <B>' } });
    expect(en).toMatch(/^<b>A &amp; &lt;B&gt;: <\/b>June 15/);
    expect(validTelegramHtml(en)).toBe(true);
  });
});
