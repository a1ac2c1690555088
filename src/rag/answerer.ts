import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { InputError, type ProviderError } from '../core/errors.js';
import type { Answer, Article, Citation, Lang } from '../core/types.js';
import { normalize, splitSentences, type Span } from '../corpus/text.js';
import { extract, scoreSentences, type Extraction, type ScoredSentence, type SentenceSource } from './extractor.js';
import { generateAnswer, groundedMessages, type Passage } from './generator.js';
import { checkGrounding, figuresOf, renumberMarkers, type FallbackReason } from './grounding-check.js';
import type { LoadedIndex } from './index-store.js';
import { findMentions, mentionToEnglish } from './numbers.js';
import { analyzeQuestion, detectLang, type AnalyzedQuestion } from './question.js';
import { HybridSearch, type RetrievalNotes, type RetrievalTimings, type RetrievedChunk } from './retriever.js';
import { segmenter, words } from './tokenizer.js';

/** Options of the {@link Answerer}. */
export interface AnswererOptions {
  /** Chunks retrieved per question; the REPL's `:k` changes it. */
  topK: number;
  maxQuestionChars: number;
  /** `keyword` turns the vector side off (the benchmark's baseline); default hybrid. */
  retrieval?: 'hybrid' | 'keyword';
  /** An LLM to write answers from the retrieved passages; they are checked before being shown. */
  llm?: { model: BaseChatModel; timeoutMs: number };
}

/** How answers were produced since start-up: LLM answers shown, and fallbacks by reason. */
export interface AnswerStats {
  llm: number;
  fallbacks: Partial<Record<FallbackReason, number>>;
}

/** Passages given to the LLM: the best retrieved chunks. */
const LLM_PASSAGES = 6;

/** What the REPL's `:trace` shows: every retrieved chunk with its scores and the stage timings. */
export interface AnswerTrace {
  analysis: AnalyzedQuestion;
  retrieved: RetrievedChunk[];
  sentences: ScoredSentence[];
  timings: RetrievalTimings & { extract: number; total: number };
}

/** An answer plus its trace. */
export type TracedAnswer = Answer & { trace: AnswerTrace; truncated: boolean };

/**
 * Minimum share of the question's concepts a sentence must cover to answer from it.
 * Calibrated on tests/eval/questions.jsonl with `npm run eval` (see README for the trade-off).
 */
export const FOUND_THRESHOLD: Record<Lang, number> = { zh: 0.6, en: 0.5 };
const MAX_ANSWER = 200;

const NOT_FOUND: Record<Lang, string> = {
  zh: '公报中没有找到这个问题的答案。',
  en: 'The bulletin does not say.',
};

