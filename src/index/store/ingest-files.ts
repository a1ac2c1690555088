/**
 * Reading corpus files into new segments, one file at a time: parse, chunk, tokenise, write the
 * text and postings. Shared by the full build (all files, several segments) and an incremental
 * update (the added and changed files, one segment).
 */
import { join } from 'node:path';
import type { Article } from '../../core/types.js';
import { type ChunkOptions, chunkArticles, searchableText } from '../../corpus/chunker.js';
import { type CorpusFile, type FileWarning, readCorpusFile, type SkippedFile } from '../../corpus/loader.js';
import type { LexiconState } from '../../text/bridge/lexicon.js';
import { passageTerms } from '../../text/tokenizer.js';
import { SEGMENTS_DIR } from '../archive/archive.js';
import type { FileEntry } from '../archive/archive-docs.js';
import { mergePinyinParts } from '../segment/merge.js';
import { IntStream, SegmentWriter, TermDictionary, termPairs, writePinyinTable } from '../segment/segment-writer.js';
import { LexiconQueue } from '../segment/worker-jobs.js';

/** Articles of this many chunks go to the English bridge at once: its memory grows with the batch. */
const LEXICON_BATCH_DOCS = 50_000;

/** Progress callback: stage name and how much of it is done. */
export type Progress = (stage: string, done: number, total: number) => void;

/** What reading the files produced. */
export interface IngestedFiles {
  writers: SegmentWriter[];
  files: Record<string, FileEntry>;
  skipped: SkippedFile[];
  /** Files indexed with a caveat (their date is unknown or in the future). */
  warnings: FileWarning[];
  articles: number;
  chunks: number;
  dict: TermDictionary;
  /** Document frequency per term id (counted over the new chunks). */
  df: IntStream;
  /** English stems and glosses of the new articles (their pinyin went into the segments). */
  lexicon: Omit<LexiconState, 'pinyin'>;
  /** Texts as embedded by a neural provider, per writer (empty for the offline embedding). */
  texts: string[][];
  /**
   * Settles when every segment's English bridge is written (built on a worker while the caller
   * builds graphs); {@link IngestedFiles.lexicon} is complete only then.
   */
  lexiconDone: Promise<void>;
  stages: Record<string, number>;
}

/** Options of {@link ingestFiles}. */
export interface IngestOptions {
  corpusDir: string;
  files: CorpusFile[];
  buildDir: string;
  firstDoc: number;
  /** A segment is closed once it holds this many corpus files. */
  segmentFiles: number;
  chunk: ChunkOptions;
  /** Keep each chunk's text for a neural embedding. */
  keepTexts: boolean;
  progress: Progress;
}

let segmentCounter = 0;

/** A new segment id, unique across processes and builds. */
export function newSegmentId(): string {
  return `${Date.now().toString(36)}-${process.pid}-${segmentCounter++}`;
}

/** Merges the English part of two lexicon states (weights: the larger; glosses: the first). */
export function mergeLexicon(
  a: Omit<LexiconState, 'pinyin'>,
  b: Omit<LexiconState, 'pinyin'>,
  maxTranslations = 10,
): Omit<LexiconState, 'pinyin'> {
  const en = { ...a.en };
  for (const [stem, list] of Object.entries(b.en)) {
    const m = new Map(en[stem] ?? []);
    for (const [zh, w] of list) m.set(zh, Math.max(m.get(zh) ?? 0, w));
    en[stem] = [...m].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length).slice(0, maxTranslations);
  }
  return { version: a.version, en, gloss: { ...b.gloss, ...a.gloss } };
}

