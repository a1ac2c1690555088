import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { indexConfigOf } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/core/config.js';
import { IndexError, ProviderError } from '../../src/core/errors.js';
import { buildIndex } from '../../src/index/store/build.js';
import { loadIndex } from '../../src/index/store/load.js';
import { readManifest, staleReason } from '../../src/index/store/manifest.js';
import { FakeLlmServer } from '../../testkit/fake-llm-server.js';
import { workspace } from '../helpers.js';

const KEY = 'sk-embed-0a1b2c3d4e5f6a7b8c9d';
const server = new FakeLlmServer();
const ws = workspace();
let root = '';

const configFor = (provider: string) =>
  indexConfigOf(
    loadConfig({
      CORPUS_DIR: ws.config.corpusDir,
      INDEX_DIR: ws.config.indexDir,
      EMBEDDINGS_PROVIDER: provider,
      EMBEDDINGS_BATCH_SIZE: '16',
      OPENAI_BASE_URL: `${root}/v1`,
      OPENAI_API_KEY: KEY,
      OLLAMA_BASE_URL: root,
      LLM_TIMEOUT_MS: '2000',
    }),
  );

beforeAll(async () => {
  root = await server.start();
});
afterAll(async () => {
  await server.stop();
  ws.cleanup();
});

describe('neural embeddings through OpenAIEmbeddings and OllamaEmbeddings against a loopback server', () => {
  it('openai: ingest batches (base64), retries transient errors, reports progress; questions use the vectors', async () => {
    const config = configFor('openai');
    server.embedFailures = 2;
    const progress: number[] = [];
    const manifest = await buildIndex(config, { progress: (stage, done) => stage === 'embed' && progress.push(done) });
    expect(manifest.embedding).toEqual({ id: 'openai:text-embedding-3-small', dimensions: 64 });
    const embedCalls = server.requests.filter((r) => r.path === '/v1/embeddings');
    expect(
      embedCalls.every((r) => r.body.encoding_format === 'base64' && r.headers.authorization === `Bearer ${KEY}`),
    ).toBe(true);
    expect(embedCalls.length).toBe(Math.ceil(53 / 16) + 2);
    expect(progress.at(-1)).toBe(53);
    const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
    const a = await answerer.ask('平海公路总投资多少?');
    expect(a.answer).toMatch(/^5\.65亿元/);
    expect(a.trace.retrieved.some((h) => h.vectorRank !== undefined)).toBe(true);
    expect(server.requests.at(-1)?.body.input).toBe('平海公路总投资多少?');
  });

  it('refuses an index built with another embedding, saying to re-run ingest', async () => {
    const local = configFor('local');
    expect(staleReason(local)).toMatch(/built with openai:text-embedding-3-small.*asks for local-hashing/);
    await expect(loadIndex(local)).rejects.toThrow(IndexError);
    await expect(loadIndex(local)).rejects.toThrow(/npm run ingest/);
  });

  it('answers from keywords alone while the embeddings provider is down', async () => {
    const config = configFor('openai');
    const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
    server.embedFailures = 1000;
    const a = await answerer.ask('平海公路全长多少千米?');
    server.embedFailures = 0;
    expect(a.vectorError).toBe('provider error');
    expect(a.answer).toMatch(/^28\.3千米/);
  });

  it('a failing provider during ingest leaves the previous index in place', async () => {
    const config = configFor('ollama');
    const before = readManifest(config.indexDir)?.builtAt;
    server.embedFailures = 1000;
    const err = await buildIndex(config).catch((e) => e);
    server.embedFailures = 0;
    expect(err).toBeInstanceOf(ProviderError);
    expect(String(err.message)).toMatch(/after 4 attempt/);
    expect(String(err.message)).not.toContain(KEY);
    expect(readManifest(config.indexDir)?.builtAt).toBe(before);
  }, 20_000);

  it('ollama: ingest through /api/embed and answer', async () => {
    const config = configFor('ollama');
    const manifest = await buildIndex(config);
    expect(manifest.embedding.id).toBe('ollama:bge-m3');
    expect(server.requests.some((r) => r.path === '/api/embed')).toBe(true);
    const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
    expect((await answerer.ask('海门有多少项目2月底全面复工?')).answer).toMatch(/^31个/);
  });
});
