import type { Config } from '../core/config.js';
import { HashingEmbeddings, type HashingEmbeddingsState } from './hashing-embeddings.js';

/** Dimension of the default offline embedding. */
export const LOCAL_DIMENSIONS = 512;

/** The embedding id an index must have been built with under this configuration. */
export function expectedEmbeddingId(config: Pick<Config, 'embeddingsProvider'>): string {
  switch (config.embeddingsProvider) {
    case 'local':
      return HashingEmbeddings.idFor(LOCAL_DIMENSIONS);
  }
}

/** Creates the embeddings for a fresh build, fitted on the corpus texts where the provider needs it. */
export function createEmbeddingsForBuild(config: Pick<Config, 'embeddingsProvider'>, texts: string[]): HashingEmbeddings {
  switch (config.embeddingsProvider) {
    case 'local':
      return HashingEmbeddings.fit(texts, LOCAL_DIMENSIONS);
  }
}

/** Restores the embeddings saved with an index. */
export function restoreEmbeddings(state: HashingEmbeddingsState): HashingEmbeddings {
  return new HashingEmbeddings(state);
}
