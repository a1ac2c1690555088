/** Terminal and JSON renderings of answers and claim checks. */
import { MESSAGES } from '../core/messages.js';
import type { Answer, CheckResult, Citation, Lang } from '../core/types.js';

/** Plain-text rendering of citations for terminals: headline, issue date, file and paragraph, quote. */
export function formatCitations(citations: Citation[], label: string, lang: Lang): string {
  if (!citations.length) return '';
  const issue = MESSAGES[lang].dates.issue;
  const rows = citations.map(
    (c) => `  [${c.n}] ${c.title} · ${issue(c.date)} (${c.source}, ¶${c.paragraph})\n      “${c.quote}”`,
  );
  return `\n${label}:\n${rows.join('\n')}`;
}

/** Readable answer for `npm run ask` and the REPL; says when the question was cut. */
export function formatAnswer(a: Answer & { truncated?: boolean }, maxQuestionChars?: number): string {
  const say = MESSAGES[a.lang];
  const note = a.truncated && maxQuestionChars ? `${say.truncated(maxQuestionChars)}\n` : '';
  const related = a.related?.length ? formatCitations(a.related, say.related, a.lang) : '';
  return `${note}${a.answer}${formatCitations(a.citations, say.sources, a.lang)}${related}`;
}

/** Readable claim-check result for `npm run check`. */
export function formatCheck(r: CheckResult): string {
  return `${r.verdict.toUpperCase()}: ${r.answer}${formatCitations(r.citations, MESSAGES[r.lang].sources, r.lang)}`;
}

const citationJson = (c: Citation) => ({
  n: c.n,
  article_id: c.articleId,
  title: c.title,
  quote: c.quote,
  source: c.source,
  paragraph: c.paragraph,
  date: c.date ?? null,
});

/** The JSON shape of `ask --json`: snake_case, the trace left out. */
export function answerJson(a: Answer & { truncated?: boolean }): Record<string, unknown> {
  return {
    question: a.question,
    lang: a.lang,
    found: a.found,
    answer: a.answer,
    citations: a.citations.map(citationJson),
    ...(a.related ? { related: a.related.map(citationJson) } : {}),
    confidence: a.confidence,
    elapsed_ms: a.elapsedMs,
    ...(a.truncated ? { truncated: true } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.fallback ? { fallback: a.fallback } : {}),
    ...(a.fallbackDetail ? { fallback_detail: a.fallbackDetail } : {}),
    ...(a.vectorError ? { vector_error: a.vectorError } : {}),
  };
}

/** The JSON shape of `check --json`. */
export function checkJson(r: CheckResult): Record<string, unknown> {
  return {
    claim: r.claim,
    lang: r.lang,
    verdict: r.verdict,
    answer: r.answer,
    citations: r.citations.map(citationJson),
    elapsed_ms: r.elapsedMs,
  };
}
