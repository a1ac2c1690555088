/**
 * An incremental update: only the added, changed and removed corpus files are touched. Their old
 * chunks are listed as deleted, the new ones go into one new segment embedded with the frozen
 * document frequencies, and every other segment is hard-linked from the build being served.
 */
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { emptyCorpusError, listCorpus } from '../../corpus/loader.js';
import type { LexiconState } from '../../text/bridge/lexicon.js';
import { DELETED_FILE, readDeleted, SEGMENTS_DIR } from '../archive/archive.js';
import { embeddingsForBuild, expectedEmbeddingId } from '../embeddings.js';
import { HashingEmbeddings } from '../hashing-embeddings.js';
import { TermTable } from '../segment/term-table.js';
import { type BuildOptions, buildFailure, buildGraphs, DF_FILE, EMBEDDING_FILE, LEXICON_FILE } from './build.js';
import { ingestFiles, mergeLexicon } from './ingest-files.js';
import { frequencies } from './load.js';
import { INDEX_FORMAT, type IndexConfig, type Manifest, readManifest } from './manifest.js';
import { newBuildDir, publishManifest } from './publish.js';

/** Hard-links a file into a new build (a copy where links are not possible). */
export function linkInto(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Links a whole segment folder into a new build. */
export function linkSegment(fromBuild: string, toBuild: string, id: string): void {
  const from = join(fromBuild, SEGMENTS_DIR, id);
  const to = join(toBuild, SEGMENTS_DIR, id);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) linkInto(join(from, name), join(to, name));
}

/** Writes the deleted document numbers of a build. */
export function writeDeleted(buildDir: string, docs: Iterable<number>): void {
  const a = Int32Array.from(docs).sort();
  writeFileSync(join(buildDir, DELETED_FILE), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/** Why the published index cannot be updated in place (a full build is needed), or undefined. */
export function updateBlocker(
  config: IndexConfig,
  previous: Manifest | undefined,
  options: BuildOptions,
): string | undefined {
  if (!previous) return 'there is no index yet';
  if (previous.format !== INDEX_FORMAT) return `the index format is ${previous.format}`;
  if (previous.embedding.id !== expectedEmbeddingId(config)) return 'the embedding changed';
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (options.chunk && !same(options.chunk, previous.build.chunk)) return 'the chunk options changed';
  if (options.hnsw && !same(options.hnsw, previous.build.hnsw)) return 'the HNSW parameters changed';
  // Frozen IDF drifts as the archive grows: once it has doubled, the weights are counted afresh.
  if (previous.nextDoc > 2 * previous.idf.docCount)
    return 'the archive has doubled since its document frequencies were counted';
  return undefined;
}

/**
 * Applies the corpus's changes since the published build as a new build that shares every
 * unchanged segment, and publishes it. Returns undefined when nothing changed.
 */
export async function updateIndex(config: IndexConfig, options: BuildOptions = {}): Promise<Manifest | undefined> {
  const t0 = performance.now();
  const progress = options.progress ?? (() => {});
  const current = realpathSync(config.indexDir);
  const prev = readManifest(current);
  if (!prev) throw new Error(`no manifest in ${current}`);
  const corpus = listCorpus(config.corpusDir);
  const before = new Map(prev.corpus.map((f) => [f.name, f.sha256]));
  const now = new Set(corpus.map((f) => f.name));
  const changed = corpus.filter((f) => before.get(f.name) !== f.sha256);
  const gone = prev.corpus.filter((f) => !now.has(f.name)).map((f) => f.name);
  if (!changed.length && !gone.length) return undefined;

  const deleted = new Set(readDeleted(current));
  const files = { ...prev.files };
  for (const name of [...gone, ...changed.map((f) => f.name)]) {
    const entry = files[name];
    if (!entry) continue;
    for (let d = entry.first; d < entry.first + entry.count; d++) deleted.add(d);
    delete files[name];
  }
  const buildDir = newBuildDir(config.indexDir);
  mkdirSync(join(buildDir, SEGMENTS_DIR), { recursive: true });
  try {
    const live = new Map<string, number>();
    for (const f of Object.values(files)) live.set(f.segment, (live.get(f.segment) ?? 0) + f.count);
    const kept = prev.segments.filter((id) => (live.get(id) ?? 0) > 0);
    for (const id of kept) linkSegment(current, buildDir, id);
    const local = config.embeddings.provider === 'local';
    if (local) linkInto(join(current, DF_FILE), join(buildDir, DF_FILE));
    const ing = await ingestFiles({
      corpusDir: config.corpusDir,
      files: changed,
      buildDir,
      firstDoc: prev.nextDoc,
      segmentFiles: Number.POSITIVE_INFINITY,
      chunk: prev.build.chunk,
      keepTexts: !local,
      progress,
    });
    const t = performance.now();
    const state = JSON.parse(readFileSync(join(current, EMBEDDING_FILE), 'utf8'));
    // New chunks are embedded with the frequencies of the last full build, so that their vectors
    // and the graphs' agree; terms never seen then weigh as the rarest.
    const embeddings = local
      ? new HashingEmbeddings({ ...state, df: frequencies(TermTable.read(join(current, DF_FILE))) })
      : await embeddingsForBuild(config, []);
    const dimensions = ing.chunks ? await buildGraphs(ing, embeddings, config, prev.build.hnsw, progress) : 0;
    await ing.lexiconDone;
    for (const w of ing.writers) w.finish(dimensions || prev.embedding.dimensions);
    const graphSeconds = (performance.now() - t) / 1000;
    const lexicon = mergeLexicon(
      JSON.parse(readFileSync(join(current, LEXICON_FILE), 'utf8')) as Omit<LexiconState, 'pinyin'>,
      ing.lexicon,
    );
    writeFileSync(join(buildDir, LEXICON_FILE), JSON.stringify(lexicon));
    linkInto(join(current, EMBEDDING_FILE), join(buildDir, EMBEDDING_FILE));
    // Numbers of dropped segments stay listed until a merge: harmless, and a few bytes each.
    writeDeleted(buildDir, deleted);
    Object.assign(files, ing.files);
    const skipped = [
      ...prev.skipped.filter((s) => now.has(s.name) && !changed.some((f) => f.name === s.name)),
      ...ing.skipped,
    ];
    const warnings = [
      ...(prev.warnings ?? []).filter((w) => now.has(w.name) && !changed.some((f) => f.name === w.name)),
      ...ing.warnings,
    ];
    const chunks = Object.values(files).reduce((n, f) => n + f.count, 0);
    const manifest: Manifest = {
      ...prev,
      builtAt: new Date().toISOString(),
      corpus,
      skipped,
      warnings,
      articles: Object.values(files).reduce((n, f) => n + f.articles, 0),
      chunks,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
      stages: Object.fromEntries(
        Object.entries({ ...ing.stages, index: graphSeconds }).map(([k, v]) => [k, Number(v.toFixed(3))]),
      ),
      kind: 'update',
      files,
      segments: [...kept, ...ing.writers.map((w) => w.id)],
      nextDoc: prev.nextDoc + ing.chunks,
      deleted: deleted.size,
    };
    if (chunks === 0) throw emptyCorpusError(config.corpusDir, skipped);
    return publishManifest(config.indexDir, buildDir, manifest);
  } catch (cause) {
    rmSync(buildDir, { recursive: true, force: true });
    throw buildFailure(cause);
  }
}
