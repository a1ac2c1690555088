/** Loading a published index, refusing one built by other code, another embedding, or left inconsistent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../../core/errors.js';
import { NEEDS_INGEST } from '../../core/messages.js';
import type { Article, Chunk } from '../../core/types.js';
import { Lexicon, type LexiconState } from '../../text/lexicon.js';
import { ChunkDays } from '../chunk-days.js';
import { type EmbeddingState, expectedEmbeddingId, restoreEmbeddings } from '../embeddings.js';
import { KeywordIndex, type KeywordIndexState } from '../keyword-index.js';
import type { LoadedIndex } from '../loaded-index.js';
import { MemoryDocStore } from '../memory-docs.js';
import { HnswVectorIndex } from '../vector-index.js';
import { INDEX_FORMAT, type IndexConfig, readIndexJson, readManifest } from './manifest.js';

function corrupt(dir: string, what: string, cause?: unknown): IndexError {
  return new IndexError('corrupt', `${what} in ${dir} is missing or corrupt: run \`npm run ingest\` to rebuild it.`, {
    cause,
    userMessage: NEEDS_INGEST,
  });
}

function readPostings(dir: string): Int32Array {
  try {
    const buf = readFileSync(join(dir, 'keyword.bin'));
    if (buf.byteLength % 4 !== 0) throw new Error('truncated');
    // A view when the buffer is aligned (large files get their own), a copy otherwise.
    return buf.byteOffset % 4 === 0
      ? new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4)
      : new Int32Array(new Uint8Array(buf).buffer);
  } catch (cause) {
    throw corrupt(dir, 'keyword.bin', cause);
  }
}

/**
 * Loads the index, refusing one built by other code or another embedding.
 * @throws IndexError with a message that says to run `npm run ingest`.
 */
export async function loadIndex(config: Omit<IndexConfig, 'corpusDir'>): Promise<LoadedIndex> {
  const dir = config.indexDir;
  const manifest = readManifest(dir);
  if (!manifest)
    throw new IndexError('missing', `No index at ${dir}: run \`npm run ingest\` first.`, { userMessage: NEEDS_INGEST });
  const wanted = expectedEmbeddingId(config);
  if (manifest.format !== INDEX_FORMAT || manifest.embedding?.id !== wanted) {
    const built = `${manifest.embedding?.id ?? '?'}, format ${manifest.format}`;
    throw new IndexError(
      'stale',
      `The index at ${dir} was built by another version or embedding (${built}); ` +
        `this code needs ${wanted}, format ${INDEX_FORMAT}: run \`npm run ingest\`.`,
      { userMessage: NEEDS_INGEST },
    );
  }
  const articles = readIndexJson<Article[]>(dir, 'articles.json');
  const chunks = readIndexJson<Chunk[]>(dir, 'chunks.json');
  const days = new ChunkDays(chunks);
  const keyword = new KeywordIndex(readIndexJson<KeywordIndexState>(dir, 'keyword.json'), readPostings(dir), days);
  const embeddings = await restoreEmbeddings(config, readIndexJson<EmbeddingState>(dir, 'embeddings.json'));
  const lexicon = new Lexicon(readIndexJson<LexiconState>(dir, 'lexicon.json'));
  let vectors: HnswVectorIndex;
  try {
    vectors = HnswVectorIndex.load(dir, manifest.build.hnsw.efSearch, days);
  } catch (cause) {
    throw corrupt(dir, 'The vector index', cause);
  }
  const counts = [chunks.length, keyword.size, vectors.size];
  if (counts.some((n) => n !== manifest.chunks) || !keyword.consistent) {
    throw new IndexError(
      'corrupt',
      `The index at ${dir} is inconsistent (chunk counts differ): run \`npm run ingest\`.`,
      {
        userMessage: NEEDS_INGEST,
      },
    );
  }
  return { manifest, docs: new MemoryDocStore(articles, chunks), keyword, embeddings, vectors, lexicon };
}
