import type { Answer, CheckResult, Citation } from '../core/types.js';

/** Plain-text rendering of citations for terminals. */
export function formatCitations(citations: Citation[], label = 'Sources'): string {
  if (!citations.length) return '';
  return `\n${label}:\n${citations.map((c) => `  [${c.n}] ${c.title} (${c.source}, ¶${c.paragraph})\n      “${c.quote}”`).join('\n')}`;
}

/** Readable answer for `npm run ask` and the REPL. */
export function formatAnswer(a: Answer): string {
  const related = a.related?.length ? formatCitations(a.related, a.lang === 'zh' ? '最接近的段落（并非答案）' : 'Closest passages (not an answer)') : '';
  return `${a.answer}${formatCitations(a.citations)}${related}`;
}

/** Readable claim-check result for `npm run check`. */
export function formatCheck(r: CheckResult): string {
  return `${r.verdict.toUpperCase()}: ${r.answer}${formatCitations(r.citations)}`;
}

/** The JSON shape of `ask --json` (trace left out). */
export function answerJson(a: Answer & { trace?: unknown; truncated?: boolean }): Record<string, unknown> {
  const { trace: _trace, ...rest } = a;
  return rest;
}
