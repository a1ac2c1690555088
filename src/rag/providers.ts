import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../core/config.js';
import { ProviderError } from '../core/errors.js';
import { HashingEmbeddings, type HashingEmbeddingsState } from './hashing-embeddings.js';

/**
 * The one module that knows which provider is configured: it creates the chat model and the
 * embeddings; everything else sees LangChain's `BaseChatModel` and `EmbeddingsInterface`.
 */
export type ProviderConfig = Pick<Config, 'embeddings' | 'llm' | 'openai' | 'ollama'>;

/** Dimension of the default offline embedding. */
export const LOCAL_DIMENSIONS = 512;

/** What an index stores about its embedding, so that questions are embedded the same way. */
export type EmbeddingState = HashingEmbeddingsState | { id: string; dimensions: number };

/** The embedding id an index must have been built with under this configuration. */
export function expectedEmbeddingId(config: Pick<Config, 'embeddings'>): string {
  const { provider, model } = config.embeddings;
  return provider === 'local' ? HashingEmbeddings.idFor(LOCAL_DIMENSIONS) : `${provider}:${model}`;
}

/** Embeddings that can embed a weighted bag of index terms directly (the offline one can). */
export interface TermEmbeddings extends EmbeddingsInterface {
  vectorOf(terms: string[]): number[];
}

/** True for embeddings that embed index terms rather than raw text. */
export function embedsTerms(e: EmbeddingsInterface): e is TermEmbeddings {
  return typeof (e as Partial<TermEmbeddings>).vectorOf === 'function';
}

/**
 * A fetch that gives up after `ms`: Ollama's client has no timeout of its own, and a provider
 * that hangs must not hold a question or an ingest forever.
 */
function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}

async function neuralEmbeddings(config: ProviderConfig): Promise<EmbeddingsInterface> {
  const { provider, model } = config.embeddings;
  // Retries are done by the caller (ingest), where progress is reported; questions never wait on them.
  if (provider === 'openai') {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
    return new OpenAIEmbeddings({
      model,
      apiKey: config.openai.apiKey ?? 'not-needed',
      configuration: { baseURL: config.openai.baseUrl },
      timeout: config.llm.timeoutMs,
      maxRetries: 0,
      batchSize: config.embeddings.batchSize,
    });
  }
  const { OllamaEmbeddings } = await import('@langchain/ollama');
  return new OllamaEmbeddings({ model, baseUrl: config.ollama.baseUrl, maxRetries: 0, fetch: fetchWithTimeout(config.llm.timeoutMs) });
}

/** Creates the embeddings for a fresh build; the offline one is fitted on the chunks' index terms. */
export async function createEmbeddingsForBuild(config: ProviderConfig, terms: string[][]): Promise<EmbeddingsInterface> {
  return config.embeddings.provider === 'local' ? HashingEmbeddings.fitTerms(terms, LOCAL_DIMENSIONS) : neuralEmbeddings(config);
}

/** The state saved with an index for these embeddings. */
export function embeddingState(config: ProviderConfig, e: EmbeddingsInterface, dimensions: number): EmbeddingState {
  return e instanceof HashingEmbeddings ? e.toJSON() : { id: expectedEmbeddingId(config), dimensions };
}

/** Restores the embeddings an index was built with. */
export async function restoreEmbeddings(config: ProviderConfig, state: EmbeddingState): Promise<EmbeddingsInterface> {
  return 'df' in state ? new HashingEmbeddings(state) : neuralEmbeddings(config);
}

/** The configured chat model, or undefined when LLM_PROVIDER=none. */
export async function createChatModel(config: ProviderConfig): Promise<BaseChatModel | undefined> {
  const { provider, model, timeoutMs } = config.llm;
  if (provider === 'none') return undefined;
  if (provider === 'openai') {
    const { ChatOpenAI } = await import('@langchain/openai');
    return new ChatOpenAI({ model, temperature: 0, apiKey: config.openai.apiKey ?? 'not-needed', configuration: { baseURL: config.openai.baseUrl }, timeout: timeoutMs, maxRetries: 0 });
  }
  const { ChatOllama } = await import('@langchain/ollama');
  return new ChatOllama({ model, temperature: 0, baseUrl: config.ollama.baseUrl, maxRetries: 0, fetch: fetchWithTimeout(timeoutMs) });
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
          throw new ProviderError(`The embeddings provider failed on texts ${i}–${i + batch.length - 1}${status ? ` (HTTP ${status})` : ''} after ${attempt} attempt(s): check EMBEDDINGS_PROVIDER, its base URL, model and key.`, { cause, userMessage: 'The embeddings provider is unavailable.' });
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)));
      }
    }
    progress(Math.min(i + batchSize, texts.length), texts.length);
  }
  return out;
}
