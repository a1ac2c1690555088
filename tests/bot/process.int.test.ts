import { spawn, spawnSync } from 'node:child_process';
import { truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/store/build.js';
import { readManifest } from '../../src/index/store/manifest.js';
import { FakeBotApi } from '../../testkit/fake-bot-api.js';
import { at, waitFor, workspace } from '../helpers.js';

/** A loopback port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const TOKEN = '111222:ProcessTokenABCDEFGHIJKLMNOP_qrs';
const api = new FakeBotApi();
const ws = workspace();
let apiRoot = '';

const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  CORPUS_DIR: ws.config.corpusDir,
  INDEX_DIR: ws.config.indexDir,
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  LOG_LEVEL: 'info',
  ...extra,
});

beforeAll(async () => {
  await buildIndex(ws.config);
  apiRoot = await api.start();
});
afterAll(async () => {
  await api.stop();
  ws.cleanup();
});

describe('npm start as a process', () => {
  it('runs the bot, answers, logs one line per update, and exits 0 within 10 s of SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: env() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await waitFor(() => /polling mode/.test(stderr), 60_000, 'polling mode');
    api.push({
      chat: { id: 31, type: 'private' },
      from: { id: 31, is_bot: false, first_name: 'a', language_code: 'zh' },
      text: '平海公路总投资多少?',
    });
    await api.waitSent(31, 1);
    const stopAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(stderr).toMatch(/"outcome":"ok","msg":"update"/);
    expect(stderr).toMatch(/shutting down/);
    expect(stderr).not.toContain(TOKEN.split(':')[1]);
  }, 90_000);

  it('keeps retrying an unreachable Bot API, one line per attempt and no stack, then starts when it answers (regression)', async () => {
    const port = await freePort();
    const root = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: env({ TELEGRAM_API_ROOT: root }),
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await waitFor(() => /retrying in 2 s/.test(stderr), 60_000, 'a second retry line');
    const lines = stderr.split('\n').filter((l) => l.includes('cannot reach the Bot API'));
    expect(lines[0]).toContain(`cannot reach the Bot API at ${root}: retrying in 1 s`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain(TOKEN.split(':')[1]);
    const late = new FakeBotApi();
    await late.start(port);
    try {
      await waitFor(() => /polling mode/.test(stderr), 30_000, 'polling mode');
      late.push({
        chat: { id: 32, type: 'private' },
        from: { id: 32, is_bot: false, first_name: 'b' },
        text: '平海公路总投资多少?',
      });
      expect(at(await late.waitSent(32, 1), 0).body.text).toMatch(/^5\.65亿元/);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await late.stop();
    }
  }, 90_000);

  it('in webhook mode, an unreachable Bot API stops start-up with one clear line', async () => {
    const root = `http://127.0.0.1:${await freePort()}`;
    const webhook = {
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://x.example.org/hook',
      WEBHOOK_SECRET: 'a-secret-of-16-chars',
      PORT: '0',
    };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: env({ TELEGRAM_API_ROOT: root, ...webhook }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`setWebhook failed: cannot reach the Bot API at ${root}`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses a truncated index with AUTO_INGEST=false, naming the fix; rebuilds it otherwise', () => {
    const segment = readManifest(ws.config.indexDir)?.segments[0] ?? '';
    truncateSync(join(ws.config.indexDir, 'segments', segment, 'docs.bin'), 10);
    const refused = spawnSync('npx', ['tsx', 'scripts/ask.ts', '平海公路总投资多少?'], {
      env: env({ AUTO_INGEST: 'false', TELEGRAM_BOT_TOKEN: '' }),
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/corrupt: run `npm run ingest`/);
    const rebuilt = spawnSync('npx', ['tsx', 'scripts/ask.ts', '平海公路总投资多少?'], {
      env: env({ TELEGRAM_BOT_TOKEN: '' }),
      encoding: 'utf8',
    });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/5\.65亿元/);
  }, 90_000);

  it('with AUTO_INGEST=false, a missing index stops start-up with the fix, and the bot never starts half-ready', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: env({ AUTO_INGEST: 'false', INDEX_DIR: join(ws.dir, 'nowhere') }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there is no index yet.*run `npm run ingest`/);
    expect(r.stderr).not.toMatch(/polling mode/);
  }, 60_000);

  it('fails fast on a bad setting, naming the variable', () => {
    const r = spawnSync('npx', ['tsx', 'src/main.ts'], {
      env: env({ BOT_MODE: 'webhook', WEBHOOK_URL: '' }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BOT_MODE=webhook needs WEBHOOK_URL/);
  }, 60_000);
});
