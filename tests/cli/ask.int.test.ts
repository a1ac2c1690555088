import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());
const env = { ...process.env, CORPUS_DIR: ws.config.corpusDir, INDEX_DIR: ws.config.indexDir, TELEGRAM_BOT_TOKEN: '' };
const run = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });

describe('command-line interfaces (real processes)', () => {
  it('ingest builds once, then says there is nothing to do', () => {
    const first = run(['scripts/ingest.ts']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/10 articles, 53 chunks/);
    const again = run(['scripts/ingest.ts']);
    expect(again.stdout).toMatch(/up to date.*nothing to do/);
  });

  it('ask --jsonl answers one JSON object per line, in order', () => {
    const r = run(
      ['scripts/ask.ts', '--jsonl'],
      '海门有多少项目2月底全面复工?\n\nWhat is the weather forecast for Nantong tomorrow?\n',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ question: '海门有多少项目2月底全面复工?', lang: 'zh', found: true });
    expect(Object.keys(lines[0].citations[0]).sort()).toEqual([
      'article_id',
      'date',
      'n',
      'paragraph',
      'quote',
      'source',
      'title',
    ]);
    expect(typeof lines[0].elapsed_ms).toBe('number');
    expect(lines[1]).toMatchObject({ lang: 'en', found: false });
  });

  it('check --jsonl and readable ask work, and an empty question gets a clear message', () => {
    const c = run(['scripts/check.ts', '--jsonl'], '海门有30个重大项目2月底复工\n');
    expect(JSON.parse(c.stdout)).toMatchObject({ verdict: 'contradicted' });
    const a = run(['scripts/ask.ts', '--json', '   ?']);
    expect(JSON.parse(a.stdout)).toMatchObject({ found: false, error: true });
    const readable = run(['scripts/ask.ts', '平海公路总投资多少?']);
    expect(readable.stdout).toMatch(/5\.65亿元[\s\S]*来源:[\s\S]*平海公路快速化改造全面复工/);
  });

  it('says so when an over-long question was cut (regression: it was cut without notice)', () => {
    const long = run(['scripts/ask.ts', `平海公路总投资多少?${'？'.repeat(600)}`]);
    expect(long.stdout).toMatch(/^（问题超过 500 字，只按前 500 字回答。）\n5\.65亿元/);
    const short = run(['scripts/ask.ts', '平海公路总投资多少?']);
    expect(short.stdout).not.toMatch(/问题超过/);
  });

  it('the REPL works with piped stdin and shows the trace', () => {
    const r = run(['src/repl/main.ts'], '平海公路总投资多少?\n:trace\n:quit\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/5\.65亿元/);
    expect(r.stdout).toMatch(/fused .* kw .* vec/);
    expect(r.stdout).toMatch(/timings ms: analyze/);
  });
});
