/**
 * The manifest says what an index was built from and how; a mismatch with the current code,
 * embedding or corpus means the index must be rebuilt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../../core/errors.js';
import { NEEDS_INGEST } from '../../core/messages.js';
import type { ChunkOptions } from '../../corpus/chunker.js';
import { type CorpusFile, listCorpus } from '../../corpus/loader.js';
import type { FileEntry } from '../archive/archive-docs.js';
import { type EmbeddingSettings, expectedEmbeddingId } from '../embeddings.js';
import type { HnswParams } from '../vector-index.js';

/** Bump when the on-disk layout or the analysis changes: older indexes are then refused. */
export const INDEX_FORMAT = 12;

/** What an index was built from and how; a mismatch with the current code means "run npm run ingest". */
export interface Manifest {
  format: number;
  builtAt: string;
  corpus: CorpusFile[];
  skipped: Array<{ name: string; reason: string }>;
  /** Files indexed with a caveat: a date that is unknown or in the future. */
  warnings?: Array<{ name: string; warning: string }>;
  articles: number;
  chunks: number;
  embedding: { id: string; dimensions: number };
  build: { chunk: ChunkOptions; hnsw: HnswParams };
  seconds: number;
  /** Seconds spent per stage: parse (read, parse and chunk), tokenise, embed, index (HNSW), lexicon, write. */
  stages?: Record<string, number>;
  /** What made this build: a full build, an incremental update, or a merge of segments. */
  kind: 'full' | 'update' | 'merge';
  /** Each indexed corpus file: the segment holding its chunks and their document numbers. */
  files: Record<string, FileEntry>;
  /** Segment ids, oldest first. */
  segments: string[];
  /** The next document number to hand out: numbers are never reused before a full rebuild. */
  nextDoc: number;
  /** Chunks of changed or removed files that their segments still hold (until a merge drops them). */
  deleted: number;
  /**
   * The offline embedding's document frequencies, counted at the last full build and frozen since
   * (vectors in the graphs keep the weights they were built with); a full rebuild refreshes them.
   */
  idf: { docCount: number; builtAt: string };
}

/** The settings that building and loading an index depend on. */
export type IndexConfig = { corpusDir: string; indexDir: string } & EmbeddingSettings;

/** Reads a JSON file of an index, or throws an {@link IndexError} that says to rebuild. */
export function readIndexJson<T>(dir: string, name: string): T {
  const path = join(dir, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new IndexError('corrupt', `Index file ${path} is missing or corrupt: run \`npm run ingest\` to rebuild it.`, {
      cause,
      userMessage: NEEDS_INGEST,
    });
  }
}

/** Reads the manifest, or returns undefined when there is no index at `dir`. */
export function readManifest(dir: string): Manifest | undefined {
  if (!existsSync(join(dir, 'manifest.json'))) return undefined;
  return readIndexJson<Manifest>(dir, 'manifest.json');
}

/** Why the index at `indexDir` cannot serve the current corpus and code, or undefined when it can. */
export function staleReason(config: IndexConfig): string | undefined {
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(config.indexDir);
  } catch {
    return 'the manifest is corrupt';
  }
  if (!manifest) return 'there is no index yet';
  if (manifest.format !== INDEX_FORMAT)
    return `the index format is ${manifest.format}, this code needs ${INDEX_FORMAT}`;
  const wanted = expectedEmbeddingId(config);
  if (manifest.embedding.id !== wanted)
    return `the index was built with ${manifest.embedding.id}, the configuration asks for ${wanted}`;
  const key = (files: CorpusFile[]) => files.map((f) => `${f.name}:${f.sha256}`).join('\n');
  return key(listCorpus(config.corpusDir)) === key(manifest.corpus) ? undefined : 'the corpus changed';
}
