/**
 * `npm run ingest`: parses the bulletins in CORPUS_DIR, chunks and embeds them, and writes the
 * HNSW + keyword index to INDEX_DIR atomically. Does nothing when the corpus has not changed
 * (`--force` rebuilds anyway).
 */
import 'dotenv/config';
import { runMain } from '../src/cli/runtime.js';
import { loadConfig } from '../src/core/config.js';
import { buildIndex, staleReason } from '../src/rag/index-store.js';

runMain(async () => {
  const config = loadConfig();
  const force = process.argv.includes('--force');
  const reason = staleReason(config);
  if (!reason && !force) {
    process.stdout.write(`Index at ${config.indexDir} is up to date with ${config.corpusDir}: nothing to do (use --force to rebuild).\n`);
    return;
  }
  process.stdout.write(`Building the index: ${force && !reason ? 'forced' : reason}.\n`);
  const tty = process.stderr.isTTY;
  let lastStage = '';
  const manifest = await buildIndex(config, {
    // A terminal gets a live counter; a log gets one line per stage.
    progress: (stage, done, total) => {
      if (tty) process.stderr.write(`\r${stage} ${done}/${total}   `);
      else if (stage !== lastStage) process.stderr.write(`${stage}: ${total} chunks…\n`);
      lastStage = stage;
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  for (const s of manifest.skipped) process.stderr.write(`Skipped ${s.name}: ${s.reason}\n`);
  process.stdout.write(
    `Indexed ${manifest.corpus.length - manifest.skipped.length} bulletin file(s): ${manifest.articles} articles, ${manifest.chunks} chunks in ${manifest.seconds} s → ${config.indexDir}\n`,
  );
  const stages = Object.entries(manifest.stages ?? {}).map(([k, v]) => `${k} ${v} s`);
  process.stdout.write(`Stages: ${stages.join(', ')}; embedding ${manifest.embedding.id}.\n`);
});
