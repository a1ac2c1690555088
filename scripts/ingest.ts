/**
 * `npm run ingest`: parses the bulletins in CORPUS_DIR, chunks and embeds them, and writes the
 * HNSW + keyword index to INDEX_DIR atomically. Does nothing when the corpus has not changed
 * (`--force` rebuilds anyway). When another process is building, waits for it: with REDIS_URL, any
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
    },
    // A terminal gets a live counter; a log gets one line per stage.
    progress: (stage, done, total) => {
      if (tty) process.stderr.write(`\r${stage} ${done}/${total}   `);
      else if (stage !== lastStage) process.stderr.write(`${stage}: ${total} chunks…\n`);
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
  process.stdout.write(
    `Indexed ${files} bulletin file(s): ${manifest.articles} articles, ${manifest.chunks} chunks in ${manifest.seconds} s → ${config.indexDir}\n`,
  );
  const stages = Object.entries(manifest.stages ?? {}).map(([k, v]) => `${k} ${v} s`);
  process.stdout.write(`Stages: ${stages.join(', ')}; embedding ${manifest.embedding.id}.\n`);
});
