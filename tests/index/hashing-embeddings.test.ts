import { describe, expect, it } from 'vitest';
import { HashingEmbeddings } from '../../src/index/hashing-embeddings.js';
import { at } from '../helpers.js';

const texts = [
  '海门31个续建重大项目2月底将全面复工',
  '平海公路快速化改造工程全长28.3千米',
  '惠萍镇扣蟹养殖户外销通行证',
];

describe('HashingEmbeddings', () => {
  const emb = HashingEmbeddings.fit(texts, 256);
  const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

  it('is deterministic, sized and L2-normalised', async () => {
    const a = at(await emb.embedDocuments([at(texts, 0)]), 0);
    const b = at(await HashingEmbeddings.fit(texts, 256).embedDocuments([at(texts, 0)]), 0);
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(cos(a, a)).toBeCloseTo(1, 6);
  });

  it('puts a question nearer its passage than the others', async () => {
    const docs = await emb.embedDocuments(texts);
    const q = await emb.embedQuery('海门有多少重大项目复工?');
    const sims = docs.map((d) => cos(q, d));
    expect(sims.indexOf(Math.max(...sims))).toBe(0);
  });

  it('records its id and restores from saved state', async () => {
    const restored = new HashingEmbeddings(JSON.parse(JSON.stringify(emb.toJSON())));
    expect(HashingEmbeddings.idFor(256)).toBe('local-hashing-v1-d256');
    expect(await restored.embedQuery('扣蟹')).toEqual(await emb.embedQuery('扣蟹'));
  });
});
