/** `/about` and `/latest`: what the archive holds, and the newest issue's headlines. */
import type { Answerer } from '../answer/answerer.js';
import type { Messages } from '../core/messages.js';

/** Headlines listed by `/latest`; a daily paper has a few dozen. */
const MAX_HEADLINES = 40;

/** The `/about` text: issues and their date range, files of unknown date, counts and build time. */
export function aboutText(answerer: Answerer, say: Messages): string {
  const m = answerer.loaded.manifest;
  const { issues, newest } = answerer.archive;
  const first = issues[0]?.date;
  return say.bot.about({
    version: process.env.npm_package_version ?? '',
    issues: issues.length,
    ...(first ? { first } : {}),
    ...(newest ? { last: newest } : {}),
    undatedFiles: (m.warnings ?? []).filter((w) => w.warning.startsWith('date unknown')).length,
    articles: m.articles,
    chunks: m.chunks,
    builtAt: m.builtAt,
  });
}

/** The `/latest` text: the newest issue's date, then its headlines. */
export function latestText(answerer: Answerer, say: Messages): string {
  const { newest } = answerer.archive;
  if (!newest) return say.bot.noDatedIssue;
  const heads = answerer.latestHeadlines();
  const lines = heads.slice(0, MAX_HEADLINES).map((h) => `• ${h.title}`);
  if (heads.length > MAX_HEADLINES) lines.push(`… (+${heads.length - MAX_HEADLINES})`);
  return [say.bot.latest(newest), ...lines].join('\n');
}
