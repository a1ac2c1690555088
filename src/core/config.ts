import { ConfigError } from './errors.js';

/** Typed, validated configuration, parsed once at start-up from the environment. */
export interface Config {
  corpusDir: string;
  indexDir: string;
  /** Build the index on first use when it is missing. */
  autoIngest: boolean;
  /** Chunks retrieved per question. */
  topK: number;
  /** Questions longer than this are answered from their first part. */
  maxQuestionChars: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How chunks and questions are embedded; changing it changes the index's embedding id. */
  embeddings: { provider: 'local' | 'openai' | 'ollama'; model: string; batchSize: number };
  /** Optional generative answers; `none` keeps the offline extractive answerer. */
  llm: { provider: 'none' | 'openai' | 'ollama'; model: string; timeoutMs: number };
  openai: { baseUrl: string; apiKey?: string };
  ollama: { baseUrl: string };
  /**
   * Shared state for replicas (rate limits, update de-duplication, chat context, feedback, the build
   * lock); unset, all of it stays in this process's memory.
   */
  redisUrl?: string;
  /** The local feedback log (👎 reports), an append-only JSON Lines file; with Redis, its outage fallback. */
  feedbackFile: string;
  telegram: {
    token?: string;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    webhookUrl?: string;
    webhookSecret?: string;
    port: number;
    rateLimitPerMinute: number;
    groupRateLimitPerMinute: number;
    allowedChatIds?: number[];
    adminUserIds: number[];
    /** Upper bound on handling one update, in milliseconds. */
    updateTimeoutMs: number;
    /** Webhook mode: how long /readyz says "draining" before the server stops taking requests. */
    drainDelayMs: number;
  };
}

type Env = Record<string, string | undefined>;

/** Model names used when LLM_MODEL / EMBEDDINGS_MODEL are not set. */
export const DEFAULT_MODELS = {
  llm: { none: '', openai: 'gpt-4o-mini', ollama: 'qwen2.5:7b' },
  embeddings: { local: 'hashing-d512', openai: 'text-embedding-3-small', ollama: 'bge-m3' },
} as const;

function str(env: Env, name: string, fallback: string): string {
  const v = env[name]?.trim();
  return v ? v : fallback;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is invalid: set it to a whole number from ${min} to ${max} (default ${fallback}).`,
    );
  }
  return n;
}

/** The accepted spellings of a yes/no setting; the error message lists them all. */
const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new ConfigError(
    `${name}=${JSON.stringify(raw)} is invalid: use ${TRUE.join('/')} or ${FALSE.join('/')} (default ${fallback}).`,
  );
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is invalid: use one of ${allowed.join(', ')} (default ${fallback}).`,
    );
  }
  return raw as T;
}

function idList(env: Env, name: string): number[] | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  return raw.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isSafeInteger(n)) {
      throw new ConfigError(
        `${name} has ${JSON.stringify(part.trim())}: use comma-separated numeric Telegram ids, e.g. 12345,-100987.`,
      );
    }
    return n;
  });
}

function url(env: Env, name: string, fallback: string): string;
function url(env: Env, name: string): string | undefined;
function url(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name]?.trim() || fallback;
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(`${name} is not a valid http(s) URL: set it like https://example.org/path.`);
  }
  return raw.replace(/\/+$/, '');
}

function redisUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let ok = false;
  try {
    const u = new URL(raw);
    ok = (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new ConfigError(
      `${name} is not a valid Redis URL: set it like redis://127.0.0.1:6379 (rediss:// for TLS, ` +
        'redis://:password@host:6379/0 with a password), or leave it empty to keep state in memory.',
    );
  }
  return raw;
}

