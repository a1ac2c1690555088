import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../../src/answer/claim/claim-check.js';
import { at, useSeed } from '../../helpers.js';

const seeded = useSeed();

describe('checkClaim', () => {
  it('contradicts a wrong figure and gives the bulletin’s', async () => {
    const r = await checkClaim(seeded.answerer, '海门有30个重大项目2月底复工');
    expect(r.verdict).toBe('contradicted');
    expect(r.answer).toContain('31个');
    expect(at(r.citations, 0).quote).toContain('海门31个');
  });

  it('supports a claim whose figures and units match', async () => {
    expect((await checkClaim(seeded.answerer, '平海公路全长28.3千米')).verdict).toBe('supported');
    expect((await checkClaim(seeded.answerer, 'The Pinghai road will open to traffic on June 15')).verdict).toBe(
      'supported',
    );
  });

  it('compares figures with their units', async () => {
    const r = await checkClaim(seeded.answerer, '平海公路全长30千米');
    expect(r).toMatchObject({ verdict: 'contradicted' });
    expect(r.answer).toContain('28.3千米');
  });

  it('never supports a wrong unit or currency, and says which figure contradicts which', async () => {
    const verdicts = async (...claims: string[]) =>
      Promise.all(claims.map(async (c) => (await checkClaim(seeded.answerer, c)).verdict));
    expect(
      await verdicts(
        '惠萍镇扣蟹养殖户少损失6000万美元',
        '平海公路全长28.3英里',
        'The Pinghai road is 28.3 miles long',
        '平海公路全长28.3米',
      ),
    ).toEqual(['contradicted', 'contradicted', 'contradicted', 'contradicted']);
    const billion = await checkClaim(seeded.answerer, 'The Pinghai road investment is 5.65 billion yuan');
    expect(billion.answer).toBe('Contradicted: the bulletin says 5.65亿元, not 5.65 billion yuan.');
    // The same amount however written: another unit of the same size, separators, scale words, script.
    expect(
      await verdicts(
        '平海公路全长28.3公里',
        'Tongzhou posted 1,880 Party members and officials in companies',
        'Nantong charities collected nearly 105 million yuan',
        '平海公路總投資5.65億元',
      ),
    ).toEqual(['supported', 'supported', 'supported', 'supported']);
  });

  it('answers not_found for claims the bulletin cannot settle', async () => {
    expect((await checkClaim(seeded.answerer, '南通地铁3号线今年开通')).verdict).toBe('not_found');
    expect((await checkClaim(seeded.answerer, 'Shanghai has 25 million people')).verdict).toBe('not_found');
  });
});
