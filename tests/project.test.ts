import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

describe('the project as cloned', () => {
  it('installs only packages whose engines accept this Node (regression: @langchain/openai 1.6 wanted Node 22)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
    };
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.optional && typeof p.engines === 'object' && !Array.isArray(p.engines))
      .filter(([, p]) => {
        const range = (p.engines as { node?: string }).node;
        return range !== undefined && !semver.satisfies(process.version, range, { includePrerelease: true });
      })
      .map(([name]) => name);
    expect(refused).toEqual([]);
  });

  it('speaks in its README only of what the project holds (regression: it pointed at ../shared)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).not.toMatch(/\.\.\/shared/);
  });
});
