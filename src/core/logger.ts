import pino, { type Logger } from 'pino';

/** Replaces anything that looks like a bot token (`123:ABC...`) or a bearer key with `[redacted]`. */
export function redact(text: string): string {
  return text
    .replace(/\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g, '[redacted]')
    .replace(/\b(sk|key)-[A-Za-z0-9_-]{8,}\b/g, '[redacted]')
    .replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
}

/**
 * Creates the structured logger. Every string that passes through it is redacted,
 * so a token inside an error message or URL never reaches the log.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        streamWrite: (line) => redact(line),
      },
    },
    destination ?? pino.destination(2),
  );
}

export type { Logger };
