/** Rendering an extracted answer: the fact first, then the clause that says what it counts. */
import type { Citation } from '../core/types.js';
import { mentionToEnglish } from '../text/figures.js';
import type { Lexicon } from '../text/lexicon.js';
import { words } from '../text/tokenizer.js';
import type { Extraction } from './extractor.js';
import type { AnalyzedQuestion } from './question.js';
import type { ScoredSentence } from './scorer.js';

/** Longest answer text; the citation carries the full sentence. */
export const MAX_ANSWER = 200;

/** Cuts a text to `max` characters, marking the cut with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Word-by-word CC-CEDICT gloss of a Chinese span, e.g. 电子健康通行证 → electronic · health · a pass. */
function gloss(span: string, lexicon: Lexicon): string {
  const glosses = words(span)
    .map((w) =>
      lexicon
        .gloss(w)
        ?.replace(/\([^)]*\)/g, '')
        .split(/[;,]/)[0]
        ?.trim(),
    )
    .filter((g): g is string => Boolean(g));
  return cut([...new Set(glosses)].join(' · '), 80);
}

/** Leads with the fact; adds the clause that says what it counts. English gets the figure in English. */
export function renderAnswer(q: AnalyzedQuestion, ex: Extraction, lexicon: Lexicon): string {
  const context = ex.context !== ex.span && ex.context.length > ex.span.length ? ex.context : '';
  if (q.lang === 'zh') return cut(context ? `${ex.span}（${context}）` : ex.span, MAX_ANSWER);
  const lead = ex.mention ? mentionToEnglish(ex.mention) : ex.span;
  const meaning = ex.mention || ex.span.length > 16 ? '' : gloss(ex.span, lexicon);
  const parts = [
    lead,
    lead !== ex.span ? `(${ex.span})` : '',
    meaning ? `[${meaning}]` : '',
    context ? `— “${context}”` : '',
  ];
  return cut(parts.filter(Boolean).join(' '), MAX_ANSWER);
}

/** A verbatim citation from a scored sentence. */
export function citationOf(s: ScoredSentence, n: number): Citation {
  const { chunk } = s;
  return {
    n,
    articleId: chunk.articleId,
    title: chunk.title,
    quote: s.text,
    source: chunk.source,
    paragraph: chunk.paragraph,
  };
}
