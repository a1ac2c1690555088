import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat request as the fake sees it: the system and user texts. */
export interface ChatRequest {
  system: string;
  user: string;
  /** The numbered passages parsed back out of the user message. */
  passages: Array<{ n: number; text: string }>;
  question: string;
}

/** How the fake answers: a reply text, or a fault. */
export type Behaviour =
  | { reply: (req: ChatRequest) => string }
  | { fault: 'hang' | 'status500' | 'reset' | 'status401' };

/** Deterministic toy embedding: Han-character bigrams and ASCII words hashed into 64 dimensions. */
export function toyEmbedding(text: string): number[] {
  const v = new Array(64).fill(0);
  const grams = [...(text.match(/\p{Script=Han}{2}/gu) ?? []), ...(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  for (const g of grams) {
    let h = 0;
    for (const ch of g) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
    v[h % 64] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

const read = async (req: IncomingMessage) => {
  let raw = '';
  for await (const c of req) raw += c;
  return raw ? JSON.parse(raw) : {};
};

function parseChat(messages: Array<{ role: string; content: string }>): ChatRequest {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  const passages = [...user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({
    n: Number(m[1]),
    text: m[2] ?? '',
  }));
  const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? '';
  return { system, user, passages, question };
}

/**
 * Loopback OpenAI-compatible (`/v1/chat/completions`, `/v1/embeddings`, base64 or float) and
 * Ollama (`/api/chat` as an NDJSON stream, `/api/embed`) server for tests. Records every
 * request with its headers; its behaviour can be changed between calls.
 */
export class FakeLlmServer {
  behaviour: Behaviour = { reply: () => '' };
  /** Delay before each chat reply, in milliseconds. */
  delayMs = 0;
  /** Fails the next N embedding calls with a 503 (to test retries). */
  embedFailures = 0;
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers']; body: any }> = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const body = await read(req);
      this.requests.push({ path: req.url ?? '', headers: req.headers, body });
      const json = (status: number, payload: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      const path = req.url ?? '';
      if (path.endsWith('/embeddings') || path === '/api/embed') {
        if (this.embedFailures > 0) {
          this.embedFailures--;
          return json(503, { error: { message: 'overloaded' } });
        }
        const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
        const vectors = inputs.map(toyEmbedding);
        if (path === '/api/embed') return json(200, { model: body.model, embeddings: vectors });
        const data = vectors.map((v, index) => ({
          object: 'embedding',
          index,
          embedding: body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v,
        }));
        return json(200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
      }
      const b = this.behaviour;
      if ('fault' in b) {
        if (b.fault === 'hang') return; // never answers
        if (b.fault === 'reset') return req.socket.destroy();
        if (b.fault === 'status401')
          return json(401, {
            error: {
              message: `Incorrect API key provided: ${String(req.headers.authorization).replace('Bearer ', '')}`,
            },
          });
        return json(500, { error: { message: 'internal error' } });
      }
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const content = b.reply(parseChat(body.messages ?? []));
      if (path.endsWith('/chat/completions')) {
        return json(200, {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      }
      if (path === '/api/chat') {
        // Ollama streams NDJSON: content in pieces, then a final `done` line.
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        const pieces = content.match(/[\s\S]{1,8}/g) ?? [''];
        for (const piece of pieces)
          res.write(
            `${JSON.stringify({ model: body.model, created_at: new Date().toISOString(), message: { role: 'assistant', content: piece }, done: false })}\n`,
          );
        return res.end(
          `${JSON.stringify({ model: body.model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' })}\n`,
        );
      }
      json(404, { error: 'not found' });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}
