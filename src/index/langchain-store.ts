/**
 * The interop seam with LangChain's vector stores: a built index exposed as a `HNSWLib` store for
 * code that expects LangChain's `VectorStore` interface. The answer path never goes through it.
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Chunk } from '../core/types.js';
import type { HnswVectorIndex } from './vector-index.js';

/**
 * Wraps the index's HNSW graph and chunks in LangChain's `HNSWLib`, sharing the graph (no copy).
 * Documents hold the chunk text with its citation fields as metadata.
 *
 * @example
 * const store = toLangChainStore(index.vectors, index.embeddings, index.chunks);
 * const docs = await store.similaritySearch('海门 续建 重大项目', 3);
 */
export function toLangChainStore(vectors: HnswVectorIndex, embeddings: EmbeddingsInterface, chunks: Chunk[]): HNSWLib {
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors.dimensions, index: vectors.graph });
  const docs: Record<number, Document> = {};
  chunks.forEach((c, i) => {
    const { text, ...metadata } = c;
    docs[i] = new Document({ pageContent: text, metadata });
  });
  store.docstore.add(docs);
  return store;
}
