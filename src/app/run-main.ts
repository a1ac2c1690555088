/** How every entry point runs: a clean message and exit 1 on failure, and stdin read line by line. */
import { AppError } from '../core/errors.js';

/** Runs a command's main function: prints a clean message and exits 1 on failure, without a stack for known errors. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`Unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}

/** Reads stdin line by line (works when piped), calling `fn` in order for each non-empty line. */
export async function forEachLine(fn: (line: string) => Promise<void>): Promise<void> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim()) await fn(line);
}
