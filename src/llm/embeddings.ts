/**
 * Creates the configured neural embeddings (OpenAI-compatible or Ollama) behind LangChain's
 * `EmbeddingsInterface`; the index layer receives this as a factory.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { ProviderConfig } from './chat-model.js';
import { fetchWithTimeout } from './fetch-timeout.js';

/**
 * The neural embeddings of EMBEDDINGS_PROVIDER. Retries are left to the caller (ingest retries batches
 * with progress); questions never wait on them.
 *
 * @example
 * const settings = { ...config, neural: () => createNeuralEmbeddings(config) };
 */
export async function createNeuralEmbeddings(config: ProviderConfig): Promise<EmbeddingsInterface> {
  const { provider, model, batchSize } = config.embeddings;
  if (provider === 'openai') {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
    return new OpenAIEmbeddings({
      model,
      apiKey: config.openai.apiKey ?? 'not-needed',
      configuration: { baseURL: config.openai.baseUrl },
      timeout: config.llm.timeoutMs,
      maxRetries: 0,
      batchSize,
    });
  }
  const { OllamaEmbeddings } = await import('@langchain/ollama');
  return new OllamaEmbeddings({
    model,
    baseUrl: config.ollama.baseUrl,
    maxRetries: 0,
    fetch: fetchWithTimeout(config.llm.timeoutMs),
  });
}