/** Reads `files` in order into segments of `segmentFiles` files each. */
export async function ingestFiles(o: IngestOptions): Promise<IngestedFiles> {
  const dict = new TermDictionary();
  const df = new IntStream();
  const out: IngestedFiles = {
    writers: [],
    files: {},
    skipped: [],
    warnings: [],
    articles: 0,
    chunks: 0,
    dict,
    df,
    lexicon: { version: 1, en: {}, gloss: {} },
    texts: [],
    stages: { parse: 0, tokenise: 0, lexicon: 0, write: 0 },
    lexiconDone: Promise.resolve(),
  };
  const time = (stage: string, t: number) => {
    out.stages[stage] = (out.stages[stage] ?? 0) + (performance.now() - t) / 1000;
  };
  let writer: SegmentWriter | undefined;
  let doc = o.firstDoc;
  let segmentFileCount = 0;
  const queue = new LexiconQueue();
  const segmentsDone: Array<Promise<void>> = [];
  let parts: Array<Promise<string>> = [];
  let batch: Article[] = [];
  let batchDocs = 0;
  const flushBatch = (segment: SegmentWriter) => {
    if (!batch.length) return;
    const name = `pinyin-${parts.length}`;
    parts.push(
      queue.add(batch, batchDocs).then((state) => {
        out.lexicon = mergeLexicon(out.lexicon, state);
        writePinyinTable(segment.dir, state.pinyin, name);
        return name;
      }),
    );
    batch = [];
    batchDocs = 0;
  };
  const close = () => {
    if (!writer) return;
    const segment = writer;
    const t = performance.now();
    segment.finishText(dict.terms);
    time('write', t);
    flushBatch(segment);
    const segmentParts = parts;
    segmentsDone.push(Promise.all(segmentParts).then((names) => mergePinyinParts(segment.dir, names)));
    parts = [];
    writer = undefined;
    segmentFileCount = 0;
  };
  for (const [n, f] of o.files.entries()) {
    o.progress('read', n, o.files.length);
    // Lets the English bridge's worker hand back a batch and take the next one.
    await new Promise((r) => setImmediate(r));
    let t = performance.now();
    const read = readCorpusFile(o.corpusDir, f);
    if ('reason' in read) {
      out.skipped.push({ name: f.name, reason: read.reason });
      continue;
    }
    const { articles, date, warning } = read.bulletin;
    if (warning) out.warnings.push({ name: f.name, warning });
    const byId = new Map(articles.map((a) => [a.id, a]));
    const chunks = chunkArticles(articles, o.chunk);
    time('parse', t);
    if (!writer) {
      const id = newSegmentId();
      writer = new SegmentWriter(join(o.buildDir, SEGMENTS_DIR, id), id);
      out.writers.push(writer);
      out.texts.push([]);
    }
    t = performance.now();
    const texts = chunks.map((c) => searchableText(c, byId.get(c.articleId)));
    const segment = writer;
    segment.addFile(f.name, date, articles, chunks, doc, (_, i) => {
      const pairs = termPairs(passageTerms(texts[i] ?? ''), dict);
      for (let p = 0; p < pairs.length; p += 2) {
        const id = pairs[p] as number;
        while (df.length <= id) df.push(0);
        df.data[id] = (df.data[id] as number) + 1;
      }
      return pairs;
    });
    if (o.keepTexts) out.texts.at(-1)?.push(...texts);
    time('tokenise', t);
    out.files[f.name] = {
      segment: segment.id,
      first: doc,
      count: chunks.length,
      articles: articles.length,
      ...(date ? { date } : {}),
    };
    doc += chunks.length;
    out.articles += articles.length;
    out.chunks += chunks.length;
    batch.push(...articles);
    batchDocs += chunks.length;
    if (batchDocs >= LEXICON_BATCH_DOCS) flushBatch(segment);
    segmentFileCount++;
    if (segmentFileCount >= o.segmentFiles) close();
  }
  close();
  out.lexiconDone = Promise.all(segmentsDone).then(
    () => queue.close(),
    (err) => {
      queue.close();
      throw err;
    },
  );
  // Failing later is the caller's business (it awaits lexiconDone); never an unhandled rejection.
  out.lexiconDone.catch(() => {});
  return out;
}
