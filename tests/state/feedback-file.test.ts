import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StateError } from '../../src/core/errors.js';
import { FileFeedbackLog } from '../../src/state/feedback-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bqa-feedback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FileFeedbackLog', () => {
  it('creates its folder, appends one JSON line per record and lists them newest first', async () => {
    const log = new FileFeedbackLog(join(dir, 'data', 'feedback.jsonl'));
    expect(await log.latest(5)).toEqual([]);
    await log.append({ n: 1 });
    await log.append({ n: 2, text: '平海公路\n总投资' });
    expect(await log.latest(5)).toEqual([{ n: 2, text: '平海公路\n总投资' }, { n: 1 }]);
    expect(await log.latest(1)).toEqual([{ n: 2, text: '平海公路\n总投资' }]);
    expect(readFileSync(log.path, 'utf8').split('\n')).toHaveLength(3);
  });

  it('never interleaves concurrent appends; a torn line left by a crash is skipped and swallows nothing', async () => {
    const log = new FileFeedbackLog(join(dir, 'many.jsonl'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => log.append({ i, pad: 'x'.repeat(3000) })));
    appendFileSync(log.path, '{"i": 999, "pad": "trunc');
    const all = await log.latest(1000);
    expect(all).toHaveLength(200);
    expect(new Set(all.map((r) => r.i)).size).toBe(200);
    // The next process starts its first record on a new line: the torn one does not swallow it.
    const restarted = new FileFeedbackLog(log.path);
    await restarted.append({ i: 1000 });
    await restarted.append({ i: 1001 });
    expect(await restarted.latest(2)).toEqual([{ i: 1001 }, { i: 1000 }]);
    expect(await restarted.latest(1000)).toHaveLength(202);
  });

  it('says which file it cannot write, and keeps accepting records after a failure', async () => {
    const blocked = join(dir, 'data', 'feedback.jsonl', 'x.jsonl');
    const log = new FileFeedbackLog(blocked);
    await expect(log.append({ n: 1 })).rejects.toThrow(StateError);
    await expect(log.append({ n: 2 })).rejects.toThrow(/feedback file .*x\.jsonl/);
  });
});
