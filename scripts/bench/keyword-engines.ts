/**
 * The keyword side measured three ways on the same archive and the same jieba terms: our segmented
 * postings (what the index uses), SQLite FTS5 (better-sqlite3) and MiniSearch. Each engine runs in
 * a process of its own, so that its memory is its own:
 *   keyword <own|fts5|minisearch> <workdir> <questions>
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { chunkArticles, searchableText } from '../../src/corpus/chunker.js';
import { listCorpus, readCorpusFile } from '../../src/corpus/loader.js';
import { Archive, SEGMENTS_DIR } from '../../src/index/archive/archive.js';
import { ArchiveKeyword } from '../../src/index/archive/archive-keyword.js';
import { SegmentWriter, TermDictionary, termPairs } from '../../src/index/segment/segment-writer.js';
import { passageTerms, questionTerms } from '../../src/text/tokenizer.js';
import { quantile } from '../../testkit/load-generator.js';

/** Every chunk's index terms, file by file (the last file is held back as the issue to add). */
function corpusTerms(corpusDir: string): { base: string[][]; issue: string[][] } {
  const files = listCorpus(corpusDir);
  const docs: string[][][] = [];
  for (const f of files) {
    const read = readCorpusFile(corpusDir, f);
    if ('reason' in read) continue;
    const byId = new Map(read.bulletin.articles.map((a) => [a.id, a]));
    docs.push(chunkArticles(read.bulletin.articles).map((c) => passageTerms(searchableText(c, byId.get(c.articleId)))));
  }
  const issue = docs.pop() ?? [];
  return { base: docs.flat(), issue };
}

interface Engine {
  build(docs: string[][]): void;
  add(docs: string[][], firstDoc: number): void;
  search(terms: string[]): number;
  bytes(): number;
}

function ownEngine(dir: string): Engine {
  const dict = new TermDictionary();
  const ids: string[] = [];
  let keyword: ArchiveKeyword | undefined;
  let archive: Archive | undefined;
  let maxDoc = 0;
  const segment = (docs: string[][], first: number) => {
    const id = `k${ids.length}`;
    const w = new SegmentWriter(join(dir, SEGMENTS_DIR, id), id);
    for (const [i, terms] of docs.entries())
      w.addChunk(first + i, { date: '2020-01-01' } as never, termPairs(terms, dict));
    w.finishText(dict.terms);
    w.finish(0);
    ids.push(id);
    maxDoc = first + docs.length;
    archive = Archive.open(dir, ids, maxDoc, archive);
    keyword = new ArchiveKeyword(archive);
  };
  return {
    build: (docs) => segment(docs, 0),
    add: (docs, first) => segment(docs, first),
    search: (terms) => keyword?.search(terms, 50).length ?? 0,
    bytes: () => dirBytes(dir),
  };
}

function fts5Engine(dir: string): Engine {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'fts.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Terms are fed as ids ('t' + base 36) with the ascii tokenizer, so FTS5 indexes exactly our terms.
  db.exec("CREATE VIRTUAL TABLE chunks USING fts5(terms, tokenize = 'ascii')");
  const dict = new Map<string, string>();
  const token = (t: string) => {
    let id = dict.get(t);
    if (!id) {
      id = `t${dict.size.toString(36)}`;
      dict.set(t, id);
    }
    return id;
  };
  const insert = db.prepare('INSERT INTO chunks(rowid, terms) VALUES (?, ?)');
  const add = db.transaction((docs: string[][], first: number) => {
    for (const [i, terms] of docs.entries()) insert.run(first + i, terms.map(token).join(' '));
  });
  const query = db.prepare(
    'SELECT rowid, bm25(chunks) AS score FROM chunks WHERE chunks MATCH ? ORDER BY score LIMIT 50',
  );
  return {
    build: (docs) => add(docs, 0),
    add: (docs, first) => add(docs, first),
    search: (terms) => {
      const known = [...new Set(terms)].map((t) => dict.get(t)).filter(Boolean);
      return known.length ? query.all(known.join(' OR ')).length : 0;
    },
    bytes: () => dirBytes(dir),
  };
}

function miniSearchEngine(): Engine {
  const ms = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t,
    searchOptions: { combineWith: 'OR' },
  });
  const docsOf = (docs: string[][], first: number) =>
    docs.map((terms, i) => ({ id: first + i, terms: terms.join(' ') }));
  return {
    build: (docs) => ms.addAll(docsOf(docs, 0)),
    add: (docs, first) => ms.addAll(docsOf(docs, first)),
    search: (terms) => ms.search([...new Set(terms)].join(' ')).slice(0, 50).length,
    bytes: () => JSON.stringify(ms).length,
  };
}

/** Bytes of every file under `dir`. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

/** Measures one engine: build, add one issue, question latency, memory. */
export function measureEngine(name: string, work: string, questions: string[]) {
  const { base, issue } = corpusTerms(join(work, 'corpus'));
  const queries = questions.map(questionTerms);
  const dir = join(work, `keyword-${name}`);
  rmSync(dir, { recursive: true, force: true });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const engine = name === 'own' ? ownEngine(dir) : name === 'fts5' ? fts5Engine(dir) : miniSearchEngine();
  let t = performance.now();
  engine.build(base);
  const buildSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  engine.add(issue, base.length);
  const addSeconds = (performance.now() - t) / 1000;
  for (const q of queries.slice(0, 20)) engine.search(q);
  const times = queries.map((q) => {
    const t0 = performance.now();
    engine.search(q);
    return performance.now() - t0;
  });
  global.gc?.();
  const rssMb = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
  const bytes = engine.bytes();
  rmSync(dir, { recursive: true, force: true });
  return {
    engine: name,
    docs: base.length + issue.length,
    buildSeconds,
    addSeconds,
    queryMs: { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) },
    rssMb,
    indexMb: bytes / 2 ** 20,
  };
}
