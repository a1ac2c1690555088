/** `npm run repl`: the developers' harness over the shared Answerer. */
import { openRuntime, runMain } from '../cli/runtime.js';
import { loadIndex } from '../rag/index-store.js';
import { runRepl } from './repl.js';

runMain(async () => {
  const { config, answerer } = await openRuntime();
  const m = answerer.loaded.manifest;
  await runRepl(answerer, {
    input: process.stdin,
    output: process.stdout,
    banner: `bulletin-qa REPL: ${m.articles} articles, ${m.chunks} chunks from ${m.corpus.length} file(s). :help for commands.`,
    setK: (k) => {
      answerer.options.topK = k;
    },
    reload: async () => {
      answerer.replaceIndex(await loadIndex(config));
      return `Reloaded: ${answerer.loaded.manifest.chunks} chunks built ${answerer.loaded.manifest.builtAt}.`;
    },
  });
});
