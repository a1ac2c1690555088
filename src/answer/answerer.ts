/**
 * The shared answerer behind every front end: validate → analyse → retrieve → score → extract →
 * render, or abstain; with an LLM, generate → check → show or fall back.
 */
import { InputError } from '../core/errors.js';
import { BILINGUAL_EMPTY_QUESTION, MESSAGES } from '../core/messages.js';
import type { Answer, Lang } from '../core/types.js';
import { rangeOf } from '../index/chunk-days.js';
import type { ArticleHead, IndexHolder, IssueSummary, LoadedIndex } from '../index/loaded-index.js';
import { detectLang } from '../text/normalize.js';
import { segmenter } from '../text/tokenizer.js';
import { extract, FOUND_THRESHOLD } from './extract/extract.js';
import { acrossIssues, type IssueAnswers } from './extract/over-time.js';
import { type FollowUp, followUpOf, preferArticle, type Topic, topicAfter } from './follow-up.js';
import { rewriteFollowUp } from './follow-up-model.js';
import { type AnswerStats, type LlmOptions, llmAnswer } from './llm-answer.js';
import { roleHolderQuestion } from './match/role-holder.js';
import { type AnalyzedQuestion, analyzeQuestion } from './question/analyze.js';
import { answerLead, citationOf, cut, MAX_ANSWER, readAsNote, related, renderAnswer, renderChange } from './render.js';
import { mergeHits, type Retrieval, type RetrievalTimings, type RetrievedChunk, searchPasses } from './retriever.js';
import { type ScoredSentence, scoreSentences } from './scorer.js';
import { Snapshot } from './snapshot.js';

/** Options of the {@link Answerer}. */
export interface AnswererOptions {
  /** Chunks retrieved per question; the REPL's `:k` changes it. */
  topK: number;
  maxQuestionChars: number;
  /** `keyword` turns the vector side off (the benchmark's baseline); default hybrid. */
  retrieval?: 'hybrid' | 'keyword';
  /** An LLM to write answers from the retrieved passages; they are checked before being shown. */
  llm?: LlmOptions;
  /** Least coverage to answer, by language (default FOUND_THRESHOLD); `npm run eval -- --sweep` varies it. */
  foundThreshold?: Record<Lang, number>;
}

/** What the REPL's `:trace` shows: every retrieved chunk with its scores and the stage timings. */
export interface AnswerTrace {
  analysis: AnalyzedQuestion;
  retrieved: RetrievedChunk[];
  sentences: ScoredSentence[];
  timings: RetrievalTimings & { analyze: number; score: number; extract: number; total: number };
}

/**
 * An answer plus its trace, whether the question was cut to `maxQuestionChars`, the fact alone
 * (`lead`, for a card's title; extractive answers only), the conversation's topic after it, and
 * how a follow-up was understood.
 */
export type TracedAnswer = Answer & {
  trace: AnswerTrace;
  truncated: boolean;
  lead?: string;
  topic: Topic;
  followUp?: FollowUp;
};

/** Options of one {@link Answerer.ask}. */
export interface AskOptions {
  /** The conversation's topic (the previous answer's `topic`): a question that lacks its subject takes it. */
  topic?: Topic;
}

/** The evidence for a question: its analysis, the retrieved chunks and their sentences, best first. */
export interface Evidence {
  q: AnalyzedQuestion;
  hits: RetrievedChunk[];
  sentences: ScoredSentence[];
  timings: RetrievalTimings & { analyze: number; score: number };
  vectorError?: string;
}

