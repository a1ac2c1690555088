/**
 * "Full paragraph" buttons under an answer. The callback data names the article by its content-derived
 * id, the paragraph number and a short hash of the paragraph's text, so that a button from before a
 * re-ingest either opens the same paragraph or says it is gone: never another article.
 */
import { createHash } from 'node:crypto';
import type { Citation } from '../core/types.js';

/** An inline keyboard button. */
export interface Button {
  text: string;
  callback_data: string;
}

const PREFIX = 's';

/** Short hash of a paragraph's text, to tell an edited paragraph from the one a button was made for. */
export function paragraphHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 6);
}

/** The callback data of a source button (at most 64 bytes, as Telegram requires). */
export function encodeSource(c: Pick<Citation, 'articleId' | 'paragraph'>, paragraphText: string): string {
  return `${PREFIX}:${c.articleId}:${c.paragraph}:${paragraphHash(paragraphText)}`;
}

/** The parts of a source button's callback data, or undefined for other data. */
export function decodeSource(data: string): { articleId: string; paragraph: number; hash: string } | undefined {
  const m = /^s:([\w~-]{1,40}):(\d{1,4}):([\w-]{6})$/.exec(data);
  return m?.[1] && m[2] && m[3] ? { articleId: m[1], paragraph: Number(m[2]), hash: m[3] } : undefined;
}
