/**
 * `npm run check -- "claim"` prints a verdict (supported / contradicted / not_found) with citations;
 * `--json` one JSON object; `--jsonl` one claim per stdin line, one object per output line.
 */
import { checkClaim } from '../src/answer/claim/claim-check.js';
import { checkJson, formatCheck } from '../src/app/terminal-format.js';
import { runQueryCommand } from '../src/cli/command.js';

runQueryCommand({
  usage: 'usage: npm run check -- [--json] "claim"   |   npm run --silent check -- --jsonl < claims.txt',
  run: checkClaim,
  onError: (claim, message) => ({ claim, verdict: 'not_found', answer: message, citations: [], error: true }),
  json: checkJson,
  readable: formatCheck,
});
