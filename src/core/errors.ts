/**
 * Errors by layer. Each carries a `userMessage` that is safe to show to a user
 * (no paths with secrets, no tokens, no stack) and the underlying `cause`.
 *
 * @example
 * throw new IndexError('index missing', { userMessage: 'No index yet: run `npm run ingest`.' });
 */
export class AppError extends Error {
  /** Text that may be shown to an end user as is. */
  readonly userMessage: string;
  /** A machine-readable kind, e.g. `timeout`, for callers that react differently to it. */
  readonly code?: string;

  constructor(message: string, options: { cause?: unknown; userMessage?: string; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.userMessage = options.userMessage ?? 'Something went wrong. Please try again later.';
    this.code = options.code;
  }
}

/** A configuration value is missing or invalid; the message says how to fix it. */
export class ConfigError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, userMessage: message });
  }
}

/** The corpus could not be read or parsed (bad encoding, binary file, empty folder...). */
export class CorpusError extends AppError {}

/** The search index is missing, corrupt, or does not match the current code or embedding. */
export class IndexError extends AppError {}

/** An external provider (LLM, embeddings, Telegram) failed or timed out. */
export class ProviderError extends AppError {}

/** The user's input cannot be answered as given (empty, too long...). */
export class InputError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, userMessage: message });
  }
}

/** Returns the user-safe message for any thrown value. */
export function userMessageOf(err: unknown): string {
  return err instanceof AppError ? err.userMessage : 'Something went wrong. Please try again later.';
}
