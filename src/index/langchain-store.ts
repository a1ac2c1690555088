/**
 * The interop seam with LangChain's vector stores: a built index exposed as a `HNSWLib` store for
 * code that expects LangChain's `VectorStore` interface. The answer path never goes through it.
 */
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { ArchiveVectors } from './archive/archive-vectors.js';
import type { LoadedIndex } from './loaded-index.js';
import { HnswVectorIndex } from './vector-index.js';

/**
 * Wraps the index's HNSW graph and chunks in LangChain's `HNSWLib`, sharing the graph (no copy).
 * Documents hold the chunk text with its citation fields as metadata. A segmented index shares
 * its graph only while it has one segment (`npm run ingest -- --force` on a small corpus).
 *
 * @example
 * const store = toLangChainStore(index);
 * const docs = await store.similaritySearch('海门 续建 重大项目', 3);
 */
export function toLangChainStore(index: Pick<LoadedIndex, 'vectors' | 'embeddings' | 'docs'>): HNSWLib {
  const { vectors, embeddings, docs: chunks } = index;
  const graph =
    vectors instanceof HnswVectorIndex
      ? vectors.graph
      : vectors instanceof ArchiveVectors
        ? vectors.singleGraph
        : undefined;
  if (!graph) throw new TypeError('This index keeps no single HNSW graph to share.');
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors.dimensions, index: graph });
  const documents: Record<number, Document> = {};
  for (let i = 0; i < chunks.chunkCount; i++) {
    const chunk = chunks.chunk(i);
    if (!chunk) continue;
    const { text, ...metadata } = chunk;
    documents[i] = new Document({ pageContent: text, metadata });
  }
  store.docstore.add(documents);
  return store;
}
