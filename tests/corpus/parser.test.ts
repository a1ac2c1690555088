import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/corpus/parser.js';
import { at, SEED } from '../helpers.js';

const text = readFileSync(SEED, 'utf8');
const bulletin = parseBulletin(text, 'seed.txt');
const EDITOR = '编辑:吴滨 美编:刘玉容 校对:毛晓丽 组版:毛益民';

describe('parseBulletin on the seed bulletin', () => {
  it('splits it into its articles and one photo caption, with these headlines', () => {
    expect(bulletin.articles.map((a) => a.title)).toEqual([
      '用好大数据 精准防疫情',
      '履职尽责 落细落实',
      '我市3万多民政服务对象“零感染”',
      '平海公路快速化改造全面复工',
      '千方百计把时间“抢”回来',
      '图片新闻：南通麦蒂酥食品有限公司的工人师傅们复工赶制脆饼、',
      '政法系统发挥网格化社会治理优势,推进疫情防控',
      '“专精特新”为港闸发展蓄积新动能',
      '31个续建重大项目陆续复工',
      '300万斤扣蟹成功“突围”',
    ]);
    expect(bulletin.articles.map((a) => a.paragraphs.length)).toEqual([3, 3, 3, 3, 11, 1, 7, 2, 3, 5]);
  });

  it('keeps sub-headlines, kickers, bylines and credits out of the body', () => {
    const first = at(bulletin.articles, 0);
    expect(first.subtitles).toEqual(['市领导专题调研公安数据赋能疫情防控工作']);
    expect(first.credits).toEqual(['本报讯(记者张亮 通讯员陈金祥)']);
    const crabs = at(bulletin.articles, 9);
    expect(crabs.subtitles).toEqual(['疫情当前,启东市惠萍镇为养殖户开辟外销通道——']);
    expect(crabs.credits).toEqual(['本报通讯员 姜斌 杨林 杨谷生']);
    expect(at(bulletin.articles, 4).credits).toEqual(['本报通讯员 樊希萌', '本报记者 赵勇进 王子璇']);
  });

  it('recognises the page banner and editor credits as furniture', () => {
    expect(bulletin.furniture).toEqual(['科学统筹两手抓 奋力夺取双胜利', EDITOR]);
  });

  it('never lets an article contain another article’s headline or the editor line', () => {
    for (const a of bulletin.articles) {
      const body = a.paragraphs.map((p) => p.text).join('\n');
      expect(body).not.toContain('编辑:');
      expect(body).not.toContain('科学统筹两手抓');
      for (const other of bulletin.articles)
        if (other !== a && !other.title.startsWith('图片新闻')) expect(body).not.toContain(other.title);
    }
  });

  it('joins paragraphs broken mid-sentence across blank lines', () => {
    const all = bulletin.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
    for (const joined of [
      '宣传卫生防疫知识',
      '全镇1.5万亩蟹塘',
      '疫情防控和服务保障工作的通知》',
      '不服从统一指挥和调度',
      '养殖户的心声。',
      '开具农产品外销通行证',
    ]) {
      expect(all).toContain(joined);
    }
  });

  it('marks (上接A1版) continuations and strips the marker', () => {
    const cont = bulletin.articles.filter((a) => a.continued).map((a) => a.title);
    expect(cont).toEqual(['“专精特新”为港闸发展蓄积新动能', '31个续建重大项目陆续复工']);
    expect(at(at(bulletin.articles, 7).paragraphs, 0).text.startsWith('目前区内')).toBe(true);
  });

  it('keeps a photo caption as its own small item', () => {
    const photo = at(bulletin.articles, 5);
    expect(photo.paragraphs).toHaveLength(1);
    expect(at(photo.paragraphs, 0).kind).toBe('caption');
    expect(at(photo.captions, 0)).toContain('记者 许丛军摄');
  });

  it('gives ids derived from content, not position, and stable paragraph numbers (regression)', () => {
    const again = parseBulletin(text, 'seed.txt');
    expect(again.articles.map((a) => a.id)).toEqual(bulletin.articles.map((a) => a.id));
    expect(new Set(bulletin.articles.map((a) => a.id)).size).toBe(bulletin.articles.length);
    // A page with another article in front keeps every id of the ones that follow.
    const shifted = parseBulletin(
      text.replace(/^(---[\s\S]*?---\n)?/, '$1新加的一条\n\n今天新增了一条消息。\n\n'),
      'seed.txt',
    );
    expect(shifted.articles.slice(1).map((a) => a.id)).toEqual(bulletin.articles.map((a) => a.id));
    // An edited article gets a new id.
    const edited = parseBulletin(text.replace('31个超10亿元', '32个超10亿元'), 'seed.txt');
    expect(edited.articles.filter((a, i) => a.id !== at(bulletin.articles, i).id).map((a) => a.title)).toEqual([
      '31个续建重大项目陆续复工',
    ]);
    expect(at(bulletin.articles, 4).paragraphs.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('reads optional front matter', () => {
    const b = parseBulletin(`---\ndate: 2020-02-28\nsource: 南通日报\n---\n标题一\n\n正文第一句。第二句。\n`, 'x.txt');
    expect(b.date).toBe('2020-02-28');
    expect(b.publication).toBe('南通日报');
    expect(b.articles[0]).toMatchObject({ title: '标题一', date: '2020-02-28' });
  });

  it('never throws, and every paragraph is text of the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom('\n', '\n\n', '。', '标题', '编辑:某', '(上接A1版)', '记者 某摄')),
          { maxLength: 40 },
        ),
        (parts) => {
          const input = parts.join('');
          const b = parseBulletin(input, 'p.txt');
          const flat = input.replace(/\s+/g, '');
          for (const a of b.articles)
            for (const p of a.paragraphs)
              expect(flat).toContain(p.text.replace(/\s+/g, '').replace(/^[(（][上下]接[A-Za-z]?\d+版[)）]/, ''));
        },
      ),
      { numRuns: 300, seed: 20200228 },
    );
  });
});