/**
 * Parses and validates configuration. Throws a {@link ConfigError} naming the variable and the fix.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Env = process.env): Config {
  const token = env.TELEGRAM_BOT_TOKEN?.trim() || undefined;
  if (token && !/^\d+:[\w-]{20,}$/.test(token)) {
    throw new ConfigError(
      'TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters): ' +
        'copy it again from @BotFather, or leave it empty for the local chat.',
    );
  }
  const mode = oneOf(env, 'BOT_MODE', ['polling', 'webhook'] as const, 'polling');
  const webhookUrl = url(env, 'WEBHOOK_URL');
  const webhookSecret = env.WEBHOOK_SECRET?.trim() || undefined;
  if (mode === 'webhook' && token) {
    if (!webhookUrl)
      throw new ConfigError(
        'BOT_MODE=webhook needs WEBHOOK_URL: the public https URL Telegram will call, including its path.',
      );
    if (!webhookSecret || !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
      throw new ConfigError('BOT_MODE=webhook needs WEBHOOK_SECRET: 16 to 256 characters of A-Z, a-z, 0-9, _ or -.');
    }
  }
  const logLevel = oneOf(
    env,
    'LOG_LEVEL',
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  );
  const embeddingsProvider = oneOf(env, 'EMBEDDINGS_PROVIDER', ['local', 'openai', 'ollama'] as const, 'local');
  const llmProvider = oneOf(env, 'LLM_PROVIDER', ['none', 'openai', 'ollama'] as const, 'none');
  const openai = {
    baseUrl: url(env, 'OPENAI_BASE_URL', 'https://api.openai.com/v1'),
    apiKey: env.OPENAI_API_KEY?.trim() || undefined,
  };
  if (
    (llmProvider === 'openai' || embeddingsProvider === 'openai') &&
    !openai.apiKey &&
    new URL(openai.baseUrl).hostname === 'api.openai.com'
  ) {
    throw new ConfigError(
      'The openai provider needs OPENAI_API_KEY (or OPENAI_BASE_URL pointing at a compatible server that needs no key).',
    );
  }
  return {
    corpusDir: str(env, 'CORPUS_DIR', 'corpus'),
    indexDir: str(env, 'INDEX_DIR', 'data/index'),
    autoIngest: bool(env, 'AUTO_INGEST', true),
    topK: int(env, 'TOP_K', 8, 1, 50),
    maxQuestionChars: int(env, 'MAX_QUESTION_CHARS', 500, 20, 4000),
    logLevel,
    embeddings: {
      provider: embeddingsProvider,
      model: str(env, 'EMBEDDINGS_MODEL', DEFAULT_MODELS.embeddings[embeddingsProvider]),
      batchSize: int(env, 'EMBEDDINGS_BATCH_SIZE', 64, 1, 2048),
    },
    llm: {
      provider: llmProvider,
      model: str(env, 'LLM_MODEL', DEFAULT_MODELS.llm[llmProvider]),
      timeoutMs: int(env, 'LLM_TIMEOUT_MS', 20000, 100, 600000),
    },
    openai,
    ollama: { baseUrl: url(env, 'OLLAMA_BASE_URL', 'http://127.0.0.1:11434') },
    redisUrl: redisUrl(env, 'REDIS_URL'),
    feedbackFile: str(env, 'FEEDBACK_FILE', 'data/feedback.jsonl'),
    telegram: {
      token,
      apiRoot: url(env, 'TELEGRAM_API_ROOT', 'https://api.telegram.org'),
      mode,
      webhookUrl,
      webhookSecret,
      port: int(env, 'PORT', 8080, 0, 65535),
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 10, 1, 10000),
      groupRateLimitPerMinute: int(env, 'GROUP_RATE_LIMIT_PER_MINUTE', 20, 1, 10000),
      allowedChatIds: idList(env, 'ALLOWED_CHAT_IDS'),
      adminUserIds: idList(env, 'ADMIN_USER_IDS') ?? [],
      updateTimeoutMs: int(env, 'UPDATE_TIMEOUT_MS', 30000, 1000, 600000),
      drainDelayMs: int(env, 'DRAIN_DELAY_MS', 3000, 0, 8000),
    },
  };
}

/** The configured secrets (bot token, API key, webhook secret, Redis password), for the logger to redact. */
export function secretsOf(config: Config): string[] {
  const redisPassword = config.redisUrl ? decodeURIComponent(new URL(config.redisUrl).password) : undefined;
  return [config.telegram.token, config.telegram.webhookSecret, config.openai.apiKey, redisPassword].filter(
    (s): s is string => Boolean(s),
  );
}
