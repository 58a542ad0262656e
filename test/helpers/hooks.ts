/** Helpers for the hook tests: what a stash could lose, a hooks directory byte for byte, a copy of the CLI. */
import { cpSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { git, guard, makeRepo, tempDir, write } from './repo';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI_PACKAGE = path.join(ROOT, 'packages', 'cli');

/** Everything a stash could lose: tracked, staged and untracked changes, as bytes. */
export function workState(wt: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) files[path.relative(wt, p)] = `link:${readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else files[path.relative(wt, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(wt);
  return {
    ...files,
    '#status': git(wt, 'status', '--porcelain'),
    '#staged': git(wt, 'diff', '--cached'),
    '#unstaged': git(wt, 'diff'),
  };
}

/** Every file of a directory: mode and bytes. */
export function dirSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir))
    out[name] =
      `${statSync(path.join(dir, name)).mode.toString(8)}:${readFileSync(path.join(dir, name), 'base64')}`;
  return out;
}

export function dirtyUp(wt: string): void {
  write(path.join(wt, 'README.md'), '# changed, unstaged\n');
  write(path.join(wt, 'staged.txt'), 'staged\n');
  git(wt, 'add', 'staged.txt');
  write(path.join(wt, 'untracked.txt'), 'untracked\n');
}

/** A repository with guard installed by this checkout's CLI. */
export function installed(opts: Parameters<typeof makeRepo>[0] = {}) {
  const fx = makeRepo(opts);
  const r = guard(fx.primary, ['install']);
  if (r.code !== 0) throw new Error(r.stderr || r.stdout);
  return fx;
}

/**
 * A copy of the built CLI package in a temp dir (its dependencies resolved from this repository), to
 * install guard from and then break for real.
 */
export function cliCopy(): { dir: string; bin: string } {
  const dir = tempDir('cli copy');
  for (const part of ['bin', 'dist', 'hooks', 'package.json'])
    cpSync(path.join(CLI_PACKAGE, part), path.join(dir, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, bin: path.join(dir, 'bin', 'guard.js') };
}
