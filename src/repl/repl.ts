import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answerer, TracedAnswer } from '../answer/answerer.js';
import { checkClaim } from '../answer/claim/claim-check.js';
import { formatAnswer, formatCheck } from '../app/terminal-format.js';
import { userMessageOf } from '../core/errors.js';
import type { IndexConfig } from '../index/store/manifest.js';
import { IndexReloader, reloadSummary } from '../index/store/reloader.js';

const HELP = `Type a question in Chinese or English. Commands:
  :trace         show what the last question retrieved (keyword, vector and fused scores) and stage timings
  :k N           retrieve N chunks per question
  :check CLAIM   check a claim against the bulletin
  :reload        reload the index from disk (after npm run ingest)
  :help          this help
  :quit          leave`;

/** Options for {@link runRepl}. */
export interface ReplOptions {
  input: Readable;
  output: Writable;
  /** Reloads the index (e.g. after `npm run ingest`); returns a one-line summary. */
  reload: () => Promise<string>;
  /** Sets the number of chunks retrieved per question. */
  setK: (k: number) => void;
  banner?: string;
}

/** Renders the trace of an answer: each retrieved chunk's scores, the top sentences, and timings. */
export function formatTrace(a: TracedAnswer): string {
  const t = a.trace;
  const rows = t.retrieved.map((h, i) => {
    const kw = `kw ${h.keyword.toFixed(2)}${h.keywordRank ? `#${h.keywordRank}` : ''}`;
    const vec = `vec ${h.vector.toFixed(3)}${h.vectorRank ? `#${h.vectorRank}` : ''}`;
    return `  ${String(i + 1).padStart(2)}. fused ${h.fused.toFixed(4)}  ${kw}  ${vec}  ${h.chunk.id}  ${h.chunk.text.slice(0, 40)}…`;
  });
  const sents = t.sentences
    .slice(0, 5)
    .map((s) => `  cover ${s.coverage.toFixed(2)}${s.complete ? '' : ' (incomplete)'}  ${s.text.slice(0, 60)}…`);
  const concepts = t.analysis.concepts
    .map((c) => {
      const alts =
        c.alts.length > 1 || c.alts[0]?.text !== c.label
          ? `→${c.alts
              .slice(0, 3)
              .map((a) => a.text)
              .join('/')}`
          : '';
      return `${c.label}[${c.kind}${c.required ? '!' : ''} ${c.weight.toFixed(1)}]${alts}`;
    })
    .join(' ');
  const tm = t.timings;
  const provenance = [
    `answer by ${a.source ?? 'extractive'}`,
    a.fallback ? `LLM answer rejected: ${a.fallback}${a.fallbackDetail ? ` (${a.fallbackDetail})` : ''}` : '',
    a.vectorError ? `vector search skipped: ${a.vectorError}` : '',
  ].filter(Boolean);
  const { slot, measure, unit } = t.analysis.intent;
  const asked = `${slot}${measure ? ` (${measure}${unit ? `, ${unit}` : ''})` : ''}`;
  return [
    `asks ${asked}, lang ${t.analysis.lang}, ` + `confidence ${a.confidence}; ${provenance.join('; ')}`,
    `concepts: ${concepts}`,
    'retrieved:',
    ...rows,
    'best sentences:',
    ...sents,
    `timings ms: ${Object.entries(tm)
      .map(([stage, ms]) => `${stage} ${ms.toFixed(2)}`)
      .join(', ')}`,
  ].join('\n');
}

/**
 * The developers' harness: answers each line, with `:trace` to inspect retrieval.
 * Works on a TTY (with history) and with piped stdin; resolves when input ends or on `:quit`.
 */
export async function runRepl(answerer: Answerer, options: ReplOptions): Promise<void> {
  const { output } = options;
  const terminal = Boolean((options.input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input: options.input, output, terminal, historySize: 200, prompt: '? ' });
  const say = (s: string) => output.write(`${s}\n`);
  if (options.banner) say(options.banner);
  let last: TracedAnswer | undefined;
  if (terminal) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    try {
      if (!line) {
        // nothing
      } else if (line === ':quit' || line === ':q' || line === ':exit') break;
      else if (line === ':help') say(HELP);
      else if (line === ':trace') say(last ? formatTrace(last) : 'Ask a question first.');
      else if (line.startsWith(':k')) {
        const k = Number(line.slice(2).trim());
        if (Number.isInteger(k) && k >= 1 && k <= 50) {
          options.setK(k);
          say(`k = ${k}`);
        } else say('usage: :k N   (1 to 50)');
      } else if (line.startsWith(':check')) say(formatCheck(await checkClaim(answerer, line.slice(6))));
      else if (line === ':reload') say(await options.reload());
      else if (line.startsWith(':')) say(`Unknown command ${line.split(' ')[0]}; :help lists them.`);
      else {
        last = await answerer.ask(line);
        say(`${formatAnswer(last, answerer.options.maxQuestionChars)}\n(${last.elapsedMs} ms)`);
      }
    } catch (err) {
      say(userMessageOf(err));
    }
    if (terminal) rl.prompt();
  }
  rl.close();
}

/** Runs the REPL on this process's stdin/stdout, with `:reload` reading the index from disk again. */
export async function startLocalChat(
  indexConfig: Omit<IndexConfig, 'corpusDir'>,
  answerer: Answerer,
  banner: string,
): Promise<void> {
  const reloader = new IndexReloader(indexConfig, answerer);
  await runRepl(answerer, {
    input: process.stdin,
    output: process.stdout,
    banner,
    setK: (k) => {
      answerer.options.topK = k;
    },
    reload: async () => reloadSummary(await reloader.reload(true)),
  });
}
