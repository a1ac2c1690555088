/** The hybrid search behind LangChain's `BaseRetriever` interface, so that any LangChain chain can use it. */
import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import type { LoadedIndex } from '../index/loaded-index.js';
import { analyzeQuestion } from './question/analyze.js';
import { HybridSearch } from './retriever.js';

/**
 * Each document is a chunk; its metadata holds the chunk's citation fields and its scores.
 *
 * @example
 * const docs = await new BulletinRetriever({ index, k: 5 }).invoke('海门 续建 重大项目 复工');
 */
export class BulletinRetriever extends BaseRetriever {
  lc_namespace = ['bulletin-qa', 'retrievers'];
  private readonly index: LoadedIndex;
  private readonly k: number;
  private readonly search: HybridSearch;

  constructor(fields: { index: LoadedIndex; k?: number }) {
    super({});
    this.index = fields.index;
    this.k = fields.k ?? 8;
    this.search = new HybridSearch(fields.index);
  }

  async _getRelevantDocuments(query: string): Promise<Document[]> {
    const q = analyzeQuestion(query, this.index.keyword, this.index.lexicon);
    const { hits } = await this.search.retrieve(q, this.k);
    return hits.map(({ chunk: { text, ...fields }, keyword, vector, fused }) => {
      return new Document({ pageContent: text, metadata: { ...fields, keyword, vector, fused } });
    });
  }
}
