/** Real git repositories in temp dirs, and the real `guard` binary, for integration and e2e tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../packages/cli/bin/guard.js');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp dir (removed after the test file); `name` may hold spaces and quotes. */
export function tempDir(name = 'guard test'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'wg-')));
  made.push(dir);
  const inner = path.join(dir, name);
  mkdirSync(inner, { recursive: true });
  return inner;
}

// Jest's process.env is a sandbox copy that child_process does not see: children get it explicitly,
// so that git (and the hooks it runs) use the isolated HOME, global config and Claude dir.
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
}

export function gitResult(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  return gitWith({}, cwd, ...args);
}

export function gitWith(
  env: NodeJS.ProcessEnv,
  cwd: string,
  ...args: string[]
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** PATH without any node_modules/.bin, so that no guard CLI is found on it. */
export const PATH_WITHOUT_GUARD = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((p) => !p.includes('node_modules'))
  .join(path.delimiter);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function guard(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function write(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export interface Fixture {
  root: string;
  origin: string;
  primary: string;
}

/**
 * A bare `origin` and a clone `primary` on `main` with one pushed commit, a local identity (in the shared
 * config, as most repositories have it), and optionally an ignored `.env` and `.venv/` in the primary.
 */
export function makeRepo(
  opts: { name?: string; env?: boolean; gitignore?: string; remote?: boolean; refFormat?: string } = {},
): Fixture {
  const root = tempDir(opts.name ?? 'work space');
  const origin = path.join(root, 'origin.git');
  const primary = path.join(root, 'app');
  // a ref format from the start (git refs migrate cannot move reflogs before 2.48)
  const format = opts.refFormat ? [`--ref-format=${opts.refFormat}`] : [];
  git(root, 'init', '-q', '--bare', '--initial-branch=main', ...format, origin);
  git(root, 'init', '-q', '--initial-branch=main', ...format, primary);
  git(primary, 'config', 'user.name', 'Ada Lovelace');
  git(primary, 'config', 'user.email', 'ada@example.com');
  write(path.join(primary, '.gitignore'), opts.gitignore ?? '.env\n.venv\n');
  write(path.join(primary, 'README.md'), '# app\n');
  git(primary, 'add', '.');
  git(primary, 'commit', '-q', '-m', 'initial');
  if (opts.remote !== false) {
    git(primary, 'remote', 'add', 'origin', origin);
    git(primary, 'push', '-q', '-u', 'origin', 'main');
  }
  if (opts.env !== false) {
    write(path.join(primary, '.env'), 'SECRET=primary\n');
    write(path.join(primary, '.venv', 'bin', 'python'), '#!/bin/sh\n');
  }
  return { root, origin, primary };
}

/**
 * A bare clone of the fixture's origin, as the primary of its own worktrees, with an identity in its
 * config. A bare clone keeps no remote-tracking branches; `tracking` adds the refspec that makes them.
 */
export function bareClone(fx: Fixture, name: string, opts: { tracking?: boolean } = {}): string {
  const bare = path.join(fx.root, name);
  git(fx.root, 'clone', '-q', '--bare', fx.origin, bare);
  git(bare, 'config', 'user.name', 'Bare User');
  git(bare, 'config', 'user.email', 'bare@example.com');
  if (opts.tracking) git(bare, 'config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
  return bare;
}

/** Pushes a commit to origin from another clone, so that the primary's local main is behind. */
export function advanceOrigin(fx: Fixture, message = 'upstream change'): string {
  const other = path.join(fx.root, `other-${Math.random().toString(36).slice(2)}`);
  git(fx.root, 'clone', '-q', fx.origin, other);
  git(other, 'config', 'user.name', 'Upstream');
  git(other, 'config', 'user.email', 'up@example.com');
  write(path.join(other, 'upstream.txt'), `${message}\n`);
  git(other, 'add', '.');
  git(other, 'commit', '-q', '-m', message);
  git(other, 'push', '-q', 'origin', 'HEAD:main');
  return git(other, 'rev-parse', 'HEAD').trim();
}

/** `git config --show-scope --get key` → [scope, value], or null. */
export function scopedConfig(cwd: string, key: string): [string, string] | null {
  const r = gitResult(cwd, 'config', '--show-scope', '--get', key);
  if (r.code !== 0) return null;
  const [scope, ...rest] = r.stdout.replace(/\n$/, '').split('\t');
  return [scope as string, rest.join('\t')];
}

/** A PATH with a `guard` on it (this checkout's CLI), for running fix commands as a person would paste them. */
export function pathWithGuard(): string {
  const bin = tempDir('bin');
  write(path.join(bin, 'guard'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(path.join(bin, 'guard'), 0o755);
  return [bin, process.env.PATH ?? ''].join(path.delimiter);
}

/** Runs a command line through sh, as a person pasting it would. */
export function sh(cwd: string, command: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A healthy repository: guard installed, a fresh fetch, and `guard new` worktrees beside the primary
 * (all bootstrapped, identities pinned, links and memory shared).
 */
export function healthyRepo(
  branches: string[] = ['feat/a', 'feat/b'],
  opts: Parameters<typeof makeRepo>[0] = {},
) {
  const fx = makeRepo(opts);
  const install = guard(fx.primary, ['install']);
  if (install.code !== 0) throw new Error(install.stderr || install.stdout);
  const worktrees: string[] = [];
  for (const branch of branches) {
    const r = guard(fx.primary, ['new', branch]);
    if (r.code !== 0) throw new Error(r.stderr || r.stdout);
    worktrees.push(path.join(fx.root, `app-${branch.replace(/\//g, '-')}`));
  }
  return { ...fx, worktrees };
}