/** Removes markup and control characters a chat client may carry into a question. */
export function cleanQuestion(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ms = (t: number) => Number(t.toFixed(2));

/**
 * Answers questions from the index, extractively: a short answer leading with the fact, and
 * numbered citations quoting the bulletin verbatim. Shared by the bot, the REPL and the CLI.
 *
 * @example
 * const answerer = new Answerer(await loadIndex(config), { topK: 8, maxQuestionChars: 500 });
 * const a = await answerer.ask('海门有多少项目2月底全面复工?');
 * a.answer; // '31个（据初步统计,海门31个超10亿元续建重大项目2月底将全面复工）'
 */
export class Answerer implements IndexHolder {
  private snapshot: Snapshot;
  /** Counted so that operators can see how often the LLM's answers are rejected. */
  readonly stats: AnswerStats = { llm: 0, fallbacks: {} };

  constructor(
    index: LoadedIndex,
    readonly options: AnswererOptions,
  ) {
    this.snapshot = this.snapshotOf(index);
    // Load jieba's dictionary now rather than on the first question.
    segmenter();
  }

  private snapshotOf(index: LoadedIndex): Snapshot {
    return new Snapshot(index, { vectors: this.options.retrieval !== 'keyword' });
  }

  /** Swaps in a freshly loaded index (hot reload) in one step; questions in flight finish on the old one. */
  replaceIndex(index: LoadedIndex): void {
    this.snapshot = this.snapshotOf(index);
  }

  /** The index being served (manifest, counts) for `/about` and health checks. */
  get loaded(): LoadedIndex {
    return this.snapshot.index;
  }

  /** The archive being served: its dated issues (oldest first) and the newest issue's date. */
  get archive(): { issues: IssueSummary[]; newest?: string } {
    const { issues, newest } = this.snapshot;
    return { issues, ...(newest ? { newest } : {}) };
  }

  /** Headlines of the newest issue, in corpus order; empty when no article is dated. */
  latestHeadlines(): ArticleHead[] {
    const { newest, index } = this.snapshot;
    const range = rangeOf(newest);
    return range ? index.docs.articleHeads(range).filter((h) => h.date === newest) : [];
  }

  /** The full text of one paragraph, for "show source" buttons; undefined when it is no longer indexed. */
  paragraph(articleId: string, n: number): { title: string; text: string; source: string } | undefined {
    const a = this.snapshot.index.docs.article(articleId);
    const text = this.snapshot.paragraphText(articleId, n);
    return a && text !== undefined ? { title: a.title, text, source: a.source } : undefined;
  }

  /** Validates and trims a question; throws {@link InputError} for an empty one. */
  prepare(raw: string): { text: string; truncated: boolean } {
    const text = cleanQuestion(raw ?? '');
    if (!text || !/[\p{L}\p{N}]/u.test(text)) {
      const message = /\p{L}/u.test(raw ?? '') ? MESSAGES[detectLang(raw)].emptyQuestion : BILINGUAL_EMPTY_QUESTION;
      throw new InputError('empty', message);
    }
    const truncated = text.length > this.options.maxQuestionChars;
    return { text: truncated ? text.slice(0, this.options.maxQuestionChars) : text, truncated };
  }

  /**
   * Retrieves and scores sentences for a question, all from one snapshot; shared by {@link ask} and
   * claim checks. `analysed` is the question's analysis when the caller has it already.
   */
  async evidence(text: string, snapshot = this.snapshot, analysed?: AnalyzedQuestion): Promise<Evidence> {
    const t = performance.now();
    const q = analysed ?? analyzeQuestion(text, snapshot.index.keyword, snapshot.index.lexicon, snapshot.newest);
    const analyze = performance.now() - t;
    const passes = searchPasses(q, { first: snapshot.issues[0]?.date, newest: snapshot.newest }, q.time.latest);
    // English reaches the text through a dictionary's looser words: it looks at more chunks.
    const k = q.lang === 'en' ? Math.ceil(this.options.topK * 1.5) : this.options.topK;
    const results: Retrieval[] = [];
    for (const p of passes) results.push(await snapshot.search.retrieve(p, k));
    const hits = mergeHits(results.map((r) => r.hits));
    const timings: RetrievalTimings = { keyword: 0, vector: 0, fuse: 0 };
    for (const r of results) {
      timings.keyword += r.timings.keyword;
      timings.vector += r.timings.vector;
      timings.fuse += r.timings.fuse;
    }
    const vectorError = results.find((r) => r.vectorError)?.vectorError;
    const t1 = performance.now();
    const sentences = scoreSentences(q, hits, snapshot.source);
    const score = performance.now() - t1;
    return { q, hits, sentences, timings: { analyze, ...timings, score }, ...(vectorError ? { vectorError } : {}) };
  }

  /**
   * The question's analysis and, when it lacks its subject, how it reads with the topic
   * (follow-up.ts): the rules' reading, or with a chat model its checked rewrite.
   */
  private async withTopic(
    text: string,
    topic: Topic,
    snapshot: Snapshot,
  ): Promise<{ q: AnalyzedQuestion; followUp?: FollowUp }> {
    const analyze = (t: string) => analyzeQuestion(t, snapshot.index.keyword, snapshot.index.lexicon, snapshot.newest);
    const q = analyze(text);
    const rules = followUpOf(q, topic);
    if (!rules) return { q };
    return {
      q,
      followUp: this.options.llm ? await rewriteFollowUp(this.options.llm, q, topic, rules, analyze) : rules,
    };
  }

  /**
   * Answers one question. Never invents: below the threshold the answer says the bulletin does not cover it.
   * With `topic`, a follow-up is answered as the standalone question it makes, preferring the topic's article.
   */
  async ask(raw: string, options: AskOptions = {}): Promise<TracedAnswer> {
    const t0 = performance.now();
    const snapshot = this.snapshot;
    const { text, truncated } = this.prepare(raw);
    const read = options.topic && (await this.withTopic(text, options.topic, snapshot));
    const followUp = read?.followUp;
    const asked = followUp?.standalone ?? text;
    // A question read as it stands keeps the analysis made to decide it.
    let evidence = await this.evidence(asked, snapshot, followUp ? undefined : read?.q);
    const articleId = followUp && options.topic?.articleId;
    let sentences = articleId ? preferArticle(evidence.sentences, articleId) : evidence.sentences;
    const t1 = performance.now();
    const threshold = this.options.foundThreshold ?? FOUND_THRESHOLD;
    let ex = extract(evidence.q, sentences, threshold);
    // 那个最美渔技员干这行多少年了: the role's holder is named, and the answer stands by the name.
    const byHolder = ex ? undefined : roleHolderQuestion(evidence.q, sentences);
    let naming: ScoredSentence | undefined;
    if (byHolder) {
      const second = await this.evidence(byHolder.text, snapshot);
      const found = extract(second.q, second.sentences, threshold);
      if (found) [evidence, sentences, ex, naming] = [second, second.sentences, found, byHolder.naming];
    }
    const { q, hits, timings, vectorError } = evidence;
    const chosen = ex && acrossIssues(q, sentences, ex, threshold[q.lang]);
    const tExtract = performance.now() - t1;
    const elapsed = performance.now() - t0;
    const trace: AnswerTrace = {
      analysis: q,
      retrieved: hits,
      sentences: sentences.slice(0, 8),
      timings: { ...timings, extract: tExtract, total: elapsed },
    };
    const base = {
      question: raw,
      lang: q.lang,
      elapsedMs: ms(elapsed),
      trace,
      truncated,
      source: 'extractive' as const,
    };
    const extractive = this.extractive(q, chosen, sentences, snapshot, naming);
    const lead = chosen && answerLead(q, chosen.main, snapshot.index.lexicon);
    const answer: TracedAnswer = {
      ...base,
      ...(vectorError ? { vectorError } : {}),
      ...extractive,
      ...(lead ? { lead } : {}),
      topic: topicAfter(q, extractive.citations, chosen && lead ? { span: chosen.main.span, lead } : undefined),
      ...(followUp ? { followUp } : {}),
    };
    if (!this.options.llm || !hits.length) return answer;
    const outcome = await llmAnswer(this.options.llm, asked, q.lang, sentences, hits, answer);
    const elapsedMs = ms(performance.now() - t0);
    if (outcome.kind === 'not-found') return { ...answer, elapsedMs };
    if (outcome.kind === 'fallback') {
      this.stats.fallbacks[outcome.reason] = (this.stats.fallbacks[outcome.reason] ?? 0) + 1;
      return {
        ...answer,
        elapsedMs,
        fallback: outcome.reason,
        ...(outcome.detail ? { fallbackDetail: outcome.detail } : {}),
      };
    }
    this.stats.llm++;
    const { related: _related, lead: _lead, ...rest } = answer;
    return {
      ...rest,
      elapsedMs,
      found: true,
      source: 'llm',
      answer: outcome.answer,
      citations: outcome.citations,
      topic: topicAfter(q, outcome.citations),
    };
  }

  private extractive(
    q: AnalyzedQuestion,
    chosen: IssueAnswers | undefined,
    sentences: ScoredSentence[],
    snapshot: Snapshot,
    naming?: ScoredSentence,
  ): Pick<Answer, 'found' | 'answer' | 'citations' | 'related' | 'confidence'> {
    const note = readAsNote(q, snapshot.newest);
    if (!chosen) {
      return {
        found: false,
        answer: this.notFound(q, snapshot) + note,
        citations: [],
        related: related(sentences),
        // A sentence missing a name or figure of the question is no evidence at all.
        confidence: Number((sentences.find((s) => s.complete)?.coverage ?? 0).toFixed(3)),
      };
    }
    const { main, earlier } = chosen;
    const lexicon = snapshot.index.lexicon;
    const text = earlier ? renderChange(q, main, earlier, lexicon) : renderAnswer(q, main, lexicon);
    return {
      found: true,
      answer: cut(text, MAX_ANSWER - note.length) + note,
      // The sentence that names the asked role's holder is cited after the answer's own.
      citations: [main.sentence, ...(earlier ? [earlier.sentence] : []), ...(naming ? [naming] : [])].map((s, i) =>
        citationOf(s, i + 1),
      ),
      confidence: Number(main.sentence.coverage.toFixed(3)),
    };
  }

  /** "Not in the bulletin", or, for a time no issue covers, that the archive has nothing for it. */
  private notFound(q: AnalyzedQuestion, snapshot: Snapshot): string {
    const say = MESSAGES[q.lang];
    const window = q.time.window;
    const first = snapshot.issues[0]?.date;
    if (!window || !first || snapshot.covers(window)) return say.notFound;
    const period = q.time.periods.map((p) => p.text).join(q.lang === 'zh' ? '、' : ', ');
    return say.dates.uncovered(period, say.dates.issue(first), say.dates.issue(snapshot.newest));
  }
}
