import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/core/errors.js';
import { loadCorpus, MAX_FILE_BYTES } from '../../src/corpus/loader.js';
import { at, workspace } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('loadCorpus', () => {
  it('refuses an empty corpus folder with a message that says what to do', () => {
    const ws = workspace(false);
    cleanup = ws.cleanup;
    expect(() => loadCorpus(ws.config.corpusDir)).toThrow(CorpusError);
    expect(() => loadCorpus(ws.config.corpusDir)).toThrow(/no \.txt files/);
  });

  it('skips unusable files, naming each with its reason, and keeps the good ones', () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    const dir = ws.config.corpusDir;
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa1, 0xa3, 0xff, 0xfe]));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x41));
    const c = loadCorpus(dir);
    expect(c.bulletins).toHaveLength(1);
    const reasons = Object.fromEntries(c.skipped.map((s) => [s.name, s.reason]));
    expect(reasons['gbk.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['huge.txt']).toMatch(/MB, over the/);
  });

  it('reads sub-folders of a dated archive, and skips a file that cannot be read, naming it', () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    const dir = ws.config.corpusDir;
    mkdirSync(join(dir, '2020', '02'), { recursive: true });
    writeFileSync(join(dir, '2020', '02', '28.txt'), '第二期公报\n\n海安新建五个公园。\n');
    // A dangling link cannot be read even by root (file modes would not stop root).
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const c = loadCorpus(dir);
    expect(c.bulletins.map((b) => b.source)).toEqual(['2020/02/28.txt', 'nantong-bulletin-2020-02.txt']);
    expect(c.skipped).toEqual([{ name: 'dangling.txt', reason: expect.stringMatching(/cannot be read \(ENOENT\)/) }]);
  });

  it('throws, naming the files, when nothing at all can be indexed', () => {
    const ws = workspace(false);
    cleanup = ws.cleanup;
    writeFileSync(join(ws.config.corpusDir, 'empty.txt'), '');
    expect(() => loadCorpus(ws.config.corpusDir)).toThrow(/empty\.txt: file is empty/);
  });

  it('reads every .txt bulletin dropped into the folder, in name order', () => {
    const ws = workspace();
    cleanup = ws.cleanup;
    writeFileSync(join(ws.config.corpusDir, 'a-second.txt'), '第二期公报\n\n海安新建五个公园。\n');
    const c = loadCorpus(ws.config.corpusDir);
    expect(c.bulletins.map((b) => b.source)).toEqual(readdirSync(ws.config.corpusDir).sort());
    expect(at(at(c.bulletins, 0).articles, 0).title).toBe('第二期公报');
    rmSync(join(ws.config.corpusDir, 'a-second.txt'));
  });
});
