/**
 * Reading a corpus folder: every `.txt` file under it (sub-folders too, as a dated archive keeps
 * `2020/02/28/a1.txt`), hashed so that staleness can be told, decoded strictly, and parsed.
 * Files that cannot be used are skipped with a reason; nothing is lost silently.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CorpusError } from '../core/errors.js';
import type { Bulletin } from '../core/types.js';
import { parseBulletin } from './parser.js';

/** Files larger than this are refused: a bulletin page is tens of kilobytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** One corpus file as seen by the ingest: its hash decides whether the index is stale. */
export interface CorpusFile {
  /** Path relative to the corpus folder, with `/` separators. */
  name: string;
  bytes: number;
  sha256: string;
}

/** A file left out of the index, and why. */
export interface SkippedFile {
  name: string;
  reason: string;
}

/** A file indexed with a caveat the operator should hear of (its date is unknown or in the future). */
export interface FileWarning {
  name: string;
  warning: string;
}

/** The result of reading a corpus folder: parsed bulletins plus the files that were skipped and why. */
export interface LoadedCorpus {
  files: CorpusFile[];
  bulletins: Bulletin[];
  skipped: SkippedFile[];
  warnings: FileWarning[];
}

function walk(dir: string, root: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, root, out);
    else if (e.name.toLowerCase().endsWith('.txt')) out.push(relative(root, path).split(sep).join('/'));
  }
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return `file cannot be read (${code ?? 'error'}): check its permissions`;
}

/** Lists the `.txt` files under the corpus folder with their hashes, sorted by path. */
export function listCorpus(dir: string): CorpusFile[] {
  const names: string[] = [];
  try {
    walk(dir, dir, names);
  } catch (cause) {
    throw new CorpusError(
      'unreadable',
      `Corpus folder ${dir} cannot be read: create it and put bulletin .txt files in it.`,
      {
        cause,
      },
    );
  }
  return names.sort().map((name) => {
    const path = join(dir, name);
    try {
      const bytes = statSync(path).size;
      const sha256 =
        bytes > MAX_FILE_BYTES ? `size:${bytes}` : createHash('sha256').update(readFileSync(path)).digest('hex');
      return { name, bytes, sha256 };
    } catch (err) {
      // An unreadable file is listed (so that fixing it makes the index stale) and skipped at load.
      return { name, bytes: -1, sha256: `unreadable:${(err as NodeJS.ErrnoException).code ?? ''}` };
    }
  });
}

function tooLarge(bytes: number): string {
  const mb = (bytes / 1048576).toFixed(1);
  return `file is ${mb} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one bulletin; split it into pages`;
}

/** Decodes a file strictly as UTF-8 and rejects binary data; says why when it is unusable. */
export function decodeBulletin(buf: Buffer): { text: string } | { reason: string } {
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

/** Reads one listed file: its text, or why it cannot be used. */
function readListed(dir: string, f: CorpusFile): { text: string } | { reason: string } {
  // Oversized files are refused before they are read into memory.
  if (f.bytes > MAX_FILE_BYTES) return { reason: tooLarge(f.bytes) };
  try {
    return decodeBulletin(readFileSync(join(dir, f.name)));
  } catch (err) {
    return { reason: reasonOf(err) };
  }
}

/**
 * Reads and parses one listed file: its bulletin, or why it cannot be used. Ingest reads a large
 * archive one file at a time with this, so that only one file's text is in memory at once.
 */
export function readCorpusFile(dir: string, f: CorpusFile): { bulletin: Bulletin } | { reason: string } {
  const read = readListed(dir, f);
  if ('reason' in read) return read;
  const bulletin = parseBulletin(read.text, f.name);
  return bulletin.articles.length === 0 ? { reason: 'no article text found' } : { bulletin };
}

/** The error for a corpus with no usable file, naming each skipped file and why. */
export function emptyCorpusError(dir: string, skipped: SkippedFile[]): CorpusError {
  const why = skipped.length ? skipped.map((s) => `${s.name}: ${s.reason}`).join('; ') : `no .txt files in ${dir}`;
  return new CorpusError('empty', `Nothing to index (${why}). Put UTF-8 bulletin .txt files in ${dir}.`);
}

/**
 * Reads and parses every `.txt` bulletin under `dir`. Unusable files are skipped with a reason;
 * a folder with no usable file throws a {@link CorpusError}.
 */
export function loadCorpus(dir: string): LoadedCorpus {
  const files = listCorpus(dir);
  const bulletins: Bulletin[] = [];
  const skipped: SkippedFile[] = [];
  const warnings: FileWarning[] = [];
  for (const f of files) {
    const read = readCorpusFile(dir, f);
    if ('reason' in read) {
      skipped.push({ name: f.name, reason: read.reason });
      continue;
    }
    bulletins.push(read.bulletin);
    if (read.bulletin.warning) warnings.push({ name: f.name, warning: read.bulletin.warning });
  }
  if (bulletins.length === 0) throw emptyCorpusError(dir, skipped);
  return { files, bulletins, skipped, warnings };
}
