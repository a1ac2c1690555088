/**
 * `npm run ingest`: brings the index in INDEX_DIR up to date with CORPUS_DIR, atomically. Added,
 * changed and removed files are applied as an incremental update (one new segment, the rest
 * shared with the previous build), followed by a merge of segments when one is due; the first
 * build, a new format or embedding, or `--force` rebuild from scratch. Does nothing when the
 * corpus has not changed. When another process is building, waits for it: with REDIS_URL, any
 * replica on any host sharing the index volume.
 */

import { runMain } from '../src/app/run-main.js';
import { buildLockOf, indexConfigOf, reportIndexEvent } from '../src/app/runtime.js';
import { loadConfig, secretsOf } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { buildWhenStale } from '../src/index/store/ensure.js';
import { openStateStore } from '../src/state/open-state.js';

runMain(async () => {
  const config = loadConfig();
  const tty = process.stderr.isTTY;
  let lastStage = '';
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, undefined, secretsOf(config));
  const state = await openStateStore(config, log);
  const manifest = await buildWhenStale(indexConfigOf(config), {
    lock: buildLockOf(config.indexDir, state, log),
    force: process.argv.includes('--force'),
    onEvent: (e) => {
      if (e.kind === 'building') process.stdout.write(`Building the index: ${e.reason}.\n`);
      else if (e.kind === 'waiting') reportIndexEvent(e);
      else if (e.kind === 'built' && e.manifest.kind === 'update')
        process.stdout.write(`Updated in ${e.manifest.seconds} s; the new build is being served.\n`);
      else if (e.kind === 'merged')
        process.stdout.write(`Merged segments in ${e.manifest.seconds} s (${e.manifest.segments.length} now).\n`);
    },
    // A terminal gets a live counter; a log gets one line per stage.
    progress: (stage, done, total) => {
      if (tty) process.stderr.write(`\r${stage} ${done}/${total}   `);
      else if (stage !== lastStage) process.stderr.write(`${stage}…\n`);
      lastStage = stage;
    },
  }).finally(() => state.close());
  if (tty) process.stderr.write('\r\x1b[K');
  if (!manifest) {
    process.stdout.write(
      `Index at ${config.indexDir} is up to date with ${config.corpusDir}: nothing to do (use --force to rebuild).\n`,
    );
    return;
  }
  for (const s of manifest.skipped) process.stderr.write(`Skipped ${s.name}: ${s.reason}\n`);
  for (const w of manifest.warnings ?? []) process.stderr.write(`Warning: ${w.name}: ${w.warning}\n`);
  const files = manifest.corpus.length - manifest.skipped.length;
  const how = manifest.kind === 'full' ? `in ${manifest.seconds} s` : `(${manifest.kind})`;
  process.stdout.write(
    `Indexed ${files} bulletin file(s): ${manifest.articles} articles, ${manifest.chunks} chunks ${how}, ` +
      `${manifest.segments.length} segment(s) → ${config.indexDir}\n`,
  );
  const stages = Object.entries(manifest.stages ?? {}).map(([k, v]) => `${k} ${v} s`);
  process.stdout.write(`Stages: ${stages.join(', ')}; embedding ${manifest.embedding.id}.\n`);
});
