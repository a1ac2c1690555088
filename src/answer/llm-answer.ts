/**
 * The optional LLM path: the model writes the answer from the top passages, the reply is checked,
 * and any failure falls back to the extractive answer with the reason.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { isAppError } from '../core/errors.js';
import type { Citation, Lang } from '../core/types.js';
import { generateAnswer, groundedMessages, type Passage } from '../llm/prompt.js';
import { checkModelReply, type FallbackReason, renumberMarkers } from '../llm/reply-check.js';
import { figureValues, sameValue } from '../text/figures.js';
import { citationOf } from './render.js';
import type { RetrievedChunk } from './retriever.js';
import type { ScoredSentence } from './scorer.js';

/** The configured model and how long to wait for it. */
export interface LlmOptions {
  model: BaseChatModel;
  timeoutMs: number;
}

/** How answers were produced since start-up: LLM answers shown, and fallbacks by reason. */
export interface AnswerStats {
  llm: number;
  fallbacks: Partial<Record<FallbackReason, number>>;
}

/** Passages given to the LLM: the best retrieved chunks. */
export const LLM_PASSAGES = 6;

/** What the extractive answerer produced, to cross-check and to fall back to. */
export interface ExtractiveResult {
  found: boolean;
  confidence: number;
}

/** The outcome of the LLM path: a checked answer, "not covered" agreed, or a fallback reason. */
export type LlmOutcome =
  | { kind: 'answer'; answer: string; citations: Citation[] }
  | { kind: 'not-found' }
  | { kind: 'fallback'; reason: FallbackReason; detail?: string };

/**
 * Asks the model and checks its reply. Quotes shown are always sentences from the index, chosen in
 * each cited passage, never the model's text.
 */
export async function llmAnswer(
  llm: LlmOptions,
  question: string,
  lang: Lang,
  sentences: ScoredSentence[],
  hits: RetrievedChunk[],
  extractive: ExtractiveResult,
): Promise<LlmOutcome> {
  const passages: Passage[] = hits
    .slice(0, LLM_PASSAGES)
    .map((h, i) => ({ n: i + 1, title: h.chunk.title, text: h.chunk.text }));
  let reply: string;
  try {
    reply = await generateAnswer(llm.model, groundedMessages(question, lang, passages), llm.timeoutMs);
  } catch (err) {
    return {
      kind: 'fallback',
      reason: isAppError(err, 'timeout') ? 'timeout' : 'provider-error',
      detail: (err as Error).message,
    };
  }
  const check = checkModelReply(reply, lang, passages, extractive);
  if (!check.ok) return { kind: 'fallback', reason: check.reason, ...(check.detail ? { detail: check.detail } : {}) };
  if (check.notFound) return { kind: 'not-found' };
  const figures = figureValues(check.text);
  const citations = check.cited.map((n, i): Citation => {
    const chunk = hits[n - 1]?.chunk;
    if (!chunk) throw new Error(`passage ${n} was checked but is not among the hits`);
    const inChunk = sentences.filter((s) => s.chunk.id === chunk.id);
    const score = (s: ScoredSentence) =>
      figureValues(s.text).filter((v) => figures.some((f) => sameValue(f, v))).length + s.coverage;
    const best = inChunk.reduce<ScoredSentence | undefined>((a, b) => (!a || score(b) > score(a) ? b : a), undefined);
    return best
      ? citationOf(best, i + 1)
      : {
          n: i + 1,
          articleId: chunk.articleId,
          title: chunk.title,
          quote: chunk.text,
          source: chunk.source,
          paragraph: chunk.paragraph,
        };
  });
  return { kind: 'answer', answer: renumberMarkers(check.text, check.cited), citations };
}
