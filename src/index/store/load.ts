/** Loading a published index, refusing one built by other code, another embedding, or left inconsistent. */

import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../../core/errors.js';
import { NEEDS_INGEST } from '../../core/messages.js';
import type { LexiconState } from '../../text/bridge/lexicon.js';
import { Archive } from '../archive/archive.js';
import { ArchiveDocs } from '../archive/archive-docs.js';
import { ArchiveKeyword } from '../archive/archive-keyword.js';
import { ArchiveLexicon } from '../archive/archive-lexicon.js';
import { ArchiveVectors } from '../archive/archive-vectors.js';
import { expectedEmbeddingId, restoreEmbeddings } from '../embeddings.js';
import { HashingEmbeddings } from '../hashing-embeddings.js';
import type { LoadedIndex } from '../loaded-index.js';
import { TermTable } from '../segment/term-table.js';
import { DF_FILE, EMBEDDING_FILE, LEXICON_FILE } from './build.js';
import { INDEX_FORMAT, type IndexConfig, readIndexJson, readManifest } from './manifest.js';

function corrupt(dir: string, what: string, cause?: unknown): IndexError {
  return new IndexError('corrupt', `${what} in ${dir} is missing or corrupt: run \`npm run ingest\` to rebuild it.`, {
    cause,
    userMessage: NEEDS_INGEST,
  });
}

/** The archive behind a loaded index, so that the next load can share its open segments. */
const archives = new WeakMap<LoadedIndex, Archive>();

/**
 * Loads the index, refusing one built by other code or another embedding. With `previous` (the
 * index being served), segments both builds keep are shared rather than read again.
 * @throws IndexError with a message that says to run `npm run ingest`.
 */
export async function loadIndex(config: Omit<IndexConfig, 'corpusDir'>, previous?: LoadedIndex): Promise<LoadedIndex> {
  const link = config.indexDir;
  const manifest = readManifest(link);
  if (!manifest)
    throw new IndexError('missing', `No index at ${link}: run \`npm run ingest\` first.`, {
      userMessage: NEEDS_INGEST,
    });
  const wanted = expectedEmbeddingId(config);
  if (manifest.format !== INDEX_FORMAT || manifest.embedding?.id !== wanted) {
    const built = `${manifest.embedding?.id ?? '?'}, format ${manifest.format}`;
    throw new IndexError(
      'stale',
      `The index at ${link} was built by another version or embedding (${built}); ` +
        `this code needs ${wanted}, format ${INDEX_FORMAT}: run \`npm run ingest\`.`,
      { userMessage: NEEDS_INGEST },
    );
  }
  // Resolved once: a publish during the load must not mix two builds.
  let dir: string;
  try {
    dir = realpathSync(link);
  } catch (cause) {
    throw corrupt(link, 'The index folder', cause);
  }
  if (readManifest(dir)?.builtAt !== manifest.builtAt) return loadIndex(config, previous);
  let archive: Archive;
  try {
    archive = Archive.open(dir, manifest.segments, manifest.nextDoc, previous && archives.get(previous));
  } catch (cause) {
    throw corrupt(dir, 'A segment', cause);
  }
  if (archive.liveCount !== manifest.chunks) {
    throw new IndexError(
      'corrupt',
      `The index at ${dir} is inconsistent (${archive.liveCount} chunks, the manifest says ${manifest.chunks}): run \`npm run ingest\`.`,
      { userMessage: NEEDS_INGEST },
    );
  }
  const state = readIndexJson<{ id: string; dimensions: number; docCount: number }>(dir, EMBEDDING_FILE);
  let embeddings: LoadedIndex['embeddings'];
  if (config.embeddings.provider === 'local') {
    let table: TermTable;
    try {
      table = TermTable.read(join(dir, DF_FILE));
    } catch (cause) {
      throw corrupt(dir, DF_FILE, cause);
    }
    embeddings = new HashingEmbeddings({ ...state, df: frequencies(table) });
  } else {
    embeddings = await restoreEmbeddings(config, { id: state.id, dimensions: state.dimensions });
  }
  const lexicon = new ArchiveLexicon(readIndexJson<Omit<LexiconState, 'pinyin'>>(dir, LEXICON_FILE), archive);
  const index: LoadedIndex = {
    manifest,
    docs: new ArchiveDocs(archive, manifest.files),
    keyword: new ArchiveKeyword(archive),
    embeddings,
    vectors: new ArchiveVectors(archive, manifest.embedding.dimensions, manifest.build.hnsw.efSearch),
    lexicon,
  };
  archives.set(index, archive);
  return index;
}

/** Document frequencies read from a table file. */
export function frequencies(table: TermTable): { get(t: string): number | undefined; has(t: string): boolean } {
  return {
    get: (t) => {
      const row = table.find(t);
      return row < 0 ? undefined : table.value(row, 0);
    },
    has: (t) => table.find(t) >= 0,
  };
}
