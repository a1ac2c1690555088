/** The load balancer configurations are valid for the haproxy that runs them (the Debian binary). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyConfig, which } from '../../testkit/cluster.js';

const check = (file: string) => spawnSync(which('haproxy') ?? 'haproxy', ['-c', '-f', file], { encoding: 'utf8' });

describe('haproxy configurations', () => {
  it('deploy/haproxy.cfg is valid and passes only POSTs to the webhook path the compose file documents', () => {
    const r = check('deploy/haproxy.cfg');
    expect(r.stderr + r.stdout).toContain('Configuration file is valid');
    expect(r.status).toBe(0);
    const cfg = readFileSync('deploy/haproxy.cfg', 'utf8');
    const path = /unless METH_POST \{ path (\S+) \}/.exec(cfg)?.[1];
    expect(path).toBe('/telegram/hook');
    expect(readFileSync('deploy/docker-compose.yml', 'utf8')).toContain(`path ${path} as in haproxy.cfg`);
    expect(cfg).toMatch(/option httpchk GET \/readyz/);
  });

  it('the loopback configuration used by tests, the benchmark and npm run cluster is valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bqa-haproxy-check-'));
    try {
      const file = join(dir, 'haproxy.cfg');
      writeFileSync(file, haproxyConfig({ port: 18080, path: '/hook', replicas: [18081, 18082], statsPort: 18083 }));
      expect(check(file).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
