import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../src/answer/follow-up.js';
import { type AskedIn, answerRecord, Conversations, TOPIC_TTL_MS } from '../../../src/bot/conversation.js';
import { MemoryChatContexts } from '../../../src/state/memory-store.js';

const topic = (label: string): Topic => ({ names: [{ label, text: label }], question: `${label}?`, lang: 'zh' });
const asked = (over: Partial<AskedIn>): AskedIn => ({ chatId: 1, group: false, userId: 10, messageId: 100, ...over });

function conversations() {
  const clock = { now: 1_000_000 };
  return { clock, c: new Conversations(new MemoryChatContexts(), () => clock.now) };
}

describe('Conversations', () => {
  it('a private chat continues its latest topic for a few minutes, then not', async () => {
    const { clock, c } = conversations();
    await c.remember(asked({ messageId: 1 }), [2], topic('平海公路'));
    await c.remember(asked({ messageId: 3 }), [4], topic('通州'));
    expect((await c.topicFor(asked({ messageId: 5 })))?.names[0]?.label).toBe('通州');
    clock.now += TOPIC_TTL_MS + 1;
    expect(await c.topicFor(asked({ messageId: 5 }))).toBeUndefined();
  });

  it('a group continues along a reply chain (to the question or the answer) or for the same user only', async () => {
    const { c } = conversations();
    const inGroup = (over: Partial<AskedIn>) => asked({ chatId: -5, group: true, ...over });
    await c.remember(inGroup({ userId: 1, messageId: 10 }), [11, 12], topic('平海公路'));
    await c.remember(inGroup({ userId: 2, messageId: 20 }), [21], topic('通州'));
    expect(await c.topicFor(inGroup({ userId: 3, messageId: 30 }))).toBeUndefined();
    expect((await c.topicFor(inGroup({ userId: 3, messageId: 31, replyTo: 12 })))?.names[0]?.label).toBe('平海公路');
    expect((await c.topicFor(inGroup({ userId: 3, messageId: 32, replyTo: 10 })))?.names[0]?.label).toBe('平海公路');
    expect((await c.topicFor(inGroup({ userId: 1, messageId: 33 })))?.names[0]?.label).toBe('平海公路');
    expect((await c.topicFor(inGroup({ userId: 2, messageId: 34, replyTo: 999 })))?.names[0]?.label).toBe('通州');
  });

  it('/new forgets the topics but keeps the answers to rate; answers are found by id, a few per chat', async () => {
    const { c } = conversations();
    const a = { question: 'q', answer: 'a', found: true, lang: 'zh' as const, citations: [] };
    const records = Array.from({ length: 6 }, () => answerRecord(a, 'build-1'));
    for (const [i, r] of records.entries()) await c.remember(asked({ messageId: i }), [], topic('x'), r);
    await c.forgetTopics(1);
    expect(await c.topicFor(asked({}))).toBeUndefined();
    expect(await c.answer(1, records[5]?.id ?? '')).toMatchObject({ question: 'q', build: 'build-1' });
    expect(await c.answer(1, records[1]?.id ?? '')).toBeDefined();
    expect(await c.answer(1, records[0]?.id ?? '')).toBeUndefined();
    expect(await c.answer(2, records[5]?.id ?? '')).toBeUndefined();
  });

  it('a record keeps texts short and its id fits a button', () => {
    const citation = {
      n: 1,
      articleId: 'A',
      title: 'T',
      quote: '长'.repeat(5000),
      source: 's',
      paragraph: 2,
      date: '2020-02',
    };
    const r = answerRecord(
      { question: '问'.repeat(5000), answer: 'a', found: true, lang: 'zh', citations: [citation] },
      'b',
    );
    expect(r.question.length).toBeLessThanOrEqual(500);
    expect(r.citations[0]?.quote.length).toBeLessThanOrEqual(300);
    expect(r.citations[0]?.date).toBe('2020-02');
    expect(r.id).toMatch(/^[\w-]{8}$/);
  });
});
