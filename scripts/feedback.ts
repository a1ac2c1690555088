/**
 * `npm run feedback`: counts of the latest 👍/👎 ratings and the latest 👎, as admins see them with
 * `/feedback`. `-- --export` prints every rating as one JSONL eval case (oldest first; the newest
 * rating of each answer and user), for staff to turn into cases of `tests/eval/`. Reads the Redis
 * stream with REDIS_URL and the local FEEDBACK_FILE (where ratings go while Redis is down).
 */
import { runMain } from '../src/app/run-main.js';
import { distinctRatings, evalCase, feedbackSummary } from '../src/bot/feedback.js';
import { htmlToText } from '../src/bot/format.js';
import { loadConfig, secretsOf } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { MESSAGES } from '../src/core/messages.js';
import { FileFeedbackLog } from '../src/state/feedback-file.js';
import { openStateStore } from '../src/state/open-state.js';
import type { FeedbackLog, FeedbackRecord } from '../src/state/state-store.js';

/** More ratings than any log keeps (the Redis stream is trimmed near a million). */
const ALL = 10_000_000;

runMain(async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, undefined, secretsOf(config));
  const file = new FileFeedbackLog(config.feedbackFile);
  const state = await openStateStore(config, log, { feedback: file });
  try {
    const shared = await state.feedback.latest(ALL);
    // With Redis, the local file holds what this host recorded while Redis was down.
    const local = config.redisUrl ? await file.latest(ALL) : [];
    const byTime = (a: FeedbackRecord, b: FeedbackRecord) => String(b.at).localeCompare(String(a.at));
    const records = [...shared, ...local].sort(byTime);
    if (process.argv.includes('--export')) {
      for (const r of distinctRatings(records).reverse()) process.stdout.write(`${JSON.stringify(evalCase(r))}\n`);
      return;
    }
    const merged: FeedbackLog = { append: async () => {}, latest: async (n) => records.slice(0, n) };
    process.stdout.write(`${htmlToText(await feedbackSummary(merged, MESSAGES.en))}\n`);
  } finally {
    await state.close();
  }
});
