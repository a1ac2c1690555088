import pino, { type Logger } from 'pino';

/**
 * Replaces the given secrets, and anything that looks like a bot token (`123:ABC...`) or a
 * bearer key, with `[redacted]`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  for (const secret of secrets) if (secret.length >= 6) text = text.split(secret).join('[redacted]');
  return text
    .replace(/\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g, '[redacted]')
    .replace(/\b(sk|key)-[A-Za-z0-9_-]{8,}\b/g, '[redacted]')
    .replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
}

/**
 * Creates the structured logger. Every line that passes through it is redacted, so a token or
 * API key inside an error message, a URL or a provider's reply never reaches the log.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  secrets: readonly string[] = [],
): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        streamWrite: (line) => redact(line, secrets),
      },
    },
    destination ?? pino.destination(2),
  );
}

export type { Logger };
