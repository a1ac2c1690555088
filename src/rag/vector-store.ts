import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';

/** HNSW build and search parameters; recorded in the manifest. */
export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Defaults chosen on the benchmark (`npm run bench`): LangChain's ef=10 loses recall at scale. */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 64 };

/** The vector store the rest of the code sees: LangChain's interface plus what ingest needs. */
export type ChunkVectorStore = HNSWLib;

/**
 * Builds an HNSW store from pre-computed vectors. This module is the only one that knows
 * the store is HNSWLib. Documents carry `{ chunk: <position> }` as metadata.
 */
export async function buildVectorStore(
  embeddings: EmbeddingsInterface,
  vectors: number[][],
  texts: string[],
  params: HnswParams = DEFAULT_HNSW,
): Promise<ChunkVectorStore> {
  const dims = vectors[0]?.length ?? 1;
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  index.initIndex(Math.max(1, vectors.length), params.m, params.efConstruction, 100);
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims, index });
  const docs = texts.map((pageContent, chunk) => new Document({ pageContent, metadata: { chunk } }));
  if (vectors.length) {
    // HNSWLib.addVectors re-initialises an empty index with its own defaults (M=16, efC=200);
    // adding the first point ourselves keeps the parameters chosen above.
    index.addPoint(vectors[0], 0);
    store.docstore.add({ 0: docs[0] });
    await store.addVectors(vectors.slice(1), docs.slice(1));
  }
  index.setEf(params.efSearch);
  return store;
}

/** Saves the store's files into `dir` (hnswlib.index, docstore.json, args.json). */
export async function saveVectorStore(store: ChunkVectorStore, dir: string): Promise<void> {
  // The index object itself must not be serialised into args.json.
  const { index: _index, docstore: _docstore, ...args } = store.args as unknown as Record<string, unknown>;
  store.args = args as unknown as typeof store.args;
  await store.save(dir);
}

/** Loads a saved store and sets the search breadth. */
export async function loadVectorStore(dir: string, embeddings: EmbeddingsInterface, efSearch: number): Promise<ChunkVectorStore> {
  const store = await HNSWLib.load(dir, embeddings);
  store.index.setEf(efSearch);
  return store;
}

/** Nearest chunks to a query vector as `[chunk position, cosine similarity]`, best first. */
export async function searchVectors(store: ChunkVectorStore, vector: number[], k: number): Promise<Array<[number, number]>> {
  const n = Math.min(k, store.index.getCurrentCount());
  if (n === 0) return [];
  const hits = await store.similaritySearchVectorWithScore(vector, n);
  // hnswlib returns cosine distance; 1 - distance is the similarity.
  return hits.map(([doc, distance]) => [doc.metadata.chunk as number, 1 - distance]);
}
