/**
 * `npm run cluster -- --replicas N [--port 8080]`: the deployment's topology on this machine, from
 * the Debian binaries (`apt-get install -y redis-server haproxy`): redis-server, N `npm start`
 * replicas in webhook mode and haproxy in front, each on a loopback port and stopped by its pid.
 *
 * With TELEGRAM_BOT_TOKEN and WEBHOOK_URL set (a public https URL that reaches `--port`), the real
 * Bot API is used. Without them, the loopback Bot API delivers what you type through haproxy and
 * prints the answers with the replica that sent them; `:help` lists the commands (kill a replica,
 * stop Redis…) for seeing the failure modes by hand.
 */
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { runMain } from '../src/app/run-main.js';
import { loadConfig } from '../src/core/config.js';
import {
  balancerStates,
  freePort,
  readiness,
  type Started,
  startHaproxy,
  startRedis,
  startReplica,
} from '../testkit/cluster.js';
import { FakeBotApi } from '../testkit/fake-bot-api.js';

const HELP = `Type a question to send it as user 1 (":as 7 question" as user 7). Commands:
  :status        readiness of each replica and haproxy's view of them
  :kill N        SIGKILL replica N          :start N   start replica N again
  :redis down    SIGKILL redis-server       :redis up  start it again on its port
  :quit          stop everything (SIGTERM: the replicas drain)`;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`--${name} needs a whole number (default ${fallback}).`);
  return n;
}

runMain(async () => {
  const n = option('replicas', 2);
  const port = option('port', 8080);
  const config = loadConfig();
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const real = Boolean(config.telegram.token && config.telegram.webhookUrl);
  const api = real ? undefined : new FakeBotApi({ webhook: { timeoutMs: 10_000 } });
  const apiRoot = api ? await api.start() : config.telegram.apiRoot;
  const tokens = Array.from({ length: n }, (_, i) =>
    real ? (config.telegram.token as string) : `990099:ClusterReplica${i + 1}TokenABCDEFGHIJ`,
  );
  let redis = await startRedis();
  const statsPort = await freePort();
  const ports = await Promise.all(tokens.map(() => freePort()));
  const webhookUrl = real ? (config.telegram.webhookUrl as string) : `http://127.0.0.1:${port}/hook`;
  const path = new URL(webhookUrl).pathname;
  const haproxy = await startHaproxy({ port, path, replicas: ports, statsPort, checkMs: 1000 });
  const env = (i: number) => ({
    TELEGRAM_BOT_TOKEN: tokens[i] as string,
    TELEGRAM_API_ROOT: apiRoot,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: webhookUrl,
    WEBHOOK_SECRET: config.telegram.webhookSecret ?? 'cluster-secret-0123456789',
    PORT: String(ports[i]),
    REDIS_URL: redis.url,
  });
  const replicas: Started[] = tokens.map((_, i) => startReplica(env(i)));
  const stopAll = async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
    await haproxy.stop();
    await redis.stop();
    await api?.stop();
  };
  say(`redis-server ${redis.url} (pid ${redis.pid}); haproxy :${port} (pid ${haproxy.pid}), stats :${statsPort}/stats`);
  for (const [i, r] of replicas.entries()) say(`replica ${i + 1}: pid ${r.pid}, :${ports[i]} (/readyz, /metrics)`);
  say('waiting for the replicas to be ready (the first start builds the index, once)…');
  for (const r of replicas) {
    while ((await readiness(r.port)).status !== 200) {
      if (!r.running()) throw new Error(`a replica exited:\n${r.output()}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }
  if (!api) {
    say(`Ready: Telegram delivers ${webhookUrl} to haproxy on :${port}. Ctrl-C stops everything.`);
    await new Promise((r) => process.once('SIGINT', r));
    return stopAll();
  }

  say(`Ready. ${HELP}`);
  let seen = 0;
  const printer = setInterval(() => {
    for (const c of api.calls.slice(seen)) {
      if (c.method === 'sendMessage')
        say(`[replica ${tokens.indexOf(c.token) + 1} → ${c.body.chat_id}] ${c.body.text}`);
    }
    seen = api.calls.length;
  }, 50);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '? ' });
  rl.prompt();
  for await (const line of rl) {
    const [cmd = '', arg = ''] = line.trim().split(/\s+/);
    const i = Number(arg) - 1;
    if (cmd === ':quit') break;
    else if (cmd === ':help') say(HELP);
    else if (cmd === ':status') {
      for (const [k, r] of replicas.entries())
        say(`replica ${k + 1}: ${JSON.stringify((await readiness(r.port)).body)}`);
      say(`haproxy: ${JSON.stringify(await balancerStates(statsPort))}`);
    } else if (cmd === ':kill' && replicas[i]) await replicas[i]?.stop('SIGKILL');
    else if (cmd === ':start' && replicas[i] && !replicas[i]?.running()) replicas[i] = startReplica(env(i));
    else if (cmd === ':redis' && arg === 'down') await redis.stop('SIGKILL');
    else if (cmd === ':redis' && arg === 'up' && !redis.running()) redis = await startRedis(redis.port);
    else if (cmd.startsWith(':') && cmd !== ':as') say(`Not understood: ${line.trim()}\n${HELP}`);
    else if (line.trim()) {
      const asUser = cmd === ':as' ? Number(arg) : 1;
      const text = cmd === ':as' ? line.trim().split(/\s+/).slice(2).join(' ') : line.trim();
      api.push({ chat: { id: asUser, type: 'private' }, from: { id: asUser, is_bot: false, first_name: 'you' }, text });
    }
    rl.prompt();
  }
  clearInterval(printer);
  rl.close();
  await stopAll();
});
