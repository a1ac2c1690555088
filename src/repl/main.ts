/** `npm run repl`: the developers' harness over the shared Answerer. */
import { openRuntime, runMain } from '../cli/runtime.js';
import { startLocalChat } from './repl.js';

runMain(async () => {
  const { config, answerer } = await openRuntime();
  const m = answerer.loaded.manifest;
  await startLocalChat(config, answerer, `bulletin-qa REPL: ${m.articles} articles, ${m.chunks} chunks from ${m.corpus.length} file(s). :help for commands.`);
});
