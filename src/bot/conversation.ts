/**
 * What the bot remembers of each chat, in the shared state store (memory, or Redis with REDIS_URL,
 * so that any replica continues a conversation): the recent topics, for follow-up questions, and
 * the recent answers, for their 👍/👎 buttons.
 */
import { randomBytes } from 'node:crypto';
import type { Topic } from '../answer/follow-up.js';
import type { Citation, Lang } from '../core/types.js';
import type { ChatContexts } from '../state/state-store.js';

/** How long a topic is taken up by a follow-up ("within a few minutes"). */
export const TOPIC_TTL_MS = 5 * 60_000;
/** How long an answer can be rated; the chat's memory expires this long after its last answer. */
export const ANSWER_TTL_MS = 24 * 3600_000;
/**
 * Topics and answers kept per chat: enough for a few reply chains in a busy group. With the cuts
 * below, a chat's memory is at most about 16,000 characters of JSON, typically 2,600 (the in-memory
 * store keeps up to 50,000 chats; replicas keep them in Redis).
 */
const MAX_TOPICS = 6;
const MAX_ANSWERS = 5;
const MAX_CITATIONS = 2;
/** Longest question and answer text kept for a rating (questions are cut at 500; a model's answer may be longer). */
const MAX_TEXT = 500;
const MAX_QUOTE = 300;

/** The message a follow-up is asked in: who asked, and what it replies to. */
export interface AskedIn {
  chatId: number;
  /** Private chats continue their last topic; groups only along a reply chain or for the same user. */
  group: boolean;
  userId: number;
  messageId: number;
  replyTo?: number;
}

/** An answer as it is kept for its 👍/👎 buttons: what a rating records about it. */
export interface AnswerRecord {
  id: string;
  question: string;
  answer: string;
  /** The answer's figure or name alone (extractive answers). */
  lead?: string;
  found: boolean;
  lang: Lang;
  citations: Array<Pick<Citation, 'n' | 'articleId' | 'paragraph' | 'title' | 'quote' | 'source' | 'date'>>;
  /** The index build that answered (its manifest's `builtAt`). */
  build: string;
  at: number;
}

interface TopicEntry {
  topic: Topic;
  userId: number;
  /** The question and the answer's messages: a reply to any of them continues this topic. */
  messageIds: number[];
  at: number;
}

interface ChatMemory {
  topics: TopicEntry[];
  answers: AnswerRecord[];
}

const cut = (text: string, max = MAX_TEXT) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Per-chat memory over {@link ChatContexts}: one JSON value per chat.
 *
 * @example
 * const topic = await conversations.topicFor(asked);
 * const a = await answerer.ask(text, { topic });
 * await conversations.remember(asked, sentIds, a.topic, record);
 */
export class Conversations {
  constructor(
    private readonly chats: ChatContexts,
    private readonly now: () => number = Date.now,
  ) {}

  private async memory(chatId: number): Promise<ChatMemory> {
    const m = await this.chats.get<Partial<ChatMemory>>(chatId);
    return { topics: Array.isArray(m?.topics) ? m.topics : [], answers: Array.isArray(m?.answers) ? m.answers : [] };
  }

  /**
   * The topic a question continues, if any: in a group, the topic of the message it replies to, else
   * the same user's latest; in a private chat, the latest. Only topics of the last few minutes.
   */
  async topicFor(asked: AskedIn): Promise<Topic | undefined> {
    const fresh = (await this.memory(asked.chatId)).topics.filter((t) => this.now() - t.at <= TOPIC_TTL_MS);
    const replyTo = asked.replyTo;
    const replied = replyTo === undefined ? undefined : fresh.find((t) => t.messageIds.includes(replyTo));
    if (replied) return replied.topic;
    const latest = fresh.filter((t) => !asked.group || t.userId === asked.userId).at(-1);
    return latest?.topic;
  }

  /**
   * Remembers an answer: its topic, reachable from the question and the answer's messages, and
   * (with `record`) what its rating buttons record.
   */
  async remember(asked: AskedIn, sentIds: number[], topic: Topic, record?: AnswerRecord): Promise<void> {
    const m = await this.memory(asked.chatId);
    const at = this.now();
    // The topic's question is only the model's context for the next rewrite: its start is enough.
    const kept = {
      ...topic,
      question: cut(topic.question, 300),
      ...(topic.title ? { title: cut(topic.title, 100) } : {}),
    };
    const entry: TopicEntry = { topic: kept, userId: asked.userId, messageIds: [asked.messageId, ...sentIds], at };
    const topics = [...m.topics.filter((t) => at - t.at <= TOPIC_TTL_MS), entry].slice(-MAX_TOPICS);
    const answers = record ? [...m.answers, record].slice(-MAX_ANSWERS) : m.answers;
    await this.chats.set(asked.chatId, { topics, answers }, ANSWER_TTL_MS);
  }

  /** Forgets the chat's topics (`/new`); its answers can still be rated. */
  async forgetTopics(chatId: number): Promise<void> {
    const m = await this.memory(chatId);
    if (!m.topics.length) return;
    if (m.answers.length) await this.chats.set(chatId, { topics: [], answers: m.answers }, ANSWER_TTL_MS);
    else await this.chats.clear(chatId);
  }

  /** A recent answer of the chat, by the id its buttons carry. */
  async answer(chatId: number, id: string): Promise<AnswerRecord | undefined> {
    return (await this.memory(chatId)).answers.find((a) => a.id === id);
  }
}

/** A new answer record with a short random id (it goes into 64-byte callback data). */
export function answerRecord(
  a: { question: string; answer: string; lead?: string; found: boolean; lang: Lang; citations: Citation[] },
  build: string,
  at = Date.now(),
): AnswerRecord {
  return {
    id: randomBytes(6).toString('base64url'),
    question: cut(a.question),
    answer: cut(a.answer),
    ...(a.lead ? { lead: cut(a.lead, 100) } : {}),
    found: a.found,
    lang: a.lang,
    citations: a.citations.slice(0, MAX_CITATIONS).map((c) => ({
      n: c.n,
      articleId: c.articleId,
      paragraph: c.paragraph,
      title: cut(c.title, 100),
      quote: cut(c.quote, MAX_QUOTE),
      source: c.source,
      ...(c.date ? { date: c.date } : {}),
    })),
    build,
    at,
  };
}
