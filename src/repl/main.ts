/** `npm run repl`: the developers' harness over the shared Answerer. */

import { runMain } from '../app/run-main.js';
import { openRuntime } from '../app/runtime.js';
import { startLocalChat } from './repl.js';

runMain(async () => {
  const { indexConfig, answerer } = await openRuntime();
  const m = answerer.loaded.manifest;
  await startLocalChat(
    indexConfig,
    answerer,
    `bulletin-qa REPL: ${m.articles} articles, ${m.chunks} chunks from ${m.corpus.length} file(s). :help for commands.`,
  );
});
