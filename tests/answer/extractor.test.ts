import { describe, expect, it } from 'vitest';
import { extract } from '../../src/answer/extract/extract.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();

describe('extract: the span the question asks for', () => {
  it.each([
    ['海门有多少项目2月底全面复工?', '31个'],
    ['平海公路全长多少千米?', '28.3千米'],
    ['平海公路总投资多少?', '5.65亿元'],
    ['平海公路这次改造一共要花多少钱啊', '5.65亿元'],
    ['平海公路预计什么时候交工通车?', '6月15日'],
    ['平海公路項目受疫情影響耽誤了多長工期?', '一个月'],
    ['截至25日,通州省市级专精特新科技小巨人企业复工率是多少?', '100%'],
    ['市民政服务对象有多少?', '3万多'],
    ['谁主持召开了分管部门安全生产工作专题推进会?', '封春晴'],
    ['封春晴是哪天主持召开安全生产工作专题推进会的?', '27日下午'],
    ['通州区委书记是谁?', '陈永红'],
    ['通州区文联主席许君挂钩联系的是哪家企业?', '紫昕花边'],
    ['张轩担任什么职务?', '副市长、市公安局局长'],
    ['how many Haimen projects resume by end of February', '31个'],
    ['How long is the Pinghai road?', '28.3千米'],
  ])('%s → %s', async (question, span) => {
    const { q, sentences } = await seeded.answerer.evidence(question);
    expect(extract(q, sentences)?.span).toBe(span);
  });

  it.each([
    ['扣蟹为啥叫扣蟹', /纽扣/],
    ['扣蟹,因形状像什么得名?', /纽扣/],
    ['“四员”指的是什么?', /信息员、宣传员、调解员、服务员/],
  ])('%s → a clause matching %s', async (question, clause) => {
    const { q, sentences } = await seeded.answerer.evidence(question);
    expect(extract(q, sentences)?.span).toMatch(clause);
  });

  it('answers a yes-no question with the sentence that decides it', async () => {
    const yes = await seeded.answerer.evidence('惠萍镇节后没卖掉的扣蟹后来卖完了吗?');
    expect(extract(yes.q, yes.sentences)).toMatchObject({ yes: true });
    const no = await seeded.answerer.evidence('平海公路是不是定在5月底交工?');
    expect(extract(no.q, no.sentences)).toMatchObject({ yes: false });
  });

  it('never answers about another entity, nor with a figure of another measure', async () => {
    for (const question of ['海门这31个重大项目总投资是多少?', '启东市的人口是多少?', '惠萍镇今年扣蟹卖多少钱一斤?']) {
      const { q, sentences } = await seeded.answerer.evidence(question);
      expect(extract(q, sentences), question).toBeUndefined();
    }
  });

  it('gives nothing when there is no sentence to answer from', async () => {
    const { q } = await seeded.answerer.evidence('平海公路总投资多少?');
    expect(extract(q, [])).toBeUndefined();
  });
});
