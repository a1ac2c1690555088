import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Article, Chunk } from '../core/types.js';
import type { Lexicon } from '../text/lexicon.js';
import type { KeywordIndex } from './keyword-index.js';
import type { Manifest } from './store/manifest.js';
import type { HnswVectorIndex } from './vector-index.js';

/** Everything a question needs, loaded once per published build and never changed afterwards. */
export interface LoadedIndex {
  manifest: Manifest;
  articles: Article[];
  chunks: Chunk[];
  keyword: KeywordIndex;
  embeddings: EmbeddingsInterface;
  vectors: HnswVectorIndex;
  lexicon: Lexicon;
}

/**
 * Whatever serves questions from a loaded index. A reload hands it a new index in one call; it must
 * switch in one step, so a question in flight keeps the index it started with.
 */
export interface IndexHolder {
  /** The index being served now. */
  readonly loaded: LoadedIndex;
  /** Switches to a newly loaded index. */
  replaceIndex(index: LoadedIndex): void;
}
