/**
 * `npm run ask -- "question"` prints a readable answer; `--json` one JSON object;
 * `--jsonl` reads questions from stdin, one per line, and writes one object per line.
 */

import { answerJson, formatAnswer } from '../src/app/terminal-format.js';
import { runQueryCommand } from '../src/cli/command.js';

runQueryCommand({
  usage: 'usage: npm run ask -- [--json] "question"   |   npm run --silent ask -- --jsonl < questions.txt',
  run: (answerer, question) => answerer.ask(question),
  onError: (question, message) => ({ question, found: false, answer: message, citations: [], error: true }),
  json: answerJson,
  readable: (a, answerer) => formatAnswer(a, answerer.options.maxQuestionChars),
});
