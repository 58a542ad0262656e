/** For guard remove / sweep / orphan tests: commits, another clone of origin, Claude memory paths. */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { claudeProjectKey } from '@worktree-guard/core';
import { type Fixture, git, gitResult, guard, type RunResult, write } from './repo';

/** Writes the files and commits them; returns the new HEAD. */
export function commit(wt: string, files: Record<string, string>, message: string): string {
  for (const [rel, content] of Object.entries(files)) write(path.join(wt, rel), content);
  git(wt, 'add', '--', ...Object.keys(files));
  git(wt, 'commit', '-qm', message);
  return git(wt, 'rev-parse', 'HEAD').trim();
}

let clones = 0;

/** Does something in another clone of origin (as a colleague or a forge would), then pushes its main. */
export function onOrigin(fx: Fixture, work: (clone: string) => void): string {
  const clone = path.join(fx.root, `colleague-${++clones}`);
  git(fx.root, 'clone', '-q', fx.origin, clone);
  git(clone, 'config', 'user.name', 'Colleague');
  git(clone, 'config', 'user.email', 'colleague@example.com');
  work(clone);
  git(clone, 'push', '-q', 'origin', 'HEAD:main');
  return git(clone, 'rev-parse', 'HEAD').trim();
}

export const claudeDir = () => process.env.CLAUDE_CONFIG_DIR as string;

export const memoryOf = (wt: string) => path.join(claudeDir(), 'projects', claudeProjectKey(wt), 'memory');

/** Whether something (even a dangling link) is at a path. */
export function there(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Every entry under a directory: files by content, links by target, directories by name. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[rel] = 'dir';
        walk(p);
      } else out[rel] = `file:${readFileSync(p, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

export interface RemoveDoc {
  dryRun: boolean;
  fetch: { remote: string; fetched: boolean; skipped: string | null };
  target: string | null;
  worktrees: {
    path: string;
    branch: string | null;
    action: string;
    integration: {
      state: string;
      rule: string | null;
      tried: string[];
      unavailable: { rule: string }[];
    } | null;
    reasons: { id: string; force: string | null; forced: boolean; resolve: string | null; message: string }[];
    branchAction: { name: string; action: string; why: string | null } | null;
    leftovers: { kind: string; path: string; action: string }[];
    gitError: string | null;
  }[];
  moveTo: string | null;
  exitCode: number;
}

/** `guard remove --json …`: the exit code and the document (a usage error has none). */
export function removeJson(cwd: string, args: string[]): { r: RunResult; doc: RemoveDoc } {
  const r = guard(cwd, ['remove', '--json', ...args]);
  if (r.code === 2) throw new Error(r.stderr);
  return { r, doc: JSON.parse(r.stdout) };
}

/** The git version on PATH as [major, minor]. */
export function gitMinor(cwd: string): [number, number] {
  const m = /(\d+)\.(\d+)/.exec(git(cwd, 'version')) ?? [];
  return [Number(m[1]), Number(m[2])];
}

export const hasMergeTree = (cwd: string) => {
  const [major, minor] = gitMinor(cwd);
  return major > 2 || (major === 2 && minor >= 38);
};

export const FILES = { 'feature/a.txt': 'alpha\n', 'feature/b.txt': 'beta\n' };

/** Two commits on the worktree's branch: the feature. */
export function feature(wt: string): void {
  commit(wt, { 'feature/a.txt': FILES['feature/a.txt'] }, 'feature: a');
  commit(wt, { 'feature/b.txt': FILES['feature/b.txt'] }, 'feature: b');
}

export const unrelated = (clone: string) => commit(clone, { 'elsewhere.txt': 'someone else\n' }, 'unrelated');

export type Merge = (fx: Fixture, wt: string, branch: string) => void;

/** Ways a branch reaches origin/main, and the rule that should find it integrated (git >= 2.38 or not). */
export const merges: [string, Merge, (modern: boolean) => string][] = [
  [
    'a merge commit',
    (fx, wt, b) => {
      git(wt, 'push', '-q', '-u', 'origin', b);
      onOrigin(fx, (c) => {
        unrelated(c);
        git(c, 'merge', '-q', '--no-ff', '-m', `Merge ${b}`, `origin/${b}`);
      });
    },
    () => 'ancestor',
  ],
  [
    'a fast-forward',
    (fx, wt, b) => {
      git(wt, 'push', '-q', '-u', 'origin', b);
      onOrigin(fx, (c) => git(c, 'merge', '-q', '--ff-only', `origin/${b}`));
    },
    () => 'ancestor',
  ],
  [
    'a squash: one commit with the same content, made in another clone (the branch never pushed)',
    (fx) =>
      onOrigin(fx, (c) => {
        unrelated(c);
        commit(c, FILES, 'feature (#12)');
      }),
    (modern) => (modern ? 'merge-noop' : 'squash-patch-id'),
  ],
  [
    'a rebase-and-merge: each commit replayed on a moved main',
    (fx, wt, b) => {
      git(wt, 'push', '-q', '-u', 'origin', b);
      onOrigin(fx, (c) => {
        unrelated(c);
        git(c, 'checkout', '-q', '-b', 'replay', `origin/${b}`);
        git(c, 'rebase', '-q', 'main');
        git(c, 'checkout', '-q', 'main');
        git(c, 'merge', '-q', '--ff-only', 'replay');
      });
    },
    (modern) => (modern ? 'merge-noop' : 'patch-ids'),
  ],
];

/** The worktree, its branch (and its config section) and its memory link are gone. */
export function expectGone(fx: Fixture, wt: string, branch: string) {
  expect(there(wt)).toBe(false);
  expect(git(fx.primary, 'worktree', 'list', '--porcelain')).not.toContain(`worktree ${wt}\n`);
  expect(gitResult(fx.primary, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`).code).not.toBe(0);
  expect(
    gitResult(fx.primary, 'config', '--get-regexp', `^branch\\.${branch.replace('/', '\\/')}\\.`).stdout,
  ).toBe('');
  expect(there(memoryOf(wt))).toBe(false);
}
