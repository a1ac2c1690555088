import { describe, expect, it } from 'vitest';
import { bannerDate, issueDate, pathDate, readDate } from '../../src/corpus/issue-date.js';
import { parseBulletin } from '../../src/corpus/parser.js';

const TODAY = new Date('2026-11-28T12:00:00Z');

describe('issue dates', () => {
  it('reads written dates at their own precision', () => {
    expect(readDate('2020-02-28')).toBe('2020-02-28');
    expect(readDate('2020-2-8')).toBe('2020-02-08');
    expect(readDate('2020/02/08')).toBe('2020-02-08');
    expect(readDate('2020年2月8日')).toBe('2020-02-08');
    expect(readDate('20200208')).toBe('2020-02-08');
    expect(readDate('2020-02')).toBe('2020-02');
    expect(readDate('2020年2月')).toBe('2020-02');
    expect(readDate('2020')).toBe('2020');
    expect(readDate('2020-02-30')).toBeUndefined();
    expect(readDate('2020-13')).toBeUndefined();
    expect(readDate('next Friday')).toBeUndefined();
  });

  it('reads banner date lines and paths', () => {
    expect(bannerDate('2021年3月9日 星期二')).toBe('2021-03-09');
    expect(bannerDate('2021年3月9日　农历正月廿六　星期二')).toBe('2021-03-09');
    expect(bannerDate('2021年3月9日，市政府召开会议。')).toBeUndefined();
    expect(pathDate('2020/02/28/a1.txt')).toBe('2020-02-28');
    expect(pathDate('2020/2/8/a1.txt')).toBe('2020-02-08');
    expect(pathDate('archive/2020-02-28.txt')).toBe('2020-02-28');
    expect(pathDate('20200228-A1.txt')).toBe('2020-02-28');
    expect(pathDate('nantong-bulletin-2020-02.txt')).toBe('2020-02');
    expect(pathDate('2020/02/a1.txt')).toBe('2020-02');
    expect(pathDate('page-12.txt')).toBeUndefined();
  });

  it('takes front matter, then banner, then path', () => {
    expect(issueDate({ frontMatter: '2020-02', banner: '2020-02-28', path: '2020-02-27.txt' }, TODAY)).toEqual({
      date: '2020-02',
      origin: 'front-matter',
    });
    expect(issueDate({ banner: '2020-02-28', path: '2020-02-27.txt' }, TODAY)).toEqual({
      date: '2020-02-28',
      origin: 'banner',
    });
    expect(issueDate({ path: '2020-02-27.txt' }, TODAY)).toEqual({ date: '2020-02-27', origin: 'path' });
  });

  it('warns of an unreadable, missing or future date and keeps the file', () => {
    const bad = issueDate({ frontMatter: 'soon', path: '2020-02-27.txt' }, TODAY);
    expect(bad.date).toBe('2020-02-27');
    expect(bad.warning).toMatch(/"soon" cannot be read/);
    expect(issueDate({ path: 'notes.txt' }, TODAY)).toEqual({ warning: expect.stringMatching(/^date unknown/) });
    expect(issueDate({ frontMatter: '2031-01-01', path: 'x.txt' }, TODAY).warning).toMatch(/in the future/);
    // The next day's issue is often filed the evening before.
    expect(issueDate({ frontMatter: '2026-11-29', path: 'x.txt' }, TODAY).warning).toBeUndefined();
  });

  it('dates the articles of a parsed file by the banner above them', () => {
    const text = [
      '2021年3月9日 星期二',
      '',
      '临港新区复工企业增至168家',
      '',
      '截至3月8日，临港新区复工的规模以上工业企业已达168家。',
      '',
      '2021年3月10日 星期三',
      '',
      '大桥进度过半',
      '',
      '滨江大桥工程进度已过半。',
    ].join('\n');
    const b = parseBulletin(text, 'two-pages.txt');
    expect(b.date).toBe('2021-03-09');
    expect(b.dateOrigin).toBe('banner');
    expect(b.articles.map((a) => [a.title, a.date])).toEqual([
      ['临港新区复工企业增至168家', '2021-03-09'],
      ['大桥进度过半', '2021-03-10'],
    ]);
    const undated = parseBulletin('标题\n\n正文一句话。', 'notes.txt');
    expect(undated.articles[0]?.date).toBeUndefined();
    expect(undated.warning).toMatch(/date unknown/);
  });
});
