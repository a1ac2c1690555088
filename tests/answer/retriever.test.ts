import { BaseRetriever } from '@langchain/core/retrievers';
import { describe, expect, it } from 'vitest';
import { BulletinRetriever } from '../../src/answer/langchain-retriever.js';
import { toLangChainStore } from '../../src/index/langchain-store.js';
import { at, useSeed } from '../helpers.js';

const seeded = useSeed();

describe('BulletinRetriever', () => {
  it('is a LangChain retriever whose top document answers the question', async () => {
    const r = new BulletinRetriever({ index: seeded.index, k: 3 });
    expect(r).toBeInstanceOf(BaseRetriever);
    const docs = await r.invoke('惠萍镇扣蟹外销通行证');
    expect(docs).toHaveLength(3);
    expect(at(docs, 0).metadata).toMatchObject({ title: '300万斤扣蟹成功“突围”' });
    expect(at(docs, 0).metadata.fused).toBeGreaterThan(at(docs, 2).metadata.fused);
  });

  it('ignores question words: 多少 and how many do not change the ranking', async () => {
    const r = new BulletinRetriever({ index: seeded.index, k: 1 });
    const a = at(await r.invoke('平海公路总投资'), 0);
    const b = at(await r.invoke('平海公路总投资是多少?'), 0);
    expect(b.metadata.id).toBe(a.metadata.id);
  });
});

describe('the LangChain vector store seam', () => {
  it('exposes the built HNSW graph as an HNSWLib store that finds a chunk by its own vector', async () => {
    const store = toLangChainStore(seeded.index);
    const [doc, score] = at(await store.similaritySearchVectorWithScore(seeded.index.vectors.vectorOf(5), 1), 0);
    expect(doc.pageContent).toBe(seeded.index.docs.chunk(5)?.text);
    expect(score).toBeLessThan(1e-4);
  });
});
