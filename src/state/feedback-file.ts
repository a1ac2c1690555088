/**
 * The local feedback log: an append-only JSON Lines file (one record per line), durable across
 * restarts. Without Redis it is the feedback log; with Redis, where records go while Redis is down.
 */
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StateError } from '../core/errors.js';
import type { FeedbackLog, FeedbackRecord } from './state-store.js';

/** True when the file exists and its last byte is not a newline: a write was cut short (a crash). */
async function endsTorn(path: string): Promise<boolean> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, 'r');
    const { size } = await file.stat();
    if (size === 0) return false;
    const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] !== 0x0a;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  } finally {
    await file?.close();
  }
}

/**
 * Feedback records appended to a file. Appends are queued so that records never interleave; a line
 * that does not parse (a torn write after a crash) is skipped when reading, and the first append
 * starts on a new line after it, so that the torn line does not swallow the next record.
 *
 * @example
 * const feedback = new FileFeedbackLog('data/feedback.jsonl');
 * await feedback.append({ rating: 'down', question: '…' });
 */
export class FileFeedbackLog implements FeedbackLog {
  private queue: Promise<void> = Promise.resolve();
  private checked = false;

  constructor(readonly path: string) {}

  append(record: FeedbackRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.queue.then(async () => {
      try {
        await mkdir(dirname(this.path), { recursive: true });
        const repair = !this.checked && (await endsTorn(this.path));
        await appendFile(this.path, repair ? `\n${line}` : line, 'utf8');
        this.checked = true;
      } catch (cause) {
        // A write that failed half-way leaves a torn line: the next append checks again.
        this.checked = false;
        throw new StateError('unavailable', `Cannot append to the feedback file ${this.path}: check its folder.`, {
          cause,
        });
      }
    });
    // The next append waits for this one whether it failed or not.
    this.queue = write.catch(() => {});
    return write;
  }

  async latest(limit: number): Promise<FeedbackRecord[]> {
    await this.queue;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new StateError('unavailable', `Cannot read the feedback file ${this.path}.`, { cause: err });
    }
    const records: FeedbackRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line);
        if (r && typeof r === 'object' && !Array.isArray(r)) records.push(r);
      } catch {
        // A torn last line: the records before it are intact.
      }
    }
    return records.slice(-limit).reverse();
  }
}
