import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { Chunk } from '../core/types.js';
import type { LoadedIndex } from './index-store.js';
import { analyzeQuestion, type AnalyzedQuestion } from './question.js';
import { embedsTerms } from './providers.js';
import { searchVectors } from './vector-store.js';

/** A retrieved chunk with the scores of each stage, for answering and for the REPL's `:trace`. */
export interface RetrievedChunk {
  chunk: Chunk;
  keyword: number;
  vector: number;
  fused: number;
  keywordRank?: number;
  vectorRank?: number;
}

/** Per-stage timings of one retrieval, in milliseconds. */
export interface RetrievalTimings {
  analyze: number;
  keyword: number;
  vector: number;
  fuse: number;
}

/** Why the vector side was skipped for a question (a neural provider failed or timed out). */
export interface RetrievalNotes {
  vectorError?: string;
}

/** Reciprocal-rank-fusion constant: 60 is the usual choice and damps the head of each list. */
const RRF_K = 60;
/** Candidates taken from each ranker before fusion. */
const CANDIDATES = 50;

/**
 * Hybrid retrieval: BM25 over jieba words and Han bigrams plus HNSW over the offline embedding,
 * fused by reciprocal rank. Keyword evidence weighs more: the offline embedding is built from
 * the same terms and mostly breaks ties.
 */
export class HybridSearch {
  constructor(private readonly index: LoadedIndex, private readonly keywordWeight = 1.5) {}

  /** Retrieves the top `k` chunks for an analysed question. */
  async retrieve(q: AnalyzedQuestion, k: number): Promise<{ hits: RetrievedChunk[]; timings: Omit<RetrievalTimings, 'analyze'>; notes: RetrievalNotes }> {
    const { keyword, embeddings, vectors, chunks } = this.index;
    const terms = [...q.terms.keys()];
    let t = performance.now();
    const kw = keyword.search(terms, CANDIDATES, q.terms);
    const tKeyword = performance.now() - t;
    t = performance.now();
    const notes: RetrievalNotes = {};
    let vec: Array<[number, number]> = [];
    if (terms.length) {
      try {
        // The offline embedding takes the question's weighted terms; a neural one reads the text.
        const weighted = terms.flatMap((term) => Array(Math.max(1, Math.round((q.terms.get(term) ?? 1) * 2))).fill(term));
        const query = embedsTerms(embeddings) ? embeddings.vectorOf(weighted) : await embeddings.embedQuery(q.text);
        vec = await searchVectors(vectors, query, CANDIDATES);
      } catch (err) {
        // Keyword retrieval alone still answers most questions; a provider outage must not fail them.
        notes.vectorError = (err as Error)?.name === 'TimeoutError' ? 'timeout' : 'provider error';
      }
    }
    const tVector = performance.now() - t;
    t = performance.now();
    const byDoc = new Map<number, RetrievedChunk>();
    const entry = (doc: number) => {
      let e = byDoc.get(doc);
      if (!e) byDoc.set(doc, (e = { chunk: chunks[doc], keyword: 0, vector: 0, fused: 0 }));
      return e;
    };
    kw.forEach((h, rank) => {
      const e = entry(h.doc);
      e.keyword = h.score;
      e.keywordRank = rank + 1;
      e.fused += this.keywordWeight / (RRF_K + rank + 1);
    });
    vec.forEach(([doc, sim], rank) => {
      if (sim <= 0) return;
      const e = entry(doc);
      e.vector = sim;
      e.vectorRank = rank + 1;
      e.fused += 1 / (RRF_K + rank + 1);
    });
    const hits = [...byDoc.values()].sort((a, b) => b.fused - a.fused).slice(0, k);
    return { hits, timings: { keyword: tKeyword, vector: tVector, fuse: performance.now() - t }, notes };
  }
}

/**
 * The hybrid search behind LangChain's `BaseRetriever` interface, so any LangChain chain can use it.
 * Each document's metadata holds the chunk's citation fields and its scores.
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
    return hits.map(
      (h) =>
        new Document({
          pageContent: h.chunk.text,
          metadata: { ...h.chunk, text: undefined, keyword: h.keyword, vector: h.vector, fused: h.fused },
        }),
    );
  }
}
