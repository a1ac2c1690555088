/**
 * `npm run ask -- "question"` prints a readable answer; `--json` one JSON object;
 * `--jsonl` reads questions from stdin, one per line, and writes one object per line.
 */
import { answerJson, formatAnswer } from '../src/cli/format.js';
import { forEachLine, openRuntime, runMain } from '../src/cli/runtime.js';
import { userMessageOf } from '../src/core/errors.js';

runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const jsonl = args.includes('--jsonl');
  const question = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!jsonl && !question.trim()) {
    process.stderr.write('usage: npm run ask -- [--json] "question"   |   npm run --silent ask -- --jsonl < questions.txt\n');
    process.exit(2);
  }
  const { answerer } = await openRuntime();
  const one = async (q: string) => {
    try {
      return answerJson(await answerer.ask(q));
    } catch (err) {
      return { question: q, found: false, answer: userMessageOf(err), citations: [], error: true };
    }
  };
  if (jsonl) {
    await forEachLine(async (line) => {
      process.stdout.write(`${JSON.stringify(await one(line))}\n`);
    });
    return;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(await one(question))}\n`);
    return;
  }
  try {
    process.stdout.write(`${formatAnswer(await answerer.ask(question))}\n`);
  } catch (err) {
    process.stdout.write(`${userMessageOf(err)}\n`);
    process.exitCode = 1;
  }
});
