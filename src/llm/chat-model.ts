/**
 * Creates the configured chat model; everything else sees LangChain's `BaseChatModel`.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../core/config.js';
import { fetchWithTimeout } from './fetch-timeout.js';

/** The settings the providers depend on. */
export type ProviderConfig = Pick<Config, 'embeddings' | 'llm' | 'openai' | 'ollama'>;

/** The configured chat model, or undefined when LLM_PROVIDER=none. */
export async function createChatModel(config: ProviderConfig): Promise<BaseChatModel | undefined> {
  const { provider, model, timeoutMs } = config.llm;
  if (provider === 'none') return undefined;
  if (provider === 'openai') {
    const { ChatOpenAI } = await import('@langchain/openai');
    return new ChatOpenAI({
      model,
      temperature: 0,
      apiKey: config.openai.apiKey ?? 'not-needed',
      configuration: { baseURL: config.openai.baseUrl },
      timeout: timeoutMs,
      maxRetries: 0,
    });
  }
  const { ChatOllama } = await import('@langchain/ollama');
  return new ChatOllama({
    model,
    temperature: 0,
    baseUrl: config.ollama.baseUrl,
    maxRetries: 0,
    fetch: fetchWithTimeout(timeoutMs),
  });
}
