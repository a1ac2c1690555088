/**
 * Keeping the number of segments small: after an update, runs of small segments of a similar
 * size are merged (tiers of powers of eight), and a segment whose deleted share passes a quarter
 * is rewritten without them. Merges publish a build of their own after the update's, so adding an
 * issue never waits for one.
 */
import { mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readDeleted, SEGMENTS_DIR } from '../archive/archive.js';
import { mergeSegments } from '../segment/merge.js';
import { Segment } from '../segment/segment.js';
import { type SegmentMeta, segmentFile } from '../segment/segment-files.js';
import { buildFailure, DF_FILE, EMBEDDING_FILE, LEXICON_FILE, type Progress } from './build.js';
import { newSegmentId } from './ingest-files.js';
import type { IndexConfig, Manifest } from './manifest.js';
import { readManifest } from './manifest.js';
import { newBuildDir, publishManifest } from './publish.js';
import { linkInto, linkSegment, writeDeleted } from './update.js';

/** This many segments of one tier are merged into one of the next. */
export const MERGE_FACTOR = 8;
/** Segments with more live chunks than this are merged only to drop deletions. */
export const MERGE_MAX_DOCS = 100_000;
/** A segment whose deleted share passes this is rewritten. */
export const MAX_DELETED_SHARE = 0.25;

const tier = (n: number) => Math.floor(Math.log2(Math.max(1, n)) / 3);

/** Segment ids to merge, as groups of consecutive segments; empty when nothing is due. */
export function planMerges(segments: Array<{ id: string; held: number; live: number }>): string[][] {
  const groups: string[][] = [];
  for (const s of segments) if (s.held - s.live > MAX_DELETED_SHARE * s.held) groups.push([s.id]);
  const small = segments.filter((s) => s.live <= MERGE_MAX_DOCS && !groups.some((g) => g.includes(s.id)));
  // The newest run of same-tier segments: new segments arrive at the end, so merges cascade from there.
  const run: typeof small = [];
  for (const s of small.reverse()) {
    if (run.length && tier(s.live) !== tier(run[0]?.live ?? 0)) break;
    run.push(s);
  }
  if (run.length >= MERGE_FACTOR) groups.push(run.reverse().map((s) => s.id));
  return groups;
}

/**
 * Merges what {@link planMerges} says is due and publishes the result; returns its manifest, or
 * undefined when nothing was due.
 */
export async function compactIndex(config: IndexConfig, progress: Progress = () => {}): Promise<Manifest | undefined> {
  const t0 = performance.now();
  const current = realpathSync(config.indexDir);
  const prev = readManifest(current);
  if (!prev) return undefined;
  const live = new Map<string, number>();
  for (const f of Object.values(prev.files)) live.set(f.segment, (live.get(f.segment) ?? 0) + f.count);
  const metaOf = (id: string) =>
    JSON.parse(readFileSync(segmentFile(join(current, SEGMENTS_DIR, id), 'meta'), 'utf8')) as SegmentMeta;
  const groups = planMerges(prev.segments.map((id) => ({ id, held: metaOf(id).docs, live: live.get(id) ?? 0 })));
  if (!groups.length) return undefined;
  const buildDir = newBuildDir(config.indexDir);
  mkdirSync(join(buildDir, SEGMENTS_DIR), { recursive: true });
  try {
    const deletedDocs = readDeleted(current);
    const deleted = new Uint8Array(prev.nextDoc);
    for (const d of deletedDocs) if (d < deleted.length) deleted[d] = 1;
    const replaced = new Map<string, string>();
    const dropped = new Set<number>();
    for (const [g, group] of groups.entries()) {
      progress('merge', g, groups.length);
      const inputs = group.map((id) => Segment.open(join(current, SEGMENTS_DIR, id)));
      const id = newSegmentId();
      mergeSegments(
        inputs,
        deleted,
        (source, segmentId) => prev.files[source]?.segment === segmentId,
        join(buildDir, SEGMENTS_DIR, id),
        id,
        prev.build.hnsw,
      );
      for (const s of inputs) for (const d of s.docs) if (deleted[d]) dropped.add(d);
      for (const old of group) replaced.set(old, id);
    }
    const segments: string[] = [];
    for (const id of prev.segments) {
      const next = replaced.get(id);
      if (next === undefined) {
        linkSegment(current, buildDir, id);
        segments.push(id);
      } else if (!segments.includes(next)) segments.push(next);
    }
    for (const name of [DF_FILE, EMBEDDING_FILE, LEXICON_FILE]) {
      try {
        linkInto(join(current, name), join(buildDir, name));
      } catch {
        // The offline embedding's table is absent with a neural provider.
      }
    }
    writeDeleted(
      buildDir,
      [...deletedDocs].filter((d) => !dropped.has(d)),
    );
    const files = Object.fromEntries(
      Object.entries(prev.files).map(([name, f]) => [name, { ...f, segment: replaced.get(f.segment) ?? f.segment }]),
    );
    const manifest: Manifest = {
      ...prev,
      builtAt: new Date().toISOString(),
      kind: 'merge',
      files,
      segments,
      deleted: deletedDocs.length - dropped.size,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
      stages: { merge: Number(((performance.now() - t0) / 1000).toFixed(3)) },
    };
    return publishManifest(config.indexDir, buildDir, manifest);
  } catch (cause) {
    rmSync(buildDir, { recursive: true, force: true });
    throw buildFailure(cause);
  }
}
