/**
 * `npm run check -- "claim"` prints a verdict (supported / contradicted / not_found) with citations;
 * `--json` one JSON object; `--jsonl` one claim per stdin line, one object per output line.
 */
import { formatCheck } from '../src/cli/format.js';
import { forEachLine, openRuntime, runMain } from '../src/cli/runtime.js';
import { userMessageOf } from '../src/core/errors.js';
import { checkClaim } from '../src/rag/checker.js';

runMain(async () => {
  const args = process.argv.slice(2);
  const jsonl = args.includes('--jsonl');
  const json = args.includes('--json');
  const claim = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!jsonl && !claim.trim()) {
    process.stderr.write('usage: npm run check -- [--json] "claim"   |   npm run --silent check -- --jsonl < claims.txt\n');
    process.exit(2);
  }
  const { answerer } = await openRuntime();
  const one = async (c: string) => {
    try {
      return await checkClaim(answerer, c);
    } catch (err) {
      return { claim: c, verdict: 'not_found' as const, answer: userMessageOf(err), citations: [], error: true };
    }
  };
  if (jsonl) {
    await forEachLine(async (line) => {
      process.stdout.write(`${JSON.stringify(await one(line))}\n`);
    });
  } else if (json) process.stdout.write(`${JSON.stringify(await one(claim))}\n`);
  else {
    const r = await one(claim);
    process.stdout.write(`${'lang' in r ? formatCheck(r) : r.answer}\n`);
  }
});
