/**
 * Publishing a finished build: the index folder is a relative symlink to the build, replaced by a
 * rename, which readers see atomically. Old builds are removed, but never the one being served
 * just before (a reader may still be loading it) nor one that another process is still writing.
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Manifest } from './manifest.js';

/** An unfinished build older than this is abandoned, whoever started it. */
const ABANDONED_AFTER_MS = 24 * 3600_000;

/** The folder that holds the builds of `indexDir`. */
export function buildsDirOf(indexDir: string): string {
  return `${indexDir}-builds`;
}

/** A new, unique build folder name that records who builds it, so that others can tell whether it is alive. */
export function newBuildDir(indexDir: string): string {
  return join(buildsDirOf(indexDir), `${Date.now()}-${hostname().replace(/[^\w.-]/g, '_')}-${process.pid}`);
}

/** True when the process is alive on this host (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True for a build that nobody will finish: its builder (on this host) is gone, or it is very old. */
function abandoned(dir: string): boolean {
  const m = /^\d+-(.+)-(\d+)$/.exec(basename(dir));
  if (m && m[1] === hostname().replace(/[^\w.-]/g, '_') && !processAlive(Number(m[2]))) return true;
  try {
    return Date.now() - statSync(dir).mtimeMs > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Points `indexDir` at a finished build (one holding its manifest) by renaming a relative symlink
 * over it. Keeps the new build, the previous one and any build still in progress; removes the rest.
 */
export function publish(indexDir: string, buildDir: string): void {
  const link = `${indexDir}.link-${process.pid}`;
  rmSync(link, { force: true });
  // Relative, so that a copied or moved project serves its own index.
  symlinkSync(relative(dirname(resolve(indexDir)), resolve(buildDir)), link, 'dir');
  let previous: string | undefined;
  if (isSymlink(indexDir)) previous = resolve(dirname(indexDir), readlinkSync(indexDir));
  else if (existsSync(indexDir)) renameSync(indexDir, `${indexDir}-legacy-${Date.now()}`);
  renameSync(link, indexDir);
  const buildsDir = dirname(resolve(buildDir));
  let names: string[] = [];
  try {
    names = readdirSync(buildsDir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = resolve(buildsDir, name);
    if (p === resolve(buildDir) || p === previous) continue;
    const finished = existsSync(join(p, 'manifest.json'));
    if (finished || abandoned(p)) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Finishes a build: writes its manifest last (a folder without one is never a valid index), then
 * publishes it. Every builder (full, incremental, merge) ends here.
 */
export function publishManifest(indexDir: string, buildDir: string, manifest: Manifest): Manifest {
  writeFileSync(join(buildDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  publish(indexDir, buildDir);
  return manifest;
}
