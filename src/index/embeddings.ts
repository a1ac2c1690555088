/**
 * The embedding behind the vector index: which one an index was built with, how it is restored,
 * and batched, retried embedding for neural providers. Neural providers themselves are created by
 * the LLM layer and handed in as a factory, so the index knows only LangChain's interface.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Config } from '../core/config.js';
import { ProviderError } from '../core/errors.js';
import { HashingEmbeddings, type HashingEmbeddingsState } from './hashing-embeddings.js';

/** Dimension of the default offline embedding. */
export const LOCAL_DIMENSIONS = 256;

/** Creates the configured neural embeddings (OpenAI-compatible, Ollama). */
export type NeuralEmbeddingsFactory = () => Promise<EmbeddingsInterface>;

/** The embedding settings an index depends on; `neural` is required unless the provider is `local`. */
export type EmbeddingSettings = Pick<Config, 'embeddings'> & { neural?: NeuralEmbeddingsFactory };

/** What an index stores about its embedding, so that questions are embedded the same way. */
export type EmbeddingState = HashingEmbeddingsState | { id: string; dimensions: number };

/** Embeddings that can embed a weighted bag of index terms directly (the offline one can). */
export interface TermEmbeddings extends EmbeddingsInterface {
  vectorOf(terms: string[]): number[];
}

/** True for embeddings that embed index terms rather than raw text. */
export function embedsTerms(e: EmbeddingsInterface): e is TermEmbeddings {
  return typeof (e as Partial<TermEmbeddings>).vectorOf === 'function';
}

/** The embedding id an index must have been built with under this configuration. */
export function expectedEmbeddingId(settings: Pick<Config, 'embeddings'>): string {
  const { provider, model } = settings.embeddings;
  return provider === 'local' ? HashingEmbeddings.idFor(LOCAL_DIMENSIONS) : `${provider}:${model}`;
}

function neural(settings: EmbeddingSettings): Promise<EmbeddingsInterface> {
  if (!settings.neural)
    throw new ProviderError('misconfigured', `No factory for the ${settings.embeddings.provider} embeddings provider.`);
  return settings.neural();
}

/** Creates the embeddings for a fresh build; the offline one is fitted on the chunks' index terms. */
export async function embeddingsForBuild(settings: EmbeddingSettings, terms: string[][]): Promise<EmbeddingsInterface> {
  return settings.embeddings.provider === 'local'
    ? HashingEmbeddings.fitTerms(terms, LOCAL_DIMENSIONS)
    : neural(settings);
}

/** The state saved with an index for these embeddings. */
export function embeddingState(
  settings: EmbeddingSettings,
  e: EmbeddingsInterface,
  dimensions: number,
): EmbeddingState {
  return e instanceof HashingEmbeddings ? e.toJSON() : { id: expectedEmbeddingId(settings), dimensions };
}

/** Restores the embeddings an index was built with. */
export async function restoreEmbeddings(
  settings: EmbeddingSettings,
  state: EmbeddingState,
): Promise<EmbeddingsInterface> {
  return 'df' in state ? new HashingEmbeddings(state) : neural(settings);
}

/**
 * Embeds texts in batches with progress, retrying a failed batch (transient errors: 5xx,
 * resets, timeouts) with backoff. Fails with a {@link ProviderError} that names no secret.
 */
export async function embedInBatches(
  embeddings: EmbeddingsInterface,
  texts: string[],
  batchSize: number,
  progress: (done: number, total: number) => void = () => {},
  attempts = 4,
): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    for (let attempt = 1; ; attempt++) {
      try {
        const vectors = await embeddings.embedDocuments(batch);
        if (vectors.length !== batch.length) throw new Error(`got ${vectors.length} vectors for ${batch.length} texts`);
        out.push(...vectors);
        break;
      } catch (cause) {
        const status = (cause as { status?: number }).status;
        const permanent = status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
        if (permanent || attempt >= attempts) {
          const where = `texts ${i}–${i + batch.length - 1}${status ? ` (HTTP ${status})` : ''}`;
          throw new ProviderError(
            'provider-error',
            `The embeddings provider failed on ${where} after ${attempt} attempt(s): ` +
              'check EMBEDDINGS_PROVIDER, its base URL, model and key.',
            { cause, userMessage: 'The embeddings provider is unavailable.' },
          );
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
      }
    }
    progress(Math.min(i + batchSize, texts.length), texts.length);
  }
  return out;
}
