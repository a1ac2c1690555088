import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CorpusError } from '../core/errors.js';
import type { Bulletin } from '../core/types.js';
import { parseBulletin } from './parser.js';

/** Files larger than this are refused: a bulletin page is tens of kilobytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** One corpus file as seen by the ingest: its hash decides whether the index is stale. */
export interface CorpusFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** The result of reading a corpus folder: parsed bulletins plus the files that were skipped and why. */
export interface LoadedCorpus {
  files: CorpusFile[];
  bulletins: Bulletin[];
  skipped: Array<{ name: string; reason: string }>;
}

/** Lists `.txt` files in the corpus folder with their hashes, sorted by name. */
export function listCorpus(dir: string): CorpusFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  } catch (cause) {
    throw new CorpusError(`Corpus folder ${dir} cannot be read: create it and put bulletin .txt files in it.`, { cause });
  }
  return names.map((name) => {
    const path = join(dir, name);
    const bytes = statSync(path).size;
    const sha256 = bytes > MAX_FILE_BYTES ? `size:${bytes}` : createHash('sha256').update(readFileSync(path)).digest('hex');
    return { name, bytes, sha256 };
  });
}

function tooLarge(bytes: number): string {
  return `file is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one bulletin; split it into pages`;
}

/** Decodes a file strictly as UTF-8 and rejects binary data; returns a reason string when unusable. */
export function decodeBulletin(buf: Buffer): { text?: string; reason?: string } {
  if (buf.length === 0) return { reason: 'file is empty' };
  if (buf.length > MAX_FILE_BYTES) return { reason: tooLarge(buf.length) };
  if (buf.includes(0)) return { reason: 'file is binary (contains NUL bytes), not a text bulletin' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { reason: 'file is not valid UTF-8: convert it, e.g. `iconv -f GB18030 -t UTF-8`' };
  }
  const controls = (text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g) ?? []).length;
  if (controls > text.length / 100) return { reason: 'file has too many control characters to be a text bulletin' };
  if (!text.trim()) return { reason: 'file has only white space' };
  return { text };
}

/**
 * Reads and parses every `.txt` bulletin in `dir`. Unusable files are skipped with a reason;
 * a folder with no usable file throws a {@link CorpusError}.
 */
export function loadCorpus(dir: string): LoadedCorpus {
  const files = listCorpus(dir);
  const bulletins: Bulletin[] = [];
  const skipped: LoadedCorpus['skipped'] = [];
  for (const f of files) {
    // Oversized files are refused before they are read into memory.
    const { text, reason } = f.bytes > MAX_FILE_BYTES ? { text: undefined, reason: tooLarge(f.bytes) } : decodeBulletin(readFileSync(join(dir, f.name)));
    if (!text) {
      skipped.push({ name: f.name, reason: reason! });
      continue;
    }
    const bulletin = parseBulletin(text, f.name);
    if (bulletin.articles.length === 0) {
      skipped.push({ name: f.name, reason: 'no article text found' });
      continue;
    }
    bulletins.push(bulletin);
  }
  if (bulletins.length === 0) {
    const why = skipped.length ? skipped.map((s) => `${s.name}: ${s.reason}`).join('; ') : `no .txt files in ${dir}`;
    throw new CorpusError(`Nothing to index (${why}). Put UTF-8 bulletin .txt files in ${dir}.`);
  }
  return { files, bulletins, skipped };
}
