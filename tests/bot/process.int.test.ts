import { spawn, spawnSync } from 'node:child_process';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/rag/index-store.js';
import { workspace } from '../helpers.js';
import { FakeBotApi } from './fake-bot-api.js';

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
    const t0 = Date.now();
    while (!/polling mode/.test(stderr)) {
      if (Date.now() - t0 > 60_000) throw new Error(`bot did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    api.push({ chat: { id: 31, type: 'private' }, from: { id: 31, is_bot: false, first_name: 'a', language_code: 'zh' }, text: '平海公路总投资多少?' });
    await api.waitSent(31, 1);
    const stopAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(stderr).toMatch(/"outcome":"ok","msg":"update"/);
    expect(stderr).toMatch(/shutting down/);
    expect(stderr).not.toContain(TOKEN.split(':')[1]);
  }, 90_000);

  it('refuses a truncated index with AUTO_INGEST=false, naming the fix; rebuilds it otherwise', () => {
    truncateSync(join(ws.config.indexDir, 'chunks.json'), 10);
    const refused = spawnSync('npx', ['tsx', 'scripts/ask.ts', '平海公路总投资多少?'], { env: env({ AUTO_INGEST: 'false', TELEGRAM_BOT_TOKEN: '' }), encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/corrupt: run `npm run ingest`/);
    const rebuilt = spawnSync('npx', ['tsx', 'scripts/ask.ts', '平海公路总投资多少?'], { env: env({ TELEGRAM_BOT_TOKEN: '' }), encoding: 'utf8' });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/5\.65亿元/);
  }, 90_000);

  it('with AUTO_INGEST=false, a missing index stops start-up with the fix, and the bot never starts half-ready', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: env({ AUTO_INGEST: 'false', INDEX_DIR: join(ws.dir, 'nowhere') }), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there is no index yet.*run `npm run ingest`/);
    expect(r.stderr).not.toMatch(/polling mode/);
  }, 60_000);

  it('fails fast on a bad setting, naming the variable', () => {
    const r = spawnSync('npx', ['tsx', 'src/main.ts'], { env: env({ BOT_MODE: 'webhook', WEBHOOK_URL: '' }), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BOT_MODE=webhook needs WEBHOOK_URL/);
  }, 60_000);
});
