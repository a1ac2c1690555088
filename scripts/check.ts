/**
 * `npm run check -- "claim"` prints a verdict (supported / contradicted / not_found) with citations;
 * `--json` one JSON object; `--jsonl` one claim per stdin line, one object per output line.
 */
import { formatCheck } from '../src/cli/format.js';
import { runQueryCommand } from '../src/cli/runtime.js';
import { checkClaim } from '../src/rag/checker.js';

runQueryCommand({
  usage: 'usage: npm run check -- [--json] "claim"   |   npm run --silent check -- --jsonl < claims.txt',
  run: checkClaim,
  onError: (claim, message) => ({ claim, verdict: 'not_found', answer: message, citations: [], error: true }),
  readable: formatCheck,
});
