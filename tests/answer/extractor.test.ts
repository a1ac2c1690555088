import { describe, expect, it } from 'vitest';
import { extract } from '../../src/answer/extractor.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();

describe('extract: the span the question asks for', () => {
  it.each([
    ['海门有多少项目2月底全面复工?', '31个'],
    ['平海公路全长多少千米?', '28.3千米'],
    ['平海公路总投资多少?', '5.65亿元'],
    ['平海公路预计什么时候交工通车?', '6月15日'],
    ['平海公路项目受疫情影响耽误了多长工期?', '一个月'],
    ['截至25日,通州省市级专精特新科技小巨人企业复工率是多少?', '100%'],
    ['市民政服务对象有多少?', '3万多'],
    ['谁主持召开了分管部门安全生产工作专题推进会?', '市委常委、组织部部长封春晴'],
    ['通州区委书记是谁?', '陈永红'],
    ['张轩担任什么职务?', '副市长、市公安局局长'],
    ['how many Haimen projects resume by end of February', '31个'],
    ['How long is the Pinghai road?', '28.3千米'],
  ])('%s → %s', async (question, span) => {
    const { q, sentences } = await seeded.answerer.evidence(question);
    expect(extract(q, sentences)?.span).toBe(span);
  });

  it('gives nothing when there is no sentence to answer from', async () => {
    const { q } = await seeded.answerer.evidence('平海公路总投资多少?');
    expect(extract(q, [])).toBeUndefined();
  });
});
