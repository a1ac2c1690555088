import { describe, expect, it } from 'vitest';
import { BaseRetriever } from '@langchain/core/retrievers';
import { BulletinRetriever } from '../../src/rag/retriever.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();

describe('BulletinRetriever', () => {
  it('is a LangChain retriever whose top document answers the question', async () => {
    const r = new BulletinRetriever({ index: seeded.index, k: 3 });
    expect(r).toBeInstanceOf(BaseRetriever);
    const docs = await r.invoke('惠萍镇扣蟹外销通行证');
    expect(docs).toHaveLength(3);
    expect(docs[0].metadata).toMatchObject({ title: '300万斤扣蟹成功“突围”' });
    expect(docs[0].metadata.fused).toBeGreaterThan(docs[2].metadata.fused);
  });

  it('ignores question words: 多少 and how many do not change the ranking', async () => {
    const r = new BulletinRetriever({ index: seeded.index, k: 1 });
    const [a] = await r.invoke('平海公路总投资');
    const [b] = await r.invoke('平海公路总投资是多少?');
    expect(b.metadata.id).toBe(a.metadata.id);
  });
});
