/**
 * With a chat model configured, a follow-up is rewritten by the model into a standalone question,
 * and the rewrite is checked like any model output before it is used; any failure keeps the
 * offline reading ({@link followUpOf}).
 */
import { isAppError } from '../core/errors.js';
import { generateAnswer } from '../llm/prompt.js';
import { rewriteMessages } from '../llm/rewrite-prompt.js';
import { figureValues, sameValue } from '../text/figures.js';
import { detectLang, normalize } from '../text/normalize.js';
import type { FollowUp, Topic } from './follow-up.js';
import type { LlmOptions } from './llm-answer.js';
import type { AnalyzedQuestion } from './question/analyze.js';

/** Longest rewrite accepted: a standalone question, not a paragraph. */
const MAX_REWRITE = 300;

/**
 * Why a model's rewrite may not be used, or undefined when it may: it must be one line in the
 * follow-up's language, name the topic, bring no figure of its own, and ask for the same kind of
 * thing (a model that answers instead of rewriting changes that).
 */
export function rewriteProblem(
  rewrite: string,
  q: AnalyzedQuestion,
  topic: Topic,
  analyze: (text: string) => AnalyzedQuestion,
): string | undefined {
  if (!rewrite || rewrite.length > MAX_REWRITE || /\n/.test(rewrite) || !/[\p{L}\p{N}]/u.test(rewrite))
    return 'malformed';
  if (detectLang(rewrite) !== q.lang) return 'language';
  const norm = normalize(rewrite);
  if (topic.names.length && !topic.names.some((n) => [n.label, n.text].some((w) => norm.includes(normalize(w)))))
    return 'subject-missing';
  const known = figureValues(`${q.text} ${topic.question}`);
  if (!figureValues(rewrite).every((v) => known.some((k) => sameValue(k, v)))) return 'new-figure';
  if (analyze(rewrite).intent.slot !== q.intent.slot) return 'changed-question';
  return undefined;
}

/**
 * Asks the model to rewrite a follow-up the rules have read as `rules`; returns the model's
 * rewrite when it passes {@link rewriteProblem}, else the rules' reading with the reason.
 */
export async function rewriteFollowUp(
  llm: LlmOptions,
  q: AnalyzedQuestion,
  topic: Topic,
  rules: FollowUp,
  analyze: (text: string) => AnalyzedQuestion,
): Promise<FollowUp> {
  let reply: string;
  try {
    reply = await generateAnswer(
      llm.model,
      rewriteMessages(topic.question, q.text, rules.subject, q.lang),
      llm.timeoutMs,
    );
  } catch (err) {
    return { ...rules, rejected: isAppError(err, 'timeout') ? 'timeout' : 'provider-error' };
  }
  const standalone = reply.trim().replace(/^["“「]|["”」]$/g, '');
  const problem = rewriteProblem(standalone, q, topic, analyze);
  return problem ? { ...rules, rejected: problem } : { ...rules, standalone, by: 'model' };
}
