/** The shell shared by `ask` and `check`: arguments, `--json`, and `--jsonl` over stdin. */
import type { Answerer } from '../answer/answerer.js';
import { forEachLine, runMain } from '../app/run-main.js';
import { openRuntime } from '../app/runtime.js';
import { userMessageOf } from '../core/errors.js';

/** What a one-shot command (`ask`, `check`) does with one input. */
export interface QueryCommand<T> {
  /** Printed (with exit code 2) when no input is given. */
  usage: string;
  /** Answers one input; an error becomes `onError`'s object. */
  run: (answerer: Answerer, input: string) => Promise<T>;
  /** The JSON object printed for an input that failed. */
  onError: (input: string, message: string) => object;
  /** JSON form of a result. */
  json: (result: T) => object;
  /** Readable form of a result. */
  readable: (result: T, answerer: Answerer) => string;
}

type Outcome<T> = { ok: true; result: T } | { ok: false; object: object; message: string };

/**
 * The shared shell of `ask` and `check`: the input from the arguments (readable, or `--json`),
 * or one input per stdin line with `--jsonl` (one JSON object per output line, in order).
 */
export function runQueryCommand<T>(cmd: QueryCommand<T>): void {
  runMain(async () => {
    const args = process.argv.slice(2);
    const jsonl = args.includes('--jsonl');
    const input = args.filter((a) => !a.startsWith('--')).join(' ');
    if (!jsonl && !input.trim()) {
      process.stderr.write(`${cmd.usage}\n`);
      process.exit(2);
    }
    const { answerer } = await openRuntime();
    const one = async (text: string): Promise<Outcome<T>> => {
      try {
        return { ok: true, result: await cmd.run(answerer, text) };
      } catch (err) {
        return { ok: false, object: cmd.onError(text, userMessageOf(err)), message: userMessageOf(err) };
      }
    };
    const asJson = (r: Outcome<T>) => JSON.stringify(r.ok ? cmd.json(r.result) : r.object);
    if (jsonl) return forEachLine(async (line) => void process.stdout.write(`${asJson(await one(line))}\n`));
    const r = await one(input);
    if (args.includes('--json')) process.stdout.write(`${asJson(r)}\n`);
    else {
      process.stdout.write(`${r.ok ? cmd.readable(r.result, answerer) : r.message}\n`);
      if (!r.ok) process.exitCode = 1;
    }
  });
}
