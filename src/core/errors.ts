/**
 * Errors by layer, each with a typed code, the underlying `cause`, and a `userMessage` that is safe
 * to show to a user (no paths with secrets, no tokens, no stack).
 *
 * @example
 * throw new IndexError('missing', 'No index at data/index: run `npm run ingest`.');
 * if (isAppError(err, 'timeout')) fallBack();
 */

/** Every error code, by layer. */
export interface ErrorCodes {
  config: 'invalid';
  corpus: 'unreadable' | 'empty';
  index: 'missing' | 'stale' | 'corrupt' | 'write-failed' | 'busy';
  provider: 'timeout' | 'provider-error' | 'misconfigured';
  input: 'empty' | 'unusable';
  telegram: 'unreachable';
  state: 'unavailable';
}

/** Any error code. */
export type ErrorCode = ErrorCodes[keyof ErrorCodes];

const GENERIC = 'Something went wrong. Please try again later. 出了点问题，请稍后再试。';

/** The base of the project's errors: a code, a message for logs, and one for users. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  /** What went wrong, for callers that react to it. */
  readonly code: C;
  /** Text that may be shown to an end user as is. */
  readonly userMessage: string;

  constructor(code: C, message: string, options: { cause?: unknown; userMessage?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = options.userMessage ?? GENERIC;
  }
}

/** A configuration value is missing or invalid; the message says how to fix it. */
export class ConfigError extends AppError<ErrorCodes['config']> {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('invalid', message, { ...options, userMessage: message });
  }
}

/** The corpus could not be read or holds nothing usable (bad encoding, binary file, empty folder). */
export class CorpusError extends AppError<ErrorCodes['corpus']> {}

/** The search index is missing, stale, corrupt, being built by another process, or could not be written. */
export class IndexError extends AppError<ErrorCodes['index']> {}

/** An external provider (LLM, embeddings) failed, timed out or is misconfigured. */
export class ProviderError extends AppError<ErrorCodes['provider']> {}

/** The Bot API could not be reached. */
export class TelegramError extends AppError<ErrorCodes['telegram']> {}

/** Shared state (Redis) cannot be used right now; callers fall back to local state. */
export class StateError extends AppError<ErrorCodes['state']> {}

/** The user's input cannot be answered as given (empty, only punctuation). */
export class InputError extends AppError<ErrorCodes['input']> {
  constructor(code: ErrorCodes['input'], message: string, options: { cause?: unknown } = {}) {
    super(code, message, { ...options, userMessage: message });
  }
}

/** True when `err` is one of the project's errors, with one of the given codes if any are given. */
export function isAppError<C extends ErrorCode>(err: unknown, ...codes: C[]): err is AppError<C> {
  return err instanceof AppError && (codes.length === 0 || codes.includes(err.code as C));
}

/** Returns the user-safe message for any thrown value. */
export function userMessageOf(err: unknown): string {
  return err instanceof AppError ? err.userMessage : GENERIC;
}
