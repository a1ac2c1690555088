/**
 * Chunk vectors behind a small interface of our own. The one implementation is an HNSW graph
 * (hnswlib-node); LangChain's `HNSWLib` store is offered only at the interop seam
 * (`toLangChainStore`), never on the answer path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { ChunkDays } from './chunk-days.js';
import type { DateRange } from './loaded-index.js';

/** HNSW build and search parameters; recorded in the manifest. */
export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * Chosen on the benchmark (docs/benchmarks.md). On an archive with a real vocabulary the vectors
 * are far more varied than on the old synthetic corpus: at 100k chunks (two segments) recall@10
 * against an exact scan was 0.89 at ef 128, 0.96 at 256 (2.0 ms for both graphs), 0.97 at 400
 * (3.1 ms), 0.98 at 600. 256 keeps the full answer within 10 ms at p95 there; the extra 0.01 of
 * recall at 400 changed no answer of the eval sets. A smaller efConstruction saved little build
 * time (5% at 64). A segmented archive searches larger graphs wider (`graphEf`).
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 256 };

/** Nearest-neighbour search over chunk vectors, labelled by chunk position. */
export interface VectorIndex {
  /** Number of vectors stored. */
  readonly size: number;
  readonly dimensions: number;
  /**
   * The `k` nearest chunks to a (normalised) vector as `[chunk position, cosine similarity]`, best first;
   * with `range`, only chunks of issues in that date range.
   */
  search(vector: number[], k: number, range?: DateRange): Array<[number, number]>;
  /** The stored (normalised) vector of one chunk. */
  vectorOf(chunk: number): number[];
}

/** Chunks whose stored vectors are kept at hand (about 16 MB at 512 dimensions). */
const POINT_CACHE_SIZE = 4096;
const GRAPH_FILE = 'hnsw.index';
const META_FILE = 'vectors.json';

/**
 * The HNSW graph of hnswlib-node behind {@link VectorIndex}.
 *
 * @example
 * const index = HnswVectorIndex.build(vectors.length, (i) => vectors[i]);
 * index.search(queryVector, 10); // [[3, 0.91], [17, 0.88], …]
 */
export class HnswVectorIndex implements VectorIndex {
  private readonly points = new Map<number, number[]>();

  private constructor(
    /** The graph itself, for the LangChain interop seam. */
    readonly graph: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private readonly days?: ChunkDays,
  ) {}

  /**
   * Builds the graph, asking for each chunk's vector in turn so that they never all sit in memory
   * at once. Labels are chunk positions.
   */
  static build(
    count: number,
    vectorAt: (i: number) => number[],
    params: HnswParams = DEFAULT_HNSW,
    onProgress: (done: number) => void = () => {},
  ): HnswVectorIndex {
    const first = count ? vectorAt(0) : [0];
    const graph = new hnswlib.HierarchicalNSW('cosine', first.length);
    graph.initIndex(Math.max(1, count), params.m, params.efConstruction, 100);
    for (let i = 0; i < count; i++) {
      graph.addPoint(i === 0 ? first : vectorAt(i), i);
      if (i % 5000 === 0) onProgress(i);
    }
    graph.setEf(params.efSearch);
    return new HnswVectorIndex(graph, first.length);
  }

  /** Loads a graph saved by {@link save}; throws when the files are missing or corrupt. */
  static load(dir: string, efSearch: number, days?: ChunkDays): HnswVectorIndex {
    const meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as { dimensions: number; count: number };
    const graph = new hnswlib.HierarchicalNSW('cosine', meta.dimensions);
    graph.readIndexSync(join(dir, GRAPH_FILE));
    if (graph.getCurrentCount() !== meta.count)
      throw new Error(`the graph holds ${graph.getCurrentCount()} of ${meta.count} vectors`);
    graph.setEf(efSearch);
    return new HnswVectorIndex(graph, meta.dimensions, days);
  }

  /** The same graph, searchable by issue date. */
  withDays(days: ChunkDays): HnswVectorIndex {
    return new HnswVectorIndex(this.graph, this.dimensions, days);
  }

  /** Writes the graph and its dimensions into `dir`. */
  save(dir: string): void {
    this.graph.writeIndexSync(join(dir, GRAPH_FILE));
    writeFileSync(join(dir, META_FILE), JSON.stringify({ dimensions: this.dimensions, count: this.size }));
  }

  get size(): number {
    return this.graph.getCurrentCount();
  }

  search(vector: number[], k: number, range?: DateRange): Array<[number, number]> {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const accept = range ? this.days?.matcher(range) : undefined;
    if (range && !accept) return [];
    const { neighbors, distances } = accept ? this.graph.searchKnn(vector, n, accept) : this.graph.searchKnn(vector, n);
    // hnswlib returns cosine distance; 1 - distance is the similarity.
    return neighbors.map((label, i) => [label, 1 - (distances[i] ?? 1)]);
  }

  /** Copying a point out of hnswlib costs more than searching the graph, and feedback asks for the same chunks often. */
  vectorOf(chunk: number): number[] {
    let v = this.points.get(chunk);
    if (!v) {
      v = this.graph.getPoint(chunk);
      if (this.points.size >= POINT_CACHE_SIZE) this.points.delete(this.points.keys().next().value as number);
      this.points.set(chunk, v);
    }
    return v;
  }
}