/** Removes markup and control characters a chat client may carry into a question. */
export function cleanQuestion(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Answers questions from the index, extractively: a short answer leading with the fact, and
 * numbered citations quoting the bulletin verbatim. Shared by the bot, the REPL and the CLI.
 *
 * @example
 * const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
 * const a = await answerer.ask('海门有多少项目2月底全面复工?');
 * a.answer; // '31个（据初步统计,海门31个超10亿元续建重大项目2月底将全面复工）'
 */
export class Answerer {
  private search!: HybridSearch;
  private articles!: Map<string, Article>;
  private source!: SentenceSource;
  /** Counted so that operators can see how often the LLM's answers are rejected. */
  readonly stats: AnswerStats = { llm: 0, fallbacks: {} };

  constructor(private index: LoadedIndex, readonly options: AnswererOptions) {
    this.replaceIndex(index);
    // Load jieba's dictionary now rather than on the first question.
    segmenter();
  }

  /** Swaps in a freshly loaded index (hot reload); questions in flight finish on the old one. */
  replaceIndex(index: LoadedIndex): void {
    const articles = new Map(index.articles.map((a) => [a.id, a]));
    const split = new Map<string, { para: string; spans: Span[] }>();
    this.source = {
      headline: (id) => {
        const a = articles.get(id);
        return a ? [a.title, ...a.subtitles].join(' ') : '';
      },
      sentences: (chunk) => {
        const key = `${chunk.articleId}:${chunk.paragraph}`;
        let s = split.get(key);
        if (!s) {
          const para = articles.get(chunk.articleId)?.paragraphs.find((p) => p.n === chunk.paragraph)?.text ?? chunk.text;
          s = { para, spans: splitSentences(para) };
          split.set(key, s);
        }
        return s;
      },
    };
    this.index = index;
    this.articles = articles;
    this.search = new HybridSearch(index, { vectors: this.options.retrieval !== 'keyword' });
  }

  /** The loaded index (manifest, counts) for `/about` and health checks. */
  get loaded(): LoadedIndex {
    return this.index;
  }

  /** The full text of one paragraph, for "show source" buttons. */
  paragraph(articleId: string, n: number): { title: string; text: string; source: string } | undefined {
    const a = this.articles.get(articleId);
    const p = a?.paragraphs.find((x) => x.n === n);
    return a && p ? { title: a.title, text: p.text, source: a.source } : undefined;
  }

  /** Validates and trims a question; throws {@link InputError} for an empty one. */
  prepare(raw: string): { text: string; truncated: boolean } {
    const text = cleanQuestion(raw ?? '');
    if (!text || !/[\p{L}\p{N}]/u.test(text)) {
      const hasLetters = /\p{L}/u.test(raw ?? '');
      throw new InputError(
        !hasLetters ? '请输入一个问题。Please type a question.' : detectLang(raw) === 'zh' ? '请输入一个问题。' : 'Please type a question (in Chinese or English).',
      );
    }
    const truncated = text.length > this.options.maxQuestionChars;
    return { text: truncated ? text.slice(0, this.options.maxQuestionChars) : text, truncated };
  }

  /** Retrieves and scores sentences for a question; shared by {@link ask} and claim checks. */
  async evidence(text: string): Promise<{ q: AnalyzedQuestion; hits: RetrievedChunk[]; sentences: ScoredSentence[]; timings: RetrievalTimings; notes: RetrievalNotes }> {
    let t = performance.now();
    const q = analyzeQuestion(text, this.index.keyword, this.index.lexicon);
    const analyze = performance.now() - t;
    const { hits, timings, notes } = await this.search.retrieve(q, this.options.topK);
    const sentences = scoreSentences(q, hits, this.source);
    return { q, hits, sentences, timings: { analyze, ...timings }, notes };
  }

  /** Answers one question. Never invents: below the threshold the answer says the bulletin does not cover it. */
  async ask(raw: string): Promise<TracedAnswer> {
    const t0 = performance.now();
    const { text, truncated } = this.prepare(raw);
    const { q, hits, sentences, timings, notes } = await this.evidence(text);
    const t1 = performance.now();
    const best = sentences[0];
    const ex = best && best.coverage >= FOUND_THRESHOLD[q.lang] ? extract(q, sentences) : undefined;
    const tExtract = performance.now() - t1;
    const elapsed = performance.now() - t0;
    const trace: AnswerTrace = { analysis: q, retrieved: hits, sentences: sentences.slice(0, 8), timings: { ...timings, extract: tExtract, total: elapsed } };
    const base = { question: raw, lang: q.lang, elapsed_ms: Number(elapsed.toFixed(2)), trace, truncated, source: 'extractive' as const, ...notes };
    const extractive = this.extractive(q, ex, sentences, base);
    if (!this.options.llm || !hits.length) return extractive;
    const llm = await this.grounded(text, q.lang, sentences, hits, extractive);
    return { ...llm, elapsed_ms: Number((performance.now() - t0).toFixed(2)) };
  }

  private extractive(q: AnalyzedQuestion, ex: Extraction | undefined, sentences: ScoredSentence[], base: Omit<TracedAnswer, 'found' | 'answer' | 'citations' | 'confidence'>): TracedAnswer {
    if (!ex) {
      return {
        ...base,
        found: false,
        answer: NOT_FOUND[q.lang],
        citations: [],
        related: this.related(sentences),
        confidence: Number((sentences[0]?.coverage ?? 0).toFixed(3)),
      };
    }
    return {
      ...base,
      found: true,
      answer: this.render(q, ex),
      citations: [this.cite(ex.sentence, 1)],
      confidence: Number(ex.sentence.coverage.toFixed(3)),
    };
  }

  /**
   * Lets the LLM write the answer from the top passages, then checks it; any failure (timeout,
   * provider error, failed check) returns the extractive answer with the reason. Quotes shown
   * are always sentences from the index, chosen in each cited passage, never the model's text.
   */
  private async grounded(question: string, lang: Lang, sentences: ScoredSentence[], hits: RetrievedChunk[], extractive: TracedAnswer): Promise<TracedAnswer> {
    const { model, timeoutMs } = this.options.llm!;
    const passages: Passage[] = hits.slice(0, LLM_PASSAGES).map((h, i) => ({ n: i + 1, title: h.chunk.title, text: h.chunk.text }));
    const fallback = (reason: FallbackReason, detail?: string): TracedAnswer => {
      this.stats.fallbacks[reason] = (this.stats.fallbacks[reason] ?? 0) + 1;
      return { ...extractive, fallback: reason, ...(detail ? { fallback_detail: detail } : {}) };
    };
    let reply: string;
    try {
      reply = await generateAnswer(model, groundedMessages(question, lang, passages), timeoutMs);
    } catch (err) {
      return fallback((err as ProviderError).code === 'timeout' ? 'timeout' : 'provider-error', (err as Error).message);
    }
    const check = checkGrounding(reply, lang, passages, { found: extractive.found, confidence: extractive.confidence });
    if (!check.ok) return fallback(check.reason, check.detail);
    if (check.notFound) return extractive;
    const figures = figuresOf(check.text);
    const citations = check.cited.map((n, i) => {
      const chunk = hits[n - 1].chunk;
      const inChunk = sentences.filter((s) => s.chunk.id === chunk.id);
      const score = (s: ScoredSentence) => figuresOf(s.text).filter((v) => figures.includes(v)).length + s.coverage;
      const best = inChunk.reduce((a, b) => (score(b) > score(a) ? b : a), inChunk[0]);
      return best ? this.cite(best, i + 1) : { n: i + 1, article_id: chunk.articleId, title: chunk.title, quote: chunk.text, source: chunk.source, paragraph: chunk.paragraph };
    });
    this.stats.llm++;
    return { ...extractive, found: true, source: 'llm', answer: renumberMarkers(check.text, check.cited), citations, related: undefined, confidence: extractive.confidence };
  }

  /** Builds a verbatim citation from a scored sentence. */
  cite(s: ScoredSentence, n: number): Citation {
    return { n, article_id: s.chunk.articleId, title: s.chunk.title, quote: s.text, source: s.chunk.source, paragraph: s.chunk.paragraph };
  }

  private related(sentences: ScoredSentence[]): Citation[] {
    const seen = new Set<string>();
    const out: Citation[] = [];
    for (const s of sentences) {
      if (out.length >= 2 || s.coverage <= 0) break;
      if (seen.has(s.chunk.articleId)) continue;
      seen.add(s.chunk.articleId);
      out.push(this.cite(s, out.length + 1));
    }
    return out;
  }

  /** Leads with the fact; adds the clause that says what it counts. English gets the figure in English. */
  private render(q: AnalyzedQuestion, ex: Extraction): string {
    const context = ex.context !== ex.span && ex.context.length > ex.span.length ? ex.context : '';
    if (q.lang === 'zh') return cut(context ? `${ex.span}（${context}）` : ex.span, MAX_ANSWER);
    const lead = ex.mention ? mentionToEnglish(ex.mention) : ex.span;
    const gloss = ex.mention || ex.span.length > 16 ? '' : this.gloss(ex.span);
    const parts = [lead, lead !== ex.span ? `(${ex.span})` : '', gloss ? `[${gloss}]` : '', context ? `— “${context}”` : ''];
    return cut(parts.filter(Boolean).join(' '), MAX_ANSWER);
  }

  /** Word-by-word CC-CEDICT gloss of a Chinese span, e.g. 电子健康通行证 → electronic · health · a pass. */
  private gloss(span: string): string {
    const glosses = words(span)
      .map((w) => this.index.lexicon.gloss(w)?.replace(/\([^)]*\)/g, '').split(/[;,]/)[0].trim())
      .filter((g): g is string => Boolean(g));
    return cut([...new Set(glosses)].join(' · '), 80);
  }
}

/**
 * True when every figure in `answer` occurs in one of the quotes, as written or as the same value
 * (`3.5 million jin` for `350多万斤`, `February 7` for `2月7日`).
 */
export function figuresAreQuoted(answer: string, quotes: string[]): boolean {
  const hay = normalize(quotes.join(' '));
  const values = new Set(findMentions(hay).flatMap((m) => [m.value, m.value % 100, Math.floor(m.value / 100)]));
  const re = /(\d+(?:\.\d+)?)(\s*million)?/g;
  const text = normalize(answer).replace(/,(?=\d{3})/g, '');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = Number(m[1]) * (m[2] ? 1e6 : 1);
    if (!hay.includes(m[1]) && !values.has(v)) return false;
  }
  return true;
}
