/** Nearest-neighbour search over every segment's HNSW graph, merged by similarity. */
import type { DateRange } from '../loaded-index.js';
import type { VectorIndex } from '../vector-index.js';
import type { Archive } from './archive.js';

const POINT_CACHE_SIZE = 4096;

/** Graph size up to which a graph is searched with the manifest's efSearch as it is. */
const EF_REFERENCE_DOCS = 50_000;

/**
 * The breadth to search one graph of `count` chunks with: `efSearch`, widened with the square root
 * of the size beyond 50,000 chunks. Measured on the synthetic archive: efSearch 256 gives recall@10
 * 0.96 over two graphs of 50k chunks, but 0.92 over four of 250k (0.95 at 400, 0.96 at 600); over
 * two graphs of 500k, 0.953 at 724 and 0.957 at 810.
 */
export function graphEf(efSearch: number, count: number): number {
  return Math.round(efSearch * Math.max(1, Math.sqrt(count / EF_REFERENCE_DOCS)));
}

/**
 * {@link VectorIndex} over a segmented index. Graphs are shared with the build served before, so a
 * deleted chunk is not marked in its graph (that would change the index in flight) but filtered
 * out while searching, as a date range is; a merge rebuilds a graph without its deleted points.
 */
export class ArchiveVectors implements VectorIndex {
  private readonly points = new Map<number, number[]>();

  constructor(
    private readonly archive: Archive,
    readonly dimensions: number,
    private readonly efSearch: number,
  ) {}

  /** The graph, when there is exactly one segment and nothing is deleted (for LangChain's HNSWLib). */
  get singleGraph() {
    const [only, ...rest] = this.archive.segments;
    return only && !rest.length && !this.archive.hasDeleted[0] ? only.graph : undefined;
  }

  get size(): number {
    return this.archive.liveCount;
  }

  search(vector: number[], k: number, range?: DateRange): Array<[number, number]> {
    const accept = range ? this.archive.days.matcher(range) : undefined;
    const { deleted } = this.archive;
    const filter = (label: number) => !deleted[label] && (!accept || accept(label));
    const all: Array<[number, number]> = [];
    for (const [si, s] of this.archive.segments.entries()) {
      const graph = s.graph;
      if (!graph) continue;
      const n = Math.min(k, graph.getCurrentCount());
      if (n === 0) continue;
      graph.setEf(graphEf(this.efSearch, graph.getCurrentCount()));
      // A filter costs a call back into JavaScript per candidate: only when something is filtered.
      const needsFilter = accept || this.archive.hasDeleted[si];
      const { neighbors, distances } = needsFilter ? graph.searchKnn(vector, n, filter) : graph.searchKnn(vector, n);
      for (const [i, label] of neighbors.entries()) all.push([label, 1 - (distances[i] ?? 1)]);
    }
    return all.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
  }

  /** Document numbers of every live vector (for exact scans in the benchmark). */
  labels(): number[] {
    const out: number[] = [];
    for (const s of this.archive.segments) for (const d of s.docs) if (!this.archive.deleted[d]) out.push(d);
    return out;
  }

  vectorOf(chunk: number): number[] {
    let v = this.points.get(chunk);
    if (!v) {
      const at = this.archive.locate(chunk);
      v = at?.segment.graph?.getPoint(chunk) ?? new Array<number>(this.dimensions).fill(0);
      if (this.points.size >= POINT_CACHE_SIZE) this.points.delete(this.points.keys().next().value as number);
      this.points.set(chunk, v);
    }
    return v;
  }
}
