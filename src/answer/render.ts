/** Rendering an extracted answer: the fact first, then the clause that says what it is. */
import { pinyin } from 'pinyin-pro';
import { MESSAGES } from '../core/messages.js';
import type { Citation } from '../core/types.js';
import type { Lexicon } from '../text/bridge/lexicon.js';
import { mentionToEnglish } from '../text/figures.js';
import { words } from '../text/tokenizer.js';
import type { Extraction } from './extract/extraction.js';
import type { AnalyzedQuestion } from './question/analyze.js';
import { periodBounds } from './question/when.js';
import type { ScoredSentence } from './scorer.js';

/** Longest answer text; the citation carries the full sentence. */
export const MAX_ANSWER = 200;

/** Cuts a text to `max` characters, marking the cut with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const COMPOUND_SURNAMES = /^(欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|端木|长孙|宇文)/;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A Chinese personal name in pinyin, surname first: 张轩 → Zhang Xuan, 欧阳明 → Ouyang Ming.
 *
 * @example
 * personInPinyin('薛卫生') // 'Xue Weisheng'
 */
export function personInPinyin(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
  const surnameLength = COMPOUND_SURNAMES.test(name) ? 2 : 1;
  const surname = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength).join('');
  return given ? `${capital(surname)} ${capital(given)}` : capital(surname);
}

/** A place name in pinyin without its administrative suffix: 惠萍镇 → Huiping. */
function placeInPinyin(name: string): string {
  const core = name.length > 2 ? name.replace(/(省|市|区|县|镇|乡|村|街道)$/, '') : name;
  return capital(pinyin(core, { toneType: 'none', type: 'array' }).join(''));
}

/** Word-by-word CC-CEDICT gloss of a short Chinese name, e.g. 易来通 → easy · come · through. */
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
  return cut([...new Set(glosses)].join(' · '), 60);
}

/** The English lead of an answer: the figure or name in English, else the Chinese span itself. */
function englishLead(q: AnalyzedQuestion, ex: Extraction, lexicon: Lexicon): string {
  if (ex.mention) return `${mentionToEnglish(ex.mention)} (${ex.span})`;
  const slot = q.intent.slot;
  if (slot === 'person' && /^[\p{Script=Han}]{2,4}$/u.test(ex.span)) return `${personInPinyin(ex.span)} (${ex.span})`;
  if (slot === 'place' && /^[\p{Script=Han}]{2,6}$/u.test(ex.span)) return `${placeInPinyin(ex.span)} (${ex.span})`;
  // A coined name in quotes (“易来通”) is a brand: its sound, not its characters' meanings.
  const coined = /^“(\p{Script=Han}{2,8})”$/u.exec(ex.span)?.[1];
  if (slot === 'name' && coined)
    return `${capital(pinyin(coined, { toneType: 'none', type: 'array' }).join(''))} (${ex.span})`;
  if ((slot === 'org' || slot === 'name') && ex.span.length <= 16) {
    const meaning = gloss(ex.span, lexicon);
    return meaning ? `${ex.span} [${meaning}]` : ex.span;
  }
  return `“${ex.span}”`;
}

/**
 * The fact alone, e.g. for a card's title or an earlier figure: the figure or name (in English, with
 * the bulletin's form after it), or the yes-no verdict.
 */
export function answerLead(q: AnalyzedQuestion, ex: Extraction, lexicon: Lexicon): string {
  if (q.intent.slot === 'yesno') return q.lang === 'zh' ? (ex.yes ? '是的' : '不是') : ex.yes ? 'Yes' : 'No';
  return cut(q.lang === 'zh' ? ex.span : englishLead(q, ex, lexicon).replace(/^“|”$/g, ''), MAX_ANSWER);
}

/**
 * A figure that changed between issues: the newest answer with its issue date, then the earlier one
 * with its own, e.g. `78%（工程总体进度达到78%）（2021年4月20日报）；此前为60%（2021年3月23日报）`.
 */
export function renderChange(q: AnalyzedQuestion, main: Extraction, earlier: Extraction, lexicon: Lexicon): string {
  const say = MESSAGES[q.lang].dates;
  const sep = q.lang === 'zh' ? '；' : '; ';
  const before = say.earlier(answerLead(q, earlier, lexicon), say.issue(earlier.sentence.chunk.date));
  const tail = `${say.from(say.issue(main.sentence.chunk.date))}${sep}${before}`;
  return `${cut(renderAnswer(q, main, lexicon), Math.max(40, MAX_ANSWER - tail.length))}${tail}`;
}

/** Leads with the fact; adds the clause that says what it counts. English gets the figure or name in English. */
export function renderAnswer(q: AnalyzedQuestion, ex: Extraction, lexicon: Lexicon): string {
  const context =
    ex.context !== ex.span && ex.context.length > ex.span.length && ex.context.length <= 120 ? ex.context : '';
  if (q.intent.slot === 'yesno') {
    const verdict = q.lang === 'zh' ? (ex.yes ? '是的' : '不是') : ex.yes ? 'Yes' : 'No';
    return cut(q.lang === 'zh' ? `${verdict}：${ex.span}` : `${verdict} — “${ex.span}”`, MAX_ANSWER);
  }
  if (q.lang === 'zh') return cut(context ? `${ex.span}（${context}）` : ex.span, MAX_ANSWER);
  const lead = englishLead(q, ex, lexicon);
  return cut(context && !lead.startsWith('“') ? `${lead} — “${context}”` : lead, MAX_ANSWER);
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
    ...(chunk.date ? { date: chunk.date } : {}),
  };
}

/** How relative time words (上周, last week) were read, said after the answer; empty when there were none. */
export function readAsNote(q: AnalyzedQuestion, newest: string | undefined): string {
  const say = MESSAGES[q.lang].dates;
  return q.time.periods
    .filter((p) => p.relative)
    .map((p) => {
      const [from, to] = periodBounds(p) ?? [];
      return from && to ? say.readAs(p.text, say.issue(from), say.issue(to), say.issue(newest)) : '';
    })
    .join('');
}

/** The closest passages of an unanswered question, one per article, labelled as not an answer by front ends. */
export function related(sentences: ScoredSentence[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const s of sentences) {
    if (out.length >= 2 || s.coverage <= 0) break;
    if (seen.has(s.chunk.articleId)) continue;
    seen.add(s.chunk.articleId);
    out.push(citationOf(s, out.length + 1));
  }
  return out;
}
