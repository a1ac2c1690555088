/**
 * The replicas topology on loopback from real binaries: `redis-server` and `haproxy` (Debian packages)
 * and `npm start` processes, each on a free port and stopped by its pid. Used by the cluster test,
 * the cluster benchmark and `npm run cluster`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The path of a program on PATH (also /usr/sbin, where Debian puts haproxy), or undefined. */
export function which(program: string): string | undefined {
  const path = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
  const r = spawnSync('sh', ['-c', `command -v ${program}`], { env: { ...process.env, PATH: path }, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** A process this module started, with what it printed, stopped by its pid. */
export interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** True until the process exits. */
  running(): boolean;
  /** Sends `signal` (SIGTERM by default) to the pid and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

function track(child: ChildProcess, port: number): Started {
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | string>((r) => child.on('exit', (code, signal) => r(code ?? signal ?? -1)));
  const pid = child.pid ?? -1;
  return {
    child,
    pid,
    port,
    output: () => out,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
      return exited;
    },
  };
}

/** Resolves once a TCP connection to the port succeeds; fails after `ms`, or when `started` exits. */
export async function waitListening(port: number, ms = 10_000, started?: Started): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => {
        c.destroy();
        r(true);
      });
      c.on('error', () => r(false));
    });
    if (ok) return;
    if (started && !started.running()) throw new Error(`exited before listening:\n${started.output()}`);
    if (Date.now() - t0 > ms) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `redis-server` on loopback, without persistence, and waits until it accepts connections. */
export async function startRedis(port?: number): Promise<Started & { url: string }> {
  const p = port ?? (await freePort());
  const bin = which('redis-server');
  if (!bin) throw new Error('redis-server is not installed: apt-get install -y redis-server');
  const child = spawn(bin, ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = track(child, p);
  await waitListening(p, 10_000, started);
  return { ...started, url: `redis://127.0.0.1:${p}` };
}

/** What the load balancer in front of the replicas needs to know. */
export interface BalancerOptions {
  /** The port haproxy listens on. */
  port: number;
  /** The webhook path, the only one the load balancer passes on. */
  path: string;
  /** The replicas' ports. */
  replicas: number[];
  /** Health-check interval: a replica that is not ready is out of rotation within about this. */
  checkMs?: number;
  /** Where haproxy serves its stats page (`/stats`, `/stats;csv`), if anywhere. */
  statsPort?: number;
}

/**
 * An haproxy configuration for replicas on loopback, the same rules as deploy/haproxy.cfg: only POSTs
 * to the webhook path pass; `/readyz` decides who gets them; a connection that fails or closes
 * without a response is retried on another replica (safe: updates are de-duplicated).
 */
export function haproxyConfig(o: BalancerOptions): string {
  const check = o.checkMs ?? 500;
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 10s',
    '  retries 2',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response',
    'frontend webhook',
    `  bind 127.0.0.1:${o.port}`,
    '  option http-buffer-request',
    `  http-request deny deny_status 404 unless METH_POST { path ${o.path} }`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    `  default-server inter ${check}ms fastinter ${check}ms downinter ${check}ms fall 1 rise 1`,
    ...o.replicas.map((port, i) => `  server replica${i + 1} 127.0.0.1:${port} check`),
    ...(o.statsPort ? ['listen stats', `  bind 127.0.0.1:${o.statsPort}`, '  stats enable', '  stats uri /stats'] : []),
    '',
  ].join('\n');
}

/** Starts `haproxy` in the foreground with {@link haproxyConfig} and waits until it listens. */
export async function startHaproxy(o: BalancerOptions): Promise<Started> {
  const bin = which('haproxy');
  if (!bin) throw new Error('haproxy is not installed: apt-get install -y haproxy');
  const dir = mkdtempSync(join(tmpdir(), 'bqa-haproxy-'));
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig(o));
  const child = spawn(bin, ['-db', '-f', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const started = track(child, o.port);
  await waitListening(o.port, 10_000, started);
  return started;
}

/** Starts one `npm start` replica (the bot process, run as `npm start` runs it) with this environment. */
export function startReplica(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child, Number(env.PORT));
}

/** GETs a replica's `/readyz`: its status code and body (status 0 when nothing answers). */
export async function readiness(port: number): Promise<{ status: number; body: any }> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/readyz`);
    return { status: r.status, body: await r.json() };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** The state haproxy gives each replica (`UP`, `DOWN`…), by server name, from its stats page. */
export async function balancerStates(statsPort: number): Promise<Record<string, string>> {
  const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const states: Record<string, string> = {};
  for (const line of csv.split('\n')) {
    const [backend, server, ...cells] = line.split(',');
    if (backend === 'replicas' && server && server !== 'BACKEND') states[server] = cells[15] ?? '';
  }
  return states;
}
