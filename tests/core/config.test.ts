import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { createLogger, redact } from '../../src/core/logger.js';

const TOKEN = '123456:ABCdefGhIJKlmnoPQRstuVWxyz_0123456789';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      corpusDir: 'corpus',
      indexDir: 'data/index',
      autoIngest: true,
      topK: 8,
      embeddings: { provider: 'local', batchSize: 64 },
      llm: { provider: 'none', timeoutMs: 20000 },
      openai: { baseUrl: 'https://api.openai.com/v1' },
      ollama: { baseUrl: 'http://127.0.0.1:11434' },
      telegram: { mode: 'polling', port: 8080, rateLimitPerMinute: 10, groupRateLimitPerMinute: 20, adminUserIds: [] },
    });
    expect(c.telegram.token).toBeUndefined();
  });

  it('accepts every spelling of yes and no that its error message lists (regression)', () => {
    for (const yes of ['true', 'yes', 'on', '1', 'YES']) expect(loadConfig({ AUTO_INGEST: yes }).autoIngest).toBe(true);
    for (const no of ['false', 'no', 'off', '0', 'Off']) expect(loadConfig({ AUTO_INGEST: no }).autoIngest).toBe(false);
  });

  it('fails fast with a message that names the variable and the fix', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ TOP_K: 'many' }, /TOP_K="many" is invalid: set it to a whole number from 1 to 50/],
      [{ AUTO_INGEST: 'maybe' }, /AUTO_INGEST="maybe" is invalid: use true\/yes\/on\/1 or false\/no\/off\/0/],
      [{ LLM_PROVIDER: 'gpt' }, /LLM_PROVIDER="gpt" is invalid: use one of none, openai, ollama/],
      [{ EMBEDDINGS_PROVIDER: 'bert' }, /EMBEDDINGS_PROVIDER="bert" is invalid/],
      [{ OLLAMA_BASE_URL: 'localhost:11434' }, /OLLAMA_BASE_URL is not a valid http\(s\) URL/],
      [{ LLM_PROVIDER: 'openai' }, /needs OPENAI_API_KEY/],
      [{ TELEGRAM_BOT_TOKEN: 'abc' }, /TELEGRAM_BOT_TOKEN does not look like a bot token/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' }, /BOT_MODE=webhook needs WEBHOOK_URL/],
      [
        { TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_URL: 'https://x.org/h', WEBHOOK_SECRET: 'short' },
        /needs WEBHOOK_SECRET: 16 to 256/,
      ],
      [{ ALLOWED_CHAT_IDS: '12,abc' }, /ALLOWED_CHAT_IDS has "abc"/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });

  it('takes an OpenAI-compatible server without a key, and per-provider default models', () => {
    const c = loadConfig({
      LLM_PROVIDER: 'openai',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      EMBEDDINGS_PROVIDER: 'ollama',
    });
    expect(c.llm.model).toBe('gpt-4o-mini');
    expect(c.embeddings.model).toBe('bge-m3');
    expect(c.openai.apiKey).toBeUndefined();
  });
});

describe('redaction', () => {
  it('removes the configured secrets and token-shaped text from every log line', () => {
    const c = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      OPENAI_API_KEY: 'plain-key-without-prefix',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
    });
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) } as never, secretsOf(c));
    log.error(
      { url: `https://api.telegram.org/bot${TOKEN}/sendMessage`, detail: 'key plain-key-without-prefix rejected' },
      'failed',
    );
    expect(lines.join('')).not.toContain(TOKEN.split(':')[1]);
    expect(lines.join('')).not.toContain('plain-key-without-prefix');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });
});

describe('shared state settings', () => {
  it('takes a Redis URL and a drain delay, refuses bad ones naming the fix, and redacts the Redis password', () => {
    const c = loadConfig({ REDIS_URL: 'redis://:s3cret-pass@10.0.0.5:6380/2', DRAIN_DELAY_MS: '500' });
    expect(c.redisUrl).toBe('redis://:s3cret-pass@10.0.0.5:6380/2');
    expect(c.telegram.drainDelayMs).toBe(500);
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({}).telegram.drainDelayMs).toBe(3000);
    expect(secretsOf(c)).toContain('s3cret-pass');
    for (const bad of ['localhost:6379', 'http://127.0.0.1:6379', 'redis://']) {
      expect(() => loadConfig({ REDIS_URL: bad })).toThrow(
        /REDIS_URL is not a valid Redis URL: set it like redis:\/\//,
      );
    }
    expect(() => loadConfig({ DRAIN_DELAY_MS: '9000' })).toThrow(/DRAIN_DELAY_MS="9000" is invalid.*0 to 8000/);
  });
});
