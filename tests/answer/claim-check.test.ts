import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/answer/claim-check.js';
import { at, useSeed } from '../helpers.js';

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

  it('answers not_found for claims the bulletin cannot settle', async () => {
    expect((await checkClaim(seeded.answerer, '南通地铁3号线今年开通')).verdict).toBe('not_found');
    expect((await checkClaim(seeded.answerer, 'Shanghai has 25 million people')).verdict).toBe('not_found');
  });
});
