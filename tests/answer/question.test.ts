import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();

describe('analyzeQuestion: type, unit and concepts', () => {
  it.each([
    ['海门有多少项目2月底全面复工?', 'count', undefined, ['2月底', '海门', '项目', '复工']],
    ['平海公路全长多少千米?', 'count', '千米', ['平海', '公路', '全长']],
    ['平海公路预计什么时候交工通车?', 'date', undefined, ['平海', '交工', '通车']],
    ['通州区委书记是谁?', 'who', undefined, ['通州', '区委书记']],
    ['张轩担任什么职务?', 'title', undefined, ['张轩']],
    ['平海公路项目受疫情影响耽误了多长工期?', 'duration', undefined, ['平海', '耽误', '工期']],
    ['截至25日,通州省市级专精特新科技小巨人企业复工率是多少?', 'percent', undefined, ['25日', '通州', '复工']],
    ['how many Haimen projects resume by end of February', 'count', undefined, ['2月底', 'Haimen', 'resume']],
    ['How long is the Pinghai road?', 'count', 'length', ['Pinghai', 'road']],
    ['How long may the Pinghai road be?', 'count', 'length', ['Pinghai', 'road']],
  ])('%s → %s', (question, type, unit, concepts) => {
    const q = analyzeQuestion(question, seeded.index.keyword, seeded.index.lexicon);
    expect(q.type).toBe(type);
    expect(q.unit).toBe(unit);
    const labels = q.concepts.map((c) => c.label);
    for (const c of concepts) expect(labels).toContain(c);
  });

  it('leaves question words out of the concepts and the query terms', () => {
    const q = analyzeQuestion('平海公路总投资是多少?', seeded.index.keyword, seeded.index.lexicon);
    expect(q.concepts.map((c) => c.label)).not.toContain('多少');
    expect([...q.terms.keys()].some((t) => t.includes('多少'))).toBe(false);
  });

  it('bridges English names by pinyin and words by the lexicon, to corpus words', () => {
    const q = analyzeQuestion('How many crab farmers in Huiping?', seeded.index.keyword, seeded.index.lexicon);
    const alts = q.concepts.flatMap((c) => c.alts);
    expect(alts).toContain('惠萍');
    expect(alts.some((a) => a.includes('蟹'))).toBe(true);
  });
});
