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

/** Chosen on the benchmark (docs/benchmarks.md): LangChain's ef=10 loses recall at scale; ef 128 keeps recall@10 ≥ 0.95 at 100k chunks. */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 128 };

/** The vector store the rest of the code sees: LangChain's interface plus what ingest needs. */
export type ChunkVectorStore = HNSWLib;

/**
 * Builds an HNSW store, asking for each chunk's vector in turn so that they never all sit in
 * memory at once. This module is the only one that knows the store is HNSWLib. Documents carry
 * the chunk id as content and `{ chunk: <position> }` as metadata; the text lives in chunks.json.
 */
export async function buildVectorStore(
  embeddings: EmbeddingsInterface,
  ids: string[],
  vectorAt: (i: number) => number[],
  params: HnswParams = DEFAULT_HNSW,
  onProgress: (done: number) => void = () => {},
): Promise<ChunkVectorStore> {
  const first = ids.length ? vectorAt(0) : [0];
  const dims = first.length;
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  // Initialising the index ourselves keeps the chosen parameters (HNSWLib's own init uses M=16, efC=200).
  index.initIndex(Math.max(1, ids.length), params.m, params.efConstruction, 100);
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims, index });
  const docs: Record<number, Document> = {};
  for (let i = 0; i < ids.length; i++) {
    index.addPoint(i === 0 ? first : vectorAt(i), i);
    docs[i] = new Document({ pageContent: ids[i], metadata: { chunk: i } });
    if (i % 5000 === 0) onProgress(i);
  }
  store.docstore.add(docs);
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
  // Labels are chunk positions, so the graph is searched directly: HNSWLib's wrapper would also
  // fetch every hit's document from the docstore, a fifth of a webhook update's time at load.
  const { neighbors, distances } = store.index.searchKnn(vector, n);
  // hnswlib returns cosine distance; 1 - distance is the similarity.
  return neighbors.map((label, i) => [label, 1 - distances[i]]);
}

/** Chunks whose stored vectors are kept at hand, per store (about 16 MB at 512 dimensions). */
const POINT_CACHE_SIZE = 4096;
const pointCache = new WeakMap<ChunkVectorStore, Map<number, number[]>>();

/**
 * The stored (normalised) vector of one chunk. Copying a point out of hnswlib costs more than
 * searching the graph, and the same chunks come back as feedback question after question.
 */
export function storedVector(store: ChunkVectorStore, chunk: number): number[] {
  let cache = pointCache.get(store);
  if (!cache) pointCache.set(store, (cache = new Map()));
  let v = cache.get(chunk);
  if (!v) {
    v = store.index.getPoint(chunk);
    if (cache.size >= POINT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(chunk, v);
  }
  return v;
}
